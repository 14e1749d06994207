import { BUNDLE_FORMAT, BUNDLE_VERSION, type Bundle, type BundleDoctor } from '../schema/bundle';
import type { CaseChunk, MetricPoint, StoredDoctor } from '../schema/store';
import type { HospitalDb } from './db';
import { explainWriteError } from './errors';
import { restoreCaseChunk, restoreDoctor, restoreMeta, restoreMetric } from './restore';

/** Cases per chunk when a whole base is written at once (import): keeps single records small. */
export const CASES_PER_CHUNK = 5_000;

export interface SnapshotOptions {
  /**
   * `append`: the staff grew from the saved state (a replay), so only new cases are written.
   * `replace`: the staff was replaced (import, start fresh): everything is rewritten.
   */
  mode: 'append' | 'replace';
  metrics?: readonly MetricPoint[];
  /** Replace mode only: drop the stored checkpoints before writing `metrics`. */
  clearMetrics?: boolean;
  nextSeed?: number;
  /**
   * Append mode: each doctor's `cases` begin at this index of its case base (an incremental
   * snapshot, see exportBundle's `casesFrom`); 0 when absent.
   */
  casesFrom?: (department: string) => number;
  /** Wall clock, injected so tests are reproducible. */
  now?: number;
}

function storedDoctor(d: BundleDoctor, offset: number): StoredDoctor {
  const { cases, ...rest } = d;
  return { ...rest, caseCount: offset + cases.length };
}

/**
 * Writes the staff and new checkpoints as one transaction: either all of it is stored or none
 * (a closed tab or a full disk leaves the previous snapshot whole).
 */
export async function saveSnapshot(db: HospitalDb, bundle: Bundle, options: SnapshotOptions): Promise<void> {
  const tx = db.transaction(['meta', 'doctors', 'cases', 'metrics'], 'readwrite');
  const work = (async () => {
    try {
      await writeSnapshot();
    } catch (err) {
      // A refused record must not leave half a snapshot behind: abort the whole batch.
      try {
        tx.abort();
      } catch {
        // the failed request already aborted it
      }
      throw err;
    }
  })();
  async function writeSnapshot(): Promise<void> {
    const meta = tx.objectStore('meta');
    const doctors = tx.objectStore('doctors');
    const cases = tx.objectStore('cases');
    const metrics = tx.objectStore('metrics');
    const before = await meta.get('staff');
    if (options.mode === 'replace') {
      await doctors.clear();
      await cases.clear();
      if (options.clearMetrics) await metrics.clear();
    }
    for (const doctor of bundle.doctors) {
      const saved = options.mode === 'append' ? await doctors.get(doctor.department) : undefined;
      const offset = options.mode === 'append' ? (options.casesFrom?.(doctor.department) ?? 0) : 0;
      const total = offset + doctor.cases.length;
      let from = saved?.caseCount ?? 0;
      if (from > total) throw new Error(`doctor "${doctor.department}" has fewer cases than stored: save it with mode "replace"`);
      if (from < offset)
        throw new Error(`doctor "${doctor.department}": the snapshot starts at case ${offset} but only ${from} are stored`);
      while (from < total) {
        const slice = doctor.cases.slice(from - offset, from - offset + CASES_PER_CHUNK);
        await cases.put({ department: doctor.department, from, cases: slice });
        from += slice.length;
      }
      await doctors.put(storedDoctor(doctor, offset));
    }
    await meta.put({
      key: 'staff',
      consultations: bundle.consultations,
      nurse: bundle.nurse,
      savedAt: options.now ?? 0,
      nextSeed: options.nextSeed ?? before?.nextSeed ?? 1,
      departments: bundle.doctors.map((d) => d.department),
    });
    for (const point of options.metrics ?? []) {
      const { id: _id, ...rest } = point;
      await metrics.add(rest as MetricPoint);
    }
  }
  try {
    await Promise.all([work, tx.done]);
  } catch (err) {
    throw explainWriteError(err, 'the doctors\u2019 bases');
  }
}

export interface StoredStaff {
  bundle: Bundle;
  nextSeed: number;
  savedAt: number;
}

/**
 * Reads the saved staff back as a bundle (cases reassembled from their chunks), or undefined when
 * none is saved. One read transaction, so the parts agree; the case chunks are walked with a
 * cursor, one record per task, so restoring a large base never blocks the page for long.
 */
