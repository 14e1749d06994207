/**
 * The case base: cases a doctor got right, kept with what was observed, and retrieved by
 * similarity of presentation at the next diagnosis (MedAgent-Zero).
 *
 * Storage is columnar (typed arrays in one arena) so that a million cases fit in memory, and
 * retrieval only scans the cases of the diseases currently in the differential: the per-disease
 * partition is the index. `bruteForce` scans everything and is kept as the baseline it is
 * measured against.
 */
export interface CaseInput {
  disease: number;
  /** Term indexes observed present / absent, any order. */
  present: readonly number[];
  absent: readonly number[];
  ageBand: number;
  male: boolean;
  /** Which consultation (counted across the run) produced it. */
  consultation: number;
}

export interface StoredCase {
  id: number;
  disease: number;
  present: Int32Array;
  absent: Int32Array;
  ageBand: number;
  male: boolean;
  consultation: number;
}

export interface RetrievedCase {
  id: number;
  disease: number;
  similarity: number;
}

class GrowableInt32 {
  data: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

export class CaseBase {
  private readonly arena = new GrowableInt32(1 << 16);
  /** Per case: arena offset of present terms, their count, absent count, disease, band|male<<4, consultation. */
  private readonly meta = new GrowableInt32(1 << 12);
  private static readonly META = 6;
  private readonly byDisease: GrowableInt32[];

  constructor(readonly diseaseCount: number) {
    this.byDisease = Array.from({ length: diseaseCount }, () => new GrowableInt32(8));
  }

  get size(): number {
    return this.meta.length / CaseBase.META;
  }

  countFor(disease: number): number {
    return this.byDisease[disease]?.length ?? 0;
  }

  add(c: CaseInput): number {
    const id = this.size;
    const present = [...new Set(c.present)].sort((a, b) => a - b);
    const absent = [...new Set(c.absent)].sort((a, b) => a - b);
    this.meta.push(this.arena.length);
    for (const t of present) this.arena.push(t);
    for (const t of absent) this.arena.push(t);
    this.meta.push(present.length);
    this.meta.push(absent.length);
    this.meta.push(c.disease);
    this.meta.push(c.ageBand | (c.male ? 16 : 0));
    this.meta.push(c.consultation);
    this.byDisease[c.disease]?.push(id);
    return id;
  }

  get(id: number): StoredCase {
    const m = id * CaseBase.META;
    const md = this.meta.data;
    const offset = md[m] as number;
    const nPresent = md[m + 1] as number;
    const nAbsent = md[m + 2] as number;
    const flags = md[m + 4] as number;
    return {
      id,
      disease: md[m + 3] as number,
      present: this.arena.data.slice(offset, offset + nPresent),
      absent: this.arena.data.slice(offset + nPresent, offset + nPresent + nAbsent),
      ageBand: flags & 15,
      male: (flags & 16) !== 0,
      consultation: md[m + 5] as number,
    };
  }

  /** The most recent cases of one disease, newest first. */
  recent(disease: number, n: number): number[] {
    const list = this.byDisease[disease];
    if (!list) return [];
    const out: number[] = [];
    for (let i = list.length - 1; i >= 0 && out.length < n; i--) out.push(list.data[i] as number);
    return out;
  }

  /** Top-k cases most similar to `query` (sorted term indexes) among the cases of `diseases`. */
  retrieve(query: Int32Array, diseases: readonly number[], k: number): RetrievedCase[] {
    const top: RetrievedCase[] = [];
    for (const d of diseases) {
      const list = this.byDisease[d];
      if (!list) continue;
      for (let i = 0; i < list.length; i++) this.consider(list.data[i] as number, query, k, top);
    }
    return top;
  }

  /** The same answer by scanning every case: the baseline retrieval is measured against. */
  bruteForce(query: Int32Array, k: number): RetrievedCase[] {
    const top: RetrievedCase[] = [];
    for (let id = 0; id < this.size; id++) this.consider(id, query, k, top);
    return top;
  }

  private consider(id: number, query: Int32Array, k: number, top: RetrievedCase[]): void {
    const m = id * CaseBase.META;
    const offset = this.meta.data[m] as number;
    const n = this.meta.data[m + 1] as number;
    const sim = jaccard(query, this.arena.data, offset, n);
    if (top.length === k && sim <= (top[k - 1] as RetrievedCase).similarity) return;
    const entry = { id, disease: this.meta.data[m + 3] as number, similarity: sim };
    let i = top.length < k ? top.length : k - 1;
    top[i] = entry;
    while (i > 0 && (top[i - 1] as RetrievedCase).similarity < sim) {
      top[i] = top[i - 1] as RetrievedCase;
      top[i - 1] = entry;
      i--;
    }
  }
}

/** |A ∩ B| / |A ∪ B| for two sorted arrays, B given as a slice of the arena. */
function jaccard(a: Int32Array, arena: Int32Array, offset: number, nb: number): number {
  let i = 0;
  let j = 0;
  let common = 0;
  const na = a.length;
  while (i < na && j < nb) {
    const x = a[i] as number;
    const y = arena[offset + j] as number;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  const union = na + nb - common;
  return union === 0 ? 0 : common / union;
}
