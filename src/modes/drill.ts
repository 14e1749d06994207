import { patientSeedOf, type DepartmentId, type PatientId } from '../schema/ids';
import { z } from 'zod';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import type { PatientGenerator } from '../patients/generator';
import type { ExamReader } from '../patients/results';
import { OfflineBrainPort } from '../run/brainPort';
import { ClinicalStaff } from '../run/staff';
import type { Layout } from '../sim/layout';
import { Simulation } from '../sim/simulation';
import type { CommandResult } from '../sim/commands';
import { consultService, departmentOfService, type ServiceId } from '../sim/services';

/**
 * The outbreaks a drill can start, with the knowledge-base diseases that carry them and the
 * complaints a fever clinic takes in.
 */
export const OUTBREAKS = {
  influenza: {
    diseases: ['influenza'],
    icd10: 'J10.1',
    name: { en: 'Seasonal influenza', zh: '季节性流感' },
    complaints: ['fever', 'cough', 'myalgia', 'sore-throat', 'headache'],
  },
  norovirus: {
    diseases: ['norovirus-gastroenteritis'],
    icd10: 'A08.1',
    name: { en: 'Norovirus gastroenteritis', zh: '诺如病毒胃肠炎' },
    complaints: ['vomiting', 'diarrhoea', 'nausea', 'fever'],
  },
  measles: {
    diseases: ['measles'],
    icd10: 'B05.9',
    name: { en: 'Measles', zh: '麻疹' },
    complaints: ['fever', 'rash', 'cough', 'runny-nose', 'red-eye'],
  },
  novel: {
    diseases: ['covid-19'],
    icd10: 'U07.1',
    name: { en: 'Novel respiratory virus (COVID-19-like)', zh: '新型呼吸道病毒（类新冠）' },
    complaints: ['fever', 'cough', 'sore-throat', 'fatigue', 'shortness-of-breath'],
  },
} as const;
export type OutbreakKind = keyof typeof OUTBREAKS;

/** Where a fever clinic sends the patients it takes in. */
export const FEVER_CLINIC_DEPARTMENT = 'infectious-diseases';

export const DrillSpec = z.strictObject({
  seed: z.number().int().default(1),
  /** Length of the drill in sim hours, from midnight of day 0. */
  hours: z.number().int().min(6).max(72).default(24),
  /** Normal traffic's peak arrivals per hour. */
  baseArrivalsPerHour: z.number().min(0).max(120).default(12),
  outbreak: z.enum(['influenza', 'norovirus', 'measles', 'novel']).optional(),
  /** Extra outbreak arrivals per hour at the peak of the surge. */
  surgePeakPerHour: z.number().min(0).max(120).default(20),
  /** A fever clinic: a second triage desk and `feverClinicDoctors` doctors in Infectious Diseases. */
  feverClinic: z.boolean().default(false),
  /** The triage rule that goes with it: the outbreak's complaints go straight to the fever clinic. */
  feverTriage: z.boolean().default(false),
  feverClinicDoctors: z.number().int().min(1).max(20).default(4),
  /** Extra doctors per department (consultation capacity added to the one doctor each has). */
  extraDoctors: z.record(z.string(), z.number().int().min(0).max(20)).default({}),
});
export type DrillSpec = z.infer<typeof DrillSpec>;

export interface DrillResult {
  spec: DrillSpec;
  arrived: number;
  outbreakArrived: number;
  /** Patients who got to a doctor, and their mean wait from registration to the consultation, in minutes. */
  seen: number;
  meanWait: number;
  waitByDepartment: Record<string, { seen: number; meanWait: number }>;
  /** Patients still waiting for a doctor at the end (their wait so far is counted in `meanWait`). */
  stillWaiting: number;
  maxQueue: number;
  /** Share of doctor capacity in use over the whole drill, in the department where it was highest. */
  utilisation: number;
  utilisationByDepartment: Record<string, number>;
  diagnosed: number;
  outbreakDiagnosed: number;
  /** Outbreak patients whose diagnosis was not their disease. */
  missed: number;
  /** Patients waiting for a doctor at the end of each hour. */
  waitingByHour: number[];
  eventLogHash: string;
}

export interface DrillWorld {
  kb: KnowledgeBase;
  generator: PatientGenerator;
  reader: ExamReader;
  layout: Layout;
}

/** What the drill shows while it runs: the hour, and who waits for a doctor where. */
export interface DrillSnapshot {
  hour: number;
  waitingByDepartment: Record<string, number>;
  inside: number;
  arrived: number;
}

