import type { HospitalContext } from '../src/cli/context';
import { simulate } from '../src/run/simulate';
import type { BenchResult } from './report';

/** Full flow with learning on one core: triage, consultation, follow-up, case and experience bases. */
export function benchConsultations(ctx: HospitalContext, quick: boolean): BenchResult[] {
  const n = quick ? 5_000 : 30_000;
  const { summary } = simulate(ctx.generator, ctx.reader, {
    consultations: n,
    seed: 2_024,
    examPerDisease: 1,
    checkpoints: 0,
    clock: () => Number(process.hrtime.bigint()) / 1e9,
  });
  return [
    {
      name: 'consultations.perSecond',
      value: summary.consultationsPerSecond,
      unit: 'consultations/s',
      target: '≥ 5,000',
      note: `offline brain, learning on, ${n.toLocaleString('en-US')} consultations from textbook doctors; exam time excluded`,
    },
  ];
}
