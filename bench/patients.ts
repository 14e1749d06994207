import type { HospitalContext } from '../src/cli/context';
import { toPatientRecord } from '../src/patients/record';
import type { BenchResult } from './report';

/** Best of several timed rounds, in items per second: the least disturbed measurement. */
export function bestRate(rounds: number, items: number, work: (round: number) => void): number {
  let best = 0;
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    work(r);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    best = Math.max(best, items / seconds);
  }
  return best;
}

export function benchPatients(ctx: HospitalContext, quick: boolean): BenchResult[] {
  const n = quick ? 20_000 : 100_000;
  const rounds = quick ? 2 : 5;
  // Warm-up so the JIT has compiled the generator before it is timed.
  for (let i = 0; i < 5_000; i++) ctx.generator.generate(999, i);
  const perSecond = bestRate(rounds, n, (round) => {
    for (let i = 0; i < n; i++) ctx.generator.generate(round + 1, i);
  });
  const recordN = quick ? 2_000 : 10_000;
  const recordsPerSecond = bestRate(rounds, recordN, (round) => {
    for (let i = 0; i < recordN; i++)
      JSON.stringify(toPatientRecord(ctx.generator, ctx.reader, ctx.generator.generate(round + 1, i), 'en'));
  });
  return [
    {
      name: 'patients.perSecond',
      value: perSecond,
      unit: 'patients/s',
      target: '≥ 20,000',
      note: `full record with every exam result, one core, best of ${rounds}×${n.toLocaleString('en-US')}`,
    },
    {
      name: 'patients.jsonRecordsPerSecond',
      value: recordsPerSecond,
      unit: 'records/s',
      note: 'generation plus the public JSON record (the CLI path)',
    },
  ];
}
