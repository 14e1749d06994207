import { Worker } from 'node:worker_threads';
import type { ShardPlan, ShardResult, ShardRunner } from '../run/shard';

/** What a shard thread is given: the plan and the shards it trains, in order. */
export interface ShardThreadData {
  plan: ShardPlan;
  shards: number[];
}

/** What a shard thread reports: progress as it goes, then each shard's result, or the error that stopped it. */
export type ShardThreadMessage = { progress: number } | { result: ShardResult } | { error: string };

/**
 * Node worker threads that train the shards: shard s goes to thread s mod threads. Each thread
 * loads the knowledge base itself (nothing but the plan crosses over) and runs TypeScript
 * through tsx, as the CLI does, so no build step is needed.
 */
export function runShardsInThreads(threads: number, onProgress?: (done: number) => void): ShardRunner {
  return async (plan) => {
    const count = Math.max(1, Math.min(threads, plan.shards));
    const child = new URL('./shardThread.ts', import.meta.url).href;
    const tsx = import.meta.resolve('tsx/esm/api');
    // An eval'd ES module bootstraps tsx's loader in the thread before importing the TypeScript entry.
    const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(child)}); })`;
    const progress = new Array<number>(count).fill(0);
    const perThread = Array.from({ length: count }, (_, t) => {
      const data: ShardThreadData = { plan, shards: Array.from({ length: plan.shards }, (_, s) => s).filter((s) => s % count === t) };
      return new Promise<ShardResult[]>((resolve, reject) => {
        const results: ShardResult[] = [];
        const worker = new Worker(boot, { eval: true, workerData: data });
        worker.on('message', (m: ShardThreadMessage) => {
          if ('progress' in m) {
            progress[t] = m.progress;
            onProgress?.(progress.reduce((a, b) => a + b, 0));
          } else if ('result' in m) results.push(m.result);
          else reject(new Error(`shard thread ${t}: ${m.error}`));
        });
        worker.on('error', (err) => reject(new Error(`shard thread ${t}: ${err.message}`)));
        worker.on('exit', (code) => {
          if (results.length === data.shards.length) resolve(results);
          else reject(new Error(`shard thread ${t} exited (code ${code}) after ${results.length} of ${data.shards.length} shards`));
        });
      });
    });
    return (await Promise.all(perThread)).flat().sort((a, b) => a.shard - b.shard);
  };
}
