import type { PatientId } from '../schema/ids';
import type { Simulation } from '../sim/simulation';
import type { BrainRequest } from '../sim/world';
import type { StepContext } from '../brain/llm/doctor';
import { LlmError } from '../brain/llm/errors';
import { newMeter, type LlmMeter, type LlmRunStats } from '../brain/llm/stats';
import type { Patient } from '../patients/types';
import type { ExamId, TermId } from '../schema/ids';
import { LlmClinician, type LlmConsultationOutcome, type TranscriptLine, type Visit } from './llmClinician';
import type { ClinicalStaff } from './staff';
import { OfflineBrainPort } from './brainPort';
import { LlmClient } from '../brain/llm/client';
import type { LlmConfig } from '../brain/llm/config';
import { LlmDoctor } from '../brain/llm/doctor';
import type { PromptBook } from '../brain/llm/prompts';
import type { Lang } from '../schema/common';

interface Session {
  visit?: Visit;
  /** Ordered examinations not yet sent to the world (the first is sent with the dialogue). */
  pendingOrders: ExamId[];
  outcome?: LlmConsultationOutcome;
  meter: LlmMeter;
  transcript: TranscriptLine[];
}

/**
 * Connects the world to the language model. `answer()` takes the world's requests and starts
 * the model's work for each without waiting: the answer is dispatched as a command when it
 * arrives, so a slow reply keeps one patient waiting while the hospital goes on. A step the model
 * cannot answer is answered by the offline brain (counted by the client). `stop()` cancels
 * everything in flight; answers that arrive after it are dropped.
 */
export class LlmBrainPort {
  private readonly sessions = new Map<number, Session>();
  private readonly current = new Map<PatientId, number>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly triageMeters = new Map<PatientId, LlmMeter>();
  private controller = new AbortController();
  /** Requests that could not be answered at all (only after a stop), and the last failure. */
  dropped = 0;
  /**
   * Answers what the model's work could not finish (a fault of ours, not a pause or a stop), and
   * every later request of that patient's visit, so that no patient waits for ever.
   */
  private readonly offline: OfflineBrainPort;
  private readonly offlinePatients = new Set<PatientId>();
  lastError: string | undefined;
  /** The latest finished consultation, for the inspector. */
  lastOutcome: { patient: PatientId; outcome: LlmConsultationOutcome } | undefined;
  /** Called with the model's interview (its questions and the patient's answers, in order) as soon as it is written. */
  onDialogue?: (patient: PatientId, lines: readonly TranscriptLine[]) => void;
  /** Called with every finished consultation (transcripts, tokens). */
  onConsultation?: (patient: PatientId, outcome: LlmConsultationOutcome) => void;

  constructor(
    readonly clinician: LlmClinician,
    private readonly sim: Simulation,
  ) {
    this.offline = new OfflineBrainPort(clinician.staff, sim);
  }

  /** The diagnosis report of a consultation, as OfflineBrainPort gives it (the inspector reads it when `patient:diagnosed` says so). */
  reportOf(patient: PatientId, consultRequest: number): LlmConsultationOutcome['report'] | undefined {
    return this.sessions.get(consultRequest)?.outcome?.report ?? this.offline.reportOf(patient, consultRequest);
  }

  /** The run's calls, tokens, retries and fallbacks so far (the HUD and the settings view show them). */
  figures(): LlmRunStats {
    return this.clinician.llm.client.stats;
  }

  /** The patient's reply to `question`, streamed (the world's bubbles); undefined while paused or for an unknown patient. */
  streamReply(patient: PatientId, question: string): AsyncGenerator<string, void, void> | undefined {
    const record = this.sim.patientRecord(patient);
    if (!record || this.paused) return undefined;
    return this.clinician.streamReply(record, question, this.ctx(newMeter()));
  }

  get pending(): number {
    return this.inFlight.size;
  }

  /** Starts work on everything the world has asked since the last call; never waits (nor starts, while paused). */
  answer(): void {
    if (this.paused) return;
    for (const r of this.sim.takeRequests()) this.track(this.handle(r), r);
  }

  /** Resolves when nothing is in flight (tests, the end of a headless run). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  /** Cancels every call in flight (the run is stopped); later requests start afresh. */
  stop(): void {
    this.paused = false;
    this.interrupted.length = 0;
    this.controller.abort(new LlmError('aborted', 'the run was stopped'));
    this.controller = new AbortController();
  }

  /**
   * Pauses: calls in flight are cancelled (no tokens are spent while nobody watches) and their
   * requests are kept, to be asked again on `resume()`.
   */
  pause(): void {
    this.paused = true;
    this.controller.abort(new LlmError('aborted', 'the run was paused'));
    this.controller = new AbortController();
  }

  resume(): void {
    this.paused = false;
    for (const r of this.interrupted.splice(0)) this.track(this.handle(r), r);
    this.answer();
  }

  private paused = false;
  /** Requests cancelled by a pause, asked again on resume. */
  private readonly interrupted: BrainRequest[] = [];