/** Outbreak patients come from a stream of their own: patient i of this seed. */
export function outbreakSeedOf(seed: number): number {
  return seed + 7919;
}

/** When the surge begins, peaks and is over, in sim hours since day 0, 00:00. */
export interface SurgeWindow {
  startHour: number;
  peakHour: number;
  endHour: number;
}

/**
 * Sets a drill up in a running hospital: the outbreak's surge over `surge`, the fever clinic's
 * triage rule, desk and doctors, and the extra doctors. The headless drill and the drill on the
 * animated map share it; a refused command throws with what it was for.
 */
export function applyDrill(sim: Simulation, kb: KnowledgeBase, spec: DrillSpec, surge: SurgeWindow): void {
  const command = (r: CommandResult, what: string): void => {
    if (!r.ok) throw new Error(`${what}: ${r.reason}`);
  };
  const outbreak = spec.outbreak ? OUTBREAKS[spec.outbreak] : undefined;
  if (outbreak) {
    command(
      sim.dispatch('hospital.startOutbreak', {
        diseases: [...outbreak.diseases],
        peakPerHour: spec.surgePeakPerHour,
        ...surge,
        patientSeed: outbreakSeedOf(spec.seed),
      }),
      'the outbreak could not start',
    );
  }
  if (spec.feverTriage) {
    const complaints = [...(outbreak?.complaints ?? OUTBREAKS.influenza.complaints)];
    command(
      sim.dispatch('hospital.setTriageRules', { rules: [{ complaints, department: FEVER_CLINIC_DEPARTMENT }] }),
      'the triage rule was refused',
    );
  }
  if (spec.feverClinic) {
    command(sim.dispatch('hospital.setCapacity', { service: 'triage', count: 2 }), 'the fever clinic’s triage desk');
    command(
      sim.dispatch('hospital.setCapacity', { service: consultService(FEVER_CLINIC_DEPARTMENT), count: spec.feverClinicDoctors }),
      'the fever clinic’s doctors',
    );
  }
  for (const [dep, extra] of Object.entries(spec.extraDoctors)) {
    if (!kb.departments.some((d) => d.id === dep)) throw new Error(`extraDoctors: no department "${dep}"`);
    if (extra > 0)
      command(
        sim.dispatch('hospital.setCapacity', {
          service: consultService(dep),
          count: (sim.config.capacity[consultService(dep)] ?? 1) + extra,
        }),
        `extra doctors for ${dep}`,
      );
  }
}

/**
 * A public-health drill, headless: normal traffic, the outbreak's surge on top, the
 * interventions as commands, the offline staff answering. Runs an hour at a time so a view can
 * watch the queues grow. Deterministic from the seed: the staff is a fresh textbook staff, so
 * the drill neither depends on the hospital's doctors nor teaches them.
 */
export class DrillRun {
  readonly spec: DrillSpec;
  private readonly sim: Simulation;
  private readonly port: OfflineBrainPort;
  private readonly outbreakSeed: number;
  private readonly registeredAt = new Map<PatientId, { at: number; department: DepartmentId }>();
  private readonly waits: { department: string; wait: number }[] = [];
  private readonly busy = new Map<ServiceId, number>();
  private readonly capacity = new Map<ServiceId, number>();
  private readonly consultServices: ServiceId[];
  private readonly waitingByHour: number[] = [];
  private diagnosed = 0;
  private outbreakDiagnosed = 0;
  private missed = 0;
  private maxQueue = 0;
  private minute = 0;

  constructor(
    readonly world: DrillWorld,
    input: Partial<DrillSpec>,
  ) {
    const spec = DrillSpec.parse(input);
    this.spec = spec;
    const sim = new Simulation({
      ...world,
      config: { seed: spec.seed, patientSeed: spec.seed, arrivalsPerHour: spec.baseArrivalsPerHour, maxPatientsInside: 400 },
    });
    this.sim = sim;
    this.port = new OfflineBrainPort(new ClinicalStaff(world.kb, world.reader), sim);
    this.outbreakSeed = outbreakSeedOf(spec.seed);
    // The surge of a day: from 06:00 it climbs to its peak at midday and is over by midnight; a shorter drill squeezes it in.
    const endHour = Math.min(spec.hours, 24);
    const startHour = endHour / 4;
    applyDrill(sim, world.kb, spec, { startHour, peakHour: startHour + (endHour - startHour) / 3, endHour });
    this.consultServices = world.kb.departments.map((d) => consultService(d.id));
    sim.events.on('patient:registered', (e) => void this.registeredAt.set(e.patient, { at: sim.world.time, department: e.department }));
    sim.events.on('consultation:started', (e) => {
      const r = this.registeredAt.get(e.patient);
      if (!r || e.visit !== 1) return;
      this.waits.push({ department: r.department, wait: sim.world.time - r.at });
      this.registeredAt.delete(e.patient);
    });
    sim.events.on('patient:diagnosed', (e) => {
      this.diagnosed++;
      if (!this.isOutbreak(e.patient)) return;
      this.outbreakDiagnosed++;
      if (e.disease !== sim.world.patients.get(e.patient)?.record.disease) this.missed++;
    });
  }

