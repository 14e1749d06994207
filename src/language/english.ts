import { stemmer } from 'stemmer';

/**
 * English words as the language layer compares them: lower case, contractions expanded,
 * British and American spellings folded together, and each word reduced to its Porter stem
 * (the `stemmer` package: a small, well-kept implementation of the algorithm every clinical
 * NLP toolkit ships). The same function reads the lexicons and the person's words, so "it
 * burns when I'm peeing" and the lexicon's "burn ... pee" meet at the same stems.
 */

/** One word of the input, with where it stands in the original text. */
export interface Token {
  /** The comparable form (folded, stemmed). */
  key: string;
  /** The folded surface word before stemming (typo tolerance compares these). */
  word: string;
  start: number;
  end: number;
}

/** Contractions people type, expanded to the words a negation or a phrase is written with. */
const CONTRACTIONS: Record<string, string[]> = {
  "can't": ['can', 'not'],
  cant: ['can', 'not'],
  "won't": ['will', 'not'],
  wont: ['will', 'not'],
  "shan't": ['shall', 'not'],
  "ain't": ['is', 'not'],
  "i'm": ['i', 'am'],
  im: ['i', 'am'],
  "it's": ['it', 'is'],
  "i've": ['i', 'have'],
  ive: ['i', 'have'],
  "i'd": ['i', 'would'],
  "i'll": ['i', 'will'],
  "let's": ['let', 'us'],
  "y'all": ['you', 'all'],
};
// Text-speak, spelled out: "pee burns n i gotta go", "cnt sleep at nite", "coz".
const TEXT_SPEAK: Record<string, string> = {
  u: 'you',
  ur: 'your',
  n: 'and',
  nd: 'and',
  cnt: 'can not',
  dnt: 'do not',
  didnt: 'did not',
  rn: 'right now',
  bc: 'because',
  cos: 'because',
  coz: 'because',
  cuz: 'because',
  bcoz: 'because',
  thru: 'through',
  tho: 'though',
  wiv: 'with',
  abt: 'about',
  ppl: 'people',
  pls: 'please',
  plz: 'please',
  gotta: 'got to',
  gonna: 'going to',
  wanna: 'want to',
  nite: 'night',
  tmrw: 'tomorrow',
  yday: 'yesterday',
  lyk: 'like',
  hav: 'have',
  evry: 'every',
  wat: 'what',
  wen: 'when',
  sumtimes: 'sometimes',
};
for (const [k, v] of Object.entries(TEXT_SPEAK)) CONTRACTIONS[k] = v.split(' ');
// Phone typing drops the apostrophe: "dont", "doesnt", "cant".
for (const w of ['do', 'does', 'did', 'is', 'was', 'have', 'has', 'had', 'could', 'would', 'should', 'are', 'were', 'need']) {
  CONTRACTIONS[`${w}nt`] = [w, 'not'];
}

/** Spelling folds: British and American forms meet ("diarrhoea" = "diarrhea", "anaemia" = "anemia"). */
export function foldSpelling(word: string): string {
  let w = word;
  if (w.length >= 5) w = w.replace(/ae/g, 'e').replace(/oe/g, 'e');
  if (w.length >= 6) w = w.replace(/our$/, 'or').replace(/ours$/, 'ors');
  if (w.length >= 6) w = w.replace(/([a-z]{3})is(e|ed|es|ing)$/, '$1iz$2');
  if (w.length >= 6) w = w.replace(/tre$/, 'ter');
  return w;
}

/**
 * Forms whose stem names something else: "spotting" is bleeding, "a spot" a pimple; "falling
 * asleep" is no fall; "it stopped" says a complaint has gone, "can't stop" does not; "fitting" is
 * a seizure, "doesn't fit" is shoes. And "his", "this", "its" stay whole: their stems ("hi", "thi",
 * "it") would make "hi fever" and "it" skippable as determiners.
 */
const KEEP_FORM = new Set(['spotting', 'falling', 'stopped', 'fitting', 'his', 'this', 'its', 'intermittent', 'quite']);
/**
 * Words whose bare form means something else than their inflections: "a faint murmur" is not
 * fainting ("fainted", "fainting" stem to "faint"); "felt faint" is read by its own phrases.
 */
const OWN_KEY = new Map([['faint', 'faint~']]);

const stemCache = new Map<string, string>();
/** The comparable key of one folded word. Cached: a lexicon and a text share most of their words. */
export function stemWord(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    // Adverbs keep their form: Porter takes "extremely" and "extremities" to one stem.
    s = OWN_KEY.get(word) ?? (/^\d/.test(word) || (word.length >= 6 && word.endsWith('ly')) || KEEP_FORM.has(word) ? word : stemmer(word));
    if (stemCache.size < 200_000) stemCache.set(word, s);
  }
  return s;
}

/** Letters of Latin script, digits, and an inner apostrophe (so "can't" stays one word to expand). */
const WORD = /\d+(?:[.,]\d+)*|[\p{Script=Latin}\p{N}]+(?:['’][\p{Script=Latin}]+)*/gu;

/**
 * The words of `text` with their offsets. `fix` may replace a word the lexicon does not know
 * by one it does (typo tolerance); it sees the folded word and returns it or a correction.
 */
const wordCache = new Map<string, { words: string[]; keys: string[] }>();

/** A typed word as folded words and keys (contractions give two); cached, since texts repeat their words. */
function readWord(raw: string): { words: string[]; keys: string[] } {
  let hit = wordCache.get(raw);
  if (hit) return hit;
  const lower = raw.toLowerCase().replace(/’/g, "'");
  const expanded = CONTRACTIONS[lower] ?? (lower.endsWith("n't") ? [lower.slice(0, -3), 'not'] : undefined);
  const words = (expanded ?? [lower.replace(/'s$/, '').replace(/'/g, '')]).filter((w) => w !== '').map(foldSpelling);
  hit = { words, keys: words.map(stemWord) };
  if (wordCache.size < 200_000) wordCache.set(raw, hit);
  return hit;
}

export function englishTokens(text: string, fix?: (word: string) => string): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const { words, keys } = readWord(m[0]);
    for (let i = 0; i < words.length; i++) {
      const word = words[i] as string;
      if (fix) {
        const fixed = fix(word);
        out.push({ key: fixed === word ? (keys[i] as string) : stemWord(fixed), word: fixed, start, end });
      } else out.push({ key: keys[i] as string, word, start, end });
    }
  }
  return out;
}

/** A lexicon phrase as keys: "burns ... when I pee" → [["burn"], ["when", "i", "pee"]] (segments split by gaps). */
export function englishPattern(phrase: string): string[][] {
  return phrase
    .split(/\s*(?:\.\.\.|…)\s*/)
    .map((seg) => englishTokens(seg).map((t) => t.key))
    .filter((seg) => seg.length > 0);
}
