import { FromWorker, parseMessage, ToWorker, type StartReplay } from './protocol';

type Finished = Extract<FromWorker, { type: 'finished' }>;

export interface ReplayHandle {
  cancel(): void;
  /** Resolves when the worker finished or was cancelled (what was learned is stored); rejects on failure. */
  finished: Promise<Finished>;
}

export interface ReplayListeners {
  onMessage?: (message: Exclude<FromWorker, Finished | { type: 'failed' }>) => void;
}

/** Starts a fast-forward in a new Web Worker; the worker ends itself when the run does. */
export function startReplay(
  request: Omit<StartReplay, 'type' | 'examPerDisease' | 'checkpoints'> & Partial<Pick<StartReplay, 'examPerDisease' | 'checkpoints'>>,
  listeners: ReplayListeners = {},
): ReplayHandle {
  const worker = new Worker(new URL('./replay.worker.ts', import.meta.url), { type: 'module', name: 'fast-forward' });
  const finished = new Promise<Finished>((resolve, reject) => {
    worker.addEventListener('message', (event: MessageEvent<unknown>) => {
      let message: FromWorker;
      try {
        message = parseMessage(FromWorker, event.data, 'page');
      } catch (err) {
        worker.terminate();
        reject(err as Error);
        return;
      }
      if (message.type === 'finished') {
        worker.terminate();
        resolve(message);
      } else if (message.type === 'failed') {
        worker.terminate();
        reject(new Error(message.message));
      } else listeners.onMessage?.(message);
    });
    worker.addEventListener('error', (event) => {
      worker.terminate();
      reject(new Error(`the fast-forward worker failed: ${event.message || 'it could not start'}`));
    });
  });
  const start: StartReplay = { type: 'start', examPerDisease: 1, checkpoints: 8, ...request };
  worker.postMessage(parseMessage(ToWorker, start, 'page'));
  return { cancel: () => worker.postMessage({ type: 'cancel' }), finished };
}
