import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openHospitalDb } from '../../src/store/db';
import { clearStaff, listMetrics, loadSnapshot, saveSnapshot, CASES_PER_CHUNK } from '../../src/store/staffStore';
import { StoreError } from '../../src/store/errors';
import type { MetricPoint } from '../../src/schema/store';
import { dump, freshName, learnedBundle } from './fixtures';

const point = (consultations: number, top1: number): MetricPoint => ({
  runId: 'r1',
  consultations,
  diagnosisTop1: top1,
  diagnosisTop3: Math.min(1, top1 + 0.1),
  examination: 0.8,
  treatment: 0.7,
  byDepartment: { cardiology: { top1, top3: top1 } },
  caseBase: consultations / 2,
  experienceBase: 3,
  confusions: [],
  at: 1,
});

describe('the staff store', () => {
  it('saves a learned staff and reads back the same bundle', async () => {
    const db = await openHospitalDb({ name: freshName() });
    const bundle = learnedBundle(400, 11);
    await saveSnapshot(db, bundle, { mode: 'replace', now: 5, nextSeed: 7 });
    const back = await loadSnapshot(db);
    expect(back?.nextSeed).toBe(7);
    expect(back?.bundle.doctors).toEqual(bundle.doctors);
    expect(back?.bundle.consultations).toBe(400);
    expect(back?.bundle.nurse).toEqual(bundle.nurse);
    db.close();
  });

  it('appends only the new cases of a grown staff, in chunks per department', async () => {
    const db = await openHospitalDb({ name: freshName() });
    const early = learnedBundle(200, 12);
    await saveSnapshot(db, early, { mode: 'replace' });
    const chunksBefore = await db.count('cases');
    // The same doctors later on: the first 200 consultations' cases are a prefix of the 600's.
    const later = learnedBundle(600, 12);
    await saveSnapshot(db, later, { mode: 'append' });
    const grownDeps = later.doctors.filter((d, i) => d.cases.length > (early.doctors[i]?.cases.length ?? 0)).length;
    expect(await db.count('cases')).toBe(chunksBefore + grownDeps);
    expect((await loadSnapshot(db))?.bundle.doctors).toEqual(later.doctors);
    db.close();
  });

  it('appends an incremental snapshot that carries only the cases after the stored ones', async () => {
    const db = await openHospitalDb({ name: freshName() });
    const early = learnedBundle(200, 12);
    await saveSnapshot(db, early, { mode: 'replace' });
    const later = learnedBundle(600, 12);
    const had = new Map(early.doctors.map((d) => [d.department, d.cases.length]));
    const casesFrom = (dep: string): number => had.get(dep) ?? 0;
    const delta = { ...later, doctors: later.doctors.map((d) => ({ ...d, cases: d.cases.slice(casesFrom(d.department)) })) };
    await saveSnapshot(db, delta, { mode: 'append', casesFrom });
    expect((await loadSnapshot(db))?.bundle.doctors).toEqual(later.doctors);
    // A snapshot that claims to start beyond what is stored would leave a gap: refused, store intact.
    const before = await dump(db);
    await expect(saveSnapshot(db, delta, { mode: 'append', casesFrom: (dep) => casesFrom(dep) + 1_000 })).rejects.toThrow(
      /only \d+ are stored/,
    );
    expect(await dump(db)).toBe(before);
    db.close();
  });

  it('splits a large base into chunks of at most CASES_PER_CHUNK cases', async () => {
    const db = await openHospitalDb({ name: freshName() });
    const bundle = learnedBundle(200, 13);
    const doctor = bundle.doctors.find((d) => d.cases.length > 0);
    if (!doctor) throw new Error('no doctor learned a case');
    const one = doctor.cases[0] as (typeof doctor.cases)[number];
    doctor.cases = Array.from({ length: CASES_PER_CHUNK * 2 + 3 }, (_, i) => ({ ...one, consultation: i }));
    await saveSnapshot(db, bundle, { mode: 'replace' });
    const chunks = (await db.getAll('cases')).filter((c) => c.department === doctor.department);
    expect(chunks.map((c) => c.cases.length)).toEqual([CASES_PER_CHUNK, CASES_PER_CHUNK, 3]);
    expect((await loadSnapshot(db))?.bundle.doctors.find((d) => d.department === doctor.department)?.cases).toEqual(doctor.cases);
    db.close();
  });

  it('an aborted batch leaves the previous snapshot exactly as it was', async () => {
    const db = await openHospitalDb({ name: freshName() });
    await saveSnapshot(db, learnedBundle(200, 14), { mode: 'replace', metrics: [point(200, 0.5)] });
    const before = await dump(db);
    const broken = learnedBundle(600, 14);
    // The last doctor's record has no key: its put fails after every other write of the batch was issued.
    (broken.doctors[broken.doctors.length - 1] as { department: unknown }).department = undefined;
    await expect(saveSnapshot(db, broken, { mode: 'append', metrics: [point(600, 0.6)] })).rejects.toBeInstanceOf(StoreError);
    expect(await dump(db)).toBe(before);
    db.close();
  });

  it('refuses to append a staff smaller than the saved one, leaving the store intact', async () => {
    const db = await openHospitalDb({ name: freshName() });
    await saveSnapshot(db, learnedBundle(600, 15), { mode: 'replace' });
    const before = await dump(db);
    await expect(saveSnapshot(db, learnedBundle(200, 15), { mode: 'append' })).rejects.toThrow(/fewer cases than stored/);
    expect(await dump(db)).toBe(before);
    db.close();
  });

  it('keeps checkpoints in order and "start fresh" clears the staff but not the settings', async () => {
    const db = await openHospitalDb({ name: freshName() });
    await saveSnapshot(db, learnedBundle(200, 16), { mode: 'replace', metrics: [point(200, 0.5), point(100, 0.4)] });
    await db.put('settings', { key: 'lang', value: 'zh' });
    expect((await listMetrics(db)).map((m) => m.consultations)).toEqual([100, 200]);
    await clearStaff(db);
    expect(await loadSnapshot(db)).toBeUndefined();
    expect(await listMetrics(db)).toEqual([]);
    expect(await db.get('settings', 'lang')).toEqual({ key: 'lang', value: 'zh' });
    db.close();
  });

  it('names the store, the record and the field of a damaged record', async () => {
    const db = await openHospitalDb({ name: freshName() });
    await saveSnapshot(db, learnedBundle(200, 17), { mode: 'replace' });
    const doc = await db.get('doctors', 'cardiology');
    await db.put('doctors', { ...doc, correct: -3 } as never);
    await expect(loadSnapshot(db)).rejects.toThrow(/doctors\["cardiology"\] is damaged at correct/);
    db.close();
  });
});
