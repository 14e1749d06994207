import type { PatientId } from '../../schema/ids';
import type { Lang } from '../../schema/common';
import type { HospitalScene } from '../../render/HospitalScene';
import type { HospitalRun, LoggedEvent } from './hospitalRun';
import { describe, lineOf } from './lines';
import { w } from './strings';
import { MINUTES_PER_DAY } from '../../knowledge/clinicalRules';

/** Journeys shown before the world restarts: a fresh world keeps memory flat on a kiosk left running for days. */
export const TOURS_PER_WORLD = 4;
/** Sim minutes after which the world restarts anyway (before the first follow-ups come due). */
export const WORLD_MINUTES = MINUTES_PER_DAY;
/** Real time, and sim minutes, a journey may take before the tour moves on to someone else. */
const MAX_TOUR_MS = 120_000;
const MAX_TOUR_MINUTES = 6 * 60;
/** Pause on the last caption before the next journey. */
const BETWEEN_TOURS_MS = 2500;

/**
 * The attract mode (`?kiosk=1`): the camera follows one patient from the door to the pharmacy
 * with captions, then picks the next arrival; every few journeys the world starts afresh, and
 * the doctors meanwhile study a fast-forward whose accuracy curve rises on a card (KioskStudy).
 */
export class Kiosk {
  private current: PatientId | undefined;
  private startedAt = 0;
  private startedAtSim = 0;
  private endedAt: number | undefined;
  private following = false;
  tours = 0;
  restarts = 0;

  constructor(
    private readonly run: HospitalRun,
    private readonly scene: HospitalScene,
    private readonly caption: HTMLElement,
    private readonly lang: () => Lang,
    /** The learning interlude shown each time the world restarts; none in tests that do not need it. */
    private readonly study?: { start(): void },
  ) {}

  get patient(): PatientId | undefined {
    return this.current;
  }

  /** Called every frame with the events the frame produced. */
  onFrame(entries: readonly LoggedEvent[], now: number): void {
    const simNow = this.run.sim.world.time;
    if (simNow > WORLD_MINUTES) this.restart();
    const over =
      (this.endedAt !== undefined && now - this.endedAt > BETWEEN_TOURS_MS) ||
      now - this.startedAt > MAX_TOUR_MS ||
      simNow - this.startedAtSim > MAX_TOUR_MINUTES;
    if (!this.current || over) this.next(now);
    if (!this.current) return;
    if (!this.following && this.scene.spritePositions().some((s) => s.id === this.current)) {
      this.scene.follow(this.current);
      this.following = true;
    }
    for (const e of entries) {
      const p = e.event.payload as { patient?: string };
      if (p.patient !== this.current) continue;
      const l = this.lang();
      const said = lineOf(e.event, this.run.voice, l);
      this.caption.textContent =
        said && (e.event.type === 'doctor:asked' || e.event.type === 'patient:answered') ? said.text : describe(e.event, this.run.voice, l);
      if (e.event.type === 'patient:left' || e.event.type === 'patient:went-home-for-results' || e.event.type === 'patient:discharged')
        this.endedAt = now;
    }
  }

  /** A fresh world: everything the old one held is let go. */
  private restart(): void {
    this.run.start();
    this.study?.start();
    this.tours = 0;
    this.restarts += 1;
    this.current = undefined;
  }

  private next(now: number): void {
    this.tours += 1;
    if (this.tours > TOURS_PER_WORLD) {
      this.restart();
      this.tours = 1;
    }
    this.current = this.run.admit();
    this.startedAt = now;
    this.startedAtSim = this.run.sim.world.time;
    this.endedAt = undefined;
    this.following = false;
    // Plain figures for the soak test (tests/browser/worldKiosk.test.ts).
    this.caption.dataset['tours'] = String(this.tours);
    this.caption.dataset['restarts'] = String(this.restarts);
    this.caption.dataset['patient'] = this.current;
    const name = this.run.sim.patientRecord(this.current)?.persona.name[this.lang()] ?? '';
    this.caption.textContent = `${w('kioskCaption', this.lang())}: ${name}`;
  }
}