  private isOutbreak(id: PatientId): boolean {
    return patientSeedOf(id) === this.outbreakSeed;
  }

  get done(): boolean {
    return this.minute >= this.spec.hours * 60;
  }

  /** Runs up to `hours` more sim hours (one-minute ticks) and tells where things stand. */
  runHours(hours = 1): DrillSnapshot {
    const sim = this.sim;
    const until = Math.min(this.spec.hours * 60, this.minute + hours * 60);
    for (; this.minute < until; this.minute++) {
      sim.step(1);
      this.port.answer();
      let waiting = 0;
      for (const at of this.consultServices) {
        const q = sim.world.queues.get(at)?.length ?? 0;
        waiting += q;
        this.maxQueue = Math.max(this.maxQueue, q);
        const cap = sim.config.capacity[at] ?? 1;
        this.busy.set(at, (this.busy.get(at) ?? 0) + Math.min(cap, sim.world.busy.get(at)?.length ?? 0));
        this.capacity.set(at, (this.capacity.get(at) ?? 0) + cap);
      }
      if ((this.minute + 1) % 60 === 0) this.waitingByHour.push(waiting);
    }
    const waitingByDepartment: Record<string, number> = {};
    for (const at of this.consultServices) {
      const q = sim.world.queues.get(at)?.length ?? 0;
      if (q > 0) waitingByDepartment[departmentOfService(at) ?? at] = q;
    }
    const snap = sim.snapshot();
    return { hour: this.minute / 60, waitingByDepartment, inside: snap.stats.inside, arrived: snap.stats.arrived };
  }

  /** The figures so far (the whole drill once `done`). */
  result(): DrillResult {
    const sim = this.sim;
    // Those still waiting count with the wait they have had so far: leaving them out would flatter a jammed clinic.
    const waits = [
      ...this.waits,
      ...[...this.registeredAt.values()].map((r) => ({ department: r.department, wait: sim.world.time - r.at })),
    ];
    const byDep: Record<string, { seen: number; meanWait: number }> = {};
    for (const w of waits) {
      const d = (byDep[w.department] ??= { seen: 0, meanWait: 0 });
      d.meanWait = (d.meanWait * d.seen + w.wait) / (d.seen + 1);
      d.seen++;
    }
    const utilisationByDepartment: Record<string, number> = {};
    for (const [at, b] of this.busy) utilisationByDepartment[departmentOfService(at) ?? at] = b / (this.capacity.get(at) ?? 1);
    let outbreakArrived = 0;
    for (const id of sim.world.patients.keys()) if (this.isOutbreak(id)) outbreakArrived++;
    return {
      spec: this.spec,
      arrived: sim.world.stats.arrived,
      outbreakArrived,
      seen: this.waits.length,
      meanWait: waits.length ? waits.reduce((s, w) => s + w.wait, 0) / waits.length : 0,
      waitByDepartment: byDep,
      stillWaiting: this.registeredAt.size,
      maxQueue: this.maxQueue,
      utilisation: Math.max(0, ...Object.values(utilisationByDepartment)),
      utilisationByDepartment,
      diagnosed: this.diagnosed,
      outbreakDiagnosed: this.outbreakDiagnosed,
      missed: this.missed,
      waitingByHour: [...this.waitingByHour],
      eventLogHash: sim.eventLogHash,
    };
  }
}

/** Runs a whole drill at once (tests, the CLI): see DrillRun. */
export function runDrill(world: DrillWorld, input: Partial<DrillSpec>): DrillResult {
  const run = new DrillRun(world, input);
  while (!run.done) run.runHours(6);
  return run.result();
}
