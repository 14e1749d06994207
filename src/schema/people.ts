import { z } from 'zod';
import { Bilingual, Probability, Sex, Slug } from './common';

/** A given or family name with its usual Chinese rendering. */
export const NamePart = Bilingual;

export const Nationality = z.strictObject({
  id: Slug,
  name: Bilingual,
  /** Relative share of the hospital's patients. */
  weight: z.number().positive(),
  /** `family-first` (王芳, Sato Yuki) or `given-first` (James Smith, 詹姆斯·史密斯). */
  order: z.enum(['family-first', 'given-first']),
  family: z.array(NamePart).min(1),
  given: z.strictObject({ M: z.array(NamePart).min(1), F: z.array(NamePart).min(1) }),
});
export type Nationality = z.infer<typeof Nationality>;

export const Occupation = z.strictObject({
  en: z.string().min(1),
  zh: z.string().min(1),
  minAge: z.number().int().min(0),
  maxAge: z.number().int().min(0),
});
export type Occupation = z.infer<typeof Occupation>;

/** How a patient talks: drives the dialogue templates and the LLM role-play. */
export const PersonaStyle = z.strictObject({
  id: Slug,
  personality: Bilingual,
  style: Bilingual,
});
export type PersonaStyle = z.infer<typeof PersonaStyle>;

export const HistoryItem = z.strictObject({
  text: Bilingual,
  p: Probability,
  minAge: z.number().int().min(0),
  maxAge: z.number().int().min(0).optional(),
  sex: Sex.optional(),
  /** At most one item of a group is drawn (a patient cannot both smoke and never smoke). */
  group: z.string().optional(),
  /** The history term it is (smoker…): the patient says yes when asked about it. */
  term: z.string().optional(),
  /** What the comorbidity does to measured values: analyte id → [low, high] drawn uniformly, unless the illness has set it. */
  values: z.record(z.string(), z.tuple([z.number(), z.number()])).optional(),
});
export type HistoryItem = z.infer<typeof HistoryItem>;

export const PeopleFile = z.strictObject({
  nationalities: z.array(Nationality).min(1),
  occupations: z.array(Occupation).min(1),
  personas: z.array(PersonaStyle).min(1),
  history: z.strictObject({
    past: z.array(HistoryItem),
    lifestyle: z.array(HistoryItem),
    family: z.array(HistoryItem),
    vaccinations: z.array(HistoryItem),
  }),
});
export type PeopleFile = z.infer<typeof PeopleFile>;
