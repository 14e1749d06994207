import mitt, { type Emitter } from 'mitt';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { MINUTES_PER_DAY } from '../knowledge/clinicalRules';
import type { PatientGenerator } from '../patients/generator';
import type { ExamReader } from '../patients/results';
import { COMMANDS, type CommandArgs, type CommandContext, type CommandName, type CommandResult, type ConsultAnswer } from './commands';
import { SimConfig } from './config';
import type { SimEvents } from './events';
import { LogHash } from './hash';
import { OutbreakArrivals } from './outbreak';
import type { Patient } from '../patients/types';
import type { Layout, Point, Room } from './layout';
import { Paths } from './paths';
import { listOf, placeStaff, queueSpot, roomNamed, roomOfService } from './places';
import { Rng } from './rng';
import { snapshotOf, type Snapshot } from './snapshot';
import type { BrainRequest, ConsultNext, PatientAgent, ServiceId, World } from './world';
import { consultRoomName, consultService, EMERGENCY, examService, parseService, PHYSICAL_EXAM } from './services';
import { DepartmentId, type ExamId, type PatientId, type TermId } from '../schema/ids';
import { formatIssues } from '../knowledge/errors';

const DONE: CommandResult = { ok: true };

/** A request before it has its id (distributes over the union's members). */
type NewRequest = BrainRequest extends infer R ? (R extends BrainRequest ? Omit<R, 'id'> : never) : never;

export interface SimulationOptions {
  kb: KnowledgeBase;
  generator: PatientGenerator;
  reader: ExamReader;
  layout: Layout;
  config?: Partial<SimConfig>;
}

/**
 * The hospital's world: a clock, patients walking the map from the entrance through triage,
 * registration, consultation, examination rooms and the pharmacy, and back at follow-up.
 * Headless and deterministic: same seed, same commands, same event log. It asks the brain by
 * posting requests (`takeRequests`) and hears back through commands (`dispatch`).
 */
export class Simulation {
  readonly world: World;
  readonly events: Emitter<SimEvents> = mitt<SimEvents>();
  readonly config: SimConfig;
  private readonly paths: Paths;
  private readonly log = new LogHash();
  private readonly rooms: Map<string, Room>;
  private readonly kb: KnowledgeBase;
  private readonly generator: PatientGenerator;
  private readonly reader: ExamReader;
  private readonly commandContext: CommandContext;
  private readonly outbreaks: OutbreakArrivals[] = [];

  constructor(options: SimulationOptions) {
    this.kb = options.kb;
    this.generator = options.generator;
    this.reader = options.reader;
    this.config = SimConfig.parse(options.config ?? {});
    this.paths = new Paths(options.layout);
    this.rooms = options.layout.rooms;
    this.world = {
      time: 0,
      rng: Rng.seeded(this.config.seed),
      layout: options.layout,
      patients: new Map(),
      staff: placeStaff(this.rooms),
      queues: new Map(),
      busy: new Map(),
      seatsTaken: new Array<PatientId | undefined>(roomNamed(this.rooms, 'waiting').seats.length).fill(undefined),
      requests: [],
      nextRequest: 1,
      generated: 0,
      arrivalDebt: 0,
      stats: { arrived: 0, consultations: 0, followedUp: 0, correct: 0, consultationsToday: 0, day: 0 },
    };
    this.commandContext = {
      world: this.world,
      answerTriage: (patient, request, department, redFlag) => this.onTriage(patient, request, department, redFlag),
      answerConsult: (a) => this.onConsult(a),
      setArrivalRate: (perHour) => {
        this.config.arrivalsPerHour = perHour;
        return DONE;
      },
      setCapacity: (service, count) => {
        this.config.capacity[service] = count;
        return DONE;
      },
      setTriageRules: (rules) => {
        const nowhere = rules.filter((r) => !this.departmentWithRoom(r.department)).map((r) => r.department);
        if (nowhere.length > 0)
          return this.refuse('hospital.setTriageRules', `no consulting room for department ${nowhere.map((d) => `"${d}"`).join(', ')}`);
        this.config.triageRules = rules;
        return DONE;
      },
      startOutbreak: (spec) => {
        const unknown = spec.diseases.filter((d) => !this.kb.hasDisease(d));
        if (unknown.length > 0) return this.refuse('hospital.startOutbreak', `unknown diseases: ${unknown.join(', ')}`);
        // Patient ids are seed and index: a stream of its own keeps outbreak patients from taking normal patients' ids.
        if (spec.patientSeed === this.config.patientSeed)
          return this.refuse('hospital.startOutbreak', 'patientSeed: the outbreak needs a patient seed other than the hospital’s own');
        this.outbreaks.push(new OutbreakArrivals(spec));
        return DONE;
      },
    };
  }

