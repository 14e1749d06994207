import { describe, expect, it } from 'vitest';
import { defaultContext } from '../../../src/cli/context';
import { Beliefs, TEXTBOOK_OTHER_P, TEXTBOOK_TYPICAL_P } from '../../../src/brain/offline/beliefs';
import { buildTextbook } from '../../../src/knowledge/textbook';

const { kb } = defaultContext();
const textbook = buildTextbook(kb);
const fresh = () => new Beliefs(kb, textbook);

const d = kb.diseaseIndex('community-acquired-pneumonia');
const entry = textbook[d]!;
const typical = kb.termIndex(entry.typicalSymptoms[0]!);
// A symptom the textbook does not list for pneumonia.
const other = kb.terms.findIndex((t, i) => t.kind === 'symptom' && !entry.typicalSymptoms.includes(t.id) && !fresh().isTypical(d, i));

describe('Beliefs', () => {
  it('starts from the textbook: typical features likely, the rest rare but not impossible', () => {
    const b = fresh();
    expect(b.isTypical(d, typical)).toBe(true);
    expect(b.p(d, typical)).toBe(TEXTBOOK_TYPICAL_P);
    expect(b.p(d, other)).toBe(TEXTBOOK_OTHER_P);
    expect(b.logLikelihood(d, typical, true)).toBeCloseTo(Math.log(TEXTBOOK_TYPICAL_P));
    expect(b.logLikelihood(d, other, false)).toBeCloseTo(Math.log(1 - TEXTBOOK_OTHER_P));
    expect(b.patientsSeen(d)).toBe(0);
  });

  it('a first follow-up that observed nothing leaves every belief where the textbook put it', () => {
    const b = fresh();
    b.learn(d, new Map(), 3, true);
    for (const t of [typical, other]) {
      for (const present of [true, false]) expect(b.logLikelihood(d, t, present)).toBeCloseTo(fresh().logLikelihood(d, t, present), 6);
      expect(b.p(d, t)).toBeCloseTo(fresh().p(d, t), 6);
      expect(b.entropy(d, t)).toBeCloseTo(fresh().entropy(d, t), 6);
    }
  });

  it('learns from follow-ups: a feature seen in every patient rises, one never seen falls', () => {
    const b = fresh();
    for (let i = 0; i < 30; i++)
      b.learn(
        d,
        new Map([
          [other, true],
          [typical, false],
        ]),
        3,
        true,
      );
    expect(b.p(d, other)).toBeGreaterThan(0.8);
    expect(b.p(d, typical)).toBeLessThan(0.2);
    expect(b.featuresOf(d).has(other)).toBe(true);
    expect(b.patientsSeen(d)).toBe(30);
    // Another disease is untouched.
    const e = kb.diseaseIndex('common-cold');
    expect(b.patientsSeen(e)).toBe(0);
  });

  it('learns who gets the disease: uniform at first, then the age band and sex it has seen', () => {
    const b = fresh();
    expect(b.logDemographics(d, 1, true)).toBeCloseTo(b.logDemographics(d, 4, false));
    for (let i = 0; i < 20; i++) b.learn(d, new Map(), 4, false);
    expect(b.logDemographics(d, 4, false)).toBeGreaterThan(b.logDemographics(d, 1, false));
    expect(b.logDemographics(d, 4, false)).toBeGreaterThan(b.logDemographics(d, 4, true));
  });

  it('studying the reference entry moves its beliefs towards the reference probabilities', () => {
    const b = fresh();
    const disease = kb.diseases[d]!;
    const listed = [...disease.symptoms].sort((x, y) => x.p - y.p)[0]!;
    const t = kb.termIndex(listed.term);
    const before = Math.abs(b.p(d, t) - listed.p);
    expect(b.hasStudied(d)).toBe(false);
    b.study(d);
    expect(b.hasStudied(d)).toBe(true);
    expect(Math.abs(b.p(d, t) - listed.p)).toBeLessThan(before);
  });

  it('saves and restores what it learned exactly', () => {
    const b = fresh();
    for (let i = 0; i < 5; i++) b.learn(d, new Map([[other, i % 2 === 0]]), i % 6, i % 2 === 0);
    b.study(kb.diseaseIndex('common-cold'));
    const restored = fresh();
    for (const row of b.exportRows()) restored.importRow(row);
    expect(restored.exportRows()).toEqual(b.exportRows());
    for (const dd of [d, kb.diseaseIndex('common-cold')]) for (const t of [typical, other]) expect(restored.p(dd, t)).toBe(b.p(dd, t));
  });
});
