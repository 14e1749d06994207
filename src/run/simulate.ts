import type { PatientGenerator, PopulationKind } from '../patients/generator';
import { buildExamSet, buildRealisticExamSet, EXAM_SEED, sitExam, type ExamResult, type Scores } from './exam';
import type { Patient } from '../patients/types';
import { LogHash } from '../sim/hash';
import { ClinicalStaff, consultationLine } from './staff';
import type { ExamReader } from '../patients/results';

export interface SimulateOptions {
  consultations: number;
  seed: number;
  /** Exam patients per disease (the paper's style: a fixed set over every disease). */
  examPerDisease: number;
  /** How many times the doctors sit the exam during the run (besides before and after). */
  checkpoints: number;
  /** Wall clock in seconds, injected: the run itself never reads time. */
  clock: () => number;
  onProgress?: (done: number, total: number) => void;
  /** Staff to continue from (loaded from a bundle); fresh textbook doctors when absent. */
  staff?: ClinicalStaff;
  /** Who the training patients are (default balanced, the paper's training set). */
  population?: PopulationKind;
}

/** `agent-hospital simulate --json`. A public shape (README): keep it stable. */
export interface SimulationSummary {
  consultations: number;
  seconds: number;
  consultationsPerSecond: number;
  caseBase: number;
  experienceBase: number;
  eventLogHash: string;
  /** Who the training patients were. */
  population: PopulationKind;
  /** The virtual-world exam: every disease equally often (the paper's). */
  exam: { before: ExamResult; after: ExamResult };
  /** The same doctors on as many arrivals at real base rates. */
  realisticExam: { before: ExamResult; after: ExamResult };
  /** Each point: the balanced exam's scores, and the realistic exam's top-1. */
  curve: ({ consultations: number; realisticTop1: number } & Scores)[];
}

/** Both exams, balanced and realistic, of the same size. */
export interface ExamSets {
  balanced: Patient[];
  realistic: Patient[];
}

export function buildExamSets(generator: PatientGenerator, perDisease: number): ExamSets {
  const balanced = buildExamSet(generator, perDisease);
  return { balanced, realistic: buildRealisticExamSet(generator, balanced.length) };
}

/** Both exams sat by the same staff. */
export function sitExams(staff: ClinicalStaff, sets: ExamSets): { balanced: ExamResult; realistic: ExamResult } {
  return { balanced: sitExam(staff, sets.balanced), realistic: sitExam(staff, sets.realistic) };
}

/** A point of the learning curve. */
export function curvePoint(
  consultations: number,
  exams: { balanced: ExamResult; realistic: ExamResult },
): SimulationSummary['curve'][number] {
  return { consultations, ...withoutDepartments(exams.balanced), realisticTop1: exams.realistic.diagnosisTop1 };
}

/** An exam's headline scores, without the per-department breakdown (a point of the curve). */
export function withoutDepartments(r: ExamResult): Scores {
  return { diagnosisTop1: r.diagnosisTop1, diagnosisTop3: r.diagnosisTop3, examination: r.examination, treatment: r.treatment };
}

/**
 * Runs the hospital headless: training patients from `seed` flow through triage, consultation,
 * follow-up and learning; the doctors sit the exam before, at checkpoints and after.
 */
export function simulate(
  generator: PatientGenerator,
  reader: ExamReader,
  options: SimulateOptions,
): { summary: SimulationSummary; staff: ClinicalStaff } {
  if (options.seed === EXAM_SEED) throw new Error(`seed ${EXAM_SEED} is reserved for the exam; training on it would leak the exam`);
  const staff = options.staff ?? new ClinicalStaff(generator.kb, reader);
  const startAt = staff.consultations;
  const examSets = buildExamSets(generator, options.examPerDisease);
  const population = options.population ?? 'balanced';
  const before = sitExams(staff, examSets);
  const curve: SimulationSummary['curve'] = [curvePoint(startAt, before)];
  const every = options.checkpoints > 0 ? Math.max(1, Math.floor(options.consultations / (options.checkpoints + 1))) : Infinity;
  const log = new LogHash();
  let trainingSeconds = 0;
  let started = options.clock();
  for (let i = 0; i < options.consultations; i++) {
    const patient = generator.generate(options.seed, i, { population });
    const o = staff.consult(patient, true);
    log.add(consultationLine(patient.id, o));
    const done = i + 1;
    if (done % every === 0 && done < options.consultations) {
      trainingSeconds += options.clock() - started;
      curve.push(curvePoint(startAt + done, sitExams(staff, examSets)));
      started = options.clock();
    }
    if (options.onProgress && (done % 1000 === 0 || done === options.consultations)) options.onProgress(done, options.consultations);
  }
  trainingSeconds += options.clock() - started;
  const after = sitExams(staff, examSets);
  curve.push(curvePoint(startAt + options.consultations, after));
  return {
    staff,
    summary: {
      consultations: options.consultations,
      seconds: trainingSeconds,
      consultationsPerSecond: options.consultations / Math.max(1e-9, trainingSeconds),
      caseBase: staff.caseBaseSize,
      experienceBase: staff.experienceBaseSize,
      eventLogHash: log.hex(),
      population,
      exam: { before: before.balanced, after: after.balanced },
      realisticExam: { before: before.realistic, after: after.realistic },
      curve,
    },
  };
}