export async function loadSnapshot(db: HospitalDb): Promise<StoredStaff | undefined> {
  const tx = db.transaction(['meta', 'doctors', 'cases', 'metrics'], 'readonly');
  const rawMeta = await tx.objectStore('meta').get('staff');
  const stored: StoredDoctor[] = [];
  for (let cursor = await tx.objectStore('doctors').openCursor(); cursor; cursor = await cursor.continue())
    stored.push(restoreDoctor(cursor.value));
  const chunks: CaseChunk[] = [];
  for (let cursor = await tx.objectStore('cases').openCursor(); cursor; cursor = await cursor.continue())
    chunks.push(restoreCaseChunk(cursor.value));
  const rawMetrics = await tx.objectStore('metrics').getAll();
  await tx.done;
  if (!rawMeta) return undefined;
  const meta = restoreMeta(rawMeta);
  const doctors: BundleDoctor[] = stored.map((d) => {
    const mine = chunks.filter((c) => c.department === d.department).sort((a, b) => a.from - b.from);
    const cases: BundleDoctor['cases'] = [];
    for (const chunk of mine) {
      if (chunk.from !== cases.length) break; // a gap: what follows was never part of a saved state
      cases.push(...chunk.cases);
    }
    const { caseCount, ...rest } = d;
    return { ...rest, cases: cases.slice(0, caseCount) };
  });
  const order = new Map(meta.departments.map((d, i) => [d, i]));
  doctors.sort((a, b) => (order.get(a.department) ?? order.size) - (order.get(b.department) ?? order.size));
  const curve = rawMetrics
    .map(restoreMetric)
    .sort((a, b) => a.consultations - b.consultations)
    .map(curvePoint);
  return {
    bundle: { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, consultations: meta.consultations, nurse: meta.nurse, doctors, curve },
    nextSeed: meta.nextSeed,
    savedAt: meta.savedAt,
  };
}

/** A checkpoint as a bundle curve point: numbers only, per-department scores as `top1.<department>`. */
export function curvePoint(p: MetricPoint): Record<string, number> {
  const out: Record<string, number> = {
    consultations: p.consultations,
    diagnosisTop1: p.diagnosisTop1,
    diagnosisTop3: p.diagnosisTop3,
    examination: p.examination,
    treatment: p.treatment,
    caseBase: p.caseBase,
    experienceBase: p.experienceBase,
  };
  for (const [dep, s] of Object.entries(p.byDepartment)) {
    out[`top1.${dep}`] = s.top1;
    out[`top3.${dep}`] = s.top3;
  }
  return out;
}

/** The inverse of curvePoint for imported curves; points missing the four scores are skipped. */
export function metricFromCurve(point: Record<string, number>, runId: string): MetricPoint | undefined {
  const n = (k: string): number | undefined => (typeof point[k] === 'number' && Number.isFinite(point[k]) ? point[k] : undefined);
  const consultations = n('consultations');
  const top1 = n('diagnosisTop1');
  const top3 = n('diagnosisTop3');
  if (consultations === undefined || top1 === undefined || top3 === undefined) return undefined;
  const byDepartment: MetricPoint['byDepartment'] = {};
  for (const key of Object.keys(point)) {
    const m = /^top1\.([a-z0-9-]+)$/.exec(key);
    const dep = m?.[1];
    const t1 = n(key);
    const t3 = dep ? n(`top3.${dep}`) : undefined;
    if (dep && t1 !== undefined && t3 !== undefined) byDepartment[dep] = { top1: clamp01(t1), top3: clamp01(t3) };
  }
  return {
    runId,
    consultations: Math.max(0, Math.round(consultations)),
    diagnosisTop1: clamp01(top1),
    diagnosisTop3: clamp01(top3),
    examination: clamp01(n('examination') ?? 0),
    treatment: clamp01(n('treatment') ?? 0),
    byDepartment,
    caseBase: Math.max(0, Math.round(n('caseBase') ?? 0)),
    experienceBase: Math.max(0, Math.round(n('experienceBase') ?? 0)),
    confusions: [],
    at: 0,
  };
}

const clamp01 = (v: number): number => Math.min(1, Math.max(0, v));

/** Accuracy checkpoints in order of consultations. */
export async function listMetrics(db: HospitalDb): Promise<MetricPoint[]> {
  const raw = await db.getAll('metrics');
  return raw.map(restoreMetric).sort((a, b) => a.consultations - b.consultations || (a.id ?? 0) - (b.id ?? 0));
}

/** "Start fresh": the textbook doctors again. Settings and learners' training records are kept. */
export async function clearStaff(db: HospitalDb): Promise<void> {
  const tx = db.transaction(['meta', 'doctors', 'cases', 'metrics'], 'readwrite');
  try {
    await Promise.all([
      tx.objectStore('meta').clear(),
      tx.objectStore('doctors').clear(),
      tx.objectStore('cases').clear(),
      tx.objectStore('metrics').clear(),
      tx.done,
    ]);
  } catch (err) {
    throw explainWriteError(err, 'starting fresh');
  }
}
