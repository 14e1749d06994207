import { stemWord } from './english';

/**
 * The lexicon's phrases compiled for matching, for either language: a phrase is one or more
 * segments of units (English stems, or Chinese characters); between two segments may stand a
 * gap of up to `maxGap` units of the same clause ("burn ... pee" matches "it burns when I pee").
 * Matching is linear in the text: at each unit only phrases that start with that unit are tried,
 * and no phrase is longer than `maxUnits` units.
 */

/** What a phrase names: a vocabulary term, a body site, a generic complaint (pain, swelling…), a body function (hearing, bowels…) or a context cue. */
export type EntryKind = 'term' | 'site' | 'concept' | 'function' | 'cue';

export interface Entry {
  kind: EntryKind;
  id: string;
  /** Tie-break between two phrases of equal length: lower wins (names before synonyms, terms before sites). */
  rank: number;
}

interface Compiled {
  segments: string[][];
  entry: Entry;
  /** Units the phrase itself consumes (gaps excluded): longer phrases win. */
  size: number;
}

/** One phrase found in a text: it consumed units `first`…`last`, or, for a gapped phrase, only `units`. */
export interface Candidate {
  entry: Entry;
  units?: number[];
  first: number;
  last: number;
  size: number;
}

/** Words that may stand or not without changing what a phrase says, as their keys (stems). */
const DETERMINERS = new Set(['a', 'an', 'the', 'my', 'your', 'his', 'her', 'our', 'their', 'some', 'this', 'its'].map(stemWord));

/** A trie node over the first segment's units; phrases whose first segment ends here hang on it. */
interface TrieNode {
  next: Map<string, TrieNode>;
  here: Compiled[];
  /** The children reached by a determiner, kept apart so a walk tries only those that exist. */
  determiners: [string, TrieNode][];
}

export class PatternIndex {
  private readonly root: TrieNode = { next: new Map(), here: [], determiners: [] };
  private readonly seen = new Set<string>();

  constructor(
    readonly maxGap: number,
    /** Units a gap may not cross: a denial or a "but" between the parts changes what they say ("cough but no phlegm"). */
    private readonly barrier: ReadonlySet<string> = new Set(),
    private readonly maxUnits = 24,
  ) {}

