/**
 * The two ways of cutting a text into units the lexicon is written in: English words (folded,
 * stemmed, typo-corrected) and Chinese characters (folded, simplified). Both passes mark where
 * sentences and clauses end, because every cue's reach and every gap stops at a clause, and a
 * complaint finds its body site within a sentence.
 */
import { foldChinese } from './chinese';
import { englishTokens } from './english';

export interface Unit {
  key: string;
  start: number;
  end: number;
}

export interface Segmented {
  units: Unit[];
  /** Clause number of each unit (a comma, a colon, a bracket or a sentence end starts a new one). */
  clauseOf: number[];
  /** Sentence number of each unit. */
  sentenceOf: number[];
  /** Sentences that end in a question mark ("Any blood in the urine? No"). */
  questions: Set<number>;
}

const SENTENCE_END = /[.!?;\n。！？；]/;
const CLAUSE_END = /[,:()[\]{}，：（）【】"“”]|\s[-–—]\s|\s\/\s/;

function mark(text: string, units: Unit[]): Segmented {
  const clauseOf: number[] = [];
  const sentenceOf: number[] = [];
  const questions = new Set<number>();
  let clause = 0;
  let sentence = 0;
  for (let i = 0; i < units.length; i++) {
    // Most units stand next to each other or one space apart, which ends nothing: no need to look closer.
    const gapStart = i > 0 ? (units[i - 1] as Unit).end : 0;
    const gapEnd = (units[i] as Unit).start;
    const plain = gapEnd <= gapStart || (gapEnd === gapStart + 1 && text.charCodeAt(gapStart) === 32);
    if (i > 0 && !plain) {
      const between = text.slice(gapStart, gapEnd);
      // A decimal point or a thousands comma inside a number ends nothing ("37.8", "15,000").
      const inNumber = /^[.,．，]$/.test(between) && /\d$/.test((units[i - 1] as Unit).key) && /^\d/.test((units[i] as Unit).key);
      if (between.length > 0 && !inNumber) {
        if (SENTENCE_END.test(between)) {
          if (/[?？]/.test(between)) questions.add(sentence);
          sentence++;
          clause++;
        } else if (CLAUSE_END.test(between)) clause++;
      }
    }
    clauseOf.push(clause);
    sentenceOf.push(sentence);
  }
  if (units.length > 0 && /[?？]\s*$/.test(text.slice((units[units.length - 1] as Unit).end))) questions.add(sentence);
  return { units, clauseOf, sentenceOf, questions };
}

export function segmentEnglish(text: string, fix: (word: string) => string): Segmented {
  return mark(
    text,
    englishTokens(text, fix).map((t) => ({ key: t.key, start: t.start, end: t.end })),
  );
}

/** A unit that is one Latin letter or digit (Chinese text is cut a character at a time, Latin ones too). */
export const LATIN_UNIT = /^[a-z0-9]$/i;

/** Letters and digits are units; spaces and punctuation only separate them. */
export const ZH_UNIT = /[\p{L}\p{N}%‰°℃+]/u;

/** Notes write a sign's result as "(-)" or "(+)": read as 阴性 / 阳性, in the same number of characters so offsets hold. */
const SIGN_RESULT = /[(（]\s?[-－—–][)）]|[(（]\s?[+＋][)）]/g;

export function segmentChinese(text: string, t2s: ReadonlyMap<string, string>): Segmented {
  const signs = text.replace(SIGN_RESULT, (m) => (/[+＋]/.test(m) ? '阳性' : '阴性').padEnd(m.length, ' '));
  const folded = foldChinese(signs, t2s);
  const units: Unit[] = [];
  let i = 0;
  for (const ch of folded.text) {
    const width = ch.length;
    if (ZH_UNIT.test(ch)) units.push({ key: ch, start: folded.origin[i] as number, end: folded.origin[i + width] as number });
    i += width;
  }
  // Units from one original character (a folded ligature) share its offsets; the last ends where it ends.
  for (const u of units) if (u.end <= u.start) u.end = u.start + 1;
  return mark(text, units);
}
