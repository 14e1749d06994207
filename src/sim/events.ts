import type { DepartmentId, DiseaseId, ExamId, PatientId, TermId } from '../schema/ids';
import type { BrainRequest } from './world';

/**
 * Everything the world tells, past tense. Payloads carry ids (patient, department, term,
 * exam, disease); the views turn them into words in the reader's language.
 */
// A type alias, not an interface: mitt needs the implicit index signature.
export type SimEvents = {
  'patient:arrived': { patient: PatientId; visit: number; complaint: TermId };
  'patient:triaged': { patient: PatientId; department: DepartmentId; redFlag: boolean };
  'patient:registered': { patient: PatientId; department: DepartmentId };
  'consultation:started': { patient: PatientId; department: DepartmentId; visit: number };
  'doctor:asked': { patient: PatientId; department: DepartmentId; term: TermId };
  'patient:answered': { patient: PatientId; term: TermId; present: boolean };
  'exam:ordered': { patient: PatientId; department: DepartmentId; exam: ExamId };
  'exam:started': { patient: PatientId; exam: ExamId; room: string };
  'exam:reported': { patient: PatientId; exam: ExamId; findings: TermId[] };
  'patient:diagnosed': {
    patient: PatientId;
    department: DepartmentId;
    disease: DiseaseId;
    probability: number;
    severe: boolean;
    request: number;
  };
  /** The doctor's differential points to another department: the patient walks to its doctor. */
  'patient:referred': { patient: PatientId; from: DepartmentId; to: DepartmentId };
  'patient:dispensed': { patient: PatientId; disease: DiseaseId };
  'patient:left': { patient: PatientId };
  'patient:went-home-for-results': { patient: PatientId; exam: ExamId; until: number };
  'patient:followed-up': { patient: PatientId; correct: boolean; truth: DiseaseId; diagnosed: DiseaseId; outcome: 'recovered' | 'worse' };
  'patient:returned': { patient: PatientId; visit: number };
  'patient:discharged': { patient: PatientId };
  'brain:requested': { id: number; kind: BrainRequest['kind']; patient: PatientId };
  'command:refused': { name: string; message: string };
};
export type SimEventName = keyof SimEvents;
