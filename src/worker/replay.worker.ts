/// <reference lib="webworker" />
import { loadKnowledge } from '../knowledge/load';
import { fetchKbFiles, fetchPeople } from '../knowledge/viteFiles';
import { fetchJson } from '../ui/assetFiles';
import { PatientGenerator } from '../patients/generator';
import { ExamReader } from '../patients/results';
import { openHospitalDb } from '../store/db';
import { FromWorker, parseMessage, ToWorker, type StartReplay } from './protocol';
import { runReplay } from './replay';

/*
 * The fast-forward worker. The knowledge files come through viteFiles (Vite bundles the JSON
 * into the worker's own chunks, fetched from the same origin); nothing here touches the DOM.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
let cancelled = false;
let running = false;

function post(message: FromWorker): void {
  scope.postMessage(parseMessage(FromWorker, message, 'worker'));
}

async function start(request: StartReplay): Promise<void> {
  running = true;
  try {
    const [files, people] = await Promise.all([fetchKbFiles(fetchJson), fetchPeople(fetchJson)]);
    const kb = loadKnowledge(files);
    const generator = new PatientGenerator(kb, people);
    const db = await openHospitalDb(request.dbName ? { name: request.dbName } : {});
    const finished = await runReplay(request, {
      kb,
      generator,
      reader: new ExamReader(kb, generator.slots),
      db,
      clock: () => performance.now(),
      post,
      yieldNow: () => new Promise((resolve) => setTimeout(resolve, 0)),
      cancelled: () => cancelled,
      runId: `replay-${Date.now()}`,
    });
    db.close();
    post(finished);
  } catch (err) {
    post({ type: 'failed', message: (err as Error)?.message ?? String(err) });
  } finally {
    running = false;
  }
}

scope.addEventListener('message', (event: MessageEvent<unknown>) => {
  let message: ToWorker;
  try {
    message = parseMessage(ToWorker, event.data, 'worker');
  } catch (err) {
    post({ type: 'failed', message: (err as Error).message });
    return;
  }
  if (message.type === 'cancel') cancelled = true;
  else if (running) post({ type: 'failed', message: 'a replay is already running in this worker' });
  else void start(message);
});