  /** Fingerprint of every event so far: equal for equal seeds and commands. */
  get eventLogHash(): string {
    return this.log.hex();
  }

  /** The generated record behind a patient agent: for the brain port, which wraps it for the doctor. */
  patientRecord(id: PatientId): PatientAgent['record'] | undefined {
    return this.world.patients.get(id)?.record;
  }

  /** Requests posted since the last call; the brain answers them with commands. */
  takeRequests(): BrainRequest[] {
    const out = this.world.requests;
    this.world.requests = [];
    return out;
  }

  /**
   * Applies a command. A refusal (bad arguments, or a world that cannot do it: an unknown
   * disease, a missing room, a stale brain answer) changes nothing, is emitted as
   * `command:refused` and is answered as `{ ok: false, reason }`.
   */
  dispatch<N extends CommandName>(name: N, args: CommandArgs<N>): CommandResult {
    const def = COMMANDS[name];
    if (!def) return { ok: false, reason: `unknown command "${String(name)}"` };
    const parsed = def.args.safeParse(args);
    if (!parsed.success) return this.refuse(name, formatIssues(parsed.error, { root: '(args)' }));
    return (def.handle as (ctx: CommandContext, a: unknown) => CommandResult)(this.commandContext, parsed.data);
  }

  private refuse(name: string, reason: string): CommandResult {
    this.emit('command:refused', { name, message: reason });
    return { ok: false, reason };
  }

  snapshot(): Snapshot {
    return snapshotOf(this.world);
  }

  /** Advances the world by `dt` sim minutes. */
  step(dt: number): void {
    const w = this.world;
    const day = Math.floor(w.time / MINUTES_PER_DAY);
    w.time += dt;
    if (Math.floor(w.time / MINUTES_PER_DAY) !== day) {
      w.stats.day = Math.floor(w.time / MINUTES_PER_DAY);
      w.stats.consultationsToday = 0;
    }
    this.arrivals(dt);
    for (const o of this.outbreaks) {
      for (let n = o.due(w.time, dt); n > 0; n--)
        this.admit(this.generator.generate(o.spec.patientSeed, o.admitted++, { diseases: o.spec.diseases }));
    }
    for (const agent of w.patients.values()) this.advance(agent, dt);
    this.serveQueues();
  }

  /** Admits a patient now (drills, training, tests), whatever the arrival rate; `given` comes from another stream (an outbreak). */
  admit(given?: Patient): PatientAgent {
    const w = this.world;
    const record = given ?? this.generator.generate(this.config.patientSeed, w.generated++, { population: this.config.population });
    const agent: PatientAgent = {
      id: record.id,
      record,
      visit: 1,
      pos: { ...w.layout.entrance },
      route: [],
      routeAt: 0,
      stage: { kind: 'to-queue', at: 'triage' },
      priority: false,
    };
    w.patients.set(agent.id, agent);
    w.stats.arrived += 1;
    this.walkTo(agent, this.queueSpot('triage', this.queueOf('triage').length));
    this.emit('patient:arrived', { patient: agent.id, visit: 1, complaint: chiefComplaint(record) });
    return agent;
  }

  // ——— arrivals and movement ———

  private arrivals(dt: number): void {
    const w = this.world;
    const hour = Math.floor((w.time % MINUTES_PER_DAY) / 60);
    const rate = this.config.arrivalsPerHour * (this.config.dayCurve[hour] ?? 0);
    w.arrivalDebt += (rate * dt) / 60;
    while (w.arrivalDebt >= 1) {
      w.arrivalDebt -= 1;
      if (this.inside() >= this.config.maxPatientsInside) break;
      // A little jitter so arrivals do not march in lockstep; drawn from the world's own stream.
      if (w.rng.chance(0.9)) this.admit();
    }
  }

