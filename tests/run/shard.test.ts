import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultContext } from '../../src/cli/context';
import { runCli } from '../../src/cli/main';
import { checkpointsOf, poolShards, runShardsInline, simulateSharded, trainShard, type ShardPlan } from '../../src/run/shard';

const ctx = defaultContext();
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let tick = 0;
const clock = () => (tick += 0.001);
const options = { consultations: 1200, seed: 21, examPerDisease: 1, checkpoints: 2, shards: 3, clock };

describe('sharded training (simulate --workers)', () => {
  it('places checkpoints evenly and always ends on the last consultation', () => {
    expect(checkpointsOf(1000, 3)).toEqual([250, 500, 750, 1000]);
    expect(checkpointsOf(1000, 0)).toEqual([1000]);
    expect(checkpointsOf(5, 9)).toEqual([1, 2, 3, 4, 5]);
  });

  it('deals every patient to exactly one shard and saves each shard at every checkpoint', () => {
    const plan: ShardPlan = { seed: 21, consultations: 10, shards: 3, checkpoints: [5, 10] };
    const results = [0, 1, 2].map((s) => trainShard(ctx.generator, ctx.reader, plan, s));
    expect(results.map((r) => r.consultations)).toEqual([4, 3, 3]);
    for (const r of results) expect(r.snapshots).toHaveLength(2);
    // At the first checkpoint shard 0 has seen patients 0 and 3; at the end, 0, 3, 6 and 9.
    expect(results[0]?.snapshots[0]?.consultations).toBe(2);
    expect(results[0]?.snapshots[1]?.consultations).toBe(4);
    const { pooled } = poolShards(ctx.kb, results);
    expect(pooled.map((b) => b.consultations)).toEqual([5, 10]);
    expect(() => trainShard(ctx.generator, ctx.reader, plan, 3)).toThrow(/shard 3 is not one of the plan's 3/);
  });

  it('pools the shards into doctors that learned from all of them and sit the exam at each checkpoint', async () => {
    const { summary, staff } = await simulateSharded(ctx.generator, ctx.reader, options, runShardsInline(ctx.generator, ctx.reader));
    expect(summary.curve.map((p) => p.consultations)).toEqual([0, 400, 800, 1200]);
    expect(staff.consultations).toBe(1200);
    expect(summary.caseBase).toBe(staff.caseBaseSize);
    expect(summary.caseBase).toBeGreaterThan(600);
    expect(summary.exam.after.diagnosisTop1).toBeGreaterThan(summary.exam.before.diagnosisTop1 + 0.05);
    const again = await simulateSharded(ctx.generator, ctx.reader, options, runShardsInline(ctx.generator, ctx.reader));
    expect(again.summary.eventLogHash).toBe(summary.eventLogHash);
    expect(again.summary.exam.after).toEqual(summary.exam.after);
  });

  it('gives the same result in worker threads as on one thread, however many threads run the shards', async () => {
    const inline = await simulateSharded(ctx.generator, ctx.reader, { ...options, shards: 2 }, runShardsInline(ctx.generator, ctx.reader));
    const cli = (workers: number) =>
      JSON.parse(
        execFileSync(
          process.execPath,
          [
            'bin/agent-hospital.js',
            'simulate',
            '--consultations',
            '1200',
            '--seed',
            '21',
            '--exam-per-disease',
            '1',
            '--checkpoints',
            '2',
            '--shards',
            '2',
            '--workers',
            String(workers),
            '--json',
          ],
          {
            cwd: ROOT,
            encoding: 'utf8',
          },
        ),
      ) as { eventLogHash: string; caseBase: number; experienceBase: number; exam: { after: unknown } };
    for (const workers of [1, 2]) {
      const out = cli(workers);
      expect(out.eventLogHash).toBe(inline.summary.eventLogHash);
      expect(out.caseBase).toBe(inline.summary.caseBase);
      expect(out.experienceBase).toBe(inline.summary.experienceBase);
      expect(out.exam.after).toEqual(JSON.parse(JSON.stringify(inline.summary.exam.after)));
    }
  });

  it('refuses combinations it cannot honour, naming the option', () => {
    const err: string[] = [];
    const io = { out: () => undefined, err: (l: string) => err.push(l) };
    expect(runCli(['simulate', '--workers', '0'], io)).toBe(2);
    expect(runCli(['simulate', '--workers', '2', '--brain', 'llm'], io)).toBe(2);
    expect(runCli(['simulate', '--workers', '2', '--load', 'bases.json'], io)).toBe(2);
    expect(err[0]).toMatch(/--workers must be a whole number from 1 to 64/);
    expect(err[1]).toMatch(/offline brain only/);
    expect(err[2]).toMatch(/--load cannot be combined/);
  });
});
