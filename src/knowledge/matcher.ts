import type { Lang } from '../schema/common';
import type { TermId } from '../schema/ids';
import type { KnowledgeBase } from './knowledgeBase';

export interface TermMatch {
  term: TermId;
  /** True when the phrase was denied ("no fever", "否认胸痛"). */
  negated: boolean;
  /** The words of the input that matched. */
  text: string;
}

/** Words that deny what follows them in the same clause. */
const EN_NEGATIONS = new Set(['no', 'not', 'denies', 'deny', 'denied', 'without', 'never', 'negative', 'nil', 'none']);
const ZH_NEGATIONS = ['没有', '否认', '无', '没', '未', '不'];
/** Clause boundaries: a denial does not reach past them. "、" lists items under one verb, so it is not one. */
const EN_CLAUSE = /[.,;:!?()\n]|\bbut\b|\bhowever\b/;
const ZH_CLAUSE = /[，。；！？,.;!?（）()\n]|但是|但/;
const ZH_MAX_PHRASE = 16;
const EN_DIRECTION = { high: ['raised', 'high', 'elevated', 'increased'], low: ['low', 'reduced', 'decreased', 'depressed'] } as const;
const ZH_DIRECTION = { high: ['升高', '增高', '偏高', '高'], low: ['降低', '减低', '偏低', '低', '下降'] } as const;

/** "Alanine aminotransferase (ALT)" → ["Alanine aminotransferase", "ALT"]. */
function parenthesised(name: string): string[] {
  const m = /^(.*?)\s*[(（]([^)）]+)[)）]\s*$/.exec(name);
  return m ? [m[1] as string, m[2] as string] : [];
}
const EN_MAX_TOKENS = 8;

/**
 * English words are folded so that spelling variants meet: lower case, British "ae"/"oe"
 * (haemoptysis, oedema, diarrhoea) to American "e", and plurals to singular.
 */
export function normaliseEnglishToken(word: string): string {
  let w = word.toLowerCase();
  if (w.length >= 5) w = w.replace(/ae/g, 'e').replace(/oe/g, 'e');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  return w;
}

function englishTokens(text: string): string[] {
  return text
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .map(normaliseEnglishToken);
}

/**
 * Maps free text (English or Chinese, lay or clinical) onto vocabulary terms: the longest
 * known phrase wins, and a denial earlier in the same clause marks the term as negated.
 * Used to read typed answers, imported cases and a clinician's notes.
 */
/** Words that carry no clinical meaning of their own when comparing phrases. */
const STOPWORDS = new Set([
  'the',
  'a',
  'an',
  'of',
  'in',
  'on',
  'at',
  'to',
  'and',
  'or',
  'with',
  'without',
  'for',
  'from',
  'by',
  'is',
  'are',
  'was',
  'were',
  'shows',
  'show',
  'showing',
  'seen',
  'noted',
  'there',
  'both',
  'left',
  'right',
  'mild',
  'moderate',
  'severe',
  'point',
  'sign',
  'signs',
  'patient',
  'has',
  'have',
  'had',
  'my',
  'i',
  'me',
  'it',
  'its',
  'this',
  'that',
  'very',
  'some',
  'since',
  'for',
  'days',
  'day',
  'week',
  'weeks',
  'hour',
  'hours',
]);