  private inside(): number {
    let n = 0;
    for (const a of this.world.patients.values()) if (a.stage.kind !== 'home' && a.stage.kind !== 'discharged') n++;
    return n;
  }

  private walkTo(agent: PatientAgent, target: Point): void {
    agent.route = this.paths.route(agent.pos, target);
    agent.routeAt = 0;
  }

  private advance(agent: PatientAgent, dt: number): void {
    if (agent.route.length > 0) {
      agent.routeAt = Math.min(agent.route.length - 1, agent.routeAt + this.config.walkTilesPerMinute * dt);
      const at = agent.route[Math.floor(agent.routeAt)] as Point;
      agent.pos = { x: at.x, y: at.y };
      if (agent.routeAt >= agent.route.length - 1) {
        agent.route = [];
        this.arrived(agent);
      }
      return;
    }
    this.onClock(agent);
  }

  /** A route has ended: the stage says what that means. */
  private arrived(agent: PatientAgent): void {
    const s = agent.stage;
    switch (s.kind) {
      case 'to-queue':
        agent.stage = { kind: 'queued', at: s.at, since: this.world.time };
        this.queueOf(s.at).push(agent.id);
        break;
      case 'to-service':
        this.startService(agent, s.at);
        break;
      case 'to-exit':
        this.emit('patient:left', { patient: agent.id });
        this.goHomeAfterVisit(agent);
        break;
      case 'queued':
      case 'in-service':
      case 'awaiting-brain':
      case 'consulting':
      case 'waiting-result':
      case 'home':
      case 'discharged':
        break;
      default:
        s satisfies never;
    }
  }

  /** Time-driven changes for agents not walking. */
  private onClock(agent: PatientAgent): void {
    const w = this.world;
    const s = agent.stage;
    if (s.kind === 'in-service' && w.time >= s.until) this.finishService(agent, s.at);
    else if (s.kind === 'consulting' && w.time >= s.nextLineAt) this.nextLine(agent);
    else if (s.kind === 'waiting-result' && w.time >= s.until) this.backToDoctor(agent);
    else if (s.kind === 'home' && w.time >= s.until) {
      if (s.reason === 'results') {
        agent.pos = { ...w.layout.entrance };
        this.backToDoctor(agent);
      } else this.followUp(agent);
    }
  }

  // ——— services ———

  private queueOf(at: ServiceId): PatientId[] {
    return listOf(this.world.queues, at);
  }

  private serving(at: ServiceId): PatientId[] {
    return listOf(this.world.busy, at);
  }

  private queueSpot(at: ServiceId, n: number): Point {
    return queueSpot(this.world.layout, this.world.seatsTaken, at, n);
  }

  private release(at: ServiceId, agent: PatientAgent): void {
    const list = this.serving(at);
    const i = list.indexOf(agent.id);
    if (i >= 0) list.splice(i, 1);
  }

  private serveQueues(): void {
    const w = this.world;
    for (const [at, queue] of w.queues) {
      if (queue.length === 0 || this.serving(at).length >= (this.config.capacity[at] ?? 1)) continue;
      // Patients back with results go first, then in order of arrival.
      const index = Math.max(
        0,
        queue.findIndex((id) => w.patients.get(id)?.priority),
      );
      const [id] = queue.splice(index, 1);
      const agent = id ? w.patients.get(id) : undefined;
      if (!agent) continue;
      this.serving(at).push(agent.id);
      this.leaveSeat(agent);
      agent.stage = { kind: 'to-service', at };
      this.walkTo(agent, roomOfService(this.rooms, at).service ?? agent.pos);
      queue.forEach((other, i) => {
        const o = w.patients.get(other);
        if (o && o.stage.kind === 'queued' && parseService(at).kind !== 'consult') this.walkTo(o, this.queueSpot(at, i));
      });
    }
  }

