import type { Exam } from '../schema/knowledge';

/**
 * What a learner's work costs in clinic time. Prices and turnaround times come from the
 * examination catalogue (assets/kb/exams.json: yuan at a public Chinese hospital, minutes from
 * the patient entering the room to the report); these are the rules for adding them up.
 */
export const CLINIC = {
  /** One question and its answer in the consulting room (the world's `questionMinutes`). */
  questionMinutes: 1,
  /** Explaining the diagnosis and writing the prescription (the world's `diagnosisMinutes`). */
  diagnosisMinutes: 3,
} as const;

/**
 * Minutes until every ordered result is back: samples drawn together are processed side by
 * side, so laboratory and pathology turnaround is the longest one; the patient walks to
 * imaging, endoscopy and bedside examinations one after another, so those add up.
 */
export function examMinutes(exams: readonly Pick<Exam, 'kind' | 'minutes'>[]): number {
  let samples = 0;
  let rooms = 0;
  for (const e of exams) {
    if (e.kind === 'lab' || e.kind === 'pathology') samples = Math.max(samples, e.minutes);
    else rooms += e.minutes;
  }
  return Math.max(samples, rooms);
}

export function examCost(exams: readonly Pick<Exam, 'costCny'>[]): number {
  return exams.reduce((sum, e) => sum + e.costCny, 0);
}