  private track(work: Promise<void>, r: BrainRequest): void {
    const p = work.catch((err: unknown) => {
      const aborted = err instanceof LlmError && err.kind === 'aborted';
      // A follow-up has already been learned from before its reflection could be cancelled.
      if (this.paused && aborted && r.kind !== 'follow-up') {
        this.interrupted.push(r);
        return;
      }
      const client = this.clinician.llm.client;
      this.lastError = `${r.kind} for ${r.patient}: ${err instanceof Error ? client.redact(err.message) : String(err)}`;
      // After a stop nobody waits for the answer.
      if (aborted) {
        this.dropped++;
        return;
      }
      client.noteFallback(r.kind, 'error');
      if (r.kind === 'consult') {
        // The offline doctor takes over the rest of this visit, follow-up included.
        this.offlinePatients.add(r.patient);
        this.sessions.delete(this.current.get(r.patient) ?? -1);
        this.current.delete(r.patient);
      }
      try {
        this.offline.handle(r);
      } catch {
        this.dropped++;
      }
    });
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }

  private ctx(meter: LlmMeter): StepContext {
    return { lang: this.clinician.lang, meter, signal: this.controller.signal };
  }

  private async handle(r: BrainRequest): Promise<void> {
    if (this.offlinePatients.has(r.patient)) {
      if (r.kind === 'follow-up') this.offlinePatients.delete(r.patient);
      return this.offline.handle(r);
    }
    switch (r.kind) {
      case 'triage': {
        const patient = this.sim.patientRecord(r.patient);
        if (!patient) return;
        // Triage tokens count towards the consultation that follows.
        const meter = newMeter();
        this.triageMeters.set(r.patient, meter);
        const t = await this.clinician.triage(patient, this.ctx(meter));
        this.sim.dispatch('triage.decided', { request: r.id, patient: r.patient, department: t.department, redFlag: t.redFlag });
        return;
      }
      case 'consult':
        return this.consult(r);
      case 'follow-up': {
        const session = this.sessions.get(r.consultRequest);
        const patient = this.sim.patientRecord(r.patient);
        this.sessions.delete(r.consultRequest);
        this.current.delete(r.patient);
        if (session?.outcome && session.visit && patient)
          await this.clinician.followUp(session.visit, session.outcome, this.ctx(session.meter));
        return;
      }
      default:
        r satisfies never;
    }
  }

  private async consult(r: BrainRequest & { kind: 'consult' }): Promise<void> {
    const key = this.current.get(r.patient);
    const existing = key === undefined ? undefined : this.sessions.get(key);
    if (existing?.visit && r.resumeAfterExam !== undefined) {
      const next = existing.pendingOrders.shift();
      if (next) {
        this.sim.dispatch('consult.answered', { request: r.id, patient: r.patient, dialogue: [], order: next });
        return;
      }
      return this.conclude(r, existing, existing.visit, []);
    }
    const patient: Patient | undefined = this.sim.patientRecord(r.patient);
    if (!patient) return;
    const session: Session = { pendingOrders: [], meter: this.triageMeters.get(r.patient) ?? newMeter(), transcript: [] };
    this.triageMeters.delete(r.patient);
    this.sessions.set(r.id, session);
    this.current.set(r.patient, r.id);
    const visit = await this.clinician.examine(patient, r.department, this.ctx(session.meter), session.transcript);
    session.visit = visit;
    this.onDialogue?.(r.patient, session.transcript);
    const dialogue = visit.questions.map((q) => ({ term: q.term, present: q.present }));
    // The bedside examinations happen in the consulting room; the world plays out the others.
    session.pendingOrders = visit.exams.slice(2);
    const first = session.pendingOrders.shift();
    if (first) {
      this.sim.dispatch('consult.answered', { request: r.id, patient: r.patient, dialogue, order: first });
      return;
    }
    return this.conclude(r, session, visit, dialogue);
  }

  private async conclude(
    r: BrainRequest & { kind: 'consult' },
    session: Session,
    visit: Visit,
    dialogue: { term: TermId; present: boolean }[],
  ): Promise<void> {
    const outcome = await this.clinician.conclude(visit, this.ctx(session.meter));
    session.outcome = outcome;
    this.lastOutcome = { patient: r.patient, outcome };
    this.onConsultation?.(r.patient, outcome);
    const top = outcome.report.differential[0];
    this.sim.dispatch('consult.answered', {
      request: r.id,
      patient: r.patient,
      dialogue,
      diagnosis: { disease: outcome.report.diagnosis, probability: top?.probability ?? 0, severe: outcome.report.severe },
    });
  }
}

/**
 * The world's brain when the settings say "language model": what the page needs to build one
 * (the prompts come from `bundledPromptBook()` on the page, `loadPromptBook()` in Node).
 */
export function createLlmBrainPort(a: {
  staff: ClinicalStaff;
  sim: Simulation;
  config: LlmConfig;
  prompts: PromptBook;
  lang: Lang;
  reflect?: boolean;
  log?: (line: string) => void;
}): LlmBrainPort {
  const client = new LlmClient(a.config, a.log ? { log: a.log } : {});
  return new LlmBrainPort(
    new LlmClinician(a.staff, new LlmDoctor(a.staff.kb, client, a.prompts), a.lang, { reflect: Boolean(a.reflect) }),
    a.sim,
  );
}
