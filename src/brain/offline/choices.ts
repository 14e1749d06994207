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

/** The symptom to ask about next: the one that best separates the leading diseases (or none worth asking). */
export function nextQuestion(kb: KnowledgeBase, beliefs: Beliefs, diff: Differential, minGain: number): number | undefined {
  const lead = diff.top(LEAD);
  let best: number | undefined;
  let bestGain = minGain;
  const seen = new Set<number>();
  // Questions come from what the front-runners are known to cause; the gain is weighed over all the lead.
  for (const { d } of lead.slice(0, QUESTION_SOURCES)) {
    for (const t of beliefs.featuresOf(d)) {
      if (seen.has(t) || diff.has(t)) continue;
      seen.add(t);
      if (kb.terms[t]?.kind !== 'symptom') continue;
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
  const seen = new Set<number>();
  for (const { d } of lead) {
    for (const t of beliefs.featuresOf(d)) {
      if (seen.has(t) || diff.has(t)) continue;
      seen.add(t);
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
