/**
 * Typo tolerance for English: a word the lexicon does not know is replaced by the one lexicon
 * word within one edit (words of 5–7 letters) or two edits (8 or more), an edit being an
 * insertion, a deletion, a substitution or a swap of neighbours (Damerau–Levenshtein). Short
 * words are never corrected ("pee" is not "bee"), nor common English words, nor a word with two
 * equally near corrections: a guess would be worse than no reading.
 *
 * Candidates are found through a deletion index (the SymSpell idea): every lexicon word is
 * stored under the strings it becomes with up to two letters deleted, so a look-up costs a few
 * map reads, not a scan of the lexicon.
 */
const MIN_LENGTH = 5;
const DIGIT = /\d/;
const TWO_EDITS_FROM = 8;

/** Everyday words that sit one edit from a lexicon word and must stay as typed. */
const NEVER_CORRECT = new Set(
  `about above after again against along already although always among another around asked
  being below between bring brought cause could didnt doesnt doing during early either every
  first found given going gonna great having heard hours house later least leave little lived
  maybe might month months never night other ought place quite really right round seems shall
  since small still taken their there these thing things think those three times today under
  until using usual wanna water where which while whole whose would wrote years yesterday young
  threw three throw thrown sweet sweat seven eight weeks worse worst wrist waist weigh weight
  sleep sleepy steep scared sacred breath breathe breadth bread later layer chest cheat
  blood flood bleed blend stool stood stole storm start stark heart heard heat hear
  world would words works worked weird wired tired tried tires tries stuck struck stick
  underactive overactive angiogram angiograms`.split(/\s+/),
);

function deletes(word: string, depth: number, out: Set<string>): void {
  if (depth === 0) return;
  for (let i = 0; i < word.length; i++) {
    const d = word.slice(0, i) + word.slice(i + 1);
    if (!out.has(d)) {
      out.add(d);
      if (depth > 1) deletes(d, depth - 1, out);
    }
  }
}

/** Optimal string alignment distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const prev2 = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev2[j - 2] as number) + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    for (let j = 0; j <= b.length; j++) prev2[j] = prev[j] as number;
    prev = cur;
  }
  return prev[b.length] as number;
}

export class TypoCorrector {
  private readonly known = new Set<string>();
  private readonly index = new Map<string, string[]>();
  private readonly cache = new Map<string, string>();
  private readonly keep = new Set<string>();

  /** `words`: the lexicon's words, the corrections; `keep`: real words that are never corrected. */
  constructor(words: Iterable<string>, keep: Iterable<string> = []) {
    for (const w of keep) this.keep.add(w);
    for (const w of words) {
      if (w.length < MIN_LENGTH || this.known.has(w) || /\d/.test(w)) continue;
      this.known.add(w);
      const keys = new Set<string>([w]);
      deletes(w, w.length >= TWO_EDITS_FROM - 1 ? 2 : 1, keys);
      for (const k of keys) {
        const list = this.index.get(k);
        if (list) list.push(w);
        else this.index.set(k, [w]);
      }
    }
  }

  /** The word, or its one nearest lexicon word when it is a likely typo of it. */
  correct(word: string): string {
    if (word.length < MIN_LENGTH || this.known.has(word) || NEVER_CORRECT.has(word) || this.keep.has(word) || DIGIT.test(word)) return word;
    // Adverbs are ordinary words far more often than misspelt terms ("extremely" is not "extremity").
    if (word.endsWith('ly')) return word;
    const hit = this.cache.get(word);
    if (hit !== undefined) return hit;
    const max = word.length >= TWO_EDITS_FROM ? 2 : 1;
    const keys = new Set<string>([word]);
    deletes(word, max, keys);
    let best: string | undefined;
    let bestDistance = max + 1;
    let tie = false;
    for (const k of keys) {
      for (const cand of this.index.get(k) ?? []) {
        if (cand === best) continue;
        // The first letter is rarely the mistyped one; requiring it keeps "tummy" from "mummy".
        if (cand[0] !== word[0]) continue;
        const d = editDistance(word, cand, max);
        if (d < bestDistance) {
          best = cand;
          bestDistance = d;
          tie = false;
        } else if (d === bestDistance && cand !== best) tie = true;
      }
    }
    const out = best !== undefined && !tie && bestDistance <= max ? best : word;
    if (this.cache.size < 50_000) this.cache.set(word, out);
    return out;
  }
}
