import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { defaultContext } from '../../src/cli/context';
import { loadBundle, parseBundle } from '../../src/run/bundle';
import { simulate } from '../../src/run/simulate';
import { ClinicalStaff } from '../../src/run/staff';
import { openHospitalDb } from '../../src/store/db';
import { listMetrics, loadSnapshot } from '../../src/store/staffStore';
import { parseMessage, StartReplay, type FromWorker } from '../../src/worker/protocol';
import { runReplay, type ReplayDeps } from '../../src/worker/replay';

const ctx = defaultContext();
let n = 0;

async function replay(consultations: number, options: { cancelAfter?: number; name?: string; batchSize?: number } = {}) {
  const name = options.name ?? `replay-test-${++n}`;
  const db = await openHospitalDb({ name });
  const messages: FromWorker[] = [];
  let progressed = 0;
  let tick = 0;
  const deps: ReplayDeps = {
    ...ctx,
    db,
    // A clock that advances 1 ms per reading: slices end after a bounded number of consultations.
    clock: () => tick++,
    post: (m) => {
      messages.push(m);
      if (m.type === 'progress') progressed = m.done;
    },
    yieldNow: () => Promise.resolve(),
    cancelled: () => options.cancelAfter !== undefined && progressed >= options.cancelAfter,
    runId: `run-${n}`,
  };
  const request = parseMessage(
    StartReplay,
    { type: 'start', consultations, checkpoints: 2, examPerDisease: 0, batchSize: options.batchSize ?? 100 },
    'test',
  );
  const finished = await runReplay(request, deps);
  return { db, name, messages, finished };
}

describe('the fast-forward replay', () => {
  it('learns as simulate does and stores the staff batch by batch', async () => {
    const { db, messages, finished } = await replay(300);
    expect(finished).toMatchObject({ cancelled: false, done: 300, consultations: 300 });
    expect(messages.filter((m) => m.type === 'saved').map((m) => (m as { consultations: number }).consultations)).toEqual([100, 200, 300]);
    // Same seed and same patients as simulate: the stored doctors are the ones simulate trains.
    const run = simulate(ctx.generator, ctx.reader, { consultations: 300, seed: 1, examPerDisease: 0, checkpoints: 0, clock: () => 0 });
    const reference = run.staff;
    // The same consultations, one by one: the event-log fingerprints agree.
    expect(finished.eventLogHash).toBe(run.summary.eventLogHash);
    const stored = await loadSnapshot(db);
    const staff = new ClinicalStaff(ctx.kb, ctx.reader);
    loadBundle(staff, parseBundle(ctx.kb, stored?.bundle));
    expect(staff.caseBaseSize).toBe(reference.caseBaseSize);
    expect(staff.experienceBaseSize).toBe(reference.experienceBaseSize);
    expect(stored?.nextSeed).toBe(2);
    db.close();
  });

  it('a cancelled replay keeps and stores what was learned so far; the next one continues from it', async () => {
    const first = await replay(5_000, { cancelAfter: 150, batchSize: 1_000 });
    expect(first.finished.cancelled).toBe(true);
    expect(first.finished.done).toBeGreaterThanOrEqual(150);
    expect(first.finished.done).toBeLessThan(5_000);
    const stored = await loadSnapshot(first.db);
    expect(stored?.bundle.consultations).toBe(first.finished.done);
    first.db.close();
    const second = await replay(100, { name: first.name });
    expect(second.finished.consultations).toBe(first.finished.done + 100);
    expect(second.messages[0]).toMatchObject({ type: 'started', startAt: first.finished.done, seed: 2 });
    second.db.close();
  });

  it('records exam checkpoints with per-department scores and the confusion table', async () => {
    const db = await openHospitalDb({ name: `replay-exam-${++n}` });
    let tick = 0;
    const request = parseMessage(StartReplay, { type: 'start', consultations: 200, checkpoints: 1, examPerDisease: 1 }, 'test');
    await runReplay(request, {
      ...ctx,
      db,
      clock: () => tick++,
      post: () => undefined,
      yieldNow: () => Promise.resolve(),
      cancelled: () => false,
      runId: 'exam',
    });
    const metrics = await listMetrics(db);
    expect(metrics.map((m) => m.consultations)).toEqual([0, 100, 200]);
    const last = metrics[metrics.length - 1];
    expect(Object.keys(last?.byDepartment ?? {})).toHaveLength(ctx.kb.departments.length);
    expect(last?.caseBase).toBeGreaterThan(0);
    // Every missed exam patient is in the table once: misses = (1 - top1) × exam size.
    const misses = (last?.confusions ?? []).reduce((s, c) => s + c[3], 0);
    expect(misses).toBe(Math.round((1 - (last?.diagnosisTop1 ?? 0)) * ctx.kb.diseases.length));
    db.close();
  });
});
