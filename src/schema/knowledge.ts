import { z } from 'zod';
import { Bilingual, BilingualList, Probability, Sex } from './common';
import { AnalyteId, DepartmentId, DiseaseId, ExamId, TermId } from './ids';

export const Department = z.strictObject({
  id: DepartmentId,
  name: Bilingual,
  /** Body systems and complaints this department receives; shown to triage learners. */
  scope: Bilingual,
  /** Where the department's base rates (`epidemiology.per100k` of its diseases) come from: the references read. */
  epidemiologySource: z.string().min(20).optional(),
});
export type Department = z.infer<typeof Department>;
export const DepartmentFile = z.array(Department).min(1);

/** Where an examination is performed; the hospital map has a room of each kind. */
export const ExamRoom = z.enum([
  'consulting-room',
  'laboratory',
  'radiology',
  'ct',
  'mri',
  'ultrasound',
  'ecg',
  'endoscopy',
  'pulmonary-function',
  'neurophysiology',
  'eye-clinic',
  'audiology',
  'dental-imaging',
  'pathology',
  'cath-lab',
  'nuclear-medicine',
]);
export type ExamRoom = z.infer<typeof ExamRoom>;

export const ExamKind = z.enum(['physical', 'lab', 'imaging', 'physiological', 'endoscopy', 'pathology']);
export type ExamKind = z.infer<typeof ExamKind>;

/** Age groups in which reference ranges are given: newborns are under 28 days, infants under a year. */
export const AGE_GROUPS = ['newborn', 'infant', 'toddler', 'preschool', 'school', 'adolescent', 'adult', 'older'] as const;
const Limits = z.tuple([z.number(), z.number()]).refine(([low, high]) => low < high, { message: 'low must be below high' });

/** A measured quantity with its adult reference range. */
export const Analyte = z
  .strictObject({
    id: AnalyteId,
    name: Bilingual,
    unit: z.string(),
    /** Lower limit of the adult reference range, in `unit`. */
    low: z.number(),
    /** Upper limit of the adult reference range, in `unit`. */
    high: z.number(),
    /** Digits after the decimal point when a value is reported. */
    decimals: z.number().int().min(0).max(3),
    /**
     * Where the range changes with age or sex (a newborn's heart rate, a woman's haemoglobin): the
     * range of each age group, or of each sex in it. Groups not listed use low–high.
     */
    byAge: z.partialRecord(z.enum(AGE_GROUPS), z.union([Limits, z.strictObject({ M: Limits, F: Limits })])).optional(),
  })
  .refine((a) => a.low < a.high, { message: 'reference range: low must be below high', path: ['high'] });
export type Analyte = z.infer<typeof Analyte>;

export const Exam = z.strictObject({
  id: ExamId,
  name: Bilingual,
  kind: ExamKind,
  room: ExamRoom,
  /** Time from the patient entering the room to the report, in sim minutes. */
  minutes: z.number().int().positive(),
  /** Price charged to the patient, in yuan (CNY), at a public Chinese hospital's order of magnitude. */
  costCny: z.number().nonnegative(),
  /** Measured quantities; present for labs and quantified tests (spirometry, tonometry, DEXA…). */
  analytes: z.array(Analyte).default([]),
  /** The report when nothing abnormal is seen (qualitative part). */
  normal: Bilingual,
  /** Set when only people of one sex can have the examination (cervical screening, scrotal ultrasound). */
  sex: Sex.optional(),
});
export type Exam = z.infer<typeof Exam>;
export const ExamFile = z.array(Exam).min(1);

export const TermKind = z.enum(['symptom', 'finding']);
export type TermKind = z.infer<typeof TermKind>;

/**
 * One entry of the vocabulary.
 * - `symptom`: something the patient feels and can be asked about.
 * - `finding`: something an examination shows. A finding names its `exam`; a finding on a
 *   measured quantity also names the `analyte` and the `direction` of the abnormality, so a
 *   result value can be read back into the finding.
 */
export const Term = z
  .strictObject({
    id: TermId,
    kind: TermKind,
    name: Bilingual,
    synonyms: BilingualList.default({ en: [], zh: [] }),
    exam: ExamId.optional(),
    analyte: AnalyteId.optional(),
    direction: z.enum(['high', 'low']).optional(),
    /** Set when only people of one sex can have it (missed period, scrotal pain). */
    sex: Sex.optional(),
    /**
     * The more general term this one is a kind of (knee pain → joint pain, productive cough →
     * cough): a disease whose entry lists only one of the two is still evidenced by the other.
     */
    broader: TermId.optional(),
  })
  .superRefine((t, ctx) => {
    if (t.kind === 'symptom' && (t.exam || t.analyte)) {
      ctx.addIssue({ code: 'custom', message: 'a symptom has no exam or analyte', path: ['exam'] });
    }
    if (t.kind === 'finding' && !t.exam) {
      ctx.addIssue({ code: 'custom', message: 'a finding must name the exam that shows it', path: ['exam'] });
    }
    if (Boolean(t.analyte) !== Boolean(t.direction)) {
      ctx.addIssue({ code: 'custom', message: 'analyte and direction go together', path: ['direction'] });
    }
  });
export type Term = z.infer<typeof Term>;
export const VocabularyFile = z.array(Term).min(1);

/** Age bands used for population profiles; the generator draws an age uniformly inside a band. */
export const AGE_BANDS = ['0-4', '5-14', '15-24', '25-44', '45-64', '65-79', '80-95'] as const;
export const AgeBand = z.enum(AGE_BANDS);
export type AgeBand = z.infer<typeof AgeBand>;

