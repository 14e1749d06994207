import { describe, expect, it } from 'vitest';
import { Beliefs } from '../../../src/brain/offline/beliefs';
import { Differential, informationGain, kthLargest, topOf } from '../../../src/brain/offline/differential';
import { buildTextbook } from '../../../src/knowledge/textbook';
import { loadDefaultKnowledge } from '../../../src/knowledge/nodeFiles';

const kb = loadDefaultKnowledge();
const beliefs = new Beliefs(kb, buildTextbook(kb));

/** The textbook definition: prior entropy minus the expected entropy after the answer. */
function gainByDefinition(lead: { d: number; p: number }[], t: number): number {
  const total = lead.reduce((a, x) => a + x.p, 0);
  const prior = lead.map((x) => x.p / total);
  const entropy = (ps: number[]): number => -ps.reduce((a, p) => a + (p > 0 ? p * Math.log(p) : 0), 0);
  const pt = lead.map((x) => beliefs.p(x.d, t));
  const yes = prior.reduce((a, p, i) => a + p * (pt[i] as number), 0);
  const no = 1 - yes;
  const afterYes = prior.map((p, i) => (p * (pt[i] as number)) / yes);
  const afterNo = prior.map((p, i) => (p * (1 - (pt[i] as number))) / no);
  return entropy(prior) - yes * entropy(afterYes) - no * entropy(afterNo);
}

describe('Differential', () => {
  it('computes information gain equal to the expected entropy reduction', () => {
    const diff = new Differential(beliefs, new Float64Array(kb.diseases.length));
    diff.observe(kb.termIndex('fever'), true);
    diff.observe(kb.termIndex('cough'), true);
    const lead = diff.top(12);
    let compared = 0;
    for (const term of ['sore-throat', 'dyspnoea', 'chest-pain', 'headache', 'rash']) {
      if (!kb.terms.some((x) => x.id === term)) continue;
      const t = kb.termIndex(term);
      expect(informationGain(beliefs, lead, t)).toBeCloseTo(gainByDefinition(lead, t), 6);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(3);
  });

  it('narrows to exactly k diseases, keeping the best ones even among ties', () => {
    const prior = new Float64Array(kb.diseases.length);
    // Many ties at zero, a few clear leaders scattered at high indexes.
    const leaders = [kb.diseases.length - 1, kb.diseases.length - 7, 300, 5];
    leaders.forEach((d, i) => (prior[d] = 10 - i));
    const diff = new Differential(beliefs, prior);
    diff.narrow(50);
    expect(diff.among?.length).toBe(50);
    for (const d of leaders) expect(diff.among).toContain(d);
    expect(diff.top(4).map((x) => x.d)).toEqual(leaders);
  });

  it('ranks with probabilities that are a softmax over the differential', () => {
    const scores = Float64Array.from([0, Math.log(3), -Infinity, Math.log(6)]);
    const top = topOf(scores, 3);
    expect(top.map((x) => x.d)).toEqual([3, 1, 0]);
    // Kept to 2⁻³⁰ so that every JavaScript engine ranks alike (stable.ts).
    expect(top[0]?.p).toBeCloseTo(0.6, 8);
    expect(top[1]?.p).toBeCloseTo(0.3, 8);
    expect(top[2]?.p).toBeCloseTo(0.1, 8);
  });

  it('finds the k-th largest value as a full sort would, with ties, infinities and any order', () => {
    let seed = 7;
    const next = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 10;
    for (const n of [1, 2, 5, 50, 837]) {
      // Coarse values give many ties; a few are set aside (−∞) as narrowing does.
      const values = Float64Array.from({ length: n }, (_, i) => (i % 11 === 3 ? -Infinity : Math.round(next())));
      const sorted = Float64Array.from(values).sort();
      for (const k of [1, Math.ceil(n / 3), n]) expect(kthLargest(values, k)).toBe(sorted[n - k]);
    }
    const ascending = Float64Array.from({ length: 200 }, (_, i) => i);
    expect(kthLargest(ascending, 120)).toBe(80);
  });

  it('observes an examination report at once exactly as one finding at a time', () => {
    const narrowed = (): Differential => {
      const diff = new Differential(beliefs, new Float64Array(kb.diseases.length));
      diff.observe(kb.termIndex('fever'), true);
      diff.narrow(120);
      return diff;
    };
    const terms = ['cough', 'headache', 'rash', 'fever', 'cough']
      .filter((t) => kb.terms.some((x) => x.id === t))
      .map((t) => kb.termIndex(t));
    const one = narrowed();
    for (const t of terms) one.observe(t, false);
    const all = narrowed();
    all.observeAll(terms, false);
    expect(Array.from(all.scores)).toEqual(Array.from(one.scores));
    expect([...all.observations]).toEqual([...one.observations]);
    // fever was already seen present: the report does not turn it absent.
    expect(all.observations.get(kb.termIndex('fever'))).toBe(true);
  });
});
