import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import type { PatientGenerator } from '../patients/generator';
import type { ExamReader } from '../patients/results';
import { exportBundle, loadBundle, parseBundle } from '../run/bundle';
import { buildExamSet, buildRealisticExamSet, EXAM_SEED, sitExam } from '../run/exam';
import { ClinicalStaff, consultationLine } from '../run/staff';
import { LogHash } from '../sim/hash';
import type { MetricPoint } from '../schema/store';
import type { HospitalDb } from '../store/db';
import { listMetrics, loadSnapshot, saveSnapshot } from '../store/staffStore';
import { examConfusions } from './confusions';
import type { FromWorker, StartReplay } from './protocol';

/** Work in slices of this many ms, then let messages (cancel) in: the worker stays responsive. */
const SLICE_MS = 50;
/** Progress messages at most this often; more would only load the page's main thread. */
const PROGRESS_EVERY_MS = 200;

export interface ReplayDeps {
  kb: KnowledgeBase;
  generator: PatientGenerator;
  reader: ExamReader;
  db: HospitalDb;
  /** Wall clock in ms (performance.now in the worker); the hospital itself never reads it. */
  clock: () => number;
  post: (message: FromWorker) => void;
  /** Lets queued messages in (a cancel) between slices. */
  yieldNow: () => Promise<void>;
  cancelled: () => boolean;
  runId: string;
}

/** Stored consultations per batch when the request does not say: about 20 batches per run. */
export function defaultBatchSize(consultations: number): number {
  return Math.min(5_000, Math.max(200, Math.ceil(consultations / 20)));
}

/**
 * Fast-forward: restores the stored staff, runs `consultations` generated patients through
 * triage, consultation, follow-up and learning (as `simulate` does), sits the small exam at
 * checkpoints, and streams snapshots and checkpoints into IndexedDB batch by batch. A cancel
 * stops after the current slice and keeps (and stores) everything learned so far.
 */
export async function runReplay(request: StartReplay, deps: ReplayDeps): Promise<Extract<FromWorker, { type: 'finished' }>> {
  const { kb, generator, reader, db, clock, post } = deps;
  const restored = await loadSnapshot(db);
  const staff = new ClinicalStaff(kb, reader);
  if (restored) loadBundle(staff, parseBundle(kb, restored.bundle));
  let seed = restored?.nextSeed ?? 1;
  if (seed === EXAM_SEED) seed += 1;
  const startAt = staff.consultations;
  const total = request.consultations;
  const batchSize = request.batchSize ?? defaultBatchSize(total);
  const examSet = buildExamSet(generator, request.examPerDisease);
  const realisticSet = buildRealisticExamSet(generator, examSet.length);
  const checkpointEvery = request.checkpoints > 0 ? Math.max(1, Math.floor(total / (request.checkpoints + 1))) : Infinity;
  post({ type: 'started', runId: deps.runId, startAt, total, seed });

  const pending: MetricPoint[] = [];
  const checkpoint = (withConfusions: boolean): void => {
    if (examSet.length === 0) return;
    const exam = sitExam(staff, examSet);
    const byDepartment: MetricPoint['byDepartment'] = {};
    for (const [dep, s] of Object.entries(exam.byDepartment)) byDepartment[dep] = { top1: s.diagnosisTop1, top3: s.diagnosisTop3 };
    const point: MetricPoint = {
      runId: deps.runId,
      consultations: staff.consultations,
      diagnosisTop1: exam.diagnosisTop1,
      diagnosisTop3: exam.diagnosisTop3,
      realisticTop1: sitExam(staff, realisticSet).diagnosisTop1,
      examination: exam.examination,
      treatment: exam.treatment,
      byDepartment,
      caseBase: staff.caseBaseSize,
      experienceBase: staff.experienceBaseSize,
      confusions: withConfusions ? examConfusions(staff, examSet) : [],
      at: Date.now(),
    };
    pending.push(point);
    post({ type: 'checkpoint', point });
  };
  // Cases each doctor has in the store: a batch exports and writes only the cases after them.
  const stored = new Map<string, number>();
  for (const d of restored?.bundle.doctors ?? []) stored.set(d.department, d.cases.length);
  const save = async (): Promise<void> => {
    const casesFrom = (dep: string): number => stored.get(dep) ?? 0;
    await saveSnapshot(db, exportBundle(staff, [], casesFrom), {
      mode: 'append',
      metrics: pending.splice(0),
      nextSeed: seed + 1,
      now: Date.now(),
      casesFrom,
    });
    for (const d of staff.doctors.values()) stored.set(d.department, d.cases.size);
    post({ type: 'saved', consultations: staff.consultations });
  };

  const known = await listMetrics(db);
  if (!known.some((m) => m.consultations === startAt)) checkpoint(false);

  // The same fingerprint `simulate` prints: a fresh replay from seed S matches `simulate --seed S`.
  const log = new LogHash();
  const startedAt = clock();
  let lastProgress = -Infinity;
  let lastSaved = 0;
  let done = 0;
  const progress = (): void => {
    const seconds = (clock() - startedAt) / 1000;
    const perSecond = seconds > 0 ? done / seconds : 0;
    post({
      type: 'progress',
      done,
      total,
      perSecond,
      etaSeconds: perSecond > 0 ? (total - done) / perSecond : null,
      caseBase: staff.caseBaseSize,
      experienceBase: staff.experienceBaseSize,
    });
    lastProgress = clock();
  };
  while (done < total && !deps.cancelled()) {
    const sliceEnd = clock() + SLICE_MS;
    while (done < total && clock() < sliceEnd) {
      const patient = generator.generate(seed, done);
      log.add(consultationLine(patient.id, staff.consult(patient, true)));
      done += 1;
      if (done % checkpointEvery === 0 && done < total) checkpoint(false);
      if (done - lastSaved >= batchSize && done < total) break;
    }
    if (done - lastSaved >= batchSize && done < total) {
      await save();
      lastSaved = done;
    }
    if (clock() - lastProgress >= PROGRESS_EVERY_MS) progress();
    await deps.yieldNow();
  }
  const cancelled = done < total;
  checkpoint(true);
  await save();
  progress();
  const seconds = (clock() - startedAt) / 1000;
  return {
    type: 'finished',
    cancelled,
    done,
    consultations: staff.consultations,
    seconds,
    perSecond: seconds > 0 ? done / seconds : 0,
    eventLogHash: log.hex(),
  };
}
