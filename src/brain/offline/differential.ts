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
  /** 1 per term in `observations`: the choices ask this hundreds of times per consultation. */
  private readonly known: Uint8Array;

  constructor(
    private readonly beliefs: Beliefs,
    prior: Float64Array,
  ) {
    this.scores = prior.slice();
    this.known = new Uint8Array(beliefs.termCount);
  }

  /**
   * Starts again from a prior, as a new differential would: for a caller that re-diagnoses case
   * after case and keeps nothing of the last one.
   */
  reset(prior: Float64Array): void {
    this.scores.set(prior);
    for (const t of this.observations.keys()) this.known[t] = 0;
    this.observations.clear();
    this.active = undefined;
    this.lead = undefined;
  }

  /** Cached leading diseases; cleared whenever the scores change. */
  private lead: { d: number; p: number }[] | undefined;

  /** Diseases still in the differential once narrowed; every disease before. */
  private active: Int32Array | undefined;

  observe(t: number, present: boolean): void {
    if (this.known[t]) return;
    this.known[t] = 1;
    this.observations.set(t, present);
    this.add(t, present);
  }

  private add(t: number, present: boolean): void {
    this.lead = undefined;
    const scores = this.scores;
    const beliefs = this.beliefs;
    if (this.active) {
      for (const d of this.active) scores[d] = (scores[d] as number) + beliefs.logLikelihood(d, t, present);
      return;
    }
    for (let d = 0; d < scores.length; d++) scores[d] = (scores[d] as number) + beliefs.logLikelihood(d, t, present);
  }

  /** Observes several features at once (an examination's report), in order. */
  observeAll(terms: Iterable<number>, present: boolean): void {
    for (const t of terms) this.observe(t, present);
  }

  /** Keeps the `k` leading diseases and sets the rest aside for good (their score drops out). */
  narrow(k: number): void {
    const scores = this.scores;
    if (k >= scores.length) return;
    const threshold = kthLargest(scores, k);
    // Everything above the threshold stays; ties at it fill the remaining places in index order.
    // Counting those above first lets one pass in index order keep, set aside and stay sorted.
    let ties = k;
    for (let d = 0; d < scores.length; d++) if ((scores[d] as number) > threshold) ties--;
    const keep = new Int32Array(k);
    let n = 0;
    for (let d = 0; d < scores.length; d++) {
      const s = scores[d] as number;
      if (s > threshold || (s === threshold && ties-- > 0)) keep[n++] = d;
      else scores[d] = -Infinity;
    }
    this.active = keep.subarray(0, n);
    this.lead = undefined;
  }

  /** Diseases still in the differential (undefined: all of them). */
  get among(): Int32Array | undefined {
    return this.active;
  }

  has(t: number): boolean {
    return this.known[t] === 1;
  }

  /**
   * The `k` leading diseases, best first, as `top(k)` ranks them, for a caller that needs no
   * probabilities: they cost an exponential per disease and the scores are about to change.
   */
  leading(k: number): number[] {
    if (this.lead && k <= CACHED_LEAD) return this.lead.slice(0, k).map((x) => x.d);
    const count = selectTop(this.scores, k, this.active);
    return Array.from(topBuffer.subarray(0, count));
  }

  /** The leading disease and its probability (undefined for an empty differential). */
  leader(): { d: number; p: number } | undefined {
    return this.top(CACHED_LEAD)[0];
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

/** Scratch for kthLargest, grown as needed (one differential is narrowed at a time). */
let selectBuffer = new Float64Array(0);

/**
 * The k-th largest value (1-based) by quickselect on a scratch copy: linear on average, where
 * sorting the whole copy was the largest cost of narrowing.
 */
export function kthLargest(values: Float64Array, k: number): number {
  if (selectBuffer.length < values.length) selectBuffer = new Float64Array(values.length);
  const a = selectBuffer;
  a.set(values);
  const target = values.length - k;
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    // Median of three as the pivot: sorted or equal-scored runs do not degrade it.
    const mid = (lo + hi) >>> 1;
    const x = a[lo] as number;
    const y = a[mid] as number;
    const z = a[hi] as number;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i] = a[j] as number;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return a[target] as number;
  }
  return a[target] as number;
}

