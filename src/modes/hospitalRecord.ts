import type { TrainingRecord } from '../schema/store';
import type { CaseResult } from './report';

/** A short, stable name for a session code (FNV-1a, hex): the code itself can run to kilobytes. */
export function sessionKey(code: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < code.length; i++) h = Math.imul(h ^ code.charCodeAt(i), 0x01000193);
  return `session-${(h >>> 0).toString(16).padStart(8, '0')}`;
}

/** When a case was sat and how it scored per step: what a stored record keeps beside the result. */
export interface RecordTimes {
  seed: number;
  steps: Record<string, number>;
  startedAt: number;
  finishedAt: number;
}

/**
 * A finished case as the hospital's store keeps it (src/schema/store.ts): the one record of a
 * learner's progress, with the score on the store's 0–1 scale (the debrief's is 0–100).
 */
export function toTrainingRecord(r: CaseResult, opts: RecordTimes): TrainingRecord {
  const session = sessionKey(r.session);
  const slug = (s: string): string | undefined => (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(s) ? s : undefined);
  const diagnosis = slug(r.answer);
  const truth = slug(r.truth);
  return {
    id: `${session}:${r.learner || 'anonymous'}:${r.caseIndex}`,
    sessionId: session,
    learner: r.learner || 'anonymous',
    caseSeed: opts.seed,
    caseIndex: r.caseIndex,
    mode: r.role === 'triage' ? 'triage-training' : 'training',
    // Not clamped: a score off the scale is refused by the schema rather than stored as a wrong number.
    score: r.score / 100,
    steps: Object.fromEntries(Object.entries(opts.steps).map(([k, v]) => [k, Math.max(0, Math.min(1, v))])),
    ...(diagnosis ? { diagnosis } : {}),
    ...(truth ? { truth } : {}),
    startedAt: opts.startedAt,
    finishedAt: opts.finishedAt,
    detail: {
      patientId: r.patientId,
      correct: r.correct,
      questions: r.questions,
      keyQuestionsAsked: r.keyQuestionsAsked,
      keyQuestions: r.keyQuestions,
      exams: r.exams,
      keyExamOrdered: r.keyExamOrdered,
      costCny: r.costCny,
      minutes: r.minutes,
      redFlagsMissed: r.redFlagsMissed,
      doctorAnswer: r.doctorAnswer,
      doctorCorrect: r.doctorCorrect,
    },
  };
}

/**
 * A stored record as the training view and its reports read a result (score 0–100). A record
 * of version 3 has no detail: what it lacks is filled with what the summary says (the answer's
 * correctness) or zero.
 */
export function toCaseResult(rec: TrainingRecord, where: { session: string; learner: string }): CaseResult {
  const d = rec.detail;
  return {
    session: where.session,
    learner: where.learner,
    caseIndex: rec.caseIndex,
    role: rec.mode === 'triage-training' ? 'triage' : 'doctor',
    patientId: d?.patientId ?? '',
    truth: rec.truth ?? '',
    answer: rec.diagnosis ?? '',
    correct: d?.correct ?? (rec.diagnosis !== undefined && rec.diagnosis === rec.truth),
    score: Math.round(rec.score * 100),
    questions: d?.questions ?? 0,
    keyQuestionsAsked: d?.keyQuestionsAsked ?? 0,
    keyQuestions: d?.keyQuestions ?? 0,
    exams: d?.exams ?? 0,
    keyExamOrdered: d?.keyExamOrdered ?? false,
    costCny: d?.costCny ?? 0,
    minutes: d?.minutes ?? 0,
    redFlagsMissed: d?.redFlagsMissed ?? 0,
    doctorAnswer: d?.doctorAnswer ?? '',
    doctorCorrect: d?.doctorCorrect ?? false,
    finishedAt: new Date(rec.finishedAt ?? rec.startedAt).toISOString(),
  };
}
