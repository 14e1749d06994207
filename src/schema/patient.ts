import { z } from 'zod';
import { Lang, Severity, Sex } from './common';

/**
 * The generated patient as scripts and teachers see it (`agent-hospital patients --json`),
 * shaped like the seed's sample record. All text is in the one language asked for.
 * This shape is a public interface: keep it stable (README, "patients").
 */
export const ExamResultRecord = z.strictObject({
  /** Examination name, with the measured item for labs: "Complete blood count — Haemoglobin". */
  exam: z.string(),
  examId: z.string(),
  /** A number for measured items; the report text for qualitative examinations. */
  value: z.union([z.number(), z.string()]),
  unit: z.string().optional(),
  /** "low–high" in `unit`. */
  referenceRange: z.string().optional(),
  /** The finding the value shows: a vocabulary finding name, or "normal" / "正常". */
  finding: z.string(),
});
export type ExamResultRecord = z.infer<typeof ExamResultRecord>;

export const PatientRecord = z.strictObject({
  id: z.string(),
  language: Lang,
  name: z.string(),
  age: z.number().int().min(0),
  sex: Sex,
  nationality: z.string(),
  occupation: z.string(),
  personality: z.string(),
  speakingStyle: z.string(),
  disease: z.strictObject({ id: z.string(), name: z.string(), icd10: z.string() }),
  severity: Severity,
  /** One line, as a ward round would say it: "73-year-old Chinese man, retired teacher". */
  basicInfo: z.string(),
  history: z.strictObject({
    pastIllness: z.array(z.string()),
    lifestyle: z.array(z.string()),
    familyHistory: z.array(z.string()),
    vaccinations: z.array(z.string()),
    exposures: z.array(z.string()),
    medications: z.array(z.string()),
  }),
  symptoms: z.array(z.strictObject({ id: z.string(), name: z.string(), duration: z.string(), days: z.number() })),
  examResults: z.array(ExamResultRecord),
});
export type PatientRecord = z.infer<typeof PatientRecord>;
