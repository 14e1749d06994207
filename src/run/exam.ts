import type { DiseaseId } from '../schema/ids';
import type { PatientGenerator } from '../patients/generator';
import type { Patient } from '../patients/types';
import type { ClinicalStaff } from './staff';

/** The exam's seed: never used for training patients (simulate refuses it), so the exam is unseen cases. */
export const EXAM_SEED = 9_000_001;

export interface Scores {
  diagnosisTop1: number;
  diagnosisTop3: number;
  examination: number;
  treatment: number;
}
export interface ExamResult extends Scores {
  byDepartment: Record<string, Scores>;
}

/** A fixed exam: `perDisease` patients of every disease, drawn from the exam seed. */
export function buildExamSet(generator: PatientGenerator, perDisease: number, diseases?: readonly DiseaseId[]): Patient[] {
  const ids = diseases ?? generator.kb.diseases.map((d) => d.id);
  const out: Patient[] = [];
  let index = 0;
  for (const id of ids) for (let i = 0; i < perDisease; i++) out.push(generator.generateWith(id, EXAM_SEED, index++));
  return out;
}

/** Where the realistic exam's patients start among the exam seed's indexes (after any balanced set). */
const REALISTIC_EXAM_OFFSET = 10_000_000;

/** A realistic exam: `count` arrivals at real base rates, drawn from the exam seed (common things are common). */
export function buildRealisticExamSet(generator: PatientGenerator, count: number): Patient[] {
  return Array.from({ length: count }, (_, i) => generator.generate(EXAM_SEED, REALISTIC_EXAM_OFFSET + i, { population: 'realistic' }));
}

/**
 * The doctors sit the exam on the paper's three tasks — examination, diagnosis, treatment —
 * with their bases as they are and without learning from it.
 */
export function sitExam(staff: ClinicalStaff, patients: readonly Patient[]): ExamResult {
  const totals = new Map<string, { n: number; top1: number; top3: number; exam: number; treat: number }>();
  const all = { n: 0, top1: 0, top3: 0, exam: 0, treat: 0 };
  for (const patient of patients) {
    const o = staff.consult(patient, false);
    const dep = staff.kb.disease(patient.disease).department;
    const row = totals.get(dep) ?? { n: 0, top1: 0, top3: 0, exam: 0, treat: 0 };
    for (const r of [row, all]) {
      r.n += 1;
      r.top1 += o.correct ? 1 : 0;
      r.top3 += o.top3 ? 1 : 0;
      r.exam += o.examinationRight ? 1 : 0;
      r.treat += o.treatmentRight ? 1 : 0;
    }
    totals.set(dep, row);
  }
  const scores = (r: typeof all): Scores => ({
    diagnosisTop1: r.top1 / Math.max(1, r.n),
    diagnosisTop3: r.top3 / Math.max(1, r.n),
    examination: r.exam / Math.max(1, r.n),
    treatment: r.treat / Math.max(1, r.n),
  });
  const byDepartment: Record<string, Scores> = {};
  for (const dep of staff.kb.departments) {
    const row = totals.get(dep.id);
    if (row) byDepartment[dep.id] = scores(row);
  }
  return { ...scores(all), byDepartment };
}
