import type { DepartmentId, DiseaseId, ExamId, PatientId, TermId } from '../../schema/ids';
import mitt, { type Emitter } from 'mitt';
import type { Lang } from '../../schema/common';
import { MINUTES_PER_DAY } from '../../knowledge/clinicalRules';
import type { DiagnosisReport } from '../../brain/offline/doctor';
import { OfflineBrainPort } from '../../run/brainPort';
import type { ClinicalStaff } from '../../run/staff';
import type { LlmRunStats } from '../../brain/llm/stats';
import type { TranscriptLine } from '../../run/llmClinician';
import type { SimConfig } from '../../sim/config';
import type { Layout } from '../../sim/layout';
import { Simulation } from '../../sim/simulation';
import type { SimEvents } from '../../sim/events';
import { BubbleQueue } from '../../render/bubbles';
import type { AppContext } from '../appContext';
import { lineOf, type AnyEvent, type Voice } from './lines';

/** Sim minutes per real second at 1×: walkers cover six tiles a second, a question takes ten. */
export const BASE_MINUTES_PER_SECOND = 0.1;
export const SPEEDS = [1, 2, 5, 10, 30, 60] as const;
/** The longest sim step: the sim's own tests walk at a quarter minute, so routes stay exact. */
export const MAX_STEP_MINUTES = 0.25;
/** A frame longer than this (a background tab) is not caught up: the hospital just pauses. */
const MAX_FRAME_MS = 250;
/** Events kept for the log and the test hook. */
const LOG_LIMIT = 3000;
/** Patients whose story (dialogue, results) is kept for the inspector. */
const JOURNAL_LIMIT = 400;

export interface LoggedEvent {
  seq: number;
  time: number;
  event: AnyEvent;
}

/** A patient's story as the inspector tells it; the truth only after the follow-up. */
export interface Journal {
  dialogue: { time: number; event: AnyEvent }[];
  exams: { exam: ExamId; findings: TermId[] }[];
  diagnosis?: { disease: DiseaseId; probability: number; department: DepartmentId };
  report?: DiagnosisReport;
  outcome?: { truth: DiseaseId; correct: boolean };
}

export type RunEvents = { logged: LoggedEvent; restarted: undefined };

/** What answers the world's requests: the offline brain, or the language model (LlmBrainPort). */
export interface WorldBrain {
  answer(): void;
  /** The report behind a diagnosis, by the consultation request that `patient:diagnosed` carries. */
  reportOf(patient: PatientId, consultRequest: number): DiagnosisReport | undefined;
  /** The model's brain cancels calls in flight on pause and asks them again on resume. */
  pause?(): void;
  resume?(): void;
  stop?(): void;
  /** The model's figures (calls, tokens, fallbacks), shown in the HUD. */
  figures?(): LlmRunStats;
  /** The patient's reply to a question, streamed as the model writes it (whole text so far each time). */
  streamReply?(patient: PatientId, question: string): AsyncGenerator<string, void, void> | undefined;
  /** The model's own words for an interview, set by the run so the bubbles can say them. */
  onDialogue?: (patient: PatientId, lines: readonly TranscriptLine[]) => void;
}

/** Builds the world's brain for a new simulation; the offline brain when absent or when it returns nothing. */
export type BrainFactory = (sim: Simulation) => WorldBrain | undefined;

/** Formats sim minutes as the clock shows them: day 1 starts at midnight of the first day. */
export function clockParts(time: number): { day: number; hh: string; mm: string } {
  const day = Math.floor(time / MINUTES_PER_DAY) + 1;
  const minutes = Math.floor(time % MINUTES_PER_DAY);
  return { day, hh: String(Math.floor(minutes / 60)).padStart(2, '0'), mm: String(minutes % 60).padStart(2, '0') };
}

/** How many sim steps of at most MAX_STEP_MINUTES cover `minutes`, and how long each is. */
export function splitSteps(minutes: number): { count: number; dt: number } {
  if (minutes <= 0) return { count: 0, dt: 0 };
  const count = Math.ceil(minutes / MAX_STEP_MINUTES - 1e-9);
  return { count, dt: minutes / count };
}

/**
 * The hospital as the page runs it: the headless Simulation, answered by the shared clinical
 * staff (so the doctors learn here too), stepped by real time at the chosen speed. It keeps the
 * event log, each patient's story and the doctors' latest diagnosis reports for the panels.
 */