  private startService(agent: PatientAgent, at: ServiceId): void {
    const w = this.world;
    const service = parseService(at);
    if (at === 'triage') agent.stage = { kind: 'in-service', at, until: w.time + this.config.triageMinutes };
    else if (at === 'registration') agent.stage = { kind: 'in-service', at, until: w.time + this.config.registrationMinutes };
    else if (at === 'pharmacy') agent.stage = { kind: 'in-service', at, until: w.time + this.config.pharmacyMinutes };
    else if (service.kind === 'exam') {
      const exam = this.pendingExam(agent);
      this.emit('exam:started', { patient: agent.id, exam, room: service.room });
      agent.stage = { kind: 'in-service', at, until: w.time + this.minutesInRoom(exam) };
    } else if (service.kind === 'consult') {
      const department = service.department;
      if (agent.consultRequest === undefined) {
        this.emit('consultation:started', { patient: agent.id, department, visit: agent.visit });
        w.stats.consultations += 1;
        w.stats.consultationsToday += 1;
      }
      const request = this.request({
        kind: 'consult',
        patient: agent.id,
        department,
        ...(agent.pendingExamDone ? { resumeAfterExam: agent.pendingExamDone } : {}),
      });
      agent.consultRequest ??= request;
      agent.pendingExamDone = undefined;
      agent.stage = { kind: 'awaiting-brain', at, request };
    }
  }

  private finishService(agent: PatientAgent, at: ServiceId): void {
    const w = this.world;
    if (at === 'triage') {
      const complaint = chiefComplaint(agent.record);
      // A hospital policy (a fever clinic) decides at the desk without asking the nurse's judgement.
      const rule = this.config.triageRules.find((r) => r.complaints.includes(complaint));
      if (rule) {
        // Request ids start at 1: 0 marks a decision that needed no one's judgement.
        agent.stage = { kind: 'awaiting-brain', at, request: 0 };
        this.onTriage(agent.id, 0, rule.department, false);
        return;
      }
      agent.stage = { kind: 'awaiting-brain', at, request: this.request({ kind: 'triage', patient: agent.id, complaint }) };
      return;
    }
    this.release(at, agent);
    if (at === 'registration') {
      this.emit('patient:registered', { patient: agent.id, department: known(agent.department, 'a registered patient’s department') });
      this.queueForDoctor(agent);
    } else if (at === 'pharmacy') {
      this.emit('patient:dispensed', { patient: agent.id, disease: known(agent.diagnosis, 'the diagnosis at the pharmacy').disease });
      agent.stage = { kind: 'to-exit' };
      this.walkTo(agent, w.layout.exit);
    } else if (parseService(at).kind === 'exam') {
      const exam = this.pendingExam(agent);
      const report = this.reader.report(agent.record, exam);
      const ready = w.time + Math.max(0, this.kb.exam(exam).minutes - this.minutesInRoom(exam));
      agent.pendingExamDone = exam;
      agent.pendingExam = undefined;
      this.emit('exam:reported', { patient: agent.id, exam, findings: [...report.findings] });
      if (ready - w.time > this.config.maxWaitForResultMinutes) {
        agent.stage = { kind: 'home', until: ready, reason: 'results' };
        this.emit('patient:went-home-for-results', { patient: agent.id, exam, until: ready });
        agent.pos = { ...w.layout.exit };
      } else {
        agent.stage = { kind: 'waiting-result', exam, until: ready };
        this.takeSeat(agent);
      }
    }
  }

  /** Time in the room: a sample for laboratory tests, the procedure (capped) for the rest. */
  private minutesInRoom(exam: string): number {
    const e = this.kb.exam(exam);
    if (e.kind === 'lab' || e.kind === 'pathology') return Math.min(e.minutes, this.config.sampleMinutes);
    return Math.min(e.minutes, this.config.maxMinutesInExamRoom);
  }

  private queueForDoctor(agent: PatientAgent): void {
    const at = consultService(agent.department ?? EMERGENCY);
    agent.stage = { kind: 'to-queue', at };
    this.takeSeat(agent);
  }

  private backToDoctor(agent: PatientAgent): void {
    agent.priority = true;
    this.leaveSeat(agent);
    this.queueForDoctor(agent);
  }

  private takeSeat(agent: PatientAgent): void {
    const w = this.world;
    const seats = roomNamed(this.rooms, 'waiting').seats;
    const free = w.seatsTaken.findIndex((x) => x === undefined);
    if (free >= 0) {
      w.seatsTaken[free] = agent.id;
      agent.seat = free;
      this.walkTo(agent, seats[free] as Point);
    } else this.walkTo(agent, seats[0] ?? agent.pos);
  }

