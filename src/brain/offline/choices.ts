import type { KnowledgeBase } from '../../knowledge/knowledgeBase';
import type { Beliefs } from './beliefs';
import { informationGain, type Differential } from './differential';

/** How many leading diseases the doctor weighs when choosing what to ask or order. */
export const LEAD = 12;
/** Of those, how many suggest the questions worth asking. */
const QUESTION_SOURCES = 8;

/** Per examination: the vocabulary findings it can show (term indexes). */
export function findingsByExam(kb: KnowledgeBase): Map<string, number[]> {
  const out = new Map<string, number[]>();
  kb.terms.forEach((t, i) => {
    if (!t.exam) return;
    const list = out.get(t.exam) ?? [];
    list.push(i);
    out.set(t.exam, list);
  });
  return out;
}

/**
 * Marks terms already weighed in one choice: a generation stamp per term instead of a fresh Set
 * each time (a choice is made a dozen times per consultation, over hundreds of features).
 */
class Seen {
  private stamps = new Uint32Array(0);
  private now = 0;

  /** Starts a new choice over `size` terms. */
  reset(size: number): void {
    if (this.stamps.length < size) this.stamps = new Uint32Array(size);
    this.now++;
    if (this.now === 0xffffffff) {
      this.stamps.fill(0);
      this.now = 1;
    }
  }

  /** True the first time `t` is offered since the last reset. */
  first(t: number): boolean {
    if (this.stamps[t] === this.now) return false;
    this.stamps[t] = this.now;
    return true;
  }
}

const seen = new Seen();

/** The symptom to ask about next: the one that best separates the leading diseases (or none worth asking). */
export function nextQuestion(kb: KnowledgeBase, beliefs: Beliefs, diff: Differential, minGain: number): number | undefined {
  const lead = diff.top(LEAD);
  let best: number | undefined;
  let bestGain = minGain;
  seen.reset(kb.terms.length);
  // Questions come from what the front-runners are known to cause; the gain is weighed over all the lead.
  for (let i = 0; i < lead.length && i < QUESTION_SOURCES; i++) {
    for (const t of beliefs.symptomsOf((lead[i] as { d: number }).d)) {
      if (!seen.first(t) || diff.has(t)) continue;
      const gain = informationGain(beliefs, lead, t);
      if (gain > bestGain) {
        bestGain = gain;
        best = t;
      }
    }
  }
  return best;
}

/**
 * The examination to order next: expected information about the leading diseases per unit of
 * cost, summed over the findings it can show that the doctor associates with them.
 */
export function nextExam(
  kb: KnowledgeBase,
  beliefs: Beliefs,
  diff: Differential,
  done: ReadonlySet<string>,
  extra: readonly string[],
): string | undefined {
  const lead = diff.top(LEAD);
  const gains = new Map<string, number>();
  seen.reset(kb.terms.length);
  for (const { d } of lead) {
    for (const t of beliefs.featuresOf(d)) {
      if (!seen.first(t) || diff.has(t)) continue;
      const exam = kb.terms[t]?.exam;
      if (!exam || done.has(exam)) continue;
      gains.set(exam, (gains.get(exam) ?? 0) + informationGain(beliefs, lead, t));
    }
  }
  // Lessons learned ("when X is suspected, order E") count as strong reasons to order.
  for (const exam of extra) if (!done.has(exam)) gains.set(exam, (gains.get(exam) ?? 0) + 1);
  let best: string | undefined;
  let bestScore = 0.02;
  for (const [exam, gain] of gains) {
    const score = gain / (1 + kb.exam(exam).costCny / 2000);
    if (score > bestScore) {
      bestScore = score;
      best = exam;
    }
  }
  return best;
}
