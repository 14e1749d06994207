import { exportBundle } from '../../run/bundle';
import { restoreDoctor } from '../../store/restore';
import { saveSnapshot } from '../../store/staffStore';
import type { AppContext } from '../appContext';
import { sharedDb } from '../dashboard/hospitalState';
import { replayController } from '../dashboard/replayController';
import type { HospitalRun } from './hospitalRun';

/** Follow-ups between two saves of what the live hospital taught its doctors. */
const SAVE_EVERY_FOLLOW_UPS = 25;

/**
 * Stores what the doctors learned in the live hospital since the last save: the new cases are
 * appended and the small per-doctor state rewritten, in one transaction. Skipped while a
 * fast-forward owns the store, or when the store has moved past these doctors (another tab).
 */
export async function saveLearning(app: AppContext): Promise<'saved' | 'skipped'> {
  if (replayController.busy) return 'skipped';
  const staff = app.staff;
  const db = await sharedDb();
  const stored = new Map((await db.getAll('doctors')).map((raw) => restoreDoctor(raw)).map((d) => [d.department, d.caseCount]));
  for (const doctor of staff.doctors.values()) if ((stored.get(doctor.department) ?? 0) > doctor.cases.size) return 'skipped';
  if (staff.consultations === 0 && stored.size === 0) return 'skipped';
  if (replayController.busy || app.staff !== staff) return 'skipped';
  const from = (department: string): number => stored.get(department) ?? 0;
  await saveSnapshot(db, exportBundle(staff, [], from), { mode: 'append', casesFrom: from, now: Date.now() });
  return 'saved';
}

/**
 * Saves the live hospital's learning every few follow-ups, when it is paused, and when the page
 * is hidden or closed, so a reload finds the doctors as they were. One save at a time.
 */
export function keepLearning(app: AppContext, run: HospitalRun, onError: (message: string) => void): () => void {
  let pending: Promise<unknown> = Promise.resolve();
  let followUps = 0;
  let saves = 0;
  const save = (): void => {
    pending = pending
      .then(() => saveLearning(app))
      // Saves so far, on the page for whoever waits on one (the browser tests).
      .then((r) => r === 'saved' && (document.body.dataset['learningSaves'] = String(++saves)))
      .catch((err: unknown) => onError(err instanceof Error ? err.message : String(err)));
  };
  const onLogged = ({ event }: { event: { type: string } }): void => {
    if (event.type === 'patient:followed-up' && ++followUps % SAVE_EVERY_FOLLOW_UPS === 0) save();
  };
  const onHidden = (): void => {
    if (document.visibilityState === 'hidden') save();
  };
  let wasPaused = run.paused;
  const pauseWatch = window.setInterval(() => {
    if (run.paused && !wasPaused) save();
    wasPaused = run.paused;
  }, 500);
  run.bus.on('logged', onLogged);
  document.addEventListener('visibilitychange', onHidden);
  window.addEventListener('pagehide', save);
  return () => {
    run.bus.off('logged', onLogged);
    document.removeEventListener('visibilitychange', onHidden);
    window.removeEventListener('pagehide', save);
    window.clearInterval(pauseWatch);
    save();
  };
}
