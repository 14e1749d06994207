import { z } from 'zod';
import { Bilingual } from './common';
import { AnalyteId, TermId } from './ids';

/*
 * The clinical language layer's data (assets/language/) and what it makes of a text. The files
 * are data, like the knowledge base: parsed with zod on first use, a bad one refused with its
 * file and the path inside it.
 */

/** A body site: "big toe", "below my ribs on the right", "肚脐周围". */
export const SiteId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case id such as "right-lower-quadrant"')
  .brand<'SiteId'>();
export type SiteId = z.infer<typeof SiteId>;

/** A generic complaint that needs a site to become a term: pain, swelling, itch… */
export const ConceptId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case id such as "pain"')
  .brand<'ConceptId'>();
export type ConceptId = z.infer<typeof ConceptId>;

const Phrase = z.string().min(1).max(120);

/**
 * lay.en.json / lay.zh.json: how people say each term. `...` in a phrase is a gap of a few words.
 * `also`: the phrases tell these terms too, in one stretch of words ("D&V", "上吐下泻", "大小便失禁").
 */
export const LayEntry = z.strictObject({ term: TermId, also: z.array(TermId).min(1).optional(), phrases: z.array(Phrase).min(1) });
export const LayFile = z.array(LayEntry);
export type LayFile = z.infer<typeof LayFile>;

export const SiteKind = z.enum([
  'region',
  'joint',
  'digit',
  'abdominal-region',
  'chest-region',
  'back-region',
  'head-region',
  'pelvic-region',
  'skin-area',
  'organ',
]);
export type SiteKind = z.infer<typeof SiteKind>;

export const Site = z.strictObject({
  id: SiteId,
  kind: SiteKind,
  /** The site it lies in: big toe → foot → lower limb. A rule for a site serves the sites below it. */
  parent: SiteId.optional(),
  name: Bilingual,
  phrases: z.strictObject({ en: z.array(Phrase).default([]), zh: z.array(Phrase).default([]) }),
  /** Whether left and right apply. */
  sided: z.boolean().default(false),
});
export type Site = z.infer<typeof Site>;
export const SiteFile = z.array(Site);

export const Concept = z.strictObject({
  id: ConceptId,
  phrases: z.strictObject({ en: z.array(Phrase).default([]), zh: z.array(Phrase).default([]) }),
});
export type Concept = z.infer<typeof Concept>;
export const ConceptFile = z.array(Concept);

/** A generic complaint at a site names a term: pain + knee → knee-pain. */
/**
 * siteTerms.json: the term a generic complaint names at a site. `side` narrows the rule to a
 * complaint on one side or on both ("left calf swollen" is one swollen leg, "swollen ankles" is
 * oedema); `term: null` stops the search up the site's parents (armpit pain is not limb pain).
 */
export const SiteTerm = z.strictObject({
  concept: ConceptId,
  site: SiteId,
  side: z.enum(['one', 'both']).optional(),
  term: TermId.nullable(),
});
export type SiteTerm = z.infer<typeof SiteTerm>;
export const SiteTermFile = z.array(SiteTerm);

/**
 * functions.json: a body function named without a complaint ("hearing", "bowels", "胃口"), and
 * the terms it rules out when said to be normal ("Hearing: fine", "bowels regular", "胃口好").
 */
export const BodyFunction = z.strictObject({ terms: z.array(TermId).min(1), en: z.array(Phrase), zh: z.array(Phrase) });
export type BodyFunction = z.infer<typeof BodyFunction>;
export const FunctionFile = z.array(BodyFunction);

/** plain.json: how the doctor asks about a term and how a patient says it, in everyday words. */
export const PlainEntry = z.strictObject({
  term: TermId,
  /** The question in plain words: "Does it hurt or burn when you pass urine?" */
  ask: Bilingual,
  /** The patient saying they have it: "it burns when I pee". */
  say: Bilingual,
  /** A plain noun phrase: "pain or burning when passing urine". */
  name: Bilingual,
});
export type PlainEntry = z.infer<typeof PlainEntry>;
export const PlainFile = z.array(PlainEntry);

/** What a context cue does (src/language/cues.ts says each in full). */
export const CueKind = z.enum([
  'negate',
  'negate-after',
  'resolved',
  'resolved-after',
  'pseudo',
  'hedge',
  'family',
  'past',
  'past-after',
  'event',
  'ago',
  'simile',
  'stop',
  'migrate',
  'radiate',
  'normal',
]);
export type CueKind = z.infer<typeof CueKind>;
const CueLists = z.partialRecord(CueKind, z.array(Phrase));
/** cues.json: the words that deny, hedge, attribute to a relative or to the past, end a cue's reach… by language. */
export const CueFile = z.strictObject({ en: CueLists, zh: CueLists });
export type CueFile = z.infer<typeof CueFile>;