  private leaveSeat(agent: PatientAgent): void {
    if (agent.seat !== undefined && this.world.seatsTaken[agent.seat] === agent.id) this.world.seatsTaken[agent.seat] = undefined;
    agent.seat = undefined;
  }

  private pendingExam(agent: PatientAgent): ExamId {
    return agent.pendingExam ?? PHYSICAL_EXAM;
  }

  // ——— the brain's answers ———

  private request(r: NewRequest): number {
    const id = this.world.nextRequest++;
    this.world.requests.push({ ...r, id } as BrainRequest);
    this.emit('brain:requested', { id, kind: r.kind, patient: r.patient });
    return id;
  }

  /** A department named from outside (a command, a triage rule), if the map has its consulting room. */
  private departmentWithRoom(named: string): DepartmentId | undefined {
    const parsed = DepartmentId.safeParse(named);
    return parsed.success && this.rooms.has(consultRoomName(parsed.data)) ? parsed.data : undefined;
  }

  /** The patient waiting for this brain answer, or the refusal of a stale one. */
  private awaiting(patient: PatientId, request: number): PatientAgent | CommandResult {
    const agent = this.world.patients.get(patient);
    if (!agent || agent.stage.kind !== 'awaiting-brain' || agent.stage.request !== request)
      return this.refuse('brain answer', `no patient ${patient} waits for request ${request}`);
    return agent;
  }

  private onTriage(patient: PatientId, request: number, named: string, redFlag: boolean): CommandResult {
    const agent = this.awaiting(patient, request);
    if ('ok' in agent) return agent;
    const department = this.departmentWithRoom(named);
    if (!department) return this.refuse('triage.decided', `no consulting room for department "${named}"`);
    this.release('triage', agent);
    agent.department = department;
    this.emit('patient:triaged', { patient, department, redFlag });
    agent.stage = { kind: 'to-queue', at: 'registration' };
    this.walkTo(agent, this.queueSpot('registration', this.queueOf('registration').length));
    return DONE;
  }

  private onConsult(a: ConsultAnswer): CommandResult {
    const agent = this.awaiting(a.patient, a.request);
    if ('ok' in agent) return agent;
    const department = agent.department ?? EMERGENCY;
    // The command's arguments hold exactly one of the two (ConsultAnswer's refinement).
    const d = a.diagnosis;
    if (a.refer !== undefined && (!this.departmentWithRoom(a.refer) || a.refer === department || agent.referredBy))
      return this.refuse(
        'consult.answered',
        `refer: no referral to "${a.refer}" (a department with a room, other than this one, once a visit)`,
      );
    const then: ConsultNext = d
      ? { kind: 'diagnosis', disease: d.disease, probability: d.probability, severe: d.severe, request: agent.consultRequest ?? a.request }
      : a.refer !== undefined
        ? { kind: 'refer', to: a.refer }
        : { kind: 'exam', exam: a.order ?? PHYSICAL_EXAM };
    agent.stage = { kind: 'consulting', department, lines: [...a.dialogue], nextLineAt: this.world.time, then };
    return DONE;
  }

