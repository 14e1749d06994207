import type { HospitalContext } from '../src/cli/context';
import { runShardsInThreads } from '../src/cli/shardThreads';
import { simulateSharded } from '../src/run/shard';
import type { BenchResult } from './report';

/**
 * `simulate --workers 2` against `--workers 1` on the same plan (two shards, same patients): the
 * result is identical, so the ratio of wall times is the speed-up the threads alone give.
 * Thread start-up (each loads the knowledge base) is inside the timing, as a user would feel it;
 * so is each thread's JIT warm-up, which competes for the two cores early on: short runs gain less.
 */
export async function benchWorkers(ctx: HospitalContext, quick: boolean): Promise<BenchResult[]> {
  const consultations = quick ? 10_000 : 60_000;
  const clock = (): number => Number(process.hrtime.bigint()) / 1e9;
  const time = async (workers: number): Promise<{ seconds: number; hash: string }> => {
    const { summary } = await simulateSharded(
      ctx.generator,
      ctx.reader,
      { consultations, seed: 2_025, examPerDisease: 1, checkpoints: 0, shards: 2, clock },
      runShardsInThreads(workers),
    );
    return { seconds: summary.seconds, hash: summary.eventLogHash };
  };
  const one = await time(1);
  const two = await time(2);
  if (one.hash !== two.hash) throw new Error(`--workers 2 gave a different run (${two.hash}) from --workers 1 (${one.hash})`);
  return [
    {
      name: 'workers.speedup.2',
      value: one.seconds / two.seconds,
      unit: '×',
      baseline: { name: 'workers.1.seconds', value: one.seconds },
      ratio: one.seconds / two.seconds,
      target: '≥ 1.8',
      note: `${consultations.toLocaleString('en-US')} consultations in 2 shards: 2 threads ${two.seconds.toFixed(1)} s vs 1 thread ${one.seconds.toFixed(1)} s, same event-log hash`,
    },
  ];
}
