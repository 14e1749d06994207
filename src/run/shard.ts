import type { PatientGenerator } from '../patients/generator';
import type { ExamReader } from '../patients/results';
import type { Bundle } from '../schema/bundle';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { LogHash } from '../sim/hash';
import { exportBundle, parseBundle } from './bundle';
import { mergeBundle } from './bundleMerge';
import { ClinicalStaff, consultationLine } from './staff';
import { EXAM_SEED } from './exam';
import type { PopulationKind } from '../patients/generator';
import { loadBundle } from './bundle';
import { buildExamSets, curvePoint, sitExams, type SimulationSummary } from './simulate';

/**
 * A sharded run: the training patients are dealt to `shards` hospitals (patient i to shard
 * i mod shards), each learning from textbook doctors on its own; what they learned is pooled
 * at each checkpoint in shard order. However many threads execute the shards, the result is
 * the same: the shards, not the threads, define the run.
 */
export interface ShardPlan {
  seed: number;
  /** Training patients over all shards. */
  consultations: number;
  shards: number;
  /** Global consultation counts at which each shard saves what it has learned, ascending; the last is `consultations`. */
  checkpoints: readonly number[];
  /** Who the training patients are (default balanced). */
  population?: PopulationKind;
}

export interface ShardResult {
  shard: number;
  /** Fingerprint of this shard's consultations (patient, department, diagnosis, right or wrong, examinations). */
  hash: string;
  /** What the shard had learned at each checkpoint, cumulative from the textbook. */
  snapshots: Bundle[];
  consultations: number;
}

/** The checkpoints of a run with `checkpoints` evenly spaced exams besides the final one. */
export function checkpointsOf(consultations: number, checkpoints: number): number[] {
  const every = checkpoints > 0 ? Math.max(1, Math.floor(consultations / (checkpoints + 1))) : consultations;
  const out: number[] = [];
  for (let c = every; c < consultations; c += every) if (out.length < checkpoints) out.push(c);
  out.push(consultations);
  return out;
}

/** Trains one shard: its patients in order, with follow-up and learning. */
export function trainShard(
  generator: PatientGenerator,
  reader: ExamReader,
  plan: ShardPlan,
  shard: number,
  onProgress?: (done: number) => void,
): ShardResult {
  if (!Number.isInteger(shard) || shard < 0 || shard >= plan.shards)
    throw new Error(`shard ${shard} is not one of the plan's ${plan.shards}`);
  const staff = new ClinicalStaff(generator.kb, reader);
  const log = new LogHash();
  const snapshots: Bundle[] = [];
  let next = 0;
  let done = 0;
  for (let i = shard; ; i += plan.shards) {
    // Save at every checkpoint this patient index has passed (patients below it are all seen).
    while (next < plan.checkpoints.length && i >= (plan.checkpoints[next] as number)) {
      snapshots.push(exportBundle(staff));
      next++;
    }
    if (i >= plan.consultations) break;
    const patient = generator.generate(plan.seed, i, { population: plan.population ?? 'balanced' });
    const o = staff.consult(patient, true);
    log.add(consultationLine(patient.id, o));
    done++;
    if (onProgress && done % 500 === 0) onProgress(done);
  }
  while (snapshots.length < plan.checkpoints.length) snapshots.push(exportBundle(staff));
  return { shard, hash: log.hex(), snapshots, consultations: done };
}

/**
 * Pools the shards' learning: at each checkpoint, the shards' bundles merged in shard order
 * (counts add up, cases and lessons are pooled). Each merged bundle is checked like an import.
 */
export function poolShards(kb: KnowledgeBase, results: readonly ShardResult[]): { pooled: Bundle[]; hash: string } {
  const ordered = [...results].sort((a, b) => a.shard - b.shard);
  const first = ordered[0];
  if (!first) throw new Error('no shard results to pool');
  const pooled = first.snapshots.map((_, k) =>
    parseBundle(
      kb,
      ordered.map((r) => r.snapshots[k] as Bundle).reduce((a, b) => mergeBundle(a, b)),
    ),
  );
  const log = new LogHash();
  for (const r of ordered) log.add(r.hash);
  return { pooled, hash: log.hex() };
}

/** Runs the plan's shards somewhere (threads, or in turn in this one) and returns every shard's result. */
export type ShardRunner = (plan: ShardPlan) => Promise<ShardResult[]>;

/** Every shard in turn on this thread: the reference the threaded runs must equal. */
export function runShardsInline(generator: PatientGenerator, reader: ExamReader): ShardRunner {
  return (plan) => Promise.resolve(Array.from({ length: plan.shards }, (_, s) => trainShard(generator, reader, plan, s)));
}

/**
 * `simulate` with the training dealt to shards: the shards learn (in parallel where the runner
 * allows), their learning is pooled at each checkpoint, and the pooled doctors sit the same exam
 * as an unsharded run. `seconds` is the wall time of the training, exams excluded as there.
 * Returns the pooled staff at the end, ready to save.
 */
export async function simulateSharded(
  generator: PatientGenerator,
  reader: ExamReader,
  options: {
    consultations: number;
    seed: number;
    examPerDisease: number;
    checkpoints: number;
    shards: number;
    clock: () => number;
    population?: PopulationKind;
  },
  run: ShardRunner,
): Promise<{ summary: SimulationSummary; staff: ClinicalStaff }> {
  if (options.seed === EXAM_SEED) throw new Error(`seed ${EXAM_SEED} is reserved for the exam; training on it would leak the exam`);
  const kb = generator.kb;
  const examSets = buildExamSets(generator, options.examPerDisease);
  const before = sitExams(new ClinicalStaff(kb, reader), examSets);
  const population = options.population ?? 'balanced';
  const plan: ShardPlan = {
    population,
    seed: options.seed,
    consultations: options.consultations,
    shards: options.shards,
    checkpoints: checkpointsOf(options.consultations, options.checkpoints),
  };
  const started = options.clock();
  const results = await run(plan);
  const seconds = options.clock() - started;
  const { pooled, hash } = poolShards(kb, results);
  const curve: SimulationSummary['curve'] = [curvePoint(0, before)];
  let staff = new ClinicalStaff(kb, reader);
  let after = before;
  pooled.forEach((bundle, k) => {
    staff = new ClinicalStaff(kb, reader);
    loadBundle(staff, bundle);
    after = sitExams(staff, examSets);
    curve.push(curvePoint(plan.checkpoints[k] as number, after));
  });
  return {
    staff,
    summary: {
      consultations: options.consultations,
      seconds,
      consultationsPerSecond: options.consultations / Math.max(1e-9, seconds),
      caseBase: staff.caseBaseSize,
      experienceBase: staff.experienceBaseSize,
      eventLogHash: hash,
      population,
      exam: { before: before.balanced, after: after.balanced },
      realisticExam: { before: before.realistic, after: after.realistic },
      curve,
    },
  };
}
