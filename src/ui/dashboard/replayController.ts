import type { MetricPoint } from '../../schema/store';
import { startReplay, type ReplayHandle } from '../../worker/client';
import type { AppContext } from '../appContext';
import { reloadStaff } from './hospitalState';

/** What the fast-forward is doing, for whichever dashboard is mounted (it outlives the view). */
export type ReplayState =
  | { kind: 'idle' }
  | { kind: 'loading'; total: number }
  | { kind: 'running'; done: number; total: number; perSecond: number; etaSeconds: number | null; caseBase: number; experienceBase: number }
  /** The worker is done; the page's staff is loading what it stored. */
  | { kind: 'restoring'; done: number }
  /** `eventLogHash` fingerprints the run's consultations, as `simulate --json` does. */
  | { kind: 'finished'; cancelled: boolean; done: number; seconds: number; perSecond: number; eventLogHash: string }
  | { kind: 'failed'; message: string };

type Listener = (state: ReplayState, livePoint?: MetricPoint) => void;

/** Exam checkpoints per run besides start and end: more for longer runs, none for tiny ones. */
export function checkpointsFor(consultations: number): number {
  return Math.min(12, Math.floor(consultations / 250));
}

class ReplayController {
  state: ReplayState = { kind: 'idle' };
  private handle: ReplayHandle | undefined;
  private readonly listeners = new Set<Listener>();

  get busy(): boolean {
    return this.state.kind === 'loading' || this.state.kind === 'running' || this.state.kind === 'restoring';
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(state: ReplayState, livePoint?: MetricPoint): void {
    this.state = state;
    for (const l of this.listeners) l(state, livePoint);
  }

  /** Starts a replay of `consultations`; when it ends (or is cancelled) the page's staff loads the stored result. */
  start(app: AppContext, consultations: number): Promise<void> {
    if (this.busy) return Promise.reject(new Error('a fast-forward is already running'));
    this.set({ kind: 'loading', total: consultations });
    const handle = startReplay(
      { consultations, checkpoints: checkpointsFor(consultations) },
      {
        onMessage: (m) => {
          if (m.type === 'progress') this.set({ kind: 'running', ...m });
          else if (m.type === 'checkpoint') this.set(this.state, m.point);
        },
      },
    );
    this.handle = handle;
    return handle.finished.then(
      async (f) => {
        this.handle = undefined;
        this.set({ kind: 'restoring', done: f.done });
        await reloadStaff(app, 'replay');
        this.set({
          kind: 'finished',
          cancelled: f.cancelled,
          done: f.done,
          seconds: f.seconds,
          perSecond: f.perSecond,
          eventLogHash: f.eventLogHash,
        });
      },
      async (err: Error) => {
        this.handle = undefined;
        // Batches stored before the failure (a full disk) are kept: show them, not the state before the run.
        await reloadStaff(app, 'replay').catch(() => undefined);
        this.set({ kind: 'failed', message: err.message });
      },
    );
  }

  /** Reports a problem (a bad `?replay=`) where the fast-forward's status is shown. */
  fail(message: string): void {
    if (!this.busy) this.set({ kind: 'failed', message });
  }

  cancel(): void {
    this.handle?.cancel();
  }
}

export const replayController = new ReplayController();
