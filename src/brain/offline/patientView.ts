import type { ExamId, TermId } from '../../schema/ids';

/**
 * What a doctor can know of a patient: age band, sex, the complaint they open with, their
 * answers and their examination results. The hidden disease is not part of it.
 */
export interface PatientView {
  readonly ageBand: number;
  readonly male: boolean;
  readonly chiefComplaint: TermId;
  ask(term: TermId): boolean;
  /** The patient's own rating of how much the illness affects them, 0–10. */
  rateBurden(): number;
  /** Findings and measured values, each with the patient's own reference range (by age and sex). */
  examine(exam: ExamId): { findings: readonly TermId[]; values: readonly { analyte: string; value: number; low: number; high: number }[] };
}
