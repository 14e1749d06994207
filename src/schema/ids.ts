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
