import { describe, expect, it } from 'vitest';
import { loadDefaultKnowledge } from '../../src/knowledge/nodeFiles';
import { buildTextbook } from '../../src/knowledge/textbook';

/*
 * These tests pin the quality of the shipped medical content, not only its shape: a knowledge
 * base that passes them is coherent enough for doctors to learn from.
 */
const kb = loadDefaultKnowledge();

describe('the shipped knowledge base', () => {
  it('covers the 21 departments with at least 300 diseases, at least 8 in each', () => {
    expect(kb.departments).toHaveLength(21);
    expect(kb.diseases.length).toBeGreaterThanOrEqual(300);
    for (const dep of kb.departments) expect(kb.diseasesOf(dep.id).length, dep.id).toBeGreaterThanOrEqual(8);
  });

  it('has unique ids, unique specific ICD-10 codes and unique names', () => {
    const unique = (xs: string[]) => new Set(xs).size === xs.length;
    expect(unique(kb.diseases.map((d) => d.id))).toBe(true);
    expect(unique(kb.diseases.map((d) => d.icd10))).toBe(true);
    expect(unique(kb.diseases.map((d) => d.name.en.toLowerCase()))).toBe(true);
    expect(unique(kb.diseases.map((d) => d.name.zh))).toBe(true);
    for (const d of kb.diseases) {
      // Symptom (R) and encounter (Z) codes are not diagnoses, except the few conditions WHO classes
      // only there (febrile convulsions, syncope, retention of urine, epistaxis); U is reserved except COVID-19's U07.1.
      expect(d.icd10, d.id).toMatch(/^[A-TV-Y]\d{2}(\.\d{1,2})?$|^U07\.1$|^R(56\.0|55|33|04\.0)$/);
      expect(d.icd10.startsWith('Z'), d.id).toBe(false);
    }
  });

  it('gives every vocabulary term a name no other term uses, in each language', () => {
    for (const lang of ['en', 'zh'] as const) {
      const seen = new Map<string, string>();
      for (const term of kb.terms) {
        const key = term.name[lang].toLowerCase();
        expect(seen.get(key), `${term.id} and ${seen.get(key)} are both "${term.name[lang]}"`).toBeUndefined();
        seen.set(key, term.id);
      }
    }
  });

  it('refers only to terms, examinations and diseases that exist', () => {
    for (const d of kb.diseases) {
      for (const f of [...d.symptoms, ...d.findings]) expect(kb.hasTerm(f.term), `${d.id}: ${f.term}`).toBe(true);
      for (const e of d.keyExams) expect(() => kb.exam(e)).not.toThrow();
      for (const c of d.confusedWith) expect(kb.hasDisease(c), `${d.id} confused with ${c}`).toBe(true);
    }
  });

  it('has sane reference ranges and physiologically plausible abnormal values', () => {
    const signed = new Set(['t-score', 'ph', 'bicarbonate']);
    for (const exam of kb.exams) {
      for (const a of exam.analytes) {
        expect(a.low, a.id).toBeLessThan(a.high);
        if (!signed.has(a.id)) expect(a.low, a.id).toBeGreaterThanOrEqual(0);
      }
    }
    for (const d of kb.diseases) {
      for (const f of d.findings) {
        const term = kb.term(f.term);
        if (!term.analyte || !f.value) continue;
        const { analyte } = kb.analyte(term.analyte);
        for (const v of f.value) {
          if (term.direction === 'high') expect(v, `${d.id}: ${f.term}`).toBeGreaterThan(analyte.high);
          else expect(v, `${d.id}: ${f.term}`).toBeLessThan(analyte.low);
          // Troponin in a large infarct reaches thousands of times its upper limit; nothing goes beyond 5,000×.
          // hCG is the exception: pregnancy itself takes it to 10⁵ IU/L, a molar pregnancy to 10⁶.
          const ceiling = analyte.id === 'beta-hcg' ? 2_000_000 : Math.max(analyte.high * 5000, 100);
          expect(v, `${d.id}: ${f.term} ${v} is implausible`).toBeLessThanOrEqual(ceiling);
          if (!signed.has(analyte.id)) expect(v, `${d.id}: ${f.term}`).toBeGreaterThanOrEqual(0);
        }
        if (analyte.id === 'ph') for (const v of f.value) expect(v).toBeGreaterThan(6.7);
        if (analyte.id === 'spo2') for (const v of f.value) expect(v).toBeGreaterThan(50);
      }
    }
  });

  it('names real first-line treatment for every disease and a confirmatory examination for nearly all', () => {
    let unconfirmed = 0;
    for (const d of kb.diseases) {
      expect(d.treatment.drugs.length > 0 || d.treatment.advice.en.length > 20, d.id).toBe(true);
      for (const drug of d.treatment.drugs) {
        expect(drug.name.en.trim().length, d.id).toBeGreaterThan(2);
        expect(drug.name.zh.trim().length, d.id).toBeGreaterThan(0);
      }
      const confirming = d.findings.filter((f) => d.keyExams.includes(kb.term(f.term).exam as never));
      // Diagnoses of exclusion (functional dyspepsia, IBS) are made on normal key examinations.
      if (Math.max(...confirming.map((f) => f.p)) < 0.5) unconfirmed++;
      const strongest = Math.max(...[...d.symptoms, ...d.findings].map((f) => f.p));
      expect(strongest, `${d.id} has no feature most patients show`).toBeGreaterThanOrEqual(0.5);
    }
    expect(unconfirmed, 'diseases whose key examinations usually show nothing').toBeLessThanOrEqual(Math.ceil(kb.diseases.length * 0.03));
  });

  it('keeps single-sex and age-bound diseases inside their population', () => {
    for (const d of kb.diseases) {
      const text = d.name.en.toLowerCase();
      if (
        /pregnan|gestation|placent|ectopic|postpartum|eclampsia|\bovar|\buter(us|ine)\b|\bcervix\b|endometri|vagin|vulv|miscarriage|menopaus/.test(
          text,
        )
      ) {
        expect(d.population.male, `${d.id} is a disease of women`).toBe(0);
      }
      if (/prostat|testic|scrot|epididym|penile|\bpenis\b|phimosis|varicocele|hydrocele|priapism|peyronie/.test(text))
        expect(d.population.male, `${d.id} is a disease of men`).toBe(1);
      if (/neonat|newborn/.test(d.name.en.toLowerCase())) {
        const adult = ['25-44', '45-64', '65-79', '80-95'] as const;
        for (const band of adult) expect(d.population.ageBands[band] ?? 0, `${d.id} in band ${band}`).toBe(0);
      }
    }
  });

  it('gives a coarser textbook: typical features only, no probabilities', () => {
    const textbook = buildTextbook(kb);
    expect(textbook).toHaveLength(kb.diseases.length);
    for (const entry of textbook) {
      const d = kb.disease(entry.disease);
      expect(entry.typicalSymptoms.length).toBeGreaterThanOrEqual(2);
      expect(entry.typicalSymptoms.length).toBeLessThanOrEqual(d.symptoms.length);
      for (const s of entry.typicalSymptoms) expect(d.symptoms.some((x) => x.term === s)).toBe(true);
      expect(JSON.stringify(entry)).not.toMatch(/"p":/);
    }
    const kbFeatures = kb.diseases.reduce((n, d) => n + d.symptoms.length + d.findings.length, 0);
    const bookFeatures = textbook.reduce((n, e) => n + e.typicalSymptoms.length + e.keyFindings.length, 0);
    expect(bookFeatures).toBeLessThan(kbFeatures * 0.75);
  });
});
