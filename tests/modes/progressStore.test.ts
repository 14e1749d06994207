import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { sessionKey } from '../../src/modes/hospitalRecord';
import { ProgressStore } from '../../src/modes/progressStore';
import type { CaseResult } from '../../src/modes/report';
import { caseRow } from '../support/caseRow';
import { DB_VERSION, openHospitalDb } from '../../src/store/db';
import { listTraining } from '../../src/store/records';

let n = 0;
const names = () => ({ name: `progress-hospital-${++n}`, legacyName: `progress-legacy-${n}` });

/** The shared fixture, in session "class-code". */
const result = (i: number, extra: Partial<CaseResult> = {}): CaseResult => caseRow(i, { session: 'class-code', ...extra });

/** The separate progress database an older page kept: its own schema, scores 0–100. */
async function writeLegacy(name: string, rows: unknown[]): Promise<void> {
  const db = await openDB(name, 1, {
    upgrade(database) {
      const results = database.createObjectStore('results', { keyPath: ['session', 'learner', 'caseIndex'] });
      results.createIndex('bySession', ['session', 'learner']);
    },
  });
  for (const r of rows) await db.put('results', r);
  db.close();
}

describe('learner progress: one store, one scale', () => {
  it('moves what the old progress database held into the hospital’s store, on the 0–1 scale, and deletes it', async () => {
    const { name, legacyName } = names();
    await writeLegacy(legacyName, [result(0), result(1, { role: 'triage', answer: 'cardiology', truth: 'emergency', correct: false })]);
    const store = await ProgressStore.open({ name, legacyName });
    // In the hospital's store, on the new scale.
    const db = await openHospitalDb({ name });
    expect(db.version).toBe(DB_VERSION);
    const stored = await listTraining(db, sessionKey('class-code'));
    expect(stored.map((r) => [r.caseIndex, r.score, r.mode])).toEqual([
      [0, 0.9, 'training'],
      [1, 0.8, 'triage-training'],
    ]);
    expect(stored[0]?.detail).toMatchObject({ patientId: 'p-0', costCny: 180, doctorAnswer: 'influenza' });
    db.close();
    // Read back as the training view reads it: what the learner did, on the debrief's scale.
    const { rows, damaged } = await store.results('class-code', 'Li Wei');
    expect(rows).toEqual([result(0), result(1, { role: 'triage', answer: 'cardiology', truth: 'emergency', correct: false })]);
    expect(damaged).toBe(0);
    store.close();
    // The old database is gone; opening again moves nothing twice.
    expect((await indexedDB.databases()).some((d) => d.name === legacyName)).toBe(false);
    const again = await ProgressStore.open({ name, legacyName });
    expect((await again.results('class-code', 'Li Wei')).rows).toHaveLength(2);
    again.close();
  });

  it('keeps the old database when one of its records is damaged, and moves the rest', async () => {
    const { name, legacyName } = names();
    await writeLegacy(legacyName, [result(0), { ...result(1), score: 'lots' }]);
    const store = await ProgressStore.open({ name, legacyName });
    expect((await store.results('class-code', 'Li Wei')).rows.map((r) => r.caseIndex)).toEqual([0]);
    store.close();
    expect((await indexedDB.databases()).some((d) => d.name === legacyName)).toBe(true);
  });

  it('reads a summary record an older page wrote without its detail, filling what it lacked', async () => {
    const { name, legacyName } = names();
    const db = await openHospitalDb({ name, version: 3 });
    await db.put('training', {
      id: `${sessionKey('class-code')}:Li Wei:0`,
      sessionId: sessionKey('class-code'),
      learner: 'Li Wei',
      caseSeed: 3,
      caseIndex: 0,
      mode: 'training',
      score: 0.5,
      steps: {},
      diagnosis: 'influenza',
      truth: 'influenza',
      startedAt: 1000,
      finishedAt: 61_000,
    });
    db.close();
    const store = await ProgressStore.open({ name, legacyName });
    const { rows } = await store.results('class-code', 'Li Wei');
    expect(rows).toEqual([
      expect.objectContaining({
        caseIndex: 0,
        score: 50,
        correct: true,
        answer: 'influenza',
        questions: 0,
        finishedAt: new Date(61_000).toISOString(),
      }),
    ]);
    store.close();
  });

  it('saves a case as one record of the hospital’s store, and refuses a score off the scale', async () => {
    const { name, legacyName } = names();
    const store = await ProgressStore.open({ name, legacyName });
    const times = { seed: 9, steps: { diagnosis: 1 }, startedAt: 5, finishedAt: Date.parse('2026-01-01T10:00:00.000Z') };
    await store.save(result(0, { learner: '' }), times);
    await expect(store.save(result(1, { score: 130 }), times)).rejects.toThrow(/score/);
    store.close();
    const db = await openHospitalDb({ name });
    expect((await listTraining(db)).map((r) => [r.learner, r.score, r.caseSeed])).toEqual([['anonymous', 0.9, 9]]);
    db.close();
  });
});
