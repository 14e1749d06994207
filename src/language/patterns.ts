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
  /** Set on every candidate (undefined when not gapped), so all candidates share one shape. */
  units: number[] | undefined;
  first: number;
  last: number;
  size: number;
}

/** Words that may stand or not without changing what a phrase says, as their keys (stems). */
const DETERMINERS = new Set(['a', 'an', 'the', 'my', 'your', 'his', 'her', 'our', 'their', 'some', 'this', 'its'].map(stemWord));

/** A trie node over the first segment's units; phrases whose first segment ends here hang on it. */
interface TrieNode {
  /** The node's number in the compiled trie: its place in `PatternIndex.nodes`. */
  id: number;
  next: Map<string, TrieNode>;
  here: Compiled[];
  /** The children reached by a determiner, kept apart so a walk tries only those that exist. */
  determiners: [string, TrieNode][];
}

/**
 * The trie compiled for walking: nodes are numbers (0 is the root), units are numbers, and each
 * node's children, phrases and determiner children are runs of flat arrays. A walk then reads a
 * few small typed arrays instead of chasing a map per node, which is what a text's many short
 * walks spend their time on.
 */
interface FlatTrie {
  /** Unit → its number, for the units of every phrase. */
  unitId: Map<string, number>;
  /** Single-code-unit keys (every Chinese character, most letters) → unit number + 1, 0 for none: no hashing. */
  charId: Int32Array;
  /** Unit number → the root's child for it, or -1. */
  rootChild: Int32Array;
  /**
   * Node n's record is node[3n …]: where its edges, phrases and determiner children start; the
   * next node's record says where they end. One record is read per step, from one place.
   */
  node: Int32Array;
  /** Edges as (unit, child) pairs, each node's sorted by unit. */
  edges: Int32Array;
  /** Phrases: what each names, its size and, for a gapped phrase only, its segments (most phrases have one). */
  hereEntry: Entry[];
  hereSize: Int32Array;
  hereGapped: (string[][] | undefined)[];
  /** For a gapped phrase, the units of its later segments: all must be in the text for it to be looked for. */
  hereNeeds: (Int32Array | undefined)[];
  /** Determiner children as (unit, child) pairs, in the order they were added. */
  dets: Int32Array;
  /** seenIn[unit] === the current text's stamp when the unit is in that text. */
  seenIn: Int32Array;
  stamp: number;
}

