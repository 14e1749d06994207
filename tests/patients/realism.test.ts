import { describe, expect, it } from 'vitest';
import { loadDefaultKnowledge } from '../../src/knowledge/nodeFiles';
import { PatientGenerator } from '../../src/patients/generator';
import { loadDefaultPeople } from '../../src/patients/nodePeople';
import { ExamReader } from '../../src/patients/results';

/**
 * Generated patients are physiologically possible: newborns' illnesses in newborns, children's
 * vital signs at children's rates, and values that physiology ties together in agreement.
 */
describe('realistic patients', () => {
  const kb = loadDefaultKnowledge();
  const generator = new PatientGenerator(kb, loadDefaultPeople());
  const reader = new ExamReader(kb, generator.slots);
  const slot = (id: string): number => generator.slots.findIndex((s) => s.id === id);
  const patients = Array.from({ length: 12_000 }, (_, i) => generator.generate(5, i));
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

  it('gives perinatal diseases only to babies in their first weeks', () => {
    for (const p of patients) {
      const limit = kb.disease(p.disease).population.maxAgeDays;
      if (limit === undefined) continue;
      expect(p.persona.age, p.id).toBe(0);
      expect(p.persona.ageDays, p.id).toBeLessThanOrEqual(limit);
    }
    // Every infant knows its age in days.
    for (const p of patients) if (p.persona.age === 0) expect(p.persona.ageDays, p.id).toBeDefined();
  });

  it('gives infants an infant’s heart and breathing rates', () => {
    const infants = patients.filter((p) => p.persona.age === 0);
    expect(infants.length).toBeGreaterThan(50);
    expect(median(infants.map((p) => p.analyteValues[slot('heart-rate')]!))).toBeGreaterThanOrEqual(100);
    expect(median(infants.map((p) => p.analyteValues[slot('respiratory-rate')]!))).toBeGreaterThanOrEqual(25);
  });

  it('ties oxygen saturation to PaO2 along the dissociation curve', () => {
    const hypoxic = patients.filter((p) => p.analyteValues[slot('spo2')]! < 88);
    expect(hypoxic.length).toBeGreaterThan(20);
    const linked = hypoxic.filter((p) => p.analyteValues[slot('pao2')]! < 70).length;
    expect(linked / hypoxic.length).toBeGreaterThanOrEqual(0.9);
  });

  it('ties creatinine to eGFR in adults', () => {
    const failing = patients.filter((p) => p.persona.age >= 18 && p.analyteValues[slot('creatinine')]! > 200);
    expect(failing.length).toBeGreaterThan(20);
    const linked = failing.filter((p) => p.analyteValues[slot('egfr')]! < 60).length;
    expect(linked / failing.length).toBeGreaterThanOrEqual(0.95);
  });

  it('judges values against the patient’s own range: a woman’s haemoglobin, a child’s heart rate', () => {
    const woman = patients.find((p) => p.persona.sex === 'F' && p.persona.age >= 18 && p.persona.age < 65)!;
    const man = patients.find((p) => p.persona.sex === 'M' && p.persona.age >= 18 && p.persona.age < 65)!;
    expect(reader.rangeOf(woman, slot('haemoglobin')).low).toBeLessThan(reader.rangeOf(man, slot('haemoglobin')).low);
    const infant = patients.find((p) => p.persona.age === 0)!;
    expect(reader.rangeOf(infant, slot('heart-rate')).low).toBeGreaterThanOrEqual(100);
  });
});
