import type { Analyte, Department, Disease, Exam, Term } from '../schema/knowledge';
import type { KbIssue } from './errors';

export interface ParsedKb {
  departments: readonly Department[];
  exams: readonly Exam[];
  terms: readonly Term[];
  diseases: readonly Disease[];
  /** termFiles[i] is the file terms[i] came from; likewise diseaseFiles. */
  termFiles: readonly string[];
  diseaseFiles: readonly string[];
}

function duplicates<T>(items: readonly T[], key: (t: T) => string, report: (index: number, firstIndex: number) => void): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const k = key(item);
    const first = seen.get(k);
    if (first === undefined) seen.set(k, i);
    else report(i, first);
  });
}

/**
 * The checks zod cannot make alone: ids unique across files, every reference resolves to a
 * record of the right kind, lab findings point away from the reference range, key
 * examinations actually show something of the disease.
 */
export function checkReferences(kb: ParsedKb): KbIssue[] {
  const issues: KbIssue[] = [];
  const localIndex = (files: readonly string[], i: number): number => files.slice(0, i).filter((f) => f === files[i]).length;
  const termAt = (i: number): { file: string; path: string } => ({
    file: kb.termFiles[i] ?? '?',
    path: `[${localIndex(kb.termFiles, i)}]`,
  });
  const diseaseAt = (i: number): { file: string; path: string } => ({
    file: kb.diseaseFiles[i] ?? '?',
    path: `[${localIndex(kb.diseaseFiles, i)}]`,
  });

  duplicates(
    kb.departments,
    (d) => d.id,
    (i) => issues.push({ file: 'departments.json', path: `[${i}].id`, message: `duplicate department id "${kb.departments[i]?.id}"` }),
  );
  duplicates(
    kb.exams,
    (e) => e.id,
    (i) => issues.push({ file: 'exams.json', path: `[${i}].id`, message: `duplicate exam id "${kb.exams[i]?.id}"` }),
  );

  const analytes = new Map<string, { exam: Exam; analyte: Analyte }>();
  kb.exams.forEach((exam, ei) =>
    exam.analytes.forEach((analyte, ai) => {
      if (analytes.has(analyte.id))
        issues.push({ file: 'exams.json', path: `[${ei}].analytes[${ai}].id`, message: `duplicate analyte id "${analyte.id}"` });
      analytes.set(analyte.id, { exam, analyte });
    }),
  );

  const exams = new Map(kb.exams.map((e) => [e.id as string, e]));
  const departments = new Set(kb.departments.map((d) => d.id as string));
  const terms = new Map<string, Term>();

  duplicates(
    kb.terms,
    (t) => t.id,
    (i, first) => {
      const at = termAt(i);
      issues.push({
        ...at,
        path: `${at.path}.id`,
        message: `duplicate term id "${kb.terms[i]?.id}" (first defined in ${kb.termFiles[first]})`,
      });
    },
  );
  duplicates(
    kb.terms.filter((t) => t.analyte),
    (t) => `${t.analyte}:${t.direction}`,
    (i) => {
      const t = kb.terms.filter((x) => x.analyte)[i];
      const at = termAt(kb.terms.indexOf(t as Term));
      issues.push({ ...at, path: `${at.path}.analyte`, message: `a second term for analyte "${t?.analyte}" ${t?.direction}` });
    },
  );
  kb.terms.forEach((term, i) => {
    terms.set(term.id, term);
    const at = termAt(i);
    if (term.exam && !exams.has(term.exam)) issues.push({ ...at, path: `${at.path}.exam`, message: `unknown exam "${term.exam}"` });
    if (term.analyte) {
      const owner = analytes.get(term.analyte);
      if (!owner) issues.push({ ...at, path: `${at.path}.analyte`, message: `unknown analyte "${term.analyte}"` });
      else if (owner.exam.id !== term.exam)
        issues.push({
          ...at,
          path: `${at.path}.exam`,
          message: `analyte "${term.analyte}" belongs to exam "${owner.exam.id}", not "${term.exam}"`,
        });
    }
  });

  // A broader term exists, and following broader terms never comes back to where it started.
  kb.terms.forEach((term, i) => {
    if (!term.broader) return;
    const at = { ...termAt(i), path: `${termAt(i).path}.broader` };
    if (!terms.has(term.broader)) return void issues.push({ ...at, message: `unknown term "${term.broader}"` });
    for (let next: string | undefined = term.broader, n = 0; next && n < kb.terms.length; n++, next = terms.get(next)?.broader)
      if (next === term.id) return void issues.push({ ...at, message: `"${term.broader}" leads back to "${term.id}"` });
  });

  duplicates(
    kb.diseases,
    (d) => d.id,
    (i, first) => {
      const at = diseaseAt(i);
      issues.push({
        ...at,
        path: `${at.path}.id`,
        message: `duplicate disease id "${kb.diseases[i]?.id}" (first in ${kb.diseaseFiles[first]})`,
      });
    },
  );
  duplicates(
    kb.diseases,
    (d) => d.icd10,
    (i, first) => {
      const at = diseaseAt(i);
      issues.push({
        ...at,
        path: `${at.path}.icd10`,
        message: `ICD-10 code ${kb.diseases[i]?.icd10} is already used by "${kb.diseases[first]?.id}"`,
      });
    },
  );
  const diseaseIds = new Set(kb.diseases.map((d) => d.id as string));

  kb.diseases.forEach((disease, i) => {
    const at = diseaseAt(i);
    const here = (path: string, message: string): void => void issues.push({ file: at.file, path: `${at.path}.${path}`, message });
    if (!departments.has(disease.department)) here('department', `unknown department "${disease.department}"`);
    const fileDept = /^diseases\/(.+)\.json$/.exec(at.file)?.[1];
    if (fileDept && fileDept !== disease.department) here('department', `"${disease.department}" in the file of department "${fileDept}"`);

    const own = new Set<string>();
    disease.symptoms.forEach((s, si) => {
      const term = terms.get(s.term);
      if (!term) here(`symptoms[${si}].term`, `unknown term "${s.term}" (add it to a vocabulary file)`);
      else if (term.kind !== 'symptom') here(`symptoms[${si}].term`, `"${s.term}" is a ${term.kind}, expected a symptom`);
      if (s.days[0] > s.days[1]) here(`symptoms[${si}].days`, 'min days must not exceed max days');
      if (own.has(s.term)) here(`symptoms[${si}].term`, `"${s.term}" listed twice`);
      own.add(s.term);
    });
    const pByAnalyte = new Map<string, number>();
    disease.findings.forEach((f, fi) => {
      const term = terms.get(f.term);
      if (own.has(f.term)) here(`findings[${fi}].term`, `"${f.term}" listed twice`);
      own.add(f.term);
      if (!term) return void here(`findings[${fi}].term`, `unknown term "${f.term}" (add it to a vocabulary file)`);
      if (term.kind !== 'finding') return void here(`findings[${fi}].term`, `"${f.term}" is a ${term.kind}, expected a finding`);
      if (!term.analyte) {
        if (f.value) here(`findings[${fi}].value`, `"${f.term}" is not a measured quantity; remove value`);
        return;
      }
      const owner = analytes.get(term.analyte);
      if (!owner) return;
      pByAnalyte.set(term.analyte, (pByAnalyte.get(term.analyte) ?? 0) + f.p);
      if (!f.value)
        return void here(`findings[${fi}].value`, `"${f.term}" is measured in ${owner.analyte.unit || 'units'}: give value [mild, severe]`);
      const { low, high } = owner.analyte;
      const outside = term.direction === 'high' ? f.value.every((v) => v > high) : f.value.every((v) => v < low);
      if (!outside)
        here(
          `findings[${fi}].value`,
          `values ${JSON.stringify(f.value)} must lie ${term.direction === 'high' ? `above ${high}` : `below ${low}`} (reference ${low}–${high} ${owner.analyte.unit})`,
        );
    });
    for (const [analyte, p] of pByAnalyte) {
      if (p > 1 + 1e-9) here('findings', `findings on analyte "${analyte}" have probabilities summing to ${p.toFixed(2)} > 1`);
    }
    disease.keyExams.forEach((examId, ki) => {
      if (!exams.has(examId)) return void here(`keyExams[${ki}]`, `unknown exam "${examId}"`);
      const shows = disease.findings.some((f) => terms.get(f.term)?.exam === examId);
      if (!shows) here(`keyExams[${ki}]`, `key exam "${examId}" shows none of this disease's findings`);
    });
    disease.redFlags.forEach((flag, ri) => {
      if (!own.has(flag)) here(`redFlags[${ri}]`, `"${flag}" is not among this disease's symptoms or findings`);
    });
    disease.confusedWith.forEach((other, ci) => {
      if (other === disease.id) here(`confusedWith[${ci}]`, 'a disease is not confused with itself');
      else if (!diseaseIds.has(other)) here(`confusedWith[${ci}]`, `unknown disease "${other}"`);
    });
    disease.riskFactors.forEach((r, ri) => {
      if (!r.term) return;
      const term = terms.get(r.term);
      if (!term) here(`riskFactors[${ri}].term`, `unknown term "${r.term}"`);
      else if (term.kind !== 'symptom') here(`riskFactors[${ri}].term`, `"${r.term}" is a ${term.kind}, expected a history term`);
    });
    if (!disease.epidemiology)
      here('epidemiology', 'missing: give per100k (presentations per 100,000 people a year), setting and any exposure gate');
    disease.epidemiology?.exposure.forEach((e, ei) => {
      const term = terms.get(e);
      if (!term) here(`epidemiology.exposure[${ei}]`, `unknown term "${e}"`);
      else if (term.kind !== 'symptom') here(`epidemiology.exposure[${ei}]`, `"${e}" is a ${term.kind}, expected a history term`);
      else if (!own.has(e) && !disease.riskFactors.some((r) => r.term === e))
        here(`epidemiology.exposure[${ei}]`, `"${e}" gates the disease but is neither among its symptoms nor a risk factor's term`);
    });
    const { mild, moderate, severe } = disease.severity;
    if (mild + moderate + severe <= 0) here('severity', 'at least one severity must have a positive weight');
  });
  return issues;
}
