import { z } from 'zod';
import { Slug } from './common';
import { BundleCase, BundleDoctor } from './bundle';

/*
 * Records of the hospital's IndexedDB (src/store). Every record read back is parsed with these
 * schemas; `restore…()` in src/store fills the defaults older versions did not write.
 */

/** What every doctor learned bar its cases, one record per department (cases live in chunks). */
export const StoredDoctor = BundleDoctor.omit({ cases: true }).extend({
  /** Cases of this doctor that belong to the saved state: chunks beyond it are ignored. */
  caseCount: z.number().int().nonnegative(),
});
export type StoredDoctor = z.infer<typeof StoredDoctor>;

/** A run of consecutive cases of one doctor, appended per batch so a write never rewrites the base. */
export const CaseChunk = z.strictObject({
  department: Slug,
  /** Index of the first case of the chunk in the doctor's case base. */
  from: z.number().int().nonnegative(),
  cases: z.array(BundleCase),
});
export type CaseChunk = z.infer<typeof CaseChunk>;

/** The hospital-wide part of the saved staff. */
export const StaffMeta = z.strictObject({
  key: z.literal('staff'),
  consultations: z.number().int().nonnegative(),
  nurse: z.strictObject({ learned: z.array(z.tuple([Slug, Slug, z.number().finite().nonnegative()])) }),
  /** Wall-clock ms of the last snapshot (shown, never used by the simulation). */
  savedAt: z.number().nonnegative(),
  /** Training patients of the next replay are drawn from this seed so none is seen twice. */
  nextSeed: z.number().int().positive().default(1),
  /** The doctors' order in the bundle (the knowledge base's department order). */
  departments: z.array(Slug).default([]),
});
export type StaffMeta = z.infer<typeof StaffMeta>;

/** Top-1 / top-3 diagnosis accuracy of one department at a checkpoint. */
export const DepartmentScore = z.strictObject({ top1: z.number().min(0).max(1), top3: z.number().min(0).max(1) });

/** One entry of the department confusion table: `count` exam patients with `truth` were called `chosen`. */
export const Confusion = z.tuple([Slug, Slug, Slug, z.number().int().positive()]);
export type Confusion = z.infer<typeof Confusion>;

/** An accuracy checkpoint: the doctors sat the exam after `consultations` consultations in total. */
export const MetricPoint = z.strictObject({
  id: z.number().int().positive().optional(),
  /** The replay (or import) that produced it; version 2 records had none. */
  runId: z.string().min(1).default('legacy'),
  consultations: z.number().int().nonnegative(),
  diagnosisTop1: z.number().min(0).max(1),
  diagnosisTop3: z.number().min(0).max(1),
  /** Top-1 on as many arrivals at real base rates (the realistic exam); absent in older records. */
  realisticTop1: z.number().min(0).max(1).optional(),
  examination: z.number().min(0).max(1),
  treatment: z.number().min(0).max(1),
  byDepartment: z.record(Slug, DepartmentScore).default({}),
  caseBase: z.number().int().nonnegative().default(0),
  experienceBase: z.number().int().nonnegative().default(0),
  /** [department, true disease, chosen disease, count] on the exam, when it was recorded. */
  confusions: z.array(Confusion).default([]),
  at: z.number().nonnegative().default(0),
});
export type MetricPoint = z.infer<typeof MetricPoint>;

/** A setting of the page. The API key is never written here unless the user asks to remember it. */
export const Setting = z.strictObject({ key: z.string().min(1), value: z.unknown() });
export type Setting = z.infer<typeof Setting>;

/** What a learner did on one case, beyond the summary: the class report's columns. */
export const TrainingDetail = z.strictObject({
  patientId: z.string(),
  correct: z.boolean(),
  questions: z.number().int().min(0),
  keyQuestionsAsked: z.number().int().min(0),
  keyQuestions: z.number().int().min(0),
  exams: z.number().int().min(0),
  keyExamOrdered: z.boolean(),
  costCny: z.number().min(0),
  minutes: z.number().min(0),
  redFlagsMissed: z.number().int().min(0),
  /** What the hospital's evolved doctor (or nurse) answered on the same case. */
  doctorAnswer: z.string(),
  doctorCorrect: z.boolean(),
});
export type TrainingDetail = z.infer<typeof TrainingDetail>;

/** One attempt of a learner (or a virtual doctor) at a standardized case in a mode. */
export const TrainingRecord = z.strictObject({
  id: z.string().min(1),
  sessionId: z.string().min(1),
  /** Who sat the case: a learner's chosen name or a department's doctor. */
  learner: z.string().min(1),
  /** Seed and index that regenerate the same standardized patient. */
  caseSeed: z.number().int().nonnegative(),
  caseIndex: z.number().int().nonnegative().default(0),
  mode: z.string().min(1).default('training'),
  /** Score in [0, 1] on the clinical pathway (inquiry, tests, examinations, conclusion). */
  score: z.number().min(0).max(1),
  /** Per pathway step, when the mode reports them. */
  steps: z.record(z.string(), z.number().min(0).max(1)).default({}),
  diagnosis: Slug.optional(),
  truth: Slug.optional(),
  startedAt: z.number().nonnegative().default(0),
  finishedAt: z.number().nonnegative().optional(),
  /**
   * What the learner did, for the class report and for resuming a session (version 4 on; a
   * record of version 3 has the summary only).
   */
  detail: TrainingDetail.optional(),
});
export type TrainingRecord = z.infer<typeof TrainingRecord>;
