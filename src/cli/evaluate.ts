import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ExternalCase, OsceCase } from '../schema/cases';
import { formatPath } from '../knowledge/errors';
import { loadDefaultMatcher } from '../language/nodeFiles';
import { ValueReader } from '../knowledge/valueReader';
import { CaseEvaluator, osceToCase, type EvaluatedCase } from '../run/evaluate';
import { loadBundle, parseBundle } from '../run/bundle';
import { ClinicalStaff } from '../run/staff';
import { choiceOption } from './args';
import type { HospitalContext } from './context';
import { readJsonFile } from './files';
import { UsageError, type CliIo } from './io';

/** `agent-hospital evaluate`: the doctors diagnose written cases, one JSON object per line. */
export function runEvaluate(argv: string[], io: CliIo, context: () => HospitalContext): number {
  const { values } = parseArgs({
    args: argv,
    options: { cases: { type: 'string' }, format: { type: 'string' }, bases: { type: 'string' }, json: { type: 'boolean' } },
    strict: true,
  });
  if (!values.cases) throw new UsageError('--cases FILE is required (one case per line)');
  const format = choiceOption('format', values.format, ['cases', 'osce'] as const, 'cases');
  let text: string;
  try {
    text = readFileSync(values.cases, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${values.cases}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const { kb, reader } = context();
  const staff = new ClinicalStaff(kb, reader);
  if (values.bases) loadBundle(staff, parseBundle(kb, readJsonFile(values.bases)));
  const evaluator = new CaseEvaluator(kb, staff, loadDefaultMatcher(kb), new ValueReader(kb));
  const cases: EvaluatedCase[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${values.cases}:${i + 1}`;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch (err) {
      io.err(`${where}: skipped, not valid JSON (${(err as Error).message})`);
      return;
    }
    const parsed = format === 'osce' ? OsceCase.safeParse(data) : ExternalCase.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      io.err(`${where}: skipped, ${issue ? `${formatPath(issue.path)}: ${issue.message}` : 'invalid'}`);
      return;
    }
    const c = format === 'osce' ? osceToCase(parsed.data as OsceCase, String(i + 1)) : (parsed.data as ExternalCase);
    cases.push(evaluator.evaluate(c));
  });
  const summary = evaluator.summary();
  if (values.json) {
    io.out(JSON.stringify({ summary, cases }));
    return 0;
  }
  for (const c of cases) {
    const best = c.predictions[0];
    io.out(
      `${c.id.padEnd(6)} ${best ? `${best.name} [${best.icd10}] ${(best.probability * 100).toFixed(0)}%` : '—'}  (mapped ${c.mapped.length}, unmapped ${c.unmapped.length})`,
    );
  }
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  io.out(
    `${summary.cases} cases, ${summary.withDiagnosis} with a diagnosis: top-1 ${pct(summary.top1)}, top-3 ${pct(summary.top3)}; unmapped phrases ${pct(summary.unmappedRate)}`,
  );
  return 0;
}