export class PatternIndex {
  private readonly root: TrieNode = { id: 0, next: new Map(), here: [], determiners: [] };
  /** Every node, by its number. */
  private readonly nodes: TrieNode[] = [this.root];
  private readonly seen = new Set<string>();
  /** Compiled on the first search after a phrase was added. */
  private flat: FlatTrie | undefined;

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
    this.flat = undefined;
    let node = this.root;
    for (const unit of segments[0] as string[]) {
      let child = node.next.get(unit);
      if (!child) {
        child = { id: this.nodes.length, next: new Map(), here: [], determiners: [] };
        this.nodes.push(child);
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

  private compile(): FlatTrie {
    const nodes = this.nodes;
    const unitId = new Map<string, number>();
    const idOf = (unit: string): number => {
      let id = unitId.get(unit);
      if (id === undefined) unitId.set(unit, (id = unitId.size));
      return id;
    };
    const node = new Int32Array(3 * (nodes.length + 1));
    const edges: number[] = [];
    const hereEntry: Entry[] = [];
    const hereSize: number[] = [];
    const hereGapped: (string[][] | undefined)[] = [];
    const hereNeeds: (Int32Array | undefined)[] = [];
    const dets: number[] = [];
    for (let n = 0; n < nodes.length; n++) {
      const { next, here, determiners } = nodes[n] as TrieNode;
      node[3 * n] = edges.length / 2;
      node[3 * n + 1] = hereEntry.length;
      node[3 * n + 2] = dets.length / 2;
      // Sorted by unit, for the search by halves (most nodes have a single child).
      const children = [...next].map(([unit, child]) => [idOf(unit), child.id] as const);
      if (children.length > 1) children.sort((a, b) => a[0] - b[0]);
      for (const [u, c] of children) edges.push(u, c);
      for (const c of here) {
        hereEntry.push(c.entry);
        hereSize.push(c.size);
        const gapped = c.segments.length > 1;
        hereGapped.push(gapped ? c.segments : undefined);
        hereNeeds.push(gapped ? Int32Array.from(c.segments.slice(1).flat(), idOf) : undefined);
      }
      for (const [unit, child] of determiners) dets.push(idOf(unit), child.id);
    }
    node[3 * nodes.length] = edges.length / 2;
    node[3 * nodes.length + 1] = hereEntry.length;
    node[3 * nodes.length + 2] = dets.length / 2;
    const charId = new Int32Array(0x10000);
    for (const [unit, id] of unitId) if (unit.length === 1) charId[unit.charCodeAt(0)] = id + 1;
    const rootChild = new Int32Array(unitId.size).fill(-1);
    for (const [unit, child] of this.root.next) rootChild[unitId.get(unit) as number] = child.id;
    return {
      unitId,
      charId,
      rootChild,
      node,
      edges: Int32Array.from(edges),
      hereEntry,
      hereSize: Int32Array.from(hereSize),
      hereGapped,
      hereNeeds,
      dets: Int32Array.from(dets),
      seenIn: new Int32Array(unitId.size),
      stamp: 0,
    };
  }

  /**
   * Every phrase occurrence in `keys` that stays inside one clause (`clauseOf[i]` numbers the
   * clause of unit i). A gap may not cross a clause, nor exceed `maxGap` units. Walking the trie
   * from each unit costs only as many steps as the text agrees with some phrase.
   */
  find(keys: readonly string[], clauseOf: readonly number[]): Candidate[] {
    const trie = (this.flat ??= this.compile());
    // Each unit of the text as the trie's number for it (-1: no phrase has it), looked up once.
    const ids = new Int32Array(keys.length);
    // A new stamp marks the units of this text (stamps restart long before they could overflow).
    if (++trie.stamp > 0x3fffffff) {
      trie.seenIn.fill(0);
      trie.stamp = 1;
    }
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      const id = key.length === 1 ? (trie.charId[key.charCodeAt(0)] as number) - 1 : (trie.unitId.get(key) ?? -1);
      ids[i] = id;
      if (id >= 0) trie.seenIn[id] = trie.stamp;
    }
    const out: Candidate[] = [];
    const walk = new Walk(trie, this, keys, ids, clauseOf, out);
    // Most words start no phrase: one look-up decides, before any walk.
    for (let i = 0; i < keys.length; i++) {
      const id = ids[i] as number;
      const first = id < 0 ? -1 : (trie.rootChild[id] as number);
      if (first >= 0) walk.from(first, i, i + 1, 0, false);
    }
    return out;
  }

  /** The later segments of a gapped phrase, each within `maxGap` units of the one before (read by a walk). */
  matchRest(
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

/** One text's walks through a compiled trie. */
class Walk {
  constructor(
    private readonly trie: FlatTrie,
    private readonly index: PatternIndex,
    private readonly keys: readonly string[],
    private readonly ids: Int32Array,
    private readonly clauseOf: readonly number[],
    private readonly out: Candidate[],
  ) {}

  /** The child of `node` by unit `id`, or -1: a short run of sorted edges, searched by halves. */
  private child(node: number, id: number): number {
    const { edges } = this.trie;
    let lo = this.trie.node[3 * node] as number;
    let hi = (this.trie.node[3 * node + 3] as number) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const u = edges[2 * mid] as number;
      if (u === id) return edges[2 * mid + 1] as number;
      if (u < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Whether every unit of a gapped phrase's later segments is somewhere in the text: if not, its gap need not be searched. */
  private present(needs: Int32Array): boolean {
    const { seenIn, stamp } = this.trie;
    for (let k = 0; k < needs.length; k++) if (seenIn[needs[k] as number] !== stamp) return false;
    return true;
  }

  /**
   * Follows the trie from unit `j` on. A determiner ("the", "my", "a"…) may be skipped on either
   * side, so "blood in the urine" meets the lexicon's "blood in my urine" and "blood in urine".
   */
  from(node: number, i: number, j: number, skips: number, skippedLast: boolean): void {
    const { trie, keys, clauseOf, out } = this;
    const record = 3 * node;
    // A phrase whose last word was skipped is not found: "crushed my" does not say "crushing".
    if (j > i && !skippedLast) {
      const end = trie.node[record + 4] as number;
      for (let h = trie.node[record + 1] as number; h < end; h++) {
        const segments = trie.hereGapped[h];
        const entry = trie.hereEntry[h] as Entry;
        const size = trie.hereSize[h] as number;
        if (!segments) {
          out.push({ entry, units: undefined, first: i, last: j - 1, size });
          continue;
        }
        if (!this.present(trie.hereNeeds[h] as Int32Array)) continue;
        const rest = this.index.matchRest(segments, keys, clauseOf, j, clauseOf[i] as number);
        if (!rest) continue;
        const units: number[] = [];
        for (let u = i; u < j; u++) units.push(u);
        units.push(...rest);
        out.push({ entry, units, first: i, last: units[units.length - 1] as number, size });
      }
    }
    if (trie.node[record] === trie.node[record + 3]) return;
    // The unit at j, unless the text or the clause has ended there (-2: nothing to follow).
    const inClause = j < keys.length && clauseOf[j] === clauseOf[i];
    const id = inClause ? (this.ids[j] as number) : -2;
    const child = id < 0 ? -1 : this.child(node, id);
    if (child >= 0) this.from(child, i, j + 1, skips, false);
    // A phrase never starts by skipping, and two skips in one phrase are enough.
    if (j === i || skips >= 2 || node === 0) return;
    if (inClause && child < 0 && DETERMINERS.has(keys[j] as string)) this.from(node, i, j + 1, skips + 1, false);
    // Past a determiner of the phrase the text leaves out (the text's own unit, when it is that determiner, was followed above).
    const end = trie.node[record + 5] as number;
    for (let k = trie.node[record + 2] as number; k < end; k++) {
      if (trie.dets[2 * k] !== id) this.from(trie.dets[2 * k + 1] as number, i, j, skips + 1, true);
    }
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