function contentTokens(phrase: string): string[] {
  return englishTokens(phrase.replace(/['’]s\b/g, '')).filter((w) => !STOPWORDS.has(w) && !/^\d+$/.test(w));
}

export class VocabularyMatcher {
  private readonly en = new Map<string, TermId>();
  private readonly zh = new Map<string, TermId>();
  /** Content word → the English names and synonyms (as token sets) that contain it, for paraphrases. */
  private readonly byWord = new Map<string, { term: TermId; words: string[] }[]>();

  constructor(kb: KnowledgeBase) {
    // Names win over synonyms when two terms claim the same words; earlier files win ties.
    for (const pass of ['name', 'synonym'] as const) {
      for (const term of kb.terms) {
        const enPhrases = pass === 'name' ? [term.name.en] : term.synonyms.en;
        const zhPhrases = pass === 'name' ? [term.name.zh] : term.synonyms.zh;
        for (const phrase of enPhrases) {
          const key = englishTokens(phrase).join(' ');
          if (key && !this.en.has(key)) this.en.set(key, term.id);
        }
        for (const phrase of zhPhrases) {
          const key = phrase.trim();
          if (key && !this.zh.has(key)) this.zh.set(key, term.id);
        }
      }
    }
    this.addAnalytePhrases(kb);
    for (const term of kb.terms) {
      for (const phrase of [term.name.en, ...term.synonyms.en]) {
        const words = [...new Set(contentTokens(phrase))];
        if (words.length === 0) continue;
        for (const w of words) {
          const list = this.byWord.get(w) ?? [];
          list.push({ term: term.id, words });
          this.byWord.set(w, list);
        }
      }
    }
  }

  /**
   * A paraphrase no phrase matches exactly ("tenderness at McBurney point with rebound"):
   * the term whose name shares the most content words with it, if it covers at least two
   * thirds of that name and at least two words (one for a single-word name).
   */
  matchLoosely(text: string): TermMatch | undefined {
    const words = new Set(contentTokens(text));
    let best: { term: TermId; score: number; words: string[] } | undefined;
    const seen = new Set<{ term: TermId; words: string[] }>();
    for (const w of words) {
      for (const cand of this.byWord.get(w) ?? []) {
        if (seen.has(cand)) continue;
        seen.add(cand);
        const common = cand.words.filter((x) => words.has(x)).length;
        const cover = common / cand.words.length;
        const enough = cand.words.length === 1 ? (cand.words[0]?.length ?? 0) >= 5 : common >= 2;
        if (!enough || cover < 2 / 3) continue;
        const score = cover + common / 100;
        if (!best || score > best.score) best = { term: cand.term, score, words: cand.words };
      }
    }
    if (!best) return undefined;
    const negated = englishTokens(text).some((w) => EN_NEGATIONS.has(w));
    return { term: best.term, negated, text: best.words.join(' ') };
  }

  /**
   * Reports say "CRP elevated", "raised CRP", "血红蛋白偏低": every measured finding is also
   * reachable as a direction word with any name of its analyte, in either order.
   */
  private addAnalytePhrases(kb: KnowledgeBase): void {
    for (const term of kb.terms) {
      if (!term.analyte || !term.direction) continue;
      const analyte = kb.analyte(term.analyte).analyte;
      const enWords = EN_DIRECTION[term.direction];
      const stripEn = (s: string): string =>
        s.replace(new RegExp(`^(${[...EN_DIRECTION.high, ...EN_DIRECTION.low].join('|')})\\s+`, 'i'), '');
      const enBases = new Set([
        analyte.name.en,
        ...parenthesised(analyte.name.en),
        stripEn(term.name.en),
        ...term.synonyms.en.map(stripEn),
      ]);
      for (const base of enBases) {
        for (const word of enWords) {
          for (const phrase of [`${word} ${base}`, `${base} ${word}`]) {
            const key = englishTokens(phrase).join(' ');
            if (key && !this.en.has(key)) this.en.set(key, term.id);
          }
        }
      }
      const zhBases = new Set([analyte.name.zh, ...parenthesised(analyte.name.zh)]);
      for (const base of zhBases) {
        for (const word of ZH_DIRECTION[term.direction]) {
          const key = `${base}${word}`;
          if (!this.zh.has(key)) this.zh.set(key, term.id);
        }
      }
    }
  }

  /** All terms found in `text`, in order of appearance, each once (the first mention counts). */
  match(text: string, lang?: Lang): TermMatch[] {
    const useZh = lang === 'zh' || (lang === undefined && /\p{Script=Han}/u.test(text));
    const found = useZh ? this.matchChinese(text) : [];
    // Chinese text often carries English abbreviations (CRP, ECG); English text never needs the Chinese pass.
    const all = [...found, ...this.matchEnglish(text)];
    const seen = new Set<TermId>();
    return all.filter((m) => (seen.has(m.term) ? false : (seen.add(m.term), true)));
  }

  private matchEnglish(text: string): TermMatch[] {
    const out: TermMatch[] = [];
    for (const clause of text.split(EN_CLAUSE)) {
      const tokens = englishTokens(clause);
      let negated = false;
      for (let i = 0; i < tokens.length;) {
        let matched = 0;
        for (let n = Math.min(EN_MAX_TOKENS, tokens.length - i); n >= 1; n--) {
          const key = tokens.slice(i, i + n).join(' ');
          const term = this.en.get(key);
          if (term) {
            out.push({ term, negated, text: key });
            matched = n;
            break;
          }
        }
        if (matched === 0) {
          if (EN_NEGATIONS.has(tokens[i] as string)) negated = true;
          i += 1;
        } else i += matched;
      }
    }
    return out;
  }

  private matchChinese(text: string): TermMatch[] {
    const out: TermMatch[] = [];
    for (const clause of text.split(ZH_CLAUSE)) {
      let negated = false;
      for (let i = 0; i < clause.length;) {
        let matched = 0;
        for (let n = Math.min(ZH_MAX_PHRASE, clause.length - i); n >= 1; n--) {
          const term = this.zh.get(clause.slice(i, i + n));
          if (term) {
            out.push({ term, negated, text: clause.slice(i, i + n) });
            matched = n;
            break;
          }
        }
        if (matched === 0) {
          const cue = ZH_NEGATIONS.find((c) => clause.startsWith(c, i));
          if (cue) {
            negated = true;
            i += cue.length;
          } else i += 1;
        } else i += matched;
      }
    }
    return out;
  }
}
