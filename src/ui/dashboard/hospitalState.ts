import { exportBundle, loadBundle, parseBundle } from '../../run/bundle';
import { ClinicalStaff } from '../../run/staff';
import type { Bundle, BundleDoctor } from '../../schema/bundle';
import { openHospitalDb, type HospitalDb } from '../../store/db';
import { clearStaff, loadSnapshot, saveSnapshot } from '../../store/staffStore';
import type { AppContext, AppEvents } from '../appContext';

/*
 * The page's side of the hospital's memory: one database handle, and the shared staff replaced
 * (never mutated behind the views' backs) whenever the stored bases change.
 */
let dbPromise: Promise<HospitalDb> | undefined;

export function sharedDb(): Promise<HospitalDb> {
  dbPromise ??= openHospitalDb();
  return dbPromise;
}

/** Cases and belief rows checked and loaded per step: a few ms each, so the page never freezes on a large base. */
const CASES_PER_STEP = 1_000;
const BELIEF_ROWS_PER_STEP = 40;

/** Main-thread work between two pauses of a long load: well under a 100 ms long task. */
const STEP_BUDGET_MS = 25;

/** Yields to the page (paint, input) once the current step has used its budget. */
function pacer(): (force?: boolean) => Promise<void> {
  let since = performance.now();
  return async (force = false) => {
    if (!force && performance.now() - since < STEP_BUDGET_MS) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
    since = performance.now();
  };
}

/** A doctor carrying only some of its cases or belief rows: the parts loadBundle adds to, never resets. */
function partOfDoctor(d: BundleDoctor, part: Pick<BundleDoctor, 'cases' | 'beliefs'>): BundleDoctor {
  return {
    department: d.department,
    consultations: 0,
    correct: 0,
    caseMix: [],
    severity: { perDisease: [], pooled: d.severity.pooled.map(() => 0), ranges: [] },
    experiences: [],
    ...part,
  };
}

/**
 * Fresh staff that learned `bundle`, built in small steps. Each step is parsed and checked
 * against the knowledge base before it is loaded: every doctor's case slices and belief-row
 * slices first (loadBundle adds those), then its counts (which it sets), then the hospital-wide part.
 */
export async function buildStaff(app: AppContext, bundle: Bundle | undefined): Promise<ClinicalStaff> {
  const pause = pacer();
  await pause(true);
  const staff = new ClinicalStaff(app.kb, app.reader);
  if (!bundle) return staff;
  const head = { format: bundle.format, version: bundle.version, consultations: 0, nurse: { learned: [] }, curve: [] };
  for (const doctor of bundle.doctors) {
    for (let from = 0; from < doctor.cases.length; from += CASES_PER_STEP) {
      await pause();
      loadBundle(
        staff,
        parseBundle(app.kb, {
          ...head,
          doctors: [partOfDoctor(doctor, { cases: doctor.cases.slice(from, from + CASES_PER_STEP), beliefs: [] })],
        }),
      );
    }
    for (let from = 0; from < doctor.beliefs.length; from += BELIEF_ROWS_PER_STEP) {
      await pause();
      loadBundle(
        staff,
        parseBundle(app.kb, {
          ...head,
          doctors: [partOfDoctor(doctor, { cases: [], beliefs: doctor.beliefs.slice(from, from + BELIEF_ROWS_PER_STEP) })],
        }),
      );
    }
    await pause();
    loadBundle(staff, parseBundle(app.kb, { ...head, doctors: [{ ...doctor, cases: [], beliefs: [] }] }));
  }
  await pause();
  loadBundle(staff, parseBundle(app.kb, { ...bundle, doctors: [] }));
  return staff;
}

/** Puts fresh staff that learned `bundle` in place of `app.staff` and tells the views. */
export async function installStaff(
  app: AppContext,
  bundle: Bundle | undefined,
  reason: AppEvents['staff:changed']['reason'],
): Promise<void> {
  app.staff = await buildStaff(app, bundle);
  app.bus.emit('staff:changed', { reason });
}

/** Loads the stored bases into the page's staff (textbook doctors when nothing is stored). */
export async function reloadStaff(app: AppContext, reason: AppEvents['staff:changed']['reason']): Promise<void> {
  const stored = await loadSnapshot(await sharedDb());
  // At start-up with nothing stored, the page's textbook doctors are already the right ones.
  if (reason === 'restore' && !stored) return;
  await installStaff(app, stored?.bundle, reason);
}

/**
 * Stores what the page's staff has learned outside a fast-forward (the live hospital, the
 * modes), keeping the stored checkpoints. Rewrites the bases: call it at pauses, not per patient.
 */
export async function saveStaff(app: AppContext): Promise<void> {
  await saveSnapshot(await sharedDb(), exportBundle(app.staff), { mode: 'replace', now: Date.now() });
}

/** "Start fresh": forgets the learned bases and checkpoints; the doctors read only the textbook again. */
export async function startFresh(app: AppContext): Promise<void> {
  await clearStaff(await sharedDb());
  await installStaff(app, undefined, 'reset');
}
