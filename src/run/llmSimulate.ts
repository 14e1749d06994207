import type { PatientGenerator } from '../patients/generator';
import type { ExamReader } from '../patients/results';
import { LogHash } from '../sim/hash';
import { EXAM_SEED } from './exam';
import type { LlmClinician, LlmConsultationOutcome } from './llmClinician';
import { buildExamSets, sitExams, type SimulationSummary } from './simulate';
import { consultationLine } from './staff';

export interface LlmSimulateOptions {
  consultations: number;
  seed: number;
  /** Exam patients per disease; the exam is sat by the offline doctors with what they learned. */
  examPerDisease: number;
  /** Consultations under way at once (their model calls share the client's concurrency limit). */
  parallel: number;
  /** Wall clock in seconds, injected. */
  clock: () => number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** Receives each finished consultation (transcripts, per-consultation tokens). */
  onConsultation?: (index: number, outcome: LlmConsultationOutcome) => void;
}

/** `simulate --brain llm --json`: the offline summary plus the model's figures. */
export interface LlmSimulationSummary extends SimulationSummary {
  brain: 'llm';
  /** How the model-led consultations of this run went (scored at follow-up). */
  training: { diagnosisTop1: number; diagnosisTop3: number; examination: number; treatment: number };
  llm: {
    calls: number;
    promptTokens: number;
    completionTokens: number;
    fallbacks: number;
    retries: number;
    /** Per consultation, averaged: what one patient costs. */
    callsPerConsultation: number;
    promptTokensPerConsultation: number;
    spendCapReached: boolean;
    fallbacksBy: Record<string, number>;
    waitedMs: number;
  };
}

/**
 * The hospital headless with the language model as doctor: training patients from `seed` are
 * consulted by the LlmClinician (a few at a time; a slow answer holds up only its patient),
 * followed up and learned from; the offline doctors, carrying what was learned, sit the exam
 * before and after. Stopping (`signal`) ends the run after the consultations under way.
 */
export async function simulateWithLlm(
  generator: PatientGenerator,
  _reader: ExamReader,
  clinician: LlmClinician,
  options: LlmSimulateOptions,
): Promise<LlmSimulationSummary> {
  if (options.seed === EXAM_SEED) throw new Error(`seed ${EXAM_SEED} is reserved for the exam; training on it would leak the exam`);
  const staff = clinician.staff;
  const client = clinician.llm.client;
  const startAt = staff.consultations;
  const examSets = buildExamSets(generator, options.examPerDisease);
  const beforeBoth = sitExams(staff, examSets);
  const before = beforeBoth.balanced;
  const outcomes: (LlmConsultationOutcome | undefined)[] = new Array(options.consultations);
  const started = options.clock();
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < options.consultations && !options.signal?.aborted) {
      const i = next++;
      const patient = generator.generate(options.seed, i);
      try {
        const o = await clinician.consult(patient, { learn: true, ...(options.signal ? { signal: options.signal } : {}) });
        outcomes[i] = o;
        options.onConsultation?.(i, o);
      } catch (err) {
        // Only a stop ends a consultation without an answer: every other failure fell back.
        if (!options.signal?.aborted) throw err;
      }
      done++;
      options.onProgress?.(done, options.consultations);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.parallel) }, worker));
  const seconds = options.clock() - started;
  const afterBoth = sitExams(staff, examSets);
  const after = afterBoth.balanced;
  const log = new LogHash();
  const finished = outcomes.filter((o): o is LlmConsultationOutcome => o !== undefined);
  outcomes.forEach((o, i) => {
    if (o) log.add(consultationLine(generator.generate(options.seed, i).id, o));
  });
  const share = (f: (o: LlmConsultationOutcome) => boolean): number =>
    finished.length === 0 ? 0 : finished.filter(f).length / finished.length;
  const s = client.stats;
  const n = Math.max(1, finished.length);
  const scores = (r: typeof before) => ({
    diagnosisTop1: r.diagnosisTop1,
    diagnosisTop3: r.diagnosisTop3,
    examination: r.examination,
    treatment: r.treatment,
  });
  return {
    brain: 'llm',
    consultations: finished.length,
    seconds,
    consultationsPerSecond: finished.length / Math.max(1e-9, seconds),
    caseBase: staff.caseBaseSize,
    experienceBase: staff.experienceBaseSize,
    eventLogHash: log.hex(),
    population: 'balanced',
    exam: { before, after },
    realisticExam: { before: beforeBoth.realistic, after: afterBoth.realistic },
    curve: [
      { consultations: startAt, ...scores(before), realisticTop1: beforeBoth.realistic.diagnosisTop1 },
      { consultations: startAt + finished.length, ...scores(after), realisticTop1: afterBoth.realistic.diagnosisTop1 },
    ],
    training: {
      diagnosisTop1: share((o) => o.correct),
      diagnosisTop3: share((o) => o.top3),
      examination: share((o) => o.examinationRight),
      treatment: share((o) => o.treatmentRight),
    },
    llm: {
      calls: s.calls,
      promptTokens: s.promptTokens,
      completionTokens: s.completionTokens,
      fallbacks: s.fallbacks,
      retries: s.retries,
      callsPerConsultation: s.calls / n,
      promptTokensPerConsultation: s.promptTokens / n,
      spendCapReached: s.spendCapReached,
      fallbacksBy: { ...s.fallbacksBy },
      waitedMs: s.waitedMs,
    },
  };
}
