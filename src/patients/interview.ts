import type { ExamId, TermId } from '../schema/ids';
import { ageBandIndexOf } from '../schema/knowledge';
import type { ExamReader, ExamReport } from './results';
import type { Patient } from './types';

/**
 * The patient as a doctor meets them: what they say when asked and what examinations show.
 * It answers from the record only and never reveals the disease: doctors get this, not the
 * Patient, so the hidden truth is out of their reach by construction.
 */
export class PatientInterview {
  readonly age: number;
  readonly male: boolean;
  readonly ageBand: number;
  /** The complaint the patient opens with: the most prominent symptom they have. */
  readonly chiefComplaint: TermId;
  private readonly symptoms: ReadonlySet<TermId>;

  constructor(
    private readonly patient: Patient,
    private readonly reader: ExamReader,
  ) {
    this.age = patient.persona.age;
    this.male = patient.persona.sex === 'M';
    this.ageBand = ageBandIndexOf(this.age);
    this.symptoms = new Set([...patient.symptoms.map((s) => s.term), ...patient.riskTerms]);
    this.chiefComplaint = (patient.symptoms[0] as { term: TermId }).term;
  }

  get id(): string {
    return this.patient.id;
  }

  /** "Do you have …?" — true if the patient has the symptom (or the history: "Do you smoke?"). */
  ask(term: TermId): boolean {
    return this.symptoms.has(term);
  }

  /** "On a scale of 0 to 10, how much is this affecting you?" */
  rateBurden(): number {
    return this.patient.burden;
  }

  /** How many days the patient has had a symptom they report (undefined when they do not have it). */
  daysOf(term: TermId): number | undefined {
    return this.patient.symptoms.find((s) => s.term === term)?.days;
  }

  examine(exam: ExamId): ExamReport {
    return this.reader.report(this.patient, exam);
  }
}