export class HospitalRun {
  sim!: Simulation;
  port!: WorldBrain;
  /** The offline brain that warmed the night up: it still holds the reports of what it answered. */
  private warmUpBrain: OfflineBrainPort | undefined;
  /** The doctors this run consults (the page's staff when it started). */
  staff!: ClinicalStaff;
  readonly bus: Emitter<RunEvents> = mitt<RunEvents>();
  readonly bubbles = new BubbleQueue();
  /** Sim minutes per real second. */
  minutesPerSecond = BASE_MINUTES_PER_SECOND * 2;
  private pausedFlag = false;
  log: LoggedEvent[] = [];
  readonly journals = new Map<PatientId, Journal>();
  /** The latest diagnosis report of each department's doctor. */
  readonly reports = new Map<DepartmentId, { patient: PatientId; report: DiagnosisReport }>();
  readonly voice: Voice;
  private seq = 0;
  /** The model's questions and answers not yet spoken, per patient, in the order the world plays them. */
  private readonly modelLines = new Map<PatientId, { doctor: string[]; patient: string[] }>();
  /** Real milliseconds, as the frame loop last told us (bubbles are timed in real time). */
  now = 0;

  constructor(
    private readonly app: AppContext,
    private readonly layout: Layout,
    private readonly config: Partial<SimConfig> = {},
    /** Sim minutes run before the first frame, so the doors open on a morning already busy. */
    private readonly warmUpTo = 8.5 * 60,
    private readonly brain?: BrainFactory,
  ) {
    this.voice = { kb: app.kb, patient: (id) => this.sim.patientRecord(id) };
    this.start();
  }

  /** (Re)builds the world: used at start and by the kiosk, which restarts to keep memory flat. */
  start(): void {
    this.port?.stop?.();
    this.sim = new Simulation({
      kb: this.app.kb,
      generator: this.app.generator,
      reader: this.app.reader,
      layout: this.layout,
      config: this.config,
    });
    // The night before opening is warmed up by the offline brain: the model starts with the doors.
    this.staff = this.app.staff;
    this.warmUpBrain = new OfflineBrainPort(this.staff, this.sim);
    this.port = this.warmUpBrain;
    this.log = [];
    this.journals.clear();
    this.modelLines.clear();
    this.reports.clear();
    this.bubbles.clear();
    this.sim.events.on('*', (type, payload) => this.record({ type, payload } as AnyEvent));
    // Warm-up in whole minutes: nobody watches the night, and a quarter of the steps opens the doors sooner.
    const steps = Math.ceil(this.warmUpTo);
    for (let i = 0; i < steps; i++) this.tick(this.warmUpTo / steps);
    const chosen = this.brain?.(this.sim);
    if (chosen) {
      this.port = chosen;
      chosen.onDialogue = (patient, lines) => this.hearModel(patient, lines);
    }
    this.bubbles.clear();
    this.bus.emit('restarted', undefined);
  }

  /** Files the report behind a diagnosis under its department and patient, for the inspector. */
  private fileReport(d: SimEvents['patient:diagnosed']): void {
    // A consultation begun before the model took over was answered by the warm-up's brain.
    const report = this.port.reportOf(d.patient, d.request) ?? this.warmUpBrain?.reportOf(d.patient, d.request);
    if (!report) return;
    this.reports.set(d.department, { patient: d.patient, report });
    this.journal(d.patient).report = report;
  }

  journal(patient: PatientId): Journal {
    let j = this.journals.get(patient);
    if (!j) {
      j = { dialogue: [], exams: [] };
      this.journals.set(patient, j);
      if (this.journals.size > JOURNAL_LIMIT) {
        const oldest = this.journals.keys().next().value;
        if (oldest !== undefined) this.journals.delete(oldest);
      }
    }
    return j;
  }

  private record(event: AnyEvent): void {
    const entry: LoggedEvent = { seq: ++this.seq, time: this.sim.world.time, event };
    this.log.push(entry);
    if (this.log.length > LOG_LIMIT) this.log.splice(0, this.log.length - LOG_LIMIT);
    const p = event.payload;
    if ('patient' in p && event.type !== 'brain:requested') {
      const j = this.journal(p.patient);
      if (
        event.type === 'doctor:asked' ||
        event.type === 'patient:answered' ||
        event.type === 'patient:triaged' ||
        event.type === 'patient:arrived'
      )
        j.dialogue.push({ time: entry.time, event });
      if (j.dialogue.length > 80) j.dialogue.shift();
      if (event.type === 'exam:reported') j.exams.push({ exam: event.payload.exam, findings: event.payload.findings });
      if (event.type === 'patient:diagnosed') {
        j.diagnosis = { disease: event.payload.disease, probability: event.payload.probability, department: event.payload.department };
        this.fileReport(event.payload);
      }
      if (event.type === 'patient:followed-up') j.outcome = { truth: event.payload.truth, correct: event.payload.correct };
    }
    this.bus.emit('logged', entry);
  }

