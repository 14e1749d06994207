import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { defaultContext } from '../../src/cli/context';
import { ProgressStore } from '../../src/modes/progressStore';
import { csvCell, toCsv, toHtml } from '../../src/modes/report';
import { caseRow as row } from '../support/caseRow';
import { sessionKey, toTrainingRecord } from '../../src/modes/hospitalRecord';
import { TrainingRecord } from '../../src/schema/store';
import { openHospitalDb } from '../../src/store/db';
import { listTraining, putTraining } from '../../src/store/records';

const ctx = defaultContext();

describe('session report', () => {
  it('writes CSV that a spreadsheet reads back and cannot run as formulas', () => {
    const csv = toCsv([row(0), row(1, { learner: 'Zhang, "Sam"\nthe second' }), row(2, { learner: '=HYPERLINK("x")' })]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toMatch(/^session,learner,caseIndex/);
    expect(csv).toContain('"Zhang, ""Sam""\nthe second"');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell('@cmd')).toBe("'@cmd");
  });

  it('builds a printable HTML page with every value escaped', () => {
    const html = toHtml(ctx.kb, [row(0, { learner: '<script>alert(1)</script>' }), row(1)], 'zh');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('流行性感冒');
    expect(html).toContain('J10.1');
    expect(html).toContain('平均分: 85');
    expect(toHtml(ctx.kb, [row(0)], 'en')).toContain('Mean score: 90');
  });
});

describe('learner progress store', () => {
  it('keeps results per session and learner, replaces a redone case and refuses a bad one', async () => {
    const store = await ProgressStore.open({ name: 'modes-test-progress' });
    const times = { seed: 7, steps: {}, startedAt: 0, finishedAt: Date.parse('2026-01-01T10:00:00.000Z') };
    await store.save(row(0), times);
    await store.save(row(1), times);
    await store.save(row(0, { score: 100 }), times);
    await store.save(row(0, { learner: 'someone else' }), times);
    await expect(store.save(row(2, { score: 250 }), times)).rejects.toThrow(/score: /);
    const { rows, damaged } = await store.results('abc', 'Li Wei');
    expect(rows.map((r) => [r.caseIndex, r.score])).toEqual([
      [0, 100],
      [1, 80],
    ]);
    // What the learner did comes back as it was saved.
    expect(rows[1]).toEqual(row(1));
    expect(damaged).toBe(0);
    store.close();
    const again = await ProgressStore.open({ name: 'modes-test-progress' });
    expect((await again.results('abc', 'Li Wei')).rows).toHaveLength(2);
    again.close();
  });
});

describe('the summary in the hospital’s own store', () => {
  it('maps a finished case to a valid training record that the store keeps and lists by session', async () => {
    const rec = toTrainingRecord(row(1, { learner: '' }), {
      seed: 2024,
      steps: { diagnosis: 0.4, questions: 1.2 },
      startedAt: 1000,
      finishedAt: 61_000,
    });
    expect(TrainingRecord.parse(rec)).toEqual(rec);
    expect(rec).toMatchObject({
      sessionId: sessionKey('abc'),
      learner: 'anonymous',
      caseIndex: 1,
      score: 0.8,
      diagnosis: 'covid-19',
      truth: 'influenza',
      steps: { diagnosis: 0.4, questions: 1 },
    });
    expect(sessionKey('abc')).toMatch(/^session-[0-9a-f]{8}$/);
    expect(sessionKey('abc')).not.toBe(sessionKey('abd'));
    const db = await openHospitalDb({ name: 'modes-test-hospital' });
    await putTraining(db, [rec, toTrainingRecord(row(2), { seed: 2024, steps: {}, startedAt: 2000, finishedAt: 62_000 })]);
    const listed = await listTraining(db, sessionKey('abc'));
    expect(listed.map((r) => r.caseIndex)).toEqual([1, 2]);
    db.close();
  });
});
