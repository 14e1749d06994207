import { z } from 'zod';

/**
 * The JSON each task must answer with. Shapes only: whether a named disease, examination or
 * symptom exists is checked against the knowledge base by the caller (`resolve.ts`).
 */
export const TriageAnswer = z.object({
  department: z.string().min(1),
  redFlag: z.boolean(),
  reason: z.string().optional(),
});

export const InquiryAnswer = z.object({
  questions: z.array(z.string().min(1)).max(8),
  stop: z.boolean(),
});

export const RoleplayAnswer = z.object({
  replies: z.array(z.object({ question: z.string(), reply: z.string().min(1).max(600) })).min(1),
});

export const ExamineAnswer = z.object({
  exams: z.array(z.string().min(1)).min(1).max(6),
  reason: z.string().optional(),
});

export const DiagnoseAnswer = z.object({
  thought: z.array(z.string()).min(1).max(8),
  disease: z.string().min(1),
  differential: z.array(z.string()).max(6).default([]),
});

export const TreatAnswer = z.object({
  escalate: z.boolean(),
  plan: z.string().min(1).max(1200),
});

export const ReflectAnswer = z.object({
  /** The lesson in both languages the hospital speaks. */
  lesson: z.object({ en: z.string().min(10).max(600), zh: z.string().min(4).max(400) }),
  cues: z.array(z.string()).max(6),
  examine: z.string().optional(),
});
