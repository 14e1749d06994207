import { Bundle, BUNDLE_FORMAT, BUNDLE_VERSION, type BundleDoctor } from '../schema/bundle';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { formatPath } from '../knowledge/errors';
import type { ExperienceRule } from '../evolution/experienceBase';
import type { ClinicalStaff } from './staff';

/** A bundle that cannot be loaded: the message names where in the file it went wrong. */
export class BundleError extends Error {
  constructor(readonly issues: readonly { path: string; message: string }[]) {
    super(
      [
        'The bundle was refused:',
        ...issues.slice(0, 10).map((i) => `  ${i.path}: ${i.message}`),
        ...(issues.length > 10 ? [`  … and ${issues.length - 10} more`] : []),
      ].join('\n'),
    );
    this.name = 'BundleError';
  }
}

/**
 * Everything the staff has learned, as a versioned, id-based bundle. With `casesFrom`, each
 * doctor's cases start at that index: an incremental snapshot whose earlier cases are stored already.
 */
export function exportBundle(staff: ClinicalStaff, curve: readonly object[] = [], casesFrom?: (department: string) => number): Bundle {
  const kb = staff.kb;
  const disease = (d: number): string => kb.diseases[d]?.id as string;
  const term = (t: number): string => kb.terms[t]?.id as string;
  const doctors: BundleDoctor[] = [];
  for (const doctor of staff.doctors.values()) {
    const severity = doctor.severity.export();
    const cases = [];
    for (let id = casesFrom?.(doctor.department) ?? 0; id < doctor.cases.size; id++) {
      const c = doctor.cases.get(id);
      cases.push({
        disease: disease(c.disease),
        present: Array.from(c.present, term),
        absent: Array.from(c.absent, term),
        ageBand: c.ageBand,
        male: c.male,
        consultation: c.consultation,
      });
    }
    doctors.push({
      department: doctor.department,
      consultations: doctor.consultations,
      correct: doctor.correct,
      caseMix: doctor.exportCaseMix().map(([d, n]) => [disease(d), n]),
      severity: {
        perDisease: severity.perDisease.map(([d, s]) => [disease(d), s]),
        pooled: severity.pooled,
        ranges: severity.ranges.map(([d, analyte, lo, hi]) => [disease(d), analyte, lo, hi]),
      },
      beliefs: doctor.beliefs.exportRows().map((r) => ({
        disease: disease(r.d),
        patients: r.patients,
        male: r.male,
        bands: r.bands,
        observed: r.observed.map(([t, n]) => [term(t), n]),
        present: r.present.map(([t, n]) => [term(t), n]),
        studied: r.studied,
      })),
      cases,
      experiences: doctor.experiences.all.map((e) => ({
        id: e.id,
        from: disease(e.from),
        to: disease(e.to),
        rule:
          e.rule.kind === 'prefer'
            ? { kind: 'prefer' as const, cues: e.rule.cues.map((c) => ({ term: term(c.term), present: c.present })) }
            : e.rule,
        text: e.text,
        learnedAt: e.learnedAt,
        uses: e.uses,
        successes: e.successes,
        retired: e.retired,
      })),
    });
  }
  const points = curve.map((c) => Object.fromEntries(Object.entries(c).filter(([, v]) => typeof v === 'number')) as Record<string, number>);
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    consultations: staff.consultations,
    nurse: { learned: staff.nurse.exportLearned() },
    doctors,
    curve: points,
  };
}

/**
 * Parses a bundle and checks every id against the knowledge base before anything is changed:
 * a refused bundle leaves the staff exactly as it was.
 */
