/**
 * The lexicon's phrases compiled for matching, for either language: a phrase is one or more
 * segments of units (English stems, or Chinese characters); between two segments may stand a
 * gap of up to `maxGap` units of the same clause ("burn ... pee" matches "it burns when I pee").
 * Matching is linear in the text: at each unit only phrases that start with that unit are tried,
 * and no phrase is longer than `maxUnits` units.
 */

/** What a phrase names: a vocabulary term, a body site, a generic complaint (pain, swelling…) or a context cue. */
export type EntryKind = 'term' | 'site' | 'concept' | 'cue';

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

/** One phrase found in a text. `units` are the indices of the text units it consumed. */
export interface Candidate {
  entry: Entry;
  units: number[];
  first: number;
  last: number;
  size: number;
}

export class PatternIndex {
  private readonly byFirst = new Map<string, Compiled[]>();
  private readonly seen = new Set<string>();

  constructor(
    readonly maxGap: number,
    private readonly maxUnits = 24,
  ) {}

  /** Adds a phrase unless the same units already name something: the first writer wins. */
  add(segments: string[][], entry: Entry): void {
    const flat = segments.map((s) => s.join(' ')).join(' … ');
    const size = segments.reduce((n, s) => n + s.length, 0);
    if (size === 0 || size > this.maxUnits) return;
    const key = `${entry.kind}|${flat}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const first = segments[0]?.[0] as string;
    const list = this.byFirst.get(first);
    const compiled = { segments, entry, size };
    if (list) list.push(compiled);
    else this.byFirst.set(first, [compiled]);
  }

  /** Whether some phrase of this kind starts with `key`. */
  starts(key: string): boolean {
    return this.byFirst.has(key);
  }

  /**
   * Every phrase occurrence in `keys` that stays inside one clause (`clauseOf[i]` numbers the
   * clause of unit i). A gap may not cross a clause, nor exceed `maxGap` units.
   */
  find(keys: readonly string[], clauseOf: readonly number[]): Candidate[] {
    const out: Candidate[] = [];
    for (let i = 0; i < keys.length; i++) {
      const list = this.byFirst.get(keys[i] as string);
      if (!list) continue;
      for (const c of list) {
        const units = this.matchAt(c.segments, keys, clauseOf, i);
        if (units) out.push({ entry: c.entry, units, first: units[0] as number, last: units[units.length - 1] as number, size: c.size });
      }
    }
    return out;
  }

  private matchAt(segments: string[][], keys: readonly string[], clauseOf: readonly number[], at: number): number[] | undefined {
    const clause = clauseOf[at];
    const units: number[] = [];
    let pos = at;
    for (let s = 0; s < segments.length; s++) {
      const seg = segments[s] as string[];
      const limit = s === 0 ? pos : Math.min(keys.length - seg.length, pos + this.maxGap);
      let found = -1;
      for (let start = pos; start <= limit; start++) {
        if (clauseOf[start] !== clause) break;
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
    if (c.units.some((u) => used[u])) continue;
    for (const u of c.units) used[u] = 1;
    out.push(c);
  }
  return out.sort((a, b) => a.first - b.first);
}
