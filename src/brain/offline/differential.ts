import { binaryEntropy, type Beliefs } from './beliefs';
import { stable } from './stable';

/**
 * The doctor's running differential: a log-score per disease (prior + evidence), updated as
 * each answer and each examination result comes in.
 */
export class Differential {
  readonly scores: Float64Array;
  /** term index → present? for everything asked or examined so far. */
  readonly observations = new Map<number, boolean>();

  constructor(
    private readonly beliefs: Beliefs,
    prior: Float64Array,
  ) {
    this.scores = Float64Array.from(prior);
  }

  /** Cached leading diseases; cleared whenever the scores change. */
  private lead: { d: number; p: number }[] | undefined;

  /** Diseases still in the differential once narrowed; every disease before. */
  private active: Int32Array | undefined;

  observe(t: number, present: boolean): void {
    if (this.observations.has(t)) return;
    this.observations.set(t, present);
    this.lead = undefined;
    const scores = this.scores;
    const beliefs = this.beliefs;
    if (this.active) {
      for (const d of this.active) scores[d] = (scores[d] as number) + beliefs.logLikelihood(d, t, present);
      return;
    }
    for (let d = 0; d < scores.length; d++) scores[d] = (scores[d] as number) + beliefs.logLikelihood(d, t, present);
  }

  /** Keeps the `k` leading diseases and sets the rest aside for good (their score drops out). */
  narrow(k: number): void {
    if (k >= this.scores.length) return;
    // The k-th best score by a native sort of a copy: cheaper than a k-deep insertion buffer.
    const threshold = Float64Array.from(this.scores).sort()[this.scores.length - k] as number;
    // Everything above the threshold stays; ties at it fill the remaining places in index order.
    const kept = new Uint8Array(this.scores.length);
    let room = k;
    for (let d = 0; d < this.scores.length; d++) {
      if ((this.scores[d] as number) > threshold) {
        kept[d] = 1;
        room--;
      }
    }
    for (let d = 0; d < this.scores.length && room > 0; d++) {
      if (this.scores[d] === threshold) {
        kept[d] = 1;
        room--;
      }
    }
    const keep: number[] = [];
    for (let d = 0; d < this.scores.length; d++) {
      if (kept[d]) keep.push(d);
      else this.scores[d] = -Infinity;
    }
    this.active = Int32Array.from(keep);
    this.lead = undefined;
  }

  /** Diseases still in the differential (undefined: all of them). */
  get among(): Int32Array | undefined {
    return this.active;
  }

  has(t: number): boolean {
    return this.observations.has(t);
  }

  /** The `k` best diseases with their probabilities normalised over the whole differential. */
  top(k: number): { d: number; p: number }[] {
    if (k > CACHED_LEAD) return topOf(this.scores, k, this.active);
    this.lead ??= topOf(this.scores, CACHED_LEAD, this.active);
    return k === CACHED_LEAD ? this.lead : this.lead.slice(0, k);
  }
}

/** The doctor looks at no more than this many leading diseases at once. */
const CACHED_LEAD = 12;
/** Scores this far below the best contribute less than e^-30 to the normaliser: skipped. */
const NEGLIGIBLE = 30;

/** Indexes of the k highest scores and their softmax probabilities over all scores. */
export function topOf(scores: Float64Array, k: number, among?: Int32Array): { d: number; p: number }[] {
  // Insertion into a small sorted buffer: one pass over the diseases, O(k) only on a new entrant.
  const best: number[] = [];
  let worst = -Infinity;
  const n = among ? among.length : scores.length;
  for (let j = 0; j < n; j++) {
    const d = among ? (among[j] as number) : j;
    const s = scores[d] as number;
    if (best.length === k && s <= worst) continue;
    let i = best.length < k ? best.length : k - 1;
    while (i > 0 && (scores[best[i - 1] as number] as number) < s) {
      if (i < k) best[i] = best[i - 1] as number;
      i--;
    }
    best[i] = d;
    if (best.length > k) best.length = k;
    worst = best.length === k ? (scores[best[k - 1] as number] as number) : -Infinity;
  }
  const max = scores[best[0] ?? 0] as number;
  const floor = max - NEGLIGIBLE;
  let z = 0;
  for (let i = 0; i < n; i++) {
    const s = scores[among ? (among[i] as number) : i] as number;
    if (s > floor) z += stable(Math.exp(s - max));
  }
  return best.map((d) => ({ d, p: stable(stable(Math.exp((scores[d] as number) - max)) / z) }));
}

/**
 * Expected reduction of entropy over the leading diseases if the presence of feature `t` were
 * learned: the doctor asks the question (or orders the test) that best separates them. This is
 * the mutual information of the answer and the disease, H(answer) − Σ p(d)·H(answer | d), read
 * from the entropies the beliefs keep: no logarithm per disease, as it runs thousands of times
 * per consultation.
 */
export function informationGain(beliefs: Beliefs, lead: readonly { d: number; p: number }[], t: number): number {
  let total = 0;
  let yes = 0;
  let conditional = 0;
  for (const x of lead) {
    total += x.p;
    yes += x.p * beliefs.p(x.d, t);
    conditional += x.p * beliefs.entropy(x.d, t);
  }
  if (total <= 0) return 0;
  return Math.max(0, binaryEntropy(yes / total) - conditional / total);
}
