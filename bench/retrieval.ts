import type { HospitalContext } from '../src/cli/context';
import { CaseBase } from '../src/evolution/caseBase';
import { BayesOracle } from '../src/patients/oracle';
import type { BenchResult } from './report';

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] as number;
}

function presentTerms(
  ctx: HospitalContext,
  seed: number,
  i: number,
): { disease: number; present: number[]; ageBand: number; male: boolean } {
  const p = ctx.generator.generate(seed, i);
  const present = [...p.symptoms.map((s) => ctx.kb.termIndex(s.term)), ...ctx.reader.allFindings(p).map((t) => ctx.kb.termIndex(t))];
  return { disease: ctx.kb.diseaseIndex(p.disease), present, ageBand: 0, male: p.persona.sex === 'M' };
}

/**
 * Retrieval at scale: a case base of 1M solved cases (generated presentations), queried with
 * unseen patients over the 8 leading diseases of their differential, against a full scan.
 */
export function benchRetrieval(ctx: HospitalContext, quick: boolean): BenchResult[] {
  const size = quick ? 100_000 : 1_000_000;
  const label = quick ? '100k' : '1M';
  const base = new CaseBase(ctx.kb.diseases.length);
  for (let i = 0; i < size; i++) {
    const c = presentTerms(ctx, 31, i);
    base.add({ ...c, absent: [], consultation: i });
  }
  const oracle = new BayesOracle(ctx.kb, ctx.reader);
  const queries = quick ? 200 : 1_000;
  const fast: number[] = [];
  const brute: number[] = [];
  for (let q = 0; q < queries; q++) {
    const patient = ctx.generator.generate(32, q);
    const query = Int32Array.from(
      new Set([
        ...patient.symptoms.map((s) => ctx.kb.termIndex(s.term)),
        ...ctx.reader.allFindings(patient).map((t) => ctx.kb.termIndex(t)),
      ]),
    ).sort();
    const scores = oracle.scores(patient);
    const lead = [...scores.keys()].sort((a, b) => (scores[b] as number) - (scores[a] as number)).slice(0, 8);
    let t = process.hrtime.bigint();
    base.retrieve(query, lead, 3);
    fast.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (q < (quick ? 50 : 100)) {
      t = process.hrtime.bigint();
      base.bruteForce(query, 3);
      brute.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }
  const fastP95 = p95(fast);
  const bruteP95 = p95(brute);
  const mb = base.bytes / 1024 / 1024;
  return [
    {
      name: `retrieval.p95Ms.${label}`,
      value: fastP95,
      unit: 'ms',
      baseline: { name: `retrieval.bruteForce.p95Ms.${label}`, value: bruteP95 },
      ratio: bruteP95 / fastP95,
      target: '< 5 ms and ≥ 20× faster',
      note: `top-3 of ${size.toLocaleString('en-US')} cases over the 8 leading diseases; ${queries} queries (${brute.length} for the full scan)`,
    },
    {
      name: 'memory.mbPer100kCases',
      value: (mb / size) * 100_000,
      unit: 'MB',
      note: `typed arrays held by a case base of ${size.toLocaleString('en-US')} generated cases (present and absent terms, per-case fields, growth slack included)`,
    },
  ];
}
