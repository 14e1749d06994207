import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { runCli } from '../../src/cli/main';
import { Span } from '../../src/schema/language';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

/** The documented shape of `evaluate --json` (README). */
const Output = z.strictObject({
  summary: z.strictObject({
    cases: z.number(),
    withDiagnosis: z.number(),
    top1: z.number().min(0).max(1),
    top3: z.number().min(0).max(1),
    unmappedRate: z.number().min(0).max(1),
    saysUnknown: z.number().min(0).max(1),
  }),
  cases: z.array(
    z.strictObject({
      id: z.string(),
      predictions: z.array(z.strictObject({ diseaseId: z.string(), name: z.string(), icd10: z.string(), probability: z.number() })).max(5),
      outside: z.number().min(0).max(1),
      saysUnknown: z.boolean(),
      mapped: z.array(
        z.strictObject({
          phrase: z.string(),
          terms: z.array(z.strictObject({ id: z.string(), present: z.boolean() })),
          // The language layer's whole reading of the phrase (added beside the older fields).
          spans: z.array(Span),
        }),
      ),
      unmapped: z.array(z.string()),
    }),
  ),
});

describe('agent-hospital evaluate', () => {
  it('diagnoses written cases, reports malformed lines by number and goes on', () => {
    const r = run('evaluate', '--cases', fixture('cases.jsonl'), '--json');
    expect(r.code).toBe(0);
    const out = Output.parse(JSON.parse(r.out[0]!));
    expect(out.summary.cases).toBe(7);
    expect(out.summary.withDiagnosis).toBe(6);
    expect(r.err).toEqual([
      expect.stringMatching(/cases\.jsonl:8: skipped, not valid JSON/),
      expect.stringMatching(/cases\.jsonl:9: skipped, age: /),
    ]);
    const mi = out.cases.find((c) => c.id === 'c1')!;
    expect(mi.mapped.flatMap((m) => m.terms)).toEqual(
      expect.arrayContaining([
        { id: 'raised-troponin', present: true },
        { id: 'fever', present: false },
      ]),
    );
    // Even the textbook doctor, before any patient, puts a crushing-chest-pain MI with ST elevation and troponin first.
    expect(mi.predictions[0]!.icd10.slice(0, 3)).toBe('I21');
  });

  it('reads AgentClinic-style OSCE examinations', () => {
    const r = run('evaluate', '--cases', fixture('osce.jsonl'), '--format', 'osce', '--json');
    const out = Output.parse(JSON.parse(r.out[0]!));
    // Published records also give Symptoms as a plain string, History as an object, or no primary symptom: all are read.
    expect(out.summary).toMatchObject({ cases: 6, withDiagnosis: 6 });
    expect(out.cases[5]!.mapped[0]!.terms.length).toBeGreaterThan(0);
    const graves = out.cases[2]!;
    expect(graves.mapped.flatMap((m) => m.terms.map((t) => t.id))).toEqual(
      expect.arrayContaining(['suppressed-tsh', 'raised-ft4', 'tachycardia']),
    );
    expect(graves.predictions[0]!.diseaseId).toBe('graves-disease');
    expect(out.summary.unmappedRate).toBeLessThan(0.5);
  });

  it('asks for the cases file and refuses a bad bundle with its path', () => {
    expect(run('evaluate').code).toBe(2);
    expect(run('evaluate', '--cases', '/nonexistent.jsonl').err[0]).toMatch(/cannot read/);
    const bad = run('evaluate', '--cases', fixture('cases.jsonl'), '--bases', fixture('cases.jsonl'));
    expect(bad.code).toBe(2);
  });
});