export function parseBundle(kb: KnowledgeBase, data: unknown): Bundle {
  const parsed = Bundle.safeParse(data);
  if (!parsed.success) throw new BundleError(parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })));
  const bundle = parsed.data;
  const issues: { path: string; message: string }[] = [];
  const needDisease = (id: string, path: string): void =>
    void (kb.hasDisease(id) || issues.push({ path, message: `unknown disease "${id}" (the bundle was made with another knowledge base)` }));
  const needTerm = (id: string, path: string): void => void (kb.hasTerm(id) || issues.push({ path, message: `unknown term "${id}"` }));
  const departments = new Set(kb.departments.map((d) => d.id as string));
  bundle.doctors.forEach((doc, i) => {
    const at = `doctors[${i}]`;
    if (!departments.has(doc.department)) issues.push({ path: `${at}.department`, message: `unknown department "${doc.department}"` });
    doc.caseMix.forEach(([d], j) => needDisease(d, `${at}.caseMix[${j}][0]`));
    doc.severity.perDisease.forEach(([d], j) => needDisease(d, `${at}.severity.perDisease[${j}][0]`));
    doc.severity.ranges.forEach(([d, analyte], j) => {
      needDisease(d, `${at}.severity.ranges[${j}][0]`);
      if (!kb.exams.some((e) => e.analytes.some((a) => a.id === analyte)))
        issues.push({ path: `${at}.severity.ranges[${j}][1]`, message: `unknown analyte "${analyte}"` });
    });
    doc.beliefs.forEach((r, j) => {
      needDisease(r.disease, `${at}.beliefs[${j}].disease`);
      r.observed.forEach(([t], k) => needTerm(t, `${at}.beliefs[${j}].observed[${k}][0]`));
      r.present.forEach(([t], k) => needTerm(t, `${at}.beliefs[${j}].present[${k}][0]`));
    });
    doc.cases.forEach((c, j) => {
      needDisease(c.disease, `${at}.cases[${j}].disease`);
      c.present.forEach((t, k) => needTerm(t, `${at}.cases[${j}].present[${k}]`));
      c.absent.forEach((t, k) => needTerm(t, `${at}.cases[${j}].absent[${k}]`));
    });
    doc.experiences.forEach((e, j) => {
      needDisease(e.from, `${at}.experiences[${j}].from`);
      needDisease(e.to, `${at}.experiences[${j}].to`);
      if (e.rule.kind === 'prefer') e.rule.cues.forEach((c, k) => needTerm(c.term, `${at}.experiences[${j}].rule.cues[${k}].term`));
      else if (!kb.exams.some((x) => x.id === (e.rule as { exam: string }).exam))
        issues.push({ path: `${at}.experiences[${j}].rule.exam`, message: `unknown exam "${e.rule.exam}"` });
    });
  });
  bundle.nurse.learned.forEach(([t, dep], i) => {
    needTerm(t, `nurse.learned[${i}][0]`);
    if (!departments.has(dep)) issues.push({ path: `nurse.learned[${i}][1]`, message: `unknown department "${dep}"` });
  });
  if (issues.length > 0) throw new BundleError(issues);
  return bundle;
}

/** Loads a parsed bundle into fresh staff (which must not have learned anything yet). */
export function loadBundle(staff: ClinicalStaff, bundle: Bundle): void {
  const kb = staff.kb;
  if (staff.consultations > 0) throw new Error('load a bundle into fresh staff only');
  const d = (id: string): number => kb.diseaseIndex(id);
  const t = (id: string): number => kb.termIndex(id);
  staff.consultations = bundle.consultations;
  staff.nurse.importLearned(bundle.nurse.learned);
  for (const saved of bundle.doctors) {
    const doctor = staff.doctor(saved.department);
    doctor.consultations = saved.consultations;
    doctor.correct = saved.correct;
    doctor.importCaseMix(saved.caseMix.map(([id, n]) => [d(id), n]));
    doctor.severity.import({
      perDisease: saved.severity.perDisease.map(([id, s]) => [d(id), s]),
      pooled: saved.severity.pooled,
      ranges: saved.severity.ranges.map(([id, analyte, lo, hi]) => [d(id), analyte, lo, hi]),
    });
    for (const r of saved.beliefs) {
      doctor.beliefs.importRow({
        d: d(r.disease),
        patients: r.patients,
        male: r.male,
        bands: r.bands,
        observed: r.observed.map(([id, n]) => [t(id), n]),
        present: r.present.map(([id, n]) => [t(id), n]),
        studied: r.studied,
      });
    }
    for (const c of saved.cases)
      doctor.cases.add({
        disease: d(c.disease),
        present: c.present.map(t),
        absent: c.absent.map(t),
        ageBand: c.ageBand,
        male: c.male,
        consultation: c.consultation,
      });
    for (const e of saved.experiences) {
      const rule: ExperienceRule =
        e.rule.kind === 'prefer'
          ? { kind: 'prefer', cues: e.rule.cues.map((c) => ({ term: t(c.term), present: c.present })) }
          : { kind: 'examine', exam: e.rule.exam };
      doctor.experiences.restore({
        id: e.id,
        from: d(e.from),
        to: d(e.to),
        rule,
        text: e.text,
        learnedAt: e.learnedAt,
        uses: e.uses,
        successes: e.successes,
        retired: e.retired,
      });
    }
  }
}
