import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, openHospitalDb } from '../../src/store/db';
import { listMetrics, loadSnapshot } from '../../src/store/staffStore';
import { listTraining, putTraining } from '../../src/store/records';
import { restoreMeta, restoreTraining } from '../../src/store/restore';
import { freshName, learnedBundle } from './fixtures';

/** A staff as a version-1 page saved it: meta without the seed or the department order. */
async function writeVersion1(name: string): Promise<void> {
  const db = await openHospitalDb({ name, version: 1 });
  expect([...db.objectStoreNames].sort()).toEqual(['cases', 'doctors', 'meta', 'settings']);
  const bundle = learnedBundle(200, 21);
  const tx = db.transaction(['meta', 'doctors', 'cases', 'settings'], 'readwrite');
  await tx.objectStore('meta').put({ key: 'staff', consultations: bundle.consultations, nurse: bundle.nurse, savedAt: 1 } as never);
  for (const d of bundle.doctors) {
    const { cases, ...rest } = d;
    await tx.objectStore('doctors').put({ ...rest, caseCount: cases.length });
    if (cases.length > 0) await tx.objectStore('cases').put({ department: d.department, from: 0, cases });
  }
  await tx.objectStore('settings').put({ key: 'lang', value: 'zh' });
  await tx.done;
  db.close();
}

/** Checkpoints as a version-2 page wrote them: no run, no bases sizes, no confusions. */
async function writeVersion2Metrics(name: string): Promise<void> {
  const db = await openHospitalDb({ name, version: 2 });
  await db.add('metrics', { consultations: 0, diagnosisTop1: 0.5, diagnosisTop3: 0.7, examination: 0.6, treatment: 0.5 } as never);
  await db.add('metrics', { consultations: 200, diagnosisTop1: 0.6, diagnosisTop3: 0.8, examination: 0.7, treatment: 0.6 } as never);
  db.close();
}

describe('upgrading the database', () => {
  it('creates every store of the current version in a new database', async () => {
    const db = await openHospitalDb({ name: freshName() });
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['cases', 'doctors', 'meta', 'metrics', 'settings', 'training']);
    expect([...db.transaction('training').store.indexNames].sort()).toEqual(['bySessionLearner', 'learner', 'sessionId']);
    db.close();
  });

  it('from version 1 keeps the saved staff and settings and fills the defaults it lacked', async () => {
    const name = freshName();
    await writeVersion1(name);
    const db = await openHospitalDb({ name });
    const back = await loadSnapshot(db);
    const original = learnedBundle(200, 21);
    expect(back?.bundle.consultations).toBe(200);
    expect(back?.nextSeed).toBe(1);
    expect([...(back?.bundle.doctors ?? [])].sort((a, b) => a.department.localeCompare(b.department))).toEqual(
      [...original.doctors].sort((a, b) => a.department.localeCompare(b.department)),
    );
    expect(await db.get('settings', 'lang')).toEqual({ key: 'lang', value: 'zh' });
    expect(await listMetrics(db)).toEqual([]);
    db.close();
  });

  it('from version 2 labels the old checkpoints and fills their missing fields', async () => {
    const name = freshName();
    await writeVersion1(name);
    await writeVersion2Metrics(name);
    const db = await openHospitalDb({ name });
    const raw = await db.getAll('metrics');
    expect(raw.map((m) => m.runId)).toEqual(['legacy', 'legacy']);
    expect(await db.getAllFromIndex('metrics', 'runId', 'legacy')).toHaveLength(2);
    const metrics = await listMetrics(db);
    expect(metrics.map((m) => [m.consultations, m.diagnosisTop1, m.caseBase, m.confusions.length])).toEqual([
      [0, 0.5, 0, 0],
      [200, 0.6, 0, 0],
    ]);
    expect((await loadSnapshot(db))?.bundle.consultations).toBe(200);
    db.close();
  });

  it('stores training records by session once upgraded', async () => {
    const name = freshName();
    await writeVersion1(name);
    const db = await openHospitalDb({ name });
    await putTraining(db, [
      { id: 'a', sessionId: 's1', learner: 'Li', caseSeed: 3, caseIndex: 0, mode: 'training', score: 0.75, steps: {}, startedAt: 2 },
      { id: 'b', sessionId: 's2', learner: 'Li', caseSeed: 3, caseIndex: 1, mode: 'training', score: 0.5, steps: {}, startedAt: 1 },
    ]);
    expect((await listTraining(db, 's1')).map((r) => r.id)).toEqual(['a']);
    expect((await listTraining(db)).map((r) => r.id)).toEqual(['b', 'a']);
    db.close();
  });

  it('restore fills defaults for older records and names a broken one', () => {
    expect(restoreMeta({ key: 'staff', consultations: 3, nurse: { learned: [] }, savedAt: 0 })).toMatchObject({
      nextSeed: 1,
      departments: [],
    });
    expect(restoreTraining({ id: 'x', sessionId: 's', learner: 'Li', caseSeed: 1, score: 1 })).toMatchObject({
      mode: 'training',
      caseIndex: 0,
      steps: {},
      startedAt: 0,
    });
    expect(() => restoreTraining({ id: 'x', sessionId: 's', learner: 'Li', caseSeed: 1, score: 2 })).toThrow(
      /training\["x"\] is damaged at score/,
    );
  });
});