/** Indexes of the k highest scores and their softmax probabilities over all scores. */
export function topOf(scores: Float64Array, k: number, among?: Int32Array): { d: number; p: number }[] {
  const count = selectTop(scores, k, among);
  const best = topBuffer;
  const n = among ? among.length : scores.length;
  const max = scores[count > 0 ? (best[0] as number) : 0] as number;
  const floor = max - NEGLIGIBLE;
  // Each term of the normaliser is kept by disease: the leaders' own terms are among them.
  if (expBuffer.length < scores.length) expBuffer = new Float64Array(scores.length);
  const terms = expBuffer;
  let z = 0;
  for (let i = 0; i < n; i++) {
    const d = among ? (among[i] as number) : i;
    const s = scores[d] as number;
    if (s <= floor) continue;
    const term = Math.exp(s - max);
    terms[d] = term;
    z += term;
  }
  // Only the probabilities handed out are rounded to the shared grid (they steer later choices).
  const out = new Array<{ d: number; p: number }>(count);
  for (let i = 0; i < count; i++) {
    const d = best[i] as number;
    const s = scores[d] as number;
    out[i] = { d, p: stable((s > floor ? (terms[d] as number) : Math.exp(s - max)) / z) };
  }
  return out;
}

/**
 * The indexes of the k highest scores, best first (the first of equal scores first), into
 * `topBuffer`; returns how many. Insertion into a small sorted buffer: one pass over the
 * diseases, O(k) only on a new entrant. The buffer is scratch, reused.
 */
function selectTop(scores: Float64Array, k: number, among?: Int32Array): number {
  if (topBuffer.length < k) topBuffer = new Int32Array(k);
  const best = topBuffer;
  let count = 0;
  let worst = -Infinity;
  const n = among ? among.length : scores.length;
  for (let j = 0; j < n; j++) {
    const d = among ? (among[j] as number) : j;
    const s = scores[d] as number;
    if (count === k && s <= worst) continue;
    let i = count < k ? count : k - 1;
    while (i > 0 && (scores[best[i - 1] as number] as number) < s) {
      best[i] = best[i - 1] as number;
      i--;
    }
    best[i] = d;
    if (count < k) count++;
    worst = count === k ? (scores[best[k - 1] as number] as number) : -Infinity;
  }
  return count;
}

/** Scratch for topOf's selection and for its normaliser's terms, grown as needed. */
let topBuffer = new Int32Array(16);
let expBuffer = new Float64Array(0);

/** The disease `topOf(scores, 1, among)` puts first (the first of equal best), without its probability. */
export function leaderOf(scores: Float64Array, among?: Int32Array): number {
  const n = among ? among.length : scores.length;
  let best = -1;
  let worst = -Infinity;
  for (let j = 0; j < n; j++) {
    const d = among ? (among[j] as number) : j;
    const s = scores[d] as number;
    if (best >= 0 && s <= worst) continue;
    best = d;
    worst = s;
  }
  return best < 0 ? 0 : best;
}

/** The lead's total probability, the normaliser of informationGain: the same for every feature weighed over one lead. */
export function leadWeight(lead: readonly { p: number }[]): number {
  let total = 0;
  for (const x of lead) total += x.p;
  return total;
}

/**
 * Expected reduction of entropy over the leading diseases if the presence of feature `t` were
 * learned: the doctor asks the question (or orders the test) that best separates them. This is
 * the mutual information of the answer and the disease, H(answer) − Σ p(d)·H(answer | d), read
 * from the entropies the beliefs keep: no logarithm per disease, as it runs thousands of times
 * per consultation.
 */
export function informationGain(
  beliefs: Beliefs,
  lead: readonly { d: number; p: number }[],
  t: number,
  total: number = leadWeight(lead),
): number {
  let yes = 0;
  let conditional = 0;
  for (const x of lead) {
    yes += x.p * beliefs.p(x.d, t);
    conditional += x.p * beliefs.entropy(x.d, t);
  }
  if (total <= 0) return 0;
  return Math.max(0, binaryEntropy(yes / total) - conditional / total);
}
