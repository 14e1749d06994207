import { describe, expect, it } from 'vitest';
import { PatientRecord } from '../../src/schema/patient';
import { toPatientRecord } from '../../src/patients/record';
import { miniHospital } from '../helpers/kb';

const { kb, generator, reader } = miniHospital();

describe('PatientGenerator', () => {
  it('gives the same patient for the same seed and index, and different ones otherwise', () => {
    const a = generator.generate(11, 5);
    const b = generator.generate(11, 5);
    expect(b).toEqual(a);
    expect(Array.from(b.analyteValues)).toEqual(Array.from(a.analyteValues));
    const others = [generator.generate(11, 6), generator.generate(12, 5)];
    for (const o of others) expect(o.persona.name.en + o.persona.age).not.toBe(a.persona.name.en + a.persona.age);
  });

  it('produces a record of the public shape with a result for every examination in the catalogue', () => {
    for (let i = 0; i < 50; i++) {
      const patient = generator.generate(3, i);
      for (const lang of ['en', 'zh'] as const) {
        const record = PatientRecord.parse(toPatientRecord(generator, reader, patient, lang));
        const examsReported = new Set(record.examResults.map((r) => r.examId));
        expect(examsReported.size).toBe(kb.exams.length);
        expect(record.symptoms.length).toBeGreaterThan(0);
        expect(record.disease.id).toBe(patient.disease);
      }
    }
  });

  it('never names the disease in the symptoms or the examination results', () => {
    for (let i = 0; i < 200; i++) {
      const patient = generator.generate(4, i);
      const disease = kb.disease(patient.disease);
      for (const lang of ['en', 'zh'] as const) {
        const record = toPatientRecord(generator, reader, patient, lang);
        const visible = JSON.stringify([record.symptoms, record.examResults]).toLowerCase();
        for (const name of [disease.name[lang], ...disease.synonyms[lang]]) expect(visible).not.toContain(name.toLowerCase());
      }
    }
  });

  it('puts abnormal values beyond the patient’s own reference range and healthy values inside it', () => {
    // Comorbidities (a hypertensive's blood pressure) and values that physiology links to another are set on purpose.
    const setElsewhere = new Set([
      'systolic-bp',
      'diastolic-bp',
      'glucose',
      'hba1c-value',
      'bmi',
      'pao2',
      'spo2',
      'egfr',
      'urea',
      'creatinine',
    ]);
    let abnormal = 0;
    for (let i = 0; i < 300; i++) {
      const patient = generator.generate(5, i);
      const disease = kb.disease(patient.disease);
      const labTerms = new Set(disease.findings.filter((f) => kb.term(f.term).analyte).map((f) => kb.term(f.term).analyte));
      generator.slots.forEach((slot, s) => {
        const v = patient.analyteValues[s]!;
        const range = reader.rangeOf(patient, s);
        if (!labTerms.has(slot.id as never)) {
          if (setElsewhere.has(slot.id)) return;
          expect(v, `${slot.id} of ${patient.id}`).toBeGreaterThanOrEqual(range.low);
          expect(v, `${slot.id} of ${patient.id}`).toBeLessThanOrEqual(range.high);
        } else if (v > range.high || v < range.low) abnormal++;
      });
    }
    expect(abnormal).toBeGreaterThan(200);
  });

  it('shows a severe illness more of its picture than a mild one', () => {
    const count = { mild: { n: 0, features: 0 }, severe: { n: 0, features: 0 } };
    for (let i = 0; i < 4000; i++) {
      const p = generator.generateWith('community-acquired-pneumonia' as never, 6, i);
      if (p.severity === 'moderate') continue;
      count[p.severity].n++;
      count[p.severity].features += p.symptoms.length + reader.allFindings(p).length;
    }
    expect(count.severe.features / count.severe.n).toBeGreaterThan(count.mild.features / count.mild.n + 0.5);
  });

  it('refuses a disease it does not know', () => {
    expect(() => generator.generateWith('dragon-pox' as never, 1, 1)).toThrow(/unknown disease "dragon-pox"/);
  });
});
