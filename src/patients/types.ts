import type { Bilingual, Severity, Sex } from '../schema/common';
import type { DiseaseId, PatientId, TermId } from '../schema/ids';

/** A patient's history, every item already in both languages. */
export interface PatientHistory {
  past: Bilingual[];
  lifestyle: Bilingual[];
  family: Bilingual[];
  vaccinations: Bilingual[];
  exposures: Bilingual[];
  medications: Bilingual[];
}

export interface Persona {
  name: Bilingual;
  /** Whole years; 0 for infants. */
  age: number;
  /** Days since birth, for infants under a year (a newborn's illness begins in its first weeks). */
  ageDays?: number;
  sex: Sex;
  nationality: Bilingual;
  occupation: Bilingual;
  /** Id of the persona style (talkative, terse…) that voices the patient's answers. */
  style: string;
  personality: Bilingual;
  speakingStyle: Bilingual;
}

export interface PatientSymptom {
  term: TermId;
  /** How long the patient has had it when they come to hospital, in days (fractions are hours). */
  days: number;
}

/**
 * A generated patient. The hidden truth (`disease`, `severity`) is read only by the generator,
 * the follow-up and the exam scorer: never by a doctor agent.
 *
 * Examination results exist for every examination in the catalogue from the moment the patient
 * is generated (the disease is already there, whether or not anyone looks): `analyteValues`
 * holds one value per analyte of the catalogue, in catalogue order, and `findings` the
 * qualitative findings present.
 */
export interface Patient {
  id: PatientId;
  seed: number;
  index: number;
  persona: Persona;
  disease: DiseaseId;
  severity: Severity;
  /**
   * How much the illness weighs on the patient, 0–10, as they would rate it when asked ("how bad
   * is it?"): noisy, and overlapping between severities, but higher when the illness is severe.
   */
  burden: number;
  history: PatientHistory;
  symptoms: PatientSymptom[];
  analyteValues: Float64Array;
  findings: TermId[];
  /** History and risk terms the patient has (smoker, recent travel…): they say yes when asked. */
  riskTerms: TermId[];
}
