import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { CaseChunk, MetricPoint, Setting, StaffMeta, StoredDoctor, TrainingRecord } from '../schema/store';

/** The page's one database. Bump DB_VERSION with a new `if (oldVersion < n)` step below. */
export const DB_NAME = 'agent-hospital';
export const DB_VERSION = 4;

export interface HospitalDbSchema extends DBSchema {
  meta: { key: string; value: StaffMeta };
  doctors: { key: string; value: StoredDoctor };
  cases: { key: [string, number]; value: CaseChunk };
  settings: { key: string; value: Setting };
  metrics: { key: number; value: MetricPoint; indexes: { consultations: number; runId: string } };
  training: { key: string; value: TrainingRecord; indexes: { sessionId: string; learner: string; bySessionLearner: [string, string] } };
}

export type HospitalDb = IDBPDatabase<HospitalDbSchema>;
type UpgradeTx = IDBPTransaction<HospitalDbSchema, StoreNames<HospitalDbSchema>[], 'versionchange'>;

/**
 * Schema history. Each step takes a database of the version before it to its own version, so
 * a database of any older version reaches the current one by running the steps it missed.
 * - 1: the staff (meta, doctors, case chunks) and settings.
 * - 2: accuracy checkpoints (metrics).
 * - 3: training records of the modes; checkpoints carry the run that produced them.
 * - 4: learner progress lives here only: training records carry the case's detail and are found
 *   by session and learner. What the separate progress database held is moved in by
 *   `moveLegacyProgress` (modes/progressStore.ts) when it is first opened.
 */
export function upgradeSchema(db: IDBPDatabase<HospitalDbSchema>, oldVersion: number, newVersion: number, tx: UpgradeTx): void {
  if (oldVersion < 1 && newVersion >= 1) {
    db.createObjectStore('meta', { keyPath: 'key' });
    db.createObjectStore('doctors', { keyPath: 'department' });
    db.createObjectStore('cases', { keyPath: ['department', 'from'] });
    db.createObjectStore('settings', { keyPath: 'key' });
  }
  if (oldVersion < 2 && newVersion >= 2) {
    const metrics = db.createObjectStore('metrics', { keyPath: 'id', autoIncrement: true });
    metrics.createIndex('consultations', 'consultations');
  }
  if (oldVersion < 3 && newVersion >= 3) {
    const training = db.createObjectStore('training', { keyPath: 'id' });
    training.createIndex('sessionId', 'sessionId');
    training.createIndex('learner', 'learner');
    const metrics = tx.objectStore('metrics');
    metrics.createIndex('runId', 'runId');
    // Checkpoints of version 2 had no run: they are labelled so the index and the curve keep them.
    void (async () => {
      for (let cursor = await metrics.openCursor(); cursor; cursor = await cursor.continue()) {
        if (!cursor.value.runId) await cursor.update({ ...cursor.value, runId: 'legacy' });
      }
    })();
  }
  if (oldVersion < 4 && newVersion >= 4) tx.objectStore('training').createIndex('bySessionLearner', ['sessionId', 'learner']);
}

export interface OpenOptions {
  name?: string;
  /** Only tests open an older version, to build the databases older pages left behind. */
  version?: number;
}

/** Opens (creating or upgrading) the hospital's database. */
export function openHospitalDb(options: OpenOptions = {}): Promise<HospitalDb> {
  const version = options.version ?? DB_VERSION;
  let opened: HospitalDb | undefined;
  const promise = openDB<HospitalDbSchema>(options.name ?? DB_NAME, version, {
    upgrade: (db, oldVersion, newVersion, tx) => upgradeSchema(db, oldVersion, newVersion ?? version, tx),
    // Another tab wants a newer schema: step aside so its upgrade is not blocked forever.
    blocking: () => opened?.close(),
  });
  return promise.then((db) => (opened = db));
}