/** Traditional (and regional variant) characters to simplified ones. */
export const T2sFile = z.record(z.string().min(1).max(2), z.string().min(1).max(2));

/**
 * words.json: everyday English words that stand one or two letters from a lexicon word and are
 * no typo of it ("diuretic" is not "diabetic", "cooking" not "choking"), kept as typed.
 */
export const WordsFile = z.strictObject({ source: z.string(), keep: z.array(z.string().regex(/^[a-z]+$/)) });

/** Everything the language layer reads besides the knowledge base; every part may be empty. */
export interface LanguageData {
  lay: { en: LayFile; zh: LayFile };
  sites: Site[];
  concepts: Concept[];
  siteTerms: SiteTerm[];
  t2s: Record<string, string>;
  plain: PlainEntry[];
  cues: CueFile;
  /** Words the typo corrector leaves alone (words.json). */
  keep: string[];
  functions: BodyFunction[];
}

export const EMPTY_LANGUAGE_DATA: LanguageData = {
  lay: { en: [], zh: [] },
  sites: [],
  concepts: [],
  siteTerms: [],
  t2s: {},
  plain: [],
  cues: { en: {}, zh: {} },
  keep: [],
  functions: [],
};

/* ------------------------------------------------------------------ what a text says */

export const Certainty = z.enum(['certain', 'hedged']);
export type Certainty = z.infer<typeof Certainty>;
/** Whose the complaint is: the patient's (or, for a child, what the parent says of it), or a relative's. */
export const Subject = z.enum(['patient', 'family']);
export type Subject = z.infer<typeof Subject>;
/** Now, or the patient's past history ("I had shingles two years ago"). */
export const Temporality = z.enum(['current', 'past']);
export type Temporality = z.infer<typeof Temporality>;

export const SpanSite = z.strictObject({ id: SiteId, side: z.enum(['left', 'right', 'both']).optional() });
export type SpanSite = z.infer<typeof SpanSite>;

export const SpanValue = z.strictObject({
  analyte: AnalyteId,
  /** In the knowledge base's unit for the analyte (converted: 102 °F → 38.9 °C, 270 mg/dL glucose → 15 mmol/L). */
  value: z.number(),
  unit: z.string(),
  /** The value and unit as written. */
  written: z.string(),
});
export type SpanValue = z.infer<typeof SpanValue>;

export const SpanAttributes = z.strictObject({
  onset: z.enum(['sudden', 'gradual']).optional(),
  /** 0–10 when the person gave a number, else a word's reading. */
  severity: z.union([z.number().min(0).max(10), z.enum(['mild', 'moderate', 'severe'])]).optional(),
  character: z.string().optional(),
  /** What brings it on or makes it worse: exertion, night, meals, breathing, lying-flat, cold, movement. */
  triggers: z.array(z.string()).optional(),
  relievers: z.array(z.string()).optional(),
  /** Where it spreads to ("down my left arm"). */
  radiation: z.array(SpanSite).optional(),
  /** Where it started, when it moved ("started around my belly button"). */
  migratedFrom: SpanSite.optional(),
  /** Where the patient travelled, on recent travel ("thailand", "非洲"). */
  place: z.string().optional(),
  /** Weeks of gestation, on a pregnancy ("34 weeks", "孕32周"). */
  gestationWeeks: z.number().min(1).max(45).optional(),
});
export type SpanAttributes = z.infer<typeof SpanAttributes>;

/** One thing understood in a text, pointing at the words that said it. */
export const Span = z.strictObject({
  text: z.string(),
  /** Offsets in the original text, `end` exclusive. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  term: TermId,
  /** False when denied ("no fever", "没有发烧", "not any more"). */
  present: z.boolean(),
  certainty: Certainty,
  subject: Subject,
  temporality: Temporality,
  site: SpanSite.optional(),
  duration: z.strictObject({ days: z.number().nonnegative(), text: z.string() }).optional(),
  value: SpanValue.optional(),
  attributes: SpanAttributes.optional(),
});
export type Span = z.infer<typeof Span>;

/** A measured value the text gave that is within the reference range (no finding, still worth showing). */
export const NormalValue = SpanValue.extend({ start: z.number().int(), end: z.number().int() });
export type NormalValue = z.infer<typeof NormalValue>;

export const Extraction = z.strictObject({
  lang: z.enum(['en', 'zh']),
  spans: z.array(Span),
  normalValues: z.array(NormalValue),
  /** Parts of the text with words in them that mapped to nothing, so a person can rephrase. */
  unread: z.array(z.string()),
});
export type Extraction = z.infer<typeof Extraction>;
