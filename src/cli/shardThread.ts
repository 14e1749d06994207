import { parentPort, workerData } from 'node:worker_threads';
import { trainShard } from '../run/shard';
import { defaultContext } from './context';
import type { ShardThreadData, ShardThreadMessage } from './shardThreads';

/* One shard thread: trains its shards in order and posts each result (see shardThreads.ts). */
const post = (m: ShardThreadMessage): void => parentPort?.postMessage(m);
try {
  const { plan, shards } = workerData as ShardThreadData;
  const { generator, reader } = defaultContext();
  let before = 0;
  for (const shard of shards) {
    const result = trainShard(generator, reader, plan, shard, (done) => post({ progress: before + done }));
    before += result.consultations;
    post({ progress: before });
    post({ result });
  }
} catch (err) {
  post({ error: err instanceof Error ? err.message : String(err) });
}
