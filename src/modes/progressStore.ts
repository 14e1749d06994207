import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { z } from 'zod';
import type { CaseResult } from './report';
import { formatIssues } from '../knowledge/errors';

/**
 * Learner progress in IndexedDB, in a database of its own (`agent-hospital-training`) so that
 * it never touches the hospital's case and experience bases. Records are parsed with zod on
 * the way out: a damaged record is reported, not trusted.
 */
export const TRAINING_DB = 'agent-hospital-training';
export const TRAINING_DB_VERSION = 1;

export const CaseResultRecord = z.strictObject({
  session: z.string().max(8000),
  learner: z.string().max(200),
  caseIndex: z.number().int().min(0),
  role: z.enum(['doctor', 'triage']),
  patientId: z.string(),
  truth: z.string(),
  answer: z.string(),
  correct: z.boolean(),
  score: z.number().min(0).max(100),
  questions: z.number().int().min(0),
  keyQuestionsAsked: z.number().int().min(0),
  keyQuestions: z.number().int().min(0),
  exams: z.number().int().min(0),
  keyExamOrdered: z.boolean(),
  costCny: z.number().min(0),
  minutes: z.number().min(0),
  redFlagsMissed: z.number().int().min(0),
  doctorAnswer: z.string(),
  doctorCorrect: z.boolean(),
  finishedAt: z.string(),
});

interface TrainingDb extends DBSchema {
  results: { key: [string, string, number]; value: CaseResult; indexes: { bySession: [string, string] } };
}

export class ProgressStore {
  private constructor(private readonly db: IDBPDatabase<TrainingDb>) {}

  /** Opens (creating or upgrading) the learner-progress database of the page's IndexedDB. */
  static async open(): Promise<ProgressStore> {
    const db = await openDB<TrainingDb>(TRAINING_DB, TRAINING_DB_VERSION, {
      upgrade(database, oldVersion) {
        if (oldVersion < 1) {
          const results = database.createObjectStore('results', { keyPath: ['session', 'learner', 'caseIndex'] });
          results.createIndex('bySession', ['session', 'learner']);
        }
      },
    });
    return new ProgressStore(db);
  }

  /** Saves (or replaces) one finished case; a malformed result is refused and nothing is written. */
  async save(result: CaseResult): Promise<void> {
    const parsed = CaseResultRecord.safeParse(result);
    if (!parsed.success) throw new Error(`training result not saved — ${formatIssues(parsed.error)}`);
    await this.db.put('results', parsed.data);
  }

  /** The learner's results in a session, by case; damaged records are skipped and counted. */
  async results(session: string, learner: string): Promise<{ rows: CaseResult[]; damaged: number }> {
    const raw = await this.db.getAllFromIndex('results', 'bySession', [session, learner]);
    const rows: CaseResult[] = [];
    let damaged = 0;
    for (const r of raw) {
      const parsed = CaseResultRecord.safeParse(r);
      if (parsed.success) rows.push(parsed.data);
      else damaged++;
    }
    return { rows: rows.sort((a, b) => a.caseIndex - b.caseIndex), damaged };
  }

  close(): void {
    this.db.close();
  }
}
