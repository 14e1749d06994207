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
  /** Unit → its number, for the units that label some edge. */
  unitId: Map<string, number>;
  /** Single-code-unit keys (every Chinese character, most letters) → unit number + 1, 0 for none: no hashing. */
  charId: Int32Array;
  /** Unit number → the root's child for it, or -1. */
  rootChild: Int32Array;
  /** Node n's children are edges edgeStart[n] … edgeStart[n + 1] - 1, sorted by unit. */
  edgeStart: Int32Array;
  edgeUnit: Int32Array;
  edgeChild: Int32Array;
  /**
   * Node n's phrases are h = hereStart[n] … hereStart[n + 1] - 1, in the order they were added:
   * what each names, its size and, for a gapped phrase only, its segments (most phrases have one).
   */
  hereStart: Int32Array;
  hereEntry: Entry[];
  hereSize: Int32Array;
  hereGapped: (string[][] | undefined)[];
  /** Node n's determiner children, in the order they were added. */
  detStart: Int32Array;
  detUnit: Int32Array;
  detChild: Int32Array;
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
    const edgeStart = new Int32Array(nodes.length + 1);
    const hereStart = new Int32Array(nodes.length + 1);
    const detStart = new Int32Array(nodes.length + 1);
    const edgeUnit: number[] = [];
    const edgeChild: number[] = [];
    const hereEntry: Entry[] = [];
    const hereSize: number[] = [];
    const hereGapped: (string[][] | undefined)[] = [];
    const detUnit: number[] = [];
    const detChild: number[] = [];
    for (let n = 0; n < nodes.length; n++) {
      const node = nodes[n] as TrieNode;
      edgeStart[n] = edgeUnit.length;
      hereStart[n] = hereEntry.length;
      detStart[n] = detUnit.length;
      const from = edgeUnit.length;
      for (const [unit, child] of node.next) {
        edgeUnit.push(idOf(unit));
        edgeChild.push(child.id);
      }
      // Sorted by unit, for the search by halves (most nodes have a single child).
      if (edgeUnit.length - from > 1) {
        const order = edgeUnit.slice(from).map((u, k) => [u, edgeChild[from + k] as number] as const);
        order.sort((a, b) => a[0] - b[0]);
        order.forEach(([u, c], k) => {
          edgeUnit[from + k] = u;
          edgeChild[from + k] = c;
        });
      }
      for (const c of node.here) {
        hereEntry.push(c.entry);
        hereSize.push(c.size);
        hereGapped.push(c.segments.length > 1 ? c.segments : undefined);
      }
      for (const [unit, child] of node.determiners) {
        detUnit.push(idOf(unit));
        detChild.push(child.id);
      }
    }
    edgeStart[nodes.length] = edgeUnit.length;
    hereStart[nodes.length] = hereEntry.length;
    detStart[nodes.length] = detUnit.length;
    const charId = new Int32Array(0x10000);
    for (const [unit, id] of unitId) if (unit.length === 1) charId[unit.charCodeAt(0)] = id + 1;
    const rootChild = new Int32Array(unitId.size).fill(-1);
    for (const [unit, child] of this.root.next) rootChild[unitId.get(unit) as number] = child.id;
    return {
      unitId,
      charId,
      rootChild,
      edgeStart,
      edgeUnit: Int32Array.from(edgeUnit),
      edgeChild: Int32Array.from(edgeChild),
      hereStart,
      hereEntry,
      hereSize: Int32Array.from(hereSize),
      hereGapped,
      detStart,
      detUnit: Int32Array.from(detUnit),
      detChild: Int32Array.from(detChild),
    };
  }

  /**
   * Every phrase occurrence in `keys` that stays inside one clause (`clauseOf[i]` numbers the
   * clause of unit i). A gap may not cross a clause, nor exceed `maxGap` units. Walking the trie
   * from each unit costs only as many steps as the text agrees with some phrase.
   */
  find(keys: readonly string[], clauseOf: readonly number[]): Candidate[] {
    const trie = (this.flat ??= this.compile());
    // Each unit of the text as the trie's number for it (-1: no edge has it), looked up once.
    const ids = new Int32Array(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      ids[i] = key.length === 1 ? (trie.charId[key.charCodeAt(0)] as number) - 1 : (trie.unitId.get(key) ?? -1);
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

  /** The later segments of a gapped phrase, each within `maxGap` units of the one before. */
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
    const { edgeUnit } = this.trie;
    let lo = this.trie.edgeStart[node] as number;
    let hi = (this.trie.edgeStart[node + 1] as number) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const u = edgeUnit[mid] as number;
      if (u === id) return this.trie.edgeChild[mid] as number;
      if (u < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /**
   * Follows the trie from unit `j` on. A determiner ("the", "my", "a"…) may be skipped on either
   * side, so "blood in the urine" meets the lexicon's "blood in my urine" and "blood in urine".
   */
  from(node: number, i: number, j: number, skips: number, skippedLast: boolean): void {
    const { trie, keys, clauseOf, out } = this;
    // A phrase whose last word was skipped is not found: "crushed my" does not say "crushing".
    if (j > i && !skippedLast) {
      const end = trie.hereStart[node + 1] as number;
      for (let h = trie.hereStart[node] as number; h < end; h++) {
        const segments = trie.hereGapped[h];
        const entry = trie.hereEntry[h] as Entry;
        const size = trie.hereSize[h] as number;
        if (!segments) {
          out.push({ entry, units: undefined, first: i, last: j - 1, size });
          continue;
        }
        const rest = this.index.matchRest(segments, keys, clauseOf, j, clauseOf[i] as number);
        if (!rest) continue;
        const units: number[] = [];
        for (let u = i; u < j; u++) units.push(u);
        units.push(...rest);
        out.push({ entry, units, first: i, last: units[units.length - 1] as number, size });
      }
    }
    if (trie.edgeStart[node] === trie.edgeStart[node + 1]) return;
    // The unit at j, unless the text or the clause has ended there (-2: nothing to follow).
    const inClause = j < keys.length && clauseOf[j] === clauseOf[i];
    const id = inClause ? (this.ids[j] as number) : -2;
    const child = id < 0 ? -1 : this.child(node, id);
    if (child >= 0) this.from(child, i, j + 1, skips, false);
    // A phrase never starts by skipping, and two skips in one phrase are enough.
    if (j === i || skips >= 2 || node === 0) return;
    if (inClause && child < 0 && DETERMINERS.has(keys[j] as string)) this.from(node, i, j + 1, skips + 1, false);
    const end = trie.detStart[node + 1] as number;
    for (let k = trie.detStart[node] as number; k < end; k++) {
      if (trie.detUnit[k] !== id) this.from(trie.detChild[k] as number, i, j, skips + 1, true);
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