  /** Adds a phrase unless the same units already name something of its kind: the first writer wins. */
  add(segments: string[][], entry: Entry): void {
    const flat = segments.map((s) => s.join(' ')).join(' … ');
    const size = segments.reduce((n, s) => n + s.length, 0);
    if (size === 0 || size > this.maxUnits) return;
    const key = `${entry.kind}|${entry.kind === 'cue' ? entry.id : ''}|${flat}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    let node = this.root;
    for (const unit of segments[0] as string[]) {
      let child = node.next.get(unit);
      if (!child) {
        child = { next: new Map(), here: [], determiners: [] };
        node.next.set(unit, child);
        if (DETERMINERS.has(unit)) node.determiners.push([unit, child]);
      }
      node = child;
    }
    node.here.push({ segments, entry, size });
  }

  /** Whether some phrase starts with `key`. */
  starts(key: string): boolean {
    return this.root.next.has(key);
  }

  /**
   * Every phrase occurrence in `keys` that stays inside one clause (`clauseOf[i]` numbers the
   * clause of unit i). A gap may not cross a clause, nor exceed `maxGap` units. Walking the trie
   * from each unit costs only as many steps as the text agrees with some phrase.
   */
  find(keys: readonly string[], clauseOf: readonly number[]): Candidate[] {
    const out: Candidate[] = [];
    const roots = this.root.next;
    // Most words start no phrase: one look-up decides, before any walk.
    for (let i = 0; i < keys.length; i++) {
      const first = roots.get(keys[i] as string);
      if (first) this.walk(first, i, i + 1, keys, clauseOf, out, 0);
    }
    return out;
  }

  /**
   * Follows the trie from unit `j` on. A determiner ("the", "my", "a"…) may be skipped on either
   * side, so "blood in the urine" meets the lexicon's "blood in my urine" and "blood in urine".
   */
  private walk(
    node: TrieNode,
    i: number,
    j: number,
    keys: readonly string[],
    clauseOf: readonly number[],
    out: Candidate[],
    skips: number,
    skippedLast = false,
  ): void {
    // A phrase whose last word was skipped is not found: "crushed my" does not say "crushing".
    if (j > i && !skippedLast) {
      for (const c of node.here) {
        if (c.segments.length === 1) {
          out.push({ entry: c.entry, first: i, last: j - 1, size: c.size });
          continue;
        }
        const rest = this.matchRest(c.segments, keys, clauseOf, j, clauseOf[i] as number);
        if (!rest) continue;
        const units: number[] = [];
        for (let u = i; u < j; u++) units.push(u);
        units.push(...rest);
        out.push({ entry: c.entry, units, first: i, last: units[units.length - 1] as number, size: c.size });
      }
    }
    if (node.next.size === 0) return;
    const key = j < keys.length && clauseOf[j] === clauseOf[i] ? (keys[j] as string) : undefined;
    const child = key === undefined ? undefined : node.next.get(key);
    if (child) this.walk(child, i, j + 1, keys, clauseOf, out, skips);
    // A phrase never starts by skipping, and two skips in one phrase are enough.
    if (j === i || skips >= 2 || node === this.root) return;
    if (key !== undefined && !child && DETERMINERS.has(key)) this.walk(node, i, j + 1, keys, clauseOf, out, skips + 1);
    const dets = node.determiners;
    for (let k = 0; k < dets.length; k++) {
      const [d, past] = dets[k] as [string, TrieNode];
      if (d !== key) this.walk(past, i, j, keys, clauseOf, out, skips + 1, true);
    }
  }

  /** The later segments of a gapped phrase, each within `maxGap` units of the one before. */
  private matchRest(
    segments: string[][],
    keys: readonly string[],
    clauseOf: readonly number[],
    from: number,
    clause: number,
  ): number[] | undefined {
    const units: number[] = [];
    let pos = from;
    for (let s = 1; s < segments.length; s++) {
      const seg = segments[s] as string[];
      const limit = Math.min(keys.length - seg.length, pos + this.maxGap);
      let found = -1;
      for (let start = pos; start <= limit; start++) {
        if (clauseOf[start] !== clause) break;
        if (start > pos && this.barrier.has(keys[start - 1] as string)) break;
        let ok = true;
        for (let k = 0; k < seg.length; k++) {
          if (keys[start + k] !== seg[k] || clauseOf[start + k] !== clause) {
            ok = false;
            break;
          }
        }
        if (ok) {
          found = start;
          break;
        }
      }
      if (found < 0) return undefined;
      for (let k = 0; k < seg.length; k++) units.push(found + k);
      pos = found + seg.length;
    }
    return units;
  }
}

/** The units a candidate consumed. */
export function unitsOf(c: Candidate): number[] {
  if (c.units) return c.units;
  const out: number[] = [];
  for (let u = c.first; u <= c.last; u++) out.push(u);
  return out;
}

/**
 * Picks non-overlapping candidates: the phrase consuming the most units wins, then the lower
 * rank, then the earlier one. A unit consumed by a winner cannot serve another phrase, but the
 * gap inside a gapped phrase stays free for others ("pain in my chest when I breathe in").
 */
export function selectCandidates(cands: Candidate[], unitCount: number): Candidate[] {
  const order = [...cands].sort((a, b) => b.size - a.size || a.entry.rank - b.entry.rank || a.first - b.first);
  const used = new Uint8Array(unitCount);
  const out: Candidate[] = [];
  for (const c of order) {
    if (c.units) {
      if (c.units.some((u) => used[u])) continue;
      for (const u of c.units) used[u] = 1;
    } else {
      let free = true;
      for (let u = c.first; u <= c.last && free; u++) if (used[u]) free = false;
      if (!free) continue;
      used.fill(1, c.first, c.last + 1);
    }
    out.push(c);
  }
  return out.sort((a, b) => a.first - b.first);
}
