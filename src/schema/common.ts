import { z } from 'zod';

/** Text shown to people, always in both languages the hospital speaks. */
export const Bilingual = z.strictObject({
  en: z.string().min(1),
  zh: z.string().min(1),
});
export type Bilingual = z.infer<typeof Bilingual>;

/** Synonyms in both languages: lay and clinical words a patient or a record might use. */
export const BilingualList = z.strictObject({
  en: z.array(z.string().min(1)).default([]),
  zh: z.array(z.string().min(1)).default([]),
});
export type BilingualList = z.infer<typeof BilingualList>;

export const Lang = z.enum(['en', 'zh']);
export type Lang = z.infer<typeof Lang>;

/** Stable identifiers are kebab-case so they read well in URLs, files and logs. */
export const Slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case id such as "community-acquired-pneumonia"');

export const Probability = z.number().min(0).max(1);

export const Sex = z.enum(['M', 'F']);
export type Sex = z.infer<typeof Sex>;

export const Severity = z.enum(['mild', 'moderate', 'severe']);
export type Severity = z.infer<typeof Severity>;
export const SEVERITIES: readonly Severity[] = Severity.options;
