import { describe, expect, it } from 'vitest';
import { loadDefaultKnowledge } from '../../src/knowledge/nodeFiles';
import { BaseRates, HISTORY_BACKGROUND } from '../../src/knowledge/epidemiology';
import { ageBandIndexOf } from '../../src/schema/knowledge';

describe('base rates', () => {
  const kb = loadDefaultKnowledge();
  const rates = new BaseRates(kb);
  const d = (id: string): number => kb.diseaseIndex(id);

  it('gives every disease a plausible rate and names what gates the gated ones', () => {
    for (const disease of kb.diseases) {
      expect(disease.epidemiology, disease.id).toBeDefined();
      expect(disease.epidemiology!.per100k, disease.id).toBeGreaterThan(0);
      expect(disease.epidemiology!.per100k, disease.id).toBeLessThanOrEqual(20_000);
    }
    // Injuries and poisonings cannot happen without their exposure.
    for (const id of ['tibial-shaft-fracture', 'paracetamol-overdose', 'venomous-snake-bite', 'partial-thickness-burn'])
      expect(rates.exposure[d(id)]!.length, id).toBeGreaterThan(0);
    expect(rates.exposure[d('acute-appendicitis')]).toEqual([]);
  });

  it('makes common things common and puts each disease at its ages and sex', () => {
    const adult = ageBandIndexOf(35);
    expect(rates.logRate(d('common-cold'), adult, true)).toBeGreaterThan(rates.logRate(d('psittacosis'), adult, true) + Math.log(100));
    const child = ageBandIndexOf(3);
    expect(rates.logRate(d('simple-febrile-seizure'), child, true)).toBeGreaterThan(
      rates.logRate(d('simple-febrile-seizure'), adult, true),
    );
    expect(rates.logRate(d('benign-prostatic-hyperplasia'), ageBandIndexOf(70), true)).toBeGreaterThan(
      rates.logRate(d('benign-prostatic-hyperplasia'), ageBandIndexOf(70), false) + Math.log(1000),
    );
  });

  it('gives every feature a background rate: common complaints high, specific findings low, history at its prevalence', () => {
    const bg = (t: string): number => rates.background[kb.termIndex(t)]!;
    expect(bg('cough')).toBeGreaterThan(bg('ecg-st-elevation') * 10);
    expect(bg('smoker')).toBe(HISTORY_BACKGROUND['smoker']);
    for (const x of rates.background) {
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(1);
    }
  });
});
