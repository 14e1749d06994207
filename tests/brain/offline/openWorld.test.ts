import { describe, expect, it } from 'vitest';
import { loadDefaultKnowledge } from '../../../src/knowledge/nodeFiles';
import { OpenWorldReasoner, presentingOf } from '../../../src/brain/offline/openWorld';
import { ageBandIndexOf } from '../../../src/schema/knowledge';

/** The differential for people and written cases, over the whole knowledge base at real base rates. */
describe('OpenWorldReasoner', () => {
  const kb = loadDefaultKnowledge();
  const reasoner = new OpenWorldReasoner(kb);
  const obs = (present: string[], absent: string[] = []): Map<number, boolean> =>
    new Map([...present.map((t) => [kb.termIndex(t), true] as const), ...absent.map((t) => [kb.termIndex(t), false] as const)]);
  const adult = ageBandIndexOf(30);
  const first = (o: Map<number, boolean>, age = adult, male = true): string => reasoner.diagnose(o, age, male).differential[0]!.disease;
  const p = (o: Map<number, boolean>, disease: string): number =>
    reasoner.diagnose(o, adult, true, { top: 50 }).differential.find((x) => x.disease === disease)?.probability ?? 0;
  const appendicitis = ['right-lower-quadrant-pain', 'abdominal-pain', 'loss-of-appetite', 'nausea', 'physical-exam-mcburney-tenderness'];

  it('finds a classic presentation', () => {
    expect(first(obs(appendicitis))).toBe('acute-appendicitis');
  });

  it('lets an incidental complaint weaken a diagnosis, never veto it', () => {
    const withItch = obs([...appendicitis, 'itching']);
    expect(first(withItch)).toBe('acute-appendicitis');
    expect(p(withItch, 'acute-appendicitis')).toBeLessThanOrEqual(p(obs(appendicitis), 'acute-appendicitis'));
  });

  it('makes the diagnosis explain the complaint the person came with', () => {
    // Known high blood pressure, a headache, and a new skin lesion: the lesion is why they came.
    const told = obs(['skin-lesion', 'known-hypertension', 'headache']);
    const presenting = presentingOf(kb, [kb.termIndex('skin-lesion'), kb.termIndex('known-hypertension')]);
    expect([...presenting]).toEqual([kb.termIndex('skin-lesion')]);
    const explains = (x: { disease: string }): boolean => kb.disease(x.disease).symptoms.some((s) => s.term === 'skin-lesion');
    const top3 = (o: { presenting?: Set<number> }): { disease: string }[] =>
      reasoner.diagnose(told, adult, true, o).differential.slice(0, 3);
    // Unweighted, a common illness that explains the headache alone (influenza) is among the three…
    expect(top3({}).every(explains)).toBe(false);
    // …weighted, every one of the three explains the lesion.
    expect(top3({ presenting }).every(explains)).toBe(true);
  });

  it('reads what was not mentioned as unknown, and a denial as evidence', () => {
    // A presentation that leaves room for doubt, so the denial's weight shows.
    const vague = ['right-lower-quadrant-pain', 'nausea'];
    const silent = p(obs(vague), 'acute-appendicitis');
    const denied = p(obs(vague, ['fever', 'vomiting', 'loss-of-appetite']), 'acute-appendicitis');
    expect(denied).toBeLessThan(silent);
  });

  it('counts a narrower complaint for a disease that lists the broader one: wrist pain is joint pain', () => {
    const stiff = ['joint-swelling', 'morning-stiffness', 'fatigue'];
    expect(kb.term('wrist-pain').broader).toBe('joint-pain');
    expect(p(obs([...stiff, 'wrist-pain']), 'rheumatoid-arthritis')).toBeGreaterThan(p(obs(stiff), 'rheumatoid-arthritis'));
  });

  it('starts from real base rates: a cough and a runny nose are a cold, not psittacosis', () => {
    expect(first(obs(['cough', 'runny-nose', 'fever']))).not.toBe('psittacosis');
    const cold = obs(['runny-nose', 'sneezing', 'nasal-congestion']);
    expect(first(cold)).toBe('common-cold');
  });

  it('needs the exposure of a gated disease: no fracture without an injury', () => {
    const leg = ['limb-pain', 'inability-to-bear-weight'];
    expect(first(obs(leg))).not.toMatch(/fracture/);
    expect(p(obs(leg), 'tibial-shaft-fracture')).toBeLessThan(p(obs([...leg, 'trauma']), 'tibial-shaft-fracture') / 5);
    expect(first(obs([...leg, 'trauma']))).toMatch(/fracture|dislocation|rupture|sprain/);
  });

  it('says a case that fits no disease well may be outside its knowledge, and a classic one is not', () => {
    expect(reasoner.diagnose(obs(appendicitis), adult, true).saysUnknown).toBe(false);
    const odd = obs(['hair-loss', 'hoarseness', 'tinnitus', 'itching', 'haematuria', 'easy-bruising']);
    const answer = reasoner.diagnose(odd, adult, false);
    expect(answer.saysUnknown).toBe(true);
    expect(answer.outside).toBeGreaterThan(0.5);
    // Probabilities of the diseases and of "outside" together make at most one.
    expect(answer.differential.reduce((s, x) => s + x.probability, 0) + answer.outside).toBeLessThanOrEqual(1 + 1e-9);
  });

  it('keeps diseases to their ages: a toddler’s hot swollen joint is not gout, a 50-year-old man’s may be', () => {
    const hotJoint = obs(['joint-swelling', 'joint-pain', 'skin-redness']);
    expect(first(hotJoint, ageBandIndexOf(2))).not.toBe('gout');
    expect(first(hotJoint, ageBandIndexOf(50))).toBe('gout');
  });

  it('keeps single-sex diseases to their sex', () => {
    const pelvic = obs(['lower-abdominal-pain', 'fever']);
    for (const x of reasoner.diagnose(pelvic, adult, true, { top: 5 }).differential)
      expect(kb.disease(x.disease).population.male).toBeGreaterThan(0);
  });
});
