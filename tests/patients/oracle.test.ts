import { describe, expect, it } from 'vitest';
import { loadDefaultKnowledge } from '../../src/knowledge/nodeFiles';
import { PatientGenerator } from '../../src/patients/generator';
import { loadDefaultPeople } from '../../src/patients/nodePeople';
import { BayesOracle, evaluateOracle } from '../../src/patients/oracle';
import { ExamReader } from '../../src/patients/results';

/*
 * The knowledge base is coherent enough to learn from: an oracle that sees every symptom and
 * every examination result recovers the true disease of generated patients at ≥ 97%.
 */
describe('full-information Bayes oracle over the shipped knowledge base', () => {
  const kb = loadDefaultKnowledge();
  const generator = new PatientGenerator(kb, loadDefaultPeople());
  const oracle = new BayesOracle(kb, new ExamReader(kb, generator.slots));
  const report = evaluateOracle(
    generator,
    oracle,
    kb.diseases.map((d) => d.id),
    20,
    777_001,
  );

  it('recovers the true disease of at least 97% of patients', () => {
    const weakest = [...report.perDisease].sort((a, b) => a.accuracy - b.accuracy).slice(0, 5);
    expect(report.accuracy, `weakest: ${JSON.stringify(weakest)}`).toBeGreaterThanOrEqual(0.97);
  });

  it('recovers at least 97% of patients who arrive at real base rates too (common diseases, as a clinic sees them)', () => {
    let right = 0;
    const n = 3000;
    for (let i = 0; i < n; i++) {
      const patient = generator.generate(777_002, i, { population: 'realistic' });
      if (oracle.rank(patient, 1)[0]?.disease === patient.disease) right++;
    }
    expect(right / n).toBeGreaterThanOrEqual(0.97);
  });

  it('leaves no disease that the oracle mostly gets wrong', () => {
    const bad = report.perDisease
      .filter((r) => r.accuracy < 0.7)
      .map((r) => `${r.disease} ${r.accuracy} ${JSON.stringify(r.confusedWith)}`);
    expect(bad).toEqual([]);
  });
});
