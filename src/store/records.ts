import type { TrainingRecord } from '../schema/store';
import { TrainingRecord as TrainingSchema } from '../schema/store';
import type { HospitalDb } from './db';
import { explainWriteError } from './errors';
import { formatIssues } from '../knowledge/errors';
import { restoreSetting, restoreTraining } from './restore';

/** Settings and the modes' training records: small, written one transaction per call. */

export async function getSetting(db: HospitalDb, key: string): Promise<unknown> {
  const raw = await db.get('settings', key);
  return raw === undefined ? undefined : restoreSetting(raw).value;
}

export async function putSetting(db: HospitalDb, key: string, value: unknown): Promise<void> {
  try {
    await db.put('settings', { key, value });
  } catch (err) {
    throw explainWriteError(err, `the setting "${key}"`);
  }
}

/** Saves a batch of training records in one transaction; a record that fails the schema refuses the batch. */
export async function putTraining(db: HospitalDb, records: readonly TrainingRecord[]): Promise<void> {
  const checked = records.map((r, i) => {
    const parsed = TrainingSchema.safeParse(r);
    if (!parsed.success) throw new Error(`training record [${i}] is invalid: ${formatIssues(parsed.error)}`);
    return parsed.data;
  });
  const tx = db.transaction('training', 'readwrite');
  try {
    await Promise.all([...checked.map((r) => tx.store.put(r)), tx.done]);
  } catch (err) {
    throw explainWriteError(err, 'the training records');
  }
}

/** Training records, of one session when given, oldest first. */
export async function listTraining(db: HospitalDb, sessionId?: string): Promise<TrainingRecord[]> {
  const raw = sessionId === undefined ? await db.getAll('training') : await db.getAllFromIndex('training', 'sessionId', sessionId);
  return raw.map(restoreTraining).sort((a, b) => a.startedAt - b.startedAt);
}
