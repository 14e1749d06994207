import { z } from 'zod';

/**
 * External cases that `agent-hospital evaluate` diagnoses. Public input formats (README).
 * `cases`: one object per line, phrases in English or Chinese.
 */
export const ExternalCase = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  age: z.number().min(0).max(120),
  sex: z.enum(['M', 'F']),
  language: z.enum(['en', 'zh']).default('en'),
  chiefComplaint: z.string().default(''),
  history: z.string().default(''),
  symptoms: z.array(z.string()).default([]),
  negatives: z.array(z.string()).default([]),
  findings: z.array(z.string()).default([]),
  diagnosis: z.object({ name: z.string().optional(), icd10: z.string().optional() }).optional(),
});
export type ExternalCase = z.infer<typeof ExternalCase>;

/** Free text or nested objects of free text (AgentClinic-style OSCE sections). */
type Nested = string | number | Nested[] | { [k: string]: Nested };
const Nested: z.ZodType<Nested> = z.lazy(() => z.union([z.string(), z.number(), z.array(Nested), z.record(z.string(), Nested)]));

/** `osce`: an AgentClinic-style OSCE examination, one per line. */
export const OsceCase = z.object({
  OSCE_Examination: z.object({
    Objective_for_Doctor: z.string().optional(),
    Patient_Actor: z.object({
      Demographics: z.string().default(''),
      History: Nested.default(''),
      /** Published records give this as an object, as a plain string, or without a primary symptom. */
      Symptoms: z
        .union([
          z.string(),
          z.object({ Primary_Symptom: z.string().optional(), Secondary_Symptoms: z.union([z.array(z.string()), z.string()]).default([]) }),
        ])
        .default(''),
      Past_Medical_History: Nested.optional(),
      Social_History: Nested.optional(),
      Review_of_Systems: Nested.optional(),
    }),
    Physical_Examination_Findings: Nested.optional(),
    Test_Results: Nested.optional(),
    Correct_Diagnosis: z.string().optional(),
  }),
});
export type OsceCase = z.infer<typeof OsceCase>;
export type { Nested };
