import { describe, expect, it } from 'vitest';
import { AGE_BANDS } from '../../src/schema/knowledge';
import { loadDefaultKnowledge } from '../../src/knowledge/nodeFiles';
import { PatientGenerator } from '../../src/patients/generator';
import { loadDefaultPeople } from '../../src/patients/nodePeople';
import { ageBandOf } from '../../src/schema/knowledge';

/** 100k patients: balanced over diseases; sex and age follow each disease's profile. */
describe('patient balance over 100,000 generated patients', () => {
  const kb = loadDefaultKnowledge();
  const generator = new PatientGenerator(kb, loadDefaultPeople());
  const N = 100_000;
  const perDisease = new Map<string, { n: number; male: number; bands: Map<string, number> }>();
  for (let i = 0; i < N; i++) {
    const p = generator.generate(20240, i);
    const row = perDisease.get(p.disease) ?? { n: 0, male: 0, bands: new Map<string, number>() };
    row.n++;
    if (p.persona.sex === 'M') row.male++;
    const band = ageBandOf(p.persona.age);
    row.bands.set(band, (row.bands.get(band) ?? 0) + 1);
    perDisease.set(p.disease, row);
  }

  it('draws every disease, each about equally often', () => {
    expect(perDisease.size).toBe(kb.diseases.length);
    const expected = N / kb.diseases.length;
    const sd = Math.sqrt(expected);
    for (const [id, row] of perDisease) expect(Math.abs(row.n - expected), id).toBeLessThan(5 * sd);
  });

  it('matches each disease’s sex split, and never gives a single-sex disease to the other sex', () => {
    let outliers = 0;
    for (const d of kb.diseases) {
      const row = perDisease.get(d.id)!;
      const m = d.population.male;
      if (m === 0 || m === 1) {
        expect(row.male, d.id).toBe(m * row.n);
        continue;
      }
      const z = Math.abs(row.male - m * row.n) / Math.sqrt(row.n * m * (1 - m));
      expect(z, d.id).toBeLessThan(5);
      if (z > 3) outliers++;
    }
    expect(outliers).toBeLessThanOrEqual(Math.ceil(kb.diseases.length * 0.01));
  });

  it('puts patients only in the age bands of their disease, in proportion', () => {
    let outliers = 0;
    for (const d of kb.diseases) {
      const row = perDisease.get(d.id)!;
      const weights = AGE_BANDS.map((b) => d.population.ageBands[b] ?? 0);
      const total = weights.reduce((a, b) => a + b, 0);
      AGE_BANDS.forEach((band, i) => {
        const observed = row.bands.get(band) ?? 0;
        if (weights[i] === 0) return void expect(observed, `${d.id} in ${band}`).toBe(0);
        const p = weights[i]! / total;
        if (p === 1) return;
        const z = Math.abs(observed - p * row.n) / Math.sqrt(row.n * p * (1 - p));
        expect(z, `${d.id} ${band}`).toBeLessThan(5.5);
        if (z > 3) outliers++;
      });
    }
    expect(outliers).toBeLessThanOrEqual(Math.ceil(kb.diseases.length * 7 * 0.01));
  });
});
