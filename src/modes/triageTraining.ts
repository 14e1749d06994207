import type { DepartmentId, DiseaseId, TermId } from '../schema/ids';
import { PatientInterview } from '../patients/interview';
import type { Patient } from '../patients/types';
import type { ClinicalStaff } from '../run/staff';
import { redFlagsAmong } from '../knowledge/clinicalRules';
import { EMERGENCY } from '../sim/services';

export interface TriageDebrief {
  complaint: TermId;
  /** What the learner saw: the symptoms the patient tells at the desk. */
  told: TermId[];
  chosen: DepartmentId;
  /** Emergency when the patient tells a red flag, else the true disease's department. */
  expected: DepartmentId;
  trueDepartment: DepartmentId;
  /** The patient's disease, revealed after the decision. */
  disease: DiseaseId;
  redFlags: TermId[];
  correct: boolean;
  /** A red-flag patient sent anywhere but Emergency: the error that matters most. */
  redFlagMissed: boolean;
  /** What the hospital's (evolved) triage nurse would have done. */
  nurse: DepartmentId;
  nurseCorrect: boolean;
}

/**
 * What a patient tells the triage nurse: the chief complaint and the other symptoms they have,
 * in the order they come to mind (at the desk there is no time for a full history).
 */
export function triagePresentation(staff: ClinicalStaff, patient: Patient): TermId[] {
  const complaint = new PatientInterview(patient, staff.reader).chiefComplaint;
  return [complaint, ...patient.symptoms.map((s) => s.term).filter((t) => t !== complaint)].slice(0, 3);
}

/** Scores one triage decision against the true department (red flags → Emergency). */
export function scoreTriage(staff: ClinicalStaff, patient: Patient, chosen: DepartmentId): TriageDebrief {
  const told = triagePresentation(staff, patient);
  const complaint = told[0] as TermId;
  const trueDepartment = staff.kb.disease(patient.disease).department;
  const redFlags = redFlagsAmong(staff, told, [patient.disease]);
  const expected = redFlags.length > 0 ? EMERGENCY : trueDepartment;
  const nurse = staff.nurse.triage(complaint);
  const ok = (d: DepartmentId): boolean => d === expected || (redFlags.length === 0 && d === trueDepartment);
  return {
    complaint,
    told,
    chosen,
    expected,
    trueDepartment,
    disease: patient.disease,
    redFlags,
    correct: ok(chosen),
    redFlagMissed: redFlags.length > 0 && chosen !== EMERGENCY,
    nurse,
    nurseCorrect: ok(nurse),
  };
}
