import type { KnowledgeBase } from '../../knowledge/knowledgeBase';
import { stable } from './stable';
import type { Textbook } from '../../knowledge/textbook';

/** Abnormal measured values seen in a consultation, and their summed deviation from normal. */
export interface SeverityEvidence {
  deviation: number;
  values: { analyte: string; value: number }[];
  /** The patient's own rating of the illness's burden, 0–10, when asked. */
  burden?: number;
}

/**
 * The two kinds of signal, kept apart because they live on different scales:
 * `position` — where the abnormal values fall between the mildest and the worst the doctor has
 * seen in this disease (0..1); `count` — how much is abnormal at all, before any spread is known.
 */
type SignalKind = 0 | 1;
export interface SeveritySignal {
  value: number;
  kind: SignalKind;
}

/** Follow-ups of a severity class before the doctor trusts its own picture of it. */
const MIN_SAMPLES = 4;
/** Numbers per (disease or pool) and signal kind: n, Σ, Σ² for mild, moderate, severe. */
const SLOT = 9;

/**
 * Judges how severe an illness is, to decide whether to escalate treatment (admission, IV
 * therapy, surgery). It learns from follow-ups, which reveal the course: per disease when it
 * has seen enough of it, pooled over all diseases before that, and the textbook's red flags
 * before anything.
 */
export class SeverityJudge {
  private readonly stats: Float64Array;
  private readonly pooled = new Float64Array(2 * SLOT);
  /** Per disease and analyte: the mildest and worst abnormal value seen (larger is worse). */
  private readonly ranges = new Map<string, [number, number]>();

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly textbook: Textbook,
  ) {
    this.stats = new Float64Array(kb.diseases.length * 2 * SLOT);
  }

  /** Values oriented so that larger is further from normal: low values are negated. */
  private oriented(analyte: string, value: number): number {
    return value > this.kb.analyte(analyte).analyte.high ? value : -value;
  }

  signal(d: number, evidence: SeverityEvidence, present: number): SeveritySignal {
    let sum = 0;
    let n = 0;
    for (const { analyte, value } of evidence.values) {
      const range = this.ranges.get(`${d}:${analyte}`);
      if (!range || range[1] - range[0] <= 0) continue;
      sum += Math.min(1, Math.max(0, (this.oriented(analyte, value) - range[0]) / (range[1] - range[0])));
      n++;
    }
    // The patient's rating counts as one more reading on the same 0..1 scale.
    if (evidence.burden !== undefined) {
      sum += evidence.burden / 10;
      n++;
    }
    if (n > 0) return { value: sum / n, kind: 0 };
    return { value: evidence.deviation + 0.25 * present, kind: 1 };
  }

  /**
   * Escalate when a severe course is at least as likely as a mild one given the signal
   * (class-conditional normals); moderate illness may go either way and is not weighed.
   */
  judge(d: number, signal: SeveritySignal, observations: ReadonlyMap<number, boolean>): boolean {
    for (const table of [this.view(this.stats, (d * 2 + signal.kind) * SLOT), this.view(this.pooled, signal.kind * SLOT)]) {
      const mild = classOf(table, 0);
      const severe = classOf(table, 2);
      if (mild && severe) return severe.prior * density(signal.value, severe) >= mild.prior * density(signal.value, mild);
    }
    return (this.textbook[d]?.redFlags ?? []).some((f) => observations.get(this.kb.termIndex(f)) === true);
  }

  /** The follow-up revealed the disease and its course. */
  learn(d: number, evidence: SeverityEvidence, present: number, severity: 'mild' | 'moderate' | 'severe'): void {
    // Read the signal before this patient's own values widen the ranges it is read against.
    const signal = this.signal(d, evidence, present);
    const c = severity === 'mild' ? 0 : severity === 'moderate' ? 1 : 2;
    for (const [table, at] of [
      [this.stats, (d * 2 + signal.kind) * SLOT],
      [this.pooled, signal.kind * SLOT],
    ] as const) {
      const i = at + c * 3;
      table[i] = (table[i] as number) + 1;
      table[i + 1] = (table[i + 1] as number) + signal.value;
      table[i + 2] = (table[i + 2] as number) + signal.value * signal.value;
    }
    for (const { analyte, value } of evidence.values) {
      const key = `${d}:${analyte}`;
      const v = this.oriented(analyte, value);
      const range = this.ranges.get(key);
      if (!range) this.ranges.set(key, [v, v]);
      else {
        range[0] = Math.min(range[0], v);
        range[1] = Math.max(range[1], v);
      }
    }
  }

  /** For saving: per disease its 18 statistics, the pool, and the value ranges. */
  export(): { perDisease: [number, number[]][]; pooled: number[]; ranges: [number, string, number, number][] } {
    const perDisease: [number, number[]][] = [];
    for (let d = 0; d < this.kb.diseases.length; d++) {
      const s = Array.from(this.stats.subarray(d * 2 * SLOT, (d + 1) * 2 * SLOT));
      if (s.some((x) => x !== 0)) perDisease.push([d, s]);
    }
    const ranges: [number, string, number, number][] = [...this.ranges].map(([key, [lo, hi]]) => {
      const [d, analyte] = key.split(':') as [string, string];
      return [Number(d), analyte, lo, hi];
    });
    return { perDisease, pooled: Array.from(this.pooled), ranges };
  }

  import(saved: {
    perDisease: readonly [number, readonly number[]][];
    pooled: readonly number[];
    ranges: readonly (readonly [number, string, number, number])[];
  }): void {
    for (const [d, s] of saved.perDisease) this.stats.set(s, d * 2 * SLOT);
    this.pooled.set(saved.pooled);
    for (const [d, analyte, lo, hi] of saved.ranges) this.ranges.set(`${d}:${analyte}`, [lo, hi]);
  }

  private view(table: Float64Array, at: number): Float64Array {
    return table.subarray(at, at + SLOT);
  }
}

function classOf(table: Float64Array, c: number): { prior: number; mean: number; sd: number } | undefined {
  const n = table[c * 3] as number;
  if (n < MIN_SAMPLES) return undefined;
  const total = (table[0] as number) + (table[3] as number) + (table[6] as number);
  const mean = (table[c * 3 + 1] as number) / n;
  const variance = Math.max(0, (table[c * 3 + 2] as number) / n - mean * mean);
  return { prior: n / total, mean, sd: Math.sqrt(variance) + 0.05 };
}

function density(x: number, c: { mean: number; sd: number }): number {
  const z = (x - c.mean) / c.sd;
  return stable(Math.exp(-0.5 * z * z) / c.sd);
}
