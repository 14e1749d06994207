import type { KnowledgeBase } from '../../knowledge/knowledgeBase';
import type { Beliefs } from './beliefs';
import { informationGain, leadWeight, type Differential } from './differential';

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
  const total = leadWeight(lead);
  let best: number | undefined;
  let bestGain = minGain;
  seen.reset(kb.terms.length);
  // Questions come from what the front-runners are known to cause; the gain is weighed over all the lead.
  for (let i = 0; i < lead.length && i < QUESTION_SOURCES; i++) {
    for (const t of beliefs.symptomsOf((lead[i] as { d: number }).d)) {
      if (!seen.first(t) || diff.has(t)) continue;
      const gain = informationGain(beliefs, lead, t, total);
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
  const total = leadWeight(lead);
  const exams = examTable(kb);
  // Gains per examination index, and the order the examinations were first credited in (the
  // first of equal scores wins); the examinations already done, asked of `done` once each.
  const gains = exams.gains;
  const order = exams.order;
  let credited = 0;
  const blocked = exams.blocked;
  blocked.fill(0);
  for (const id of done) {
    const e = exams.index.get(id);
    if (e !== undefined) blocked[e] = 1;
  }
  const credit = (e: number, gain: number): void => {
    if (blocked[e] === 2) gains[e] = (gains[e] as number) + gain;
    else {
      blocked[e] = 2;
      gains[e] = gain;
      order[credited++] = e;
    }
  };
  seen.reset(kb.terms.length);
  for (const { d } of lead) {
    for (const t of beliefs.featureList(d)) {
      if (!seen.first(t) || diff.has(t)) continue;
      const e = exams.ofTerm[t] as number;
      if (e < 0 || blocked[e] === 1) continue;
      credit(e, informationGain(beliefs, lead, t, total));
    }
  }
  // Lessons learned ("when X is suspected, order E") count as strong reasons to order.
  for (const exam of extra) if (!done.has(exam)) credit(exams.index.get(kb.exam(exam).id) as number, 1);
  let best: string | undefined;
  let bestScore = 0.02;
  for (let i = 0; i < credited; i++) {
    const e = order[i] as number;
    const score = (gains[e] as number) / (exams.costFactor[e] as number);
    if (score > bestScore) {
      bestScore = score;
      best = exams.ids[e];
    }
  }
  return best;
}

/** Per knowledge base: examinations by index, each term's examination, and what each costs. */
interface ExamTable {
  ids: string[];
  index: Map<string, number>;
  /** Per term, the index of the examination that shows it, or -1 (a symptom). */
  ofTerm: Int32Array;
  /** 1 + cost / 2000: what an examination's information is divided by. */
  costFactor: Float64Array;
  /** Scratch for one choice: 1 done, 2 credited, 0 neither; the gains; the order credited. */
  blocked: Uint8Array;
  gains: Float64Array;
  order: Int32Array;
}

const examTables = new WeakMap<KnowledgeBase, ExamTable>();

function examTable(kb: KnowledgeBase): ExamTable {
  let table = examTables.get(kb);
  if (table) return table;
  const ids = kb.exams.map((e) => e.id as string);
  const index = new Map(ids.map((id, i) => [id, i]));
  const E = ids.length;
  table = {
    ids,
    index,
    ofTerm: Int32Array.from(kb.terms, (t) => (t.exam ? (index.get(kb.exam(t.exam).id) as number) : -1)),
    costFactor: Float64Array.from(kb.exams, (e) => 1 + e.costCny / 2000),
    blocked: new Uint8Array(E),
    gains: new Float64Array(E),
    order: new Int32Array(E),
  };
  examTables.set(kb, table);
  return table;
}
