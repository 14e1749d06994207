import { z } from 'zod';
import { Slug } from './common';

/*
 * Branded ids: a DiseaseId can never be passed where an ExamId is meant,
 * although both are kebab-case strings on disk.
 */
export const DepartmentId = Slug.brand<'DepartmentId'>();
export type DepartmentId = z.infer<typeof DepartmentId>;

export const DiseaseId = Slug.brand<'DiseaseId'>();
export type DiseaseId = z.infer<typeof DiseaseId>;

export const ExamId = Slug.brand<'ExamId'>();
export type ExamId = z.infer<typeof ExamId>;

export const AnalyteId = Slug.brand<'AnalyteId'>();
export type AnalyteId = z.infer<typeof AnalyteId>;

/** A vocabulary term: a symptom the patient reports or a finding an examination shows. */
export const TermId = Slug.brand<'TermId'>();
export type TermId = z.infer<typeof TermId>;

/**
 * A patient: `P<seed>-<index>`, the generator's seed and the patient's place in its stream,
 * so the same id always names the same person.
 */
export const PatientId = z
  .string()
  .regex(/^P-?\d+-\d+$/, 'a patient id such as "P1-42"')
  .brand<'PatientId'>();
export type PatientId = z.infer<typeof PatientId>;

/** The id of patient `index` of the generator's stream `seed`: where patient ids are born. */
export const patientIdOf = (seed: number, index: number): PatientId => {
  const id = `P${seed}-${index}`;
  // Safe integers print as digits, so such an id is well formed by construction: the schema is
  // asked only when it might not be (one id per patient generated, thousands a second).
  return Number.isSafeInteger(seed) && Number.isSafeInteger(index) && index >= 0 ? (id as PatientId) : PatientId.parse(id);
};

/** The patient an agent id names, if it names one (the world's picked agent may be a member of staff). */
export function patientIdIn(id: string | undefined): PatientId | undefined {
  const parsed = PatientId.safeParse(id);
  return parsed.success ? parsed.data : undefined;
}

/** The generator seed a patient id was drawn from (an outbreak's patients have a stream of their own). */
export function patientSeedOf(id: PatientId): number {
  return Number(id.slice(1, id.lastIndexOf('-')));
}
