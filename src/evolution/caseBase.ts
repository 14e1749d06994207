/**
 * The case base: cases a doctor got right, kept with what was observed, and retrieved by
 * similarity of presentation at the next diagnosis (MedAgent-Zero).
 *
 * Storage is columnar and partitioned by disease: each disease keeps its cases' terms in one
 * contiguous typed array. Retrieval scans only the partitions of the diseases currently in the
 * differential, front to back through memory — the partition is the index. `bruteForce` scans
 * every partition and is the baseline retrieval is measured against.
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

/** One disease's cases: [count, terms…] runs for present and absent terms, plus per-case fields. */
class Partition {
  readonly present = new GrowableInt32(64);
  readonly absent = new GrowableInt32(16);
  /** Per case: start of its run in `present`, in `absent`, the case id, band|male<<4, consultation. */
  readonly meta = new GrowableInt32(40);
  static readonly META = 5;
  get count(): number {
    return this.meta.length / Partition.META;
  }
}

export class CaseBase {
  private readonly partitions: Partition[];
  /** Per case id: disease and position inside its partition. */
  private readonly where = new GrowableInt32(1 << 12);

  constructor(readonly diseaseCount: number) {
    this.partitions = Array.from({ length: diseaseCount }, () => new Partition());
  }

  get size(): number {
    return this.where.length / 2;
  }

  /** Bytes held in typed arrays (the case base's whole footprint bar a few objects per disease). */
  get bytes(): number {
    let n = this.where.data.byteLength;
    for (const p of this.partitions) n += p.present.data.byteLength + p.absent.data.byteLength + p.meta.data.byteLength;
    return n;
  }

  countFor(disease: number): number {
    return this.partitions[disease]?.count ?? 0;
  }

  add(c: CaseInput): number {
    const part = this.partitions[c.disease];
    if (!part) throw new Error(`no disease with index ${c.disease}`);
    const id = this.size;
    const present = [...new Set(c.present)].sort((a, b) => a - b);
    const absent = [...new Set(c.absent)].sort((a, b) => a - b);
    part.meta.push(part.present.length);
    part.meta.push(part.absent.length);
    part.meta.push(id);
    part.meta.push(c.ageBand | (c.male ? 16 : 0));
    part.meta.push(c.consultation);
    part.present.push(present.length);
    for (const t of present) part.present.push(t);
    part.absent.push(absent.length);
    for (const t of absent) part.absent.push(t);
    this.where.push(c.disease);
    this.where.push(part.count - 1);
    return id;
  }

  get(id: number): StoredCase {
    const disease = this.where.data[id * 2] as number;
    const local = this.where.data[id * 2 + 1] as number;
    const part = this.partitions[disease] as Partition;
    const m = local * Partition.META;
    const p0 = part.meta.data[m] as number;
    const a0 = part.meta.data[m + 1] as number;
    const flags = part.meta.data[m + 3] as number;
    return {
      id,
      disease,
      present: part.present.data.slice(p0 + 1, p0 + 1 + (part.present.data[p0] as number)),
      absent: part.absent.data.slice(a0 + 1, a0 + 1 + (part.absent.data[a0] as number)),
      ageBand: flags & 15,
      male: (flags & 16) !== 0,
      consultation: part.meta.data[m + 4] as number,
    };
  }

  /** The most recent cases of one disease, newest first. */
  recent(disease: number, n: number): number[] {
    const part = this.partitions[disease];
    if (!part) return [];
    const out: number[] = [];
    for (let i = part.count - 1; i >= 0 && out.length < n; i--) out.push(part.meta.data[i * Partition.META + 2] as number);
    return out;
  }

  /** Top-k cases most similar to `query` (sorted term indexes) among the cases of `diseases`. */
  retrieve(query: Int32Array, diseases: readonly number[], k: number): RetrievedCase[] {
    const top: RetrievedCase[] = [];
    for (const d of diseases) this.scan(d, query, k, top);
    return top;
  }

  /** The same answer by scanning every case: the baseline retrieval is measured against. */
  bruteForce(query: Int32Array, k: number): RetrievedCase[] {
    const top: RetrievedCase[] = [];
    for (let d = 0; d < this.partitions.length; d++) this.scan(d, query, k, top);
    return top;
  }

  /** Walks one partition's term runs in memory order, keeping the k most similar. */
  private scan(d: number, query: Int32Array, k: number, top: RetrievedCase[]): void {
    const part = this.partitions[d];
    if (!part) return;
    const terms = part.present.data;
    const end = part.present.length;
    const na = query.length;
    let local = 0;
    for (let pos = 0; pos < end; local++) {
      const nb = terms[pos] as number;
      const start = pos + 1;
      pos = start + nb;
      let i = 0;
      let j = 0;
      let common = 0;
      while (i < na && j < nb) {
        const x = query[i] as number;
        const y = terms[start + j] as number;
        if (x === y) {
          common++;
          i++;
          j++;
        } else if (x < y) i++;
        else j++;
      }
      const union = na + nb - common;
      const sim = union === 0 ? 0 : common / union;
      if (top.length === k && sim <= (top[k - 1] as RetrievedCase).similarity) continue;
      const entry = { id: part.meta.data[local * Partition.META + 2] as number, disease: d, similarity: sim };
      let slot = top.length < k ? top.length : k - 1;
      top[slot] = entry;
      while (slot > 0 && (top[slot - 1] as RetrievedCase).similarity < sim) {
        top[slot] = top[slot - 1] as RetrievedCase;
        top[slot - 1] = entry;
        slot--;
      }
    }
  }
}