/** The age band an age falls in (ages past the last band count in it). */
export function ageBandOf(age: number): AgeBand {
  for (const band of AGE_BANDS) {
    const [lo, hi] = band.split('-').map(Number) as [number, number];
    if (age >= lo && age <= hi) return band;
  }
  return AGE_BANDS[AGE_BANDS.length - 1] as AgeBand;
}

/** The index in AGE_BANDS of the band an age falls in: how the doctors' beliefs are kept. */
export function ageBandIndexOf(age: number): number {
  return AGE_BANDS.indexOf(ageBandOf(age));
}

export const Population = z
  .strictObject({
    /** Relative weight of each age band among people with the disease; missing bands never occur. */
    ageBands: z.partialRecord(AgeBand, z.number().nonnegative()),
    /** Fraction of patients who are male: 0 for diseases of women only, 1 for men only. */
    male: Probability,
    /** Set for perinatal diseases: they begin within this many days of birth (the generator draws the age in days). */
    maxAgeDays: z.number().int().positive().max(365).optional(),
  })
  .refine((p) => Object.values(p.ageBands).some((w) => (w ?? 0) > 0), {
    message: 'at least one age band must have a positive weight',
    path: ['ageBands'],
  });
export type Population = z.infer<typeof Population>;

export const DiseaseSymptom = z.strictObject({
  term: TermId,
  /** Probability that a patient with the disease has it (moderate severity). */
  p: Probability,
  /** Typical duration when the patient comes to hospital, in days [min, max]. */
  days: z.tuple([z.number().nonnegative(), z.number().nonnegative()]),
});
export type DiseaseSymptom = z.infer<typeof DiseaseSymptom>;

export const DiseaseFinding = z.strictObject({
  term: TermId,
  p: Probability,
  /** For findings on an analyte: the abnormal values it takes, [mild end, severe end], in the analyte's unit. */
  value: z.tuple([z.number(), z.number()]).optional(),
});
export type DiseaseFinding = z.infer<typeof DiseaseFinding>;

export const Drug = z.strictObject({
  name: Bilingual,
  /** Pharmacological class, e.g. "macrolide antibiotic". */
  class: Bilingual,
  /** Usual adult dose and route, as a textbook states it. */
  dose: Bilingual.optional(),
});
export type Drug = z.infer<typeof Drug>;

export const Treatment = z.strictObject({
  /** First-line drugs (empty when the first line is not a drug, e.g. surgery). */
  drugs: z.array(Drug),
  /** Non-drug care: procedures, lifestyle, referral, follow-up. */
  advice: Bilingual,
  /** What changes when the disease is severe (admission, IV therapy, surgery…). */
  severe: Bilingual.optional(),
});
export type Treatment = z.infer<typeof Treatment>;

export const RiskFactor = z.strictObject({
  kind: z.enum(['past', 'lifestyle', 'family', 'exposure', 'medication']),
  text: Bilingual,
  p: Probability,
  /** The history term this factor is, when the vocabulary has one (smoker, pregnant, recent-travel…): the doctors weigh it. */
  term: TermId.optional(),
  /** Set when only people of one sex can have it (pregnancy, the contraceptive pill). */
  sex: Sex.optional(),
});

/**
 * How often the disease comes to a doctor in the real world. With `population` (who gets it) it
 * gives the base rate by age band and sex; the open-world doctors start from it, and the realistic
 * population draws arrivals from it.
 */
export const Epidemiology = z.strictObject({
  /** New presentations to a doctor per 100,000 people per year, all ages and both sexes together. */
  per100k: z.number().positive().max(50_000),
  /** Where people with it first present: a clinic, or the emergency department. */
  setting: z.enum(['outpatient', 'emergency']),
  /**
   * History terms of which at least one must be present for the disease to be possible: injury,
   * poisoning, a bite, a burn, submersion, an electric shock. Without one the prior is near zero.
   */
  exposure: z.array(TermId).default([]),
});
export type Epidemiology = z.infer<typeof Epidemiology>;
export type RiskFactor = z.infer<typeof RiskFactor>;

export const Disease = z.strictObject({
  id: DiseaseId,
  /** A valid, specific ICD-10 (WHO) code, e.g. "J18.9". */
  icd10: z.string().regex(/^[A-Z]\d{2}(\.\d{1,2})?$/, 'an ICD-10 code such as "J18.9"'),
  name: Bilingual,
  synonyms: BilingualList.default({ en: [], zh: [] }),
  department: DepartmentId,
  population: Population,
  onset: z.enum(['acute', 'subacute', 'chronic']),
  /** Relative frequency of each severity among presenting patients. */
  severity: z.strictObject({ mild: z.number().nonnegative(), moderate: z.number().nonnegative(), severe: z.number().nonnegative() }),
  symptoms: z.array(DiseaseSymptom).min(2),
  findings: z.array(DiseaseFinding).min(1),
  /** Examinations that establish the diagnosis; ordering one of them counts as the right examination. */
  keyExams: z.array(ExamId).min(1),
  /** Terms that, when present, mean the patient needs emergency care now. */
  redFlags: z.array(TermId).default([]),
  riskFactors: z.array(RiskFactor).default([]),
  epidemiology: Epidemiology.optional(),
  treatment: Treatment,
  /** Diseases a doctor commonly takes this one for. */
  confusedWith: z.array(DiseaseId).default([]),
  /** One teaching point a clinical teacher would stress. */
  teaching: Bilingual,
});
export type Disease = z.infer<typeof Disease>;
export const DiseaseFile = z.array(Disease).min(1);