  /**
   * Speaks the events of the last frame as bubbles, in the reader's language. When the model
   * wrote the interview, its own questions and the patient's own answers are said instead of
   * the templates (they stay in the language the model wrote them in).
   */
  speak(entries: readonly LoggedEvent[], lang: Lang): void {
    for (const e of entries) {
      const line = lineOf(e.event, this.voice, lang);
      if (!line) continue;
      const said = this.modelSaid(e.event);
      if (said) this.bubbles.say(line.speaker, said, this.now);
      else this.bubbles.say(line.speaker, line.text, this.now, e.event);
      // The doctor's greeting: the model's patient answers it in a bubble that fills as it streams.
      if (e.event.type === 'consultation:started' && e.event.payload.visit === 1)
        void this.streamAnswer(e.event.payload.patient, line.text);
    }
  }

  /** Replies streamed into bubbles so far, and the last one (the tests read them). */
  streamedReplies = 0;
  lastStreamed: { patient: PatientId; text: string; updates: number } | undefined;

  private async streamAnswer(patient: PatientId, question: string): Promise<void> {
    const stream = this.port.streamReply?.(patient, question);
    if (!stream) return;
    let bubble: ReturnType<BubbleQueue['say']> | undefined;
    let updates = 0;
    try {
      for await (const said of stream) {
        if (!bubble) bubble = this.bubbles.say(patient, said, this.now);
        else if (!this.bubbles.grow(bubble, said, this.now)) return;
        updates++;
      }
      if (bubble) {
        this.streamedReplies++;
        this.lastStreamed = { patient, text: bubble.text, updates };
      }
    } catch {
      // A failed or refused stream leaves the template lines to carry the dialogue.
    }
  }

  private hearModel(patient: PatientId, lines: readonly TranscriptLine[]): void {
    const said = { doctor: [] as string[], patient: [] as string[] };
    for (const l of lines) if (l.speaker === 'doctor' || l.speaker === 'patient') said[l.speaker].push(l.text);
    this.modelLines.set(patient, said);
    const oldest = this.modelLines.size > JOURNAL_LIMIT ? this.modelLines.keys().next().value : undefined;
    if (oldest !== undefined) this.modelLines.delete(oldest);
  }

  private modelSaid(event: AnyEvent): string | undefined {
    if (event.type !== 'doctor:asked' && event.type !== 'patient:answered') return undefined;
    const queue = this.modelLines.get(event.payload.patient);
    return (event.type === 'doctor:asked' ? queue?.doctor : queue?.patient)?.shift();
  }

  /** Rewrites the bubbles on screen in another language. */
  relabel(lang: Lang): void {
    this.bubbles.retext((b) => (b.source ? lineOf(b.source as AnyEvent, this.voice, lang)?.text : undefined) ?? b.text);
  }

  private tick(dt: number): void {
    this.sim.step(dt);
    this.port.answer();
  }

  get paused(): boolean {
    return this.pausedFlag;
  }

  /** Pausing the hospital pauses the model too: nothing is spent while nobody watches. */
  set paused(value: boolean) {
    if (value === this.pausedFlag) return;
    this.pausedFlag = value;
    if (value) this.port.pause?.();
    else this.port.resume?.();
  }

  /** Ends the run: the model's calls in flight are cancelled. */
  stop(): void {
    this.port.stop?.();
  }

  /** Moves the world on by a frame of `realMs` at the current speed; returns the events it told. */
  advance(realMs: number, nowMs: number): LoggedEvent[] {
    this.now = nowMs;
    if (this.paused) return [];
    return this.run((Math.min(realMs, MAX_FRAME_MS) / 1000) * this.minutesPerSecond);
  }

  /** One tick while paused (the step button). */
  stepOnce(): LoggedEvent[] {
    return this.run(MAX_STEP_MINUTES);
  }

  private run(minutes: number): LoggedEvent[] {
    const from = this.log.length;
    const firstSeq = this.seq;
    const { count, dt } = splitSteps(minutes);
    for (let i = 0; i < count; i++) this.tick(dt);
    // The log may have been trimmed at the front meanwhile: select by sequence number.
    return from === this.log.length ? [] : this.log.filter((e) => e.seq > firstSeq);
  }

  /** Admits a patient now, whatever the arrival rate (the kiosk and the tests). */
  admit(): PatientId {
    return this.sim.admit().id;
  }
}
