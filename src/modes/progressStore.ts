import { deleteDB, openDB } from 'idb';
import { z } from 'zod';
import { TrainingDetail } from '../schema/store';
import { openHospitalDb, type HospitalDb, type OpenOptions } from '../store/db';
import { putTraining } from '../store/records';
import { restoreTraining } from '../store/restore';
import { sessionKey, toCaseResult, toTrainingRecord, type RecordTimes } from './hospitalRecord';
import type { CaseResult } from './report';

/**
 * Learner progress: the `training` store of the hospital's one database, one record per case
 * on one scale (scores 0–1; the debrief's 0–100 is converted at the boundary, in
 * hospitalRecord.ts). It travels with the hospital's export and dashboard. Records are parsed
 * on the way in and out: a malformed result is refused, a damaged record reported, not trusted.
 */
export class ProgressStore {
  private constructor(private readonly db: HospitalDb) {}

  /** Opens the hospital's database (creating or upgrading it) and moves in what the old progress database held. */
  static async open(options: OpenOptions & { legacyName?: string } = {}): Promise<ProgressStore> {
    const db = await openHospitalDb(options);
    await moveLegacyProgress(db, options.legacyName ?? LEGACY_PROGRESS_DB);
    return new ProgressStore(db);
  }

  /** Saves (or replaces) one finished case; a malformed result is refused and nothing is written. */
  async save(result: CaseResult, times: RecordTimes): Promise<void> {
    await putTraining(this.db, [toTrainingRecord(result, times)]);
  }

  /** The learner's results in a session (its code), by case; damaged records are skipped and counted. */
  async results(session: string, learner: string): Promise<{ rows: CaseResult[]; damaged: number }> {
    const raw = await this.db.getAllFromIndex('training', 'bySessionLearner', [sessionKey(session), learner || ANONYMOUS]);
    const rows: CaseResult[] = [];
    let damaged = 0;
    for (const r of raw) {
      try {
        rows.push(toCaseResult(restoreTraining(r), { session, learner }));
      } catch {
        damaged++;
      }
    }
    return { rows: rows.sort((a, b) => a.caseIndex - b.caseIndex), damaged };
  }

  close(): void {
    this.db.close();
  }
}

const ANONYMOUS = 'anonymous';

/** The database learner progress had of its own before version 4 of the hospital's (scores 0–100). */
export const LEGACY_PROGRESS_DB = 'agent-hospital-training';

/** A case result as the old progress database kept it. */
const LegacyCaseResult = z.strictObject({
  ...TrainingDetail.shape,
  session: z.string().max(8000),
  learner: z.string().max(200),
  caseIndex: z.number().int().min(0),
  role: z.enum(['doctor', 'triage']),
  truth: z.string(),
  answer: z.string(),
  score: z.number().min(0).max(100),
  finishedAt: z.string(),
});

/**
 * The upgrade step for learner progress: what the old progress database holds is moved into the
 * hospital's `training` store on the new scale, in one transaction, and the old database is
 * deleted once the move is stored. A damaged old record is not moved, and then the old database
 * is kept so that nothing is lost (moving again is harmless: a record keeps its id). An
 * IndexedDB upgrade cannot read another database, so this runs right after opening.
 */
export async function moveLegacyProgress(db: HospitalDb, legacyName = LEGACY_PROGRESS_DB): Promise<{ moved: number; damaged: number }> {
  const known = typeof indexedDB.databases === 'function' ? await indexedDB.databases() : [];
  if (!known.some((d) => d.name === legacyName)) return { moved: 0, damaged: 0 };
  const legacy = await openDB(legacyName);
  const rows = legacy.objectStoreNames.contains('results') ? await legacy.getAll('results') : [];
  legacy.close();
  let damaged = 0;
  const records = rows.flatMap((raw) => {
    const parsed = LegacyCaseResult.safeParse(raw);
    if (!parsed.success) {
      damaged++;
      return [];
    }
    const r = parsed.data;
    const finished = Date.parse(r.finishedAt);
    // The old rows kept no seed, steps or start time: the summary's own defaults stand in.
    return [toTrainingRecord(r, { seed: 0, steps: {}, startedAt: 0, finishedAt: Number.isFinite(finished) ? finished : 0 })];
  });
  if (records.length > 0) await putTraining(db, records);
  if (damaged === 0) await deleteDB(legacyName);
  return { moved: records.length, damaged };
}