  /** Plays the consultation: one question and answer per `questionMinutes`, then the decision. */
  private nextLine(agent: PatientAgent): void {
    const s = agent.stage;
    if (s.kind !== 'consulting') return;
    const line = s.lines.shift();
    if (line) {
      this.emit('doctor:asked', { patient: agent.id, department: s.department, term: line.term });
      this.emit('patient:answered', { patient: agent.id, term: line.term, present: line.present });
      s.nextLineAt = this.world.time + this.config.questionMinutes;
      return;
    }
    const at = consultService(s.department);
    if (s.then.kind === 'exam') {
      const exam = s.then.exam;
      const room = this.kb.exam(exam).room;
      this.emit('exam:ordered', { patient: agent.id, department: s.department, exam });
      if (room === 'consulting-room') {
        // Done by the doctor there and then (a neurological or mental-state examination).
        this.emit('exam:started', { patient: agent.id, exam, room });
        this.emit('exam:reported', {
          patient: agent.id,
          exam,
          findings: [...this.reader.report(agent.record, exam).findings],
        });
        agent.stage = {
          kind: 'awaiting-brain',
          at,
          request: this.request({ kind: 'consult', patient: agent.id, department: s.department, resumeAfterExam: exam }),
        };
        return;
      }
      this.release(at, agent);
      agent.pendingExam = exam;
      const examAt = examService(room);
      agent.stage = { kind: 'to-queue', at: examAt };
      this.walkTo(agent, this.queueSpot(examAt, this.queueOf(examAt).length));
      return;
    }
    if (s.then.kind === 'refer') {
      // Across the map to the other department's doctor, who sees the patient afresh.
      const to = s.then.to;
      this.release(at, agent);
      this.emit('patient:referred', { patient: agent.id, from: s.department, to });
      if (agent.consultRequest !== undefined) agent.referredBy = { department: s.department, consultRequest: agent.consultRequest };
      agent.department = to;
      agent.consultRequest = undefined;
      agent.pendingExamDone = undefined;
      const next = consultService(to);
      agent.stage = { kind: 'to-queue', at: next };
      this.walkTo(agent, this.queueSpot(next, this.queueOf(next).length));
      return;
    }
    this.release(at, agent);
    const d = s.then;
    agent.diagnosis = { disease: d.disease, severe: d.severe };
    this.emit('patient:diagnosed', {
      patient: agent.id,
      department: s.department,
      disease: d.disease,
      probability: d.probability,
      severe: d.severe,
      request: d.request,
    });
    agent.stage = { kind: 'to-queue', at: 'pharmacy' };
    this.walkTo(agent, this.queueSpot('pharmacy', this.queueOf('pharmacy').length));
  }

  // ——— home and follow-up ———

  private goHomeAfterVisit(agent: PatientAgent): void {
    const w = this.world;
    if (agent.visit > 1) {
      agent.stage = { kind: 'discharged' };
      this.emit('patient:discharged', { patient: agent.id });
      return;
    }
    const [lo, hi] = this.config.followUpDays;
    agent.stage = { kind: 'home', until: w.time + w.rng.uniform(lo, hi) * MINUTES_PER_DAY, reason: 'follow-up' };
  }

  /** The outcome reveals the truth: recovered, or worse and back at the hospital. */
  private followUp(agent: PatientAgent): void {
    const w = this.world;
    const correct = agent.diagnosis?.disease === agent.record.disease;
    w.stats.followedUp += 1;
    if (correct) w.stats.correct += 1;
    this.emit('patient:followed-up', {
      patient: agent.id,
      correct,
      truth: agent.record.disease,
      diagnosed: known(agent.diagnosis, 'the diagnosis at follow-up').disease,
      outcome: correct ? 'recovered' : 'worse',
    });
    if (agent.consultRequest !== undefined)
      this.request({
        kind: 'follow-up',
        patient: agent.id,
        department: agent.department ?? EMERGENCY,
        consultRequest: agent.consultRequest,
      });
    // The doctor who referred learns from the outcome too.
    if (agent.referredBy) {
      this.request({ kind: 'follow-up', patient: agent.id, ...agent.referredBy });
      agent.referredBy = undefined;
    }
    if (correct) {
      agent.stage = { kind: 'discharged' };
      this.emit('patient:discharged', { patient: agent.id });
      return;
    }
    // Worse: back at the hospital, complaining; the true disease is now known and treated.
    agent.visit += 1;
    agent.pos = { ...w.layout.entrance };
    agent.diagnosis = { disease: agent.record.disease, severe: agent.record.severity === 'severe' };
    this.emit('patient:returned', { patient: agent.id, visit: agent.visit });
    agent.stage = { kind: 'to-queue', at: 'pharmacy' };
    this.walkTo(agent, this.queueSpot('pharmacy', this.queueOf('pharmacy').length));
  }

  private emit<K extends keyof SimEvents>(type: K, payload: SimEvents[K]): void {
    this.log.add(`${this.world.time.toFixed(3)} ${type} ${JSON.stringify(payload)}`);
    this.events.emit(type, payload);
  }
}

/** Every generated patient has a chief complaint: the first of its symptoms (the generator keeps at least one). */
function chiefComplaint(record: Patient): TermId {
  return known(record.symptoms[0], 'a patient’s chief complaint').term;
}

/**
 * A value the patient's path guarantees by now (triage sets the department before registration,
 * a diagnosis comes before the pharmacy and the follow-up); its absence is a bug in the world.
 */
function known<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the world lost ${what}`);
  return value;
}
