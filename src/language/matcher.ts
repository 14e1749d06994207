import type { Lang } from '../schema/common';
import type { TermId } from '../schema/ids';
import { EMPTY_LANGUAGE_DATA, type Extraction, type LanguageData, type Span } from '../schema/language';
import { HISTORY_BACKGROUND } from '../knowledge/epidemiology';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { englishTokens } from './english';
import { PlainWords } from './plain';
import { ClinicalLanguage } from './understand';

export interface TermMatch {
  term: TermId;
  /** True when the phrase was denied ("no fever", "否认胸痛"). */
  negated: boolean;
  /** The words of the input that said it. */
  text: string;
}

/** Words that carry no clinical meaning of their own when comparing a paraphrase with a name. */
const STOPWORDS = new Set(
  `the a an of in on at to and or with without for from by is are was were shows show showing seen noted there both left right
  mild moderate severe point sign signs patient has have had my i me it its this that very some since days day week weeks hour
  hours be been am do does did can could will would shall should may might must get gets got keep keeps`.split(/\s+/),
);
const NEGATIONS = new Set(['no', 'not', 'deni', 'deny', 'without', 'never', 'neg', 'nil', 'none']);

function contentWords(phrase: string): string[] {
  return englishTokens(phrase)
    .map((t) => t.key)
    .filter((w) => !STOPWORDS.has(w) && !/^\d+$/.test(w));
}

/**
 * The door every typed text goes through: what it says as knowledge-base terms. `understand`
 * gives the whole reading (spans with negation, certainty, whose, site, duration, value);
 * `match` gives the patient's own current complaints and denials, for the callers that only
 * need those. Built from the knowledge base and the language data (assets/language/); with
 * no data it still reads the knowledge base's own names and synonyms.
 */
export class VocabularyMatcher {
  readonly language: ClinicalLanguage;
  /** Everyday words for asking about and telling each term. */
  readonly words: PlainWords;
  /** Content word → the English names and synonyms (as word sets) that contain it, for paraphrases. */
  private readonly byWord = new Map<string, { term: TermId; words: string[] }[]>();

  constructor(
    readonly kb: KnowledgeBase,
    data: LanguageData = EMPTY_LANGUAGE_DATA,
  ) {
    this.language = new ClinicalLanguage(kb, data);
    this.words = new PlainWords(kb, data.plain);
    for (const term of kb.terms) {
      for (const phrase of [term.name.en, ...term.synonyms.en]) {
        // Names with numbers (assays such as "14-3-3 positive") and one-word names are read only
        // as written: what is left without the number, or a single word, is too ambiguous.
        if (/\d/.test(phrase)) continue;
        // A name that carries its own denial ("unable to pass urine") turns on polarity that a
        // bag of words cannot see ("not much pee"): read only as written.
        if (englishTokens(phrase).some((t) => NEGATIONS.has(t.key))) continue;
        const words = [...new Set(contentWords(phrase))];
        if (words.length < 2) continue;
        for (const w of words) {
          const list = this.byWord.get(w);
          if (list) list.push({ term: term.id, words });
          else this.byWord.set(w, [{ term: term.id, words }]);
        }
      }
    }
  }

  /** A body site's name, for showing where a complaint is ("right lower quadrant", "右下腹"). */
  siteName(id: string, lang: Lang): string {
    return this.language.lexicon.sites.get(id)?.name[lang] ?? id.replace(/-/g, ' ');
  }

  understand(text: string, lang?: Lang): Extraction {
    return this.language.understand(text, lang);
  }

  /**
   * The patient's own current complaints and denials, in order of appearance, each term once. A
   * history term told as past still counts: an ex-smoker has smoked, "a clot in 2020" is a previous clot.
   */
  match(text: string, lang?: Lang): TermMatch[] {
    const seen = new Set<TermId>();
    const out: TermMatch[] = [];
    for (const s of this.understand(text, lang).spans) {
      if (s.subject !== 'patient' || !ownNow(s) || seen.has(s.term)) continue;
      seen.add(s.term);
      out.push({ term: s.term, negated: s.temporality === 'current' && !s.present, text: s.text });
    }
    return out;
  }

  /**
   * A clinician's paraphrase no phrase matches ("tenderness at McBurney point with rebound"):
   * the term whose name shares the most content words with it, if it covers at least two
   * thirds of that name and at least two words (one for a single-word name of 5+ letters).
   */
  /**
   * A paraphrase must keep the name's most telling word (the one fewest names share): "worse at
   * night" is not "toothache worse at night", though two of its three words are there.
   */
  private keepsRarest(name: readonly string[], words: ReadonlySet<string>): boolean {
    let rarest = Infinity;
    for (const w of name) rarest = Math.min(rarest, this.byWord.get(w)?.length ?? 0);
    return name.some((w) => words.has(w) && (this.byWord.get(w)?.length ?? 0) === rarest);
  }

  matchLoosely(text: string): TermMatch | undefined {
    const words = new Set(contentWords(text));
    let best: { term: TermId; score: number; words: string[] } | undefined;
    const seen = new Set<{ term: TermId; words: string[] }>();
    for (const w of words) {
      for (const cand of this.byWord.get(w) ?? []) {
        if (seen.has(cand)) continue;
        seen.add(cand);
        const common = cand.words.filter((x) => words.has(x)).length;
        const cover = common / cand.words.length;
        // Every word of a short name, two thirds of a long one, and always its most telling word.
        if (cover < (cand.words.length <= 3 ? 1 : 2 / 3) || !this.keepsRarest(cand.words, words)) continue;
        const score = cover + common / 100;
        if (!best || score > best.score) best = { term: cand.term, score, words: cand.words };
      }
    }
    if (!best) return undefined;
    // Denied only by a denial next to the name's words: shortly before its first ("no occupational
    // dust exposure") or right after its last ("AMA negative"), not anywhere in the sentence.
    const keys = englishTokens(text).map((t) => t.key);
    const named = new Set(best.words);
    const first = keys.findIndex((k) => named.has(k));
    let last = first;
    keys.forEach((k, i) => {
      if (named.has(k)) last = i;
    });
    const near = [...keys.slice(Math.max(0, first - 3), first), ...keys.slice(last + 1, last + 3)];
    const negated = first >= 0 && near.some((k) => NEGATIONS.has(k));
    return { term: best.term, negated, text: best.words.join(' ') };
  }
}

/** Whether a span of the patient's counts as what they have now: a current reading, or a history term's past one. */
export function ownNow(s: Span): boolean {
  return s.temporality === 'current' || s.term in HISTORY_BACKGROUND;
}
