import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ExternalCase, OsceCase } from '../schema/cases';
import { formatPath } from '../knowledge/errors';
import { loadDefaultMatcher } from '../language/nodeFiles';
import { ValueReader } from '../knowledge/valueReader';
import { CaseEvaluator, osceToCase, type EvaluatedCase, type EvaluationSummary } from '../run/evaluate';
import { consultCase } from '../run/llmCaseConsult';
import { LlmClient } from '../brain/llm/client';
import { LlmDoctor } from '../brain/llm/doctor';
import { loadPromptBook } from '../brain/llm/nodePrompts';
import { newMeter } from '../brain/llm/stats';
import { LLM_CLI_OPTIONS, llmConfigFromArgs } from './simulateLlm';
import { loadBundle, parseBundle } from '../run/bundle';
import { ClinicalStaff } from '../run/staff';
import { choiceOption } from './args';
import type { HospitalContext } from './context';
import { readJsonFile } from './files';
import { settleAsync, UsageError, type CliIo } from './io';

/** `agent-hospital evaluate`: the doctors diagnose written cases, one JSON object per line. */
export function runEvaluate(argv: string[], io: CliIo, context: () => HospitalContext): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      cases: { type: 'string' },
      format: { type: 'string' },
      bases: { type: 'string' },
      json: { type: 'boolean' },
      ...LLM_CLI_OPTIONS,
    },
    strict: true,
  });
  if (!values.cases) throw new UsageError('--cases FILE is required (one case per line)');
  const format = choiceOption('format', values.format, ['cases', 'osce'] as const, 'cases');
  const brain = choiceOption('brain', values.brain, ['offline', 'llm'] as const, 'offline');
  const llm = brain === 'llm' ? llmConfigFromArgs(values) : undefined;
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
  const written: ExternalCase[] = [];
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
    written.push(format === 'osce' ? osceToCase(parsed.data as OsceCase, String(i + 1)) : (parsed.data as ExternalCase));
  });
  if (llm) {
    // The model answers asynchronously: the exit code is set when the run ends.
    const client = new LlmClient(llm.config, { log: (line) => io.err(line) });
    const doctor = new LlmDoctor(kb, client, loadPromptBook());
    settleAsync(
      evaluateWithModel(evaluator, staff, doctor, written, llm.config.concurrency).then(
        (cases) =>
          print(io, evaluator.summary(), cases, values.json === true, { client, model: llm.config.model, cap: llm.config.spendCapTokens }),
        (err: unknown) => {
          io.err(`agent-hospital: the LLM evaluation stopped: ${client.redact(err instanceof Error ? err.message : String(err))}`);
          return 1;
        },
      ),
    );
    return 0;
  }
  const cases = written.map((c) => evaluator.evaluate(c));
  return print(io, evaluator.summary(), cases, values.json === true);
}

/** Each case as a consultation by the model, `parallel` at a time, in the file's order in the output. */
async function evaluateWithModel(
  evaluator: CaseEvaluator,
  staff: ClinicalStaff,
  doctor: LlmDoctor,
  cases: readonly ExternalCase[],
  parallel: number,
): Promise<EvaluatedCase[]> {
  const out: EvaluatedCase[] = new Array<EvaluatedCase>(cases.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < cases.length) {
      const i = next++;
      const c = cases[i] as ExternalCase;
      const reading = evaluator.read(c);
      const r = await consultCase(staff, doctor, c, reading, { lang: c.language, meter: newMeter() });
      out[i] = evaluator.record(c, reading, r.differential, r.open);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, parallel) }, worker));
  return out;
}

function print(
  io: CliIo,
  summary: EvaluationSummary,
  cases: EvaluatedCase[],
  json: boolean,
  model?: { client: LlmClient; model: string; cap: number },
): number {
  const s = model?.client.stats;
  const llm = s
    ? {
        calls: s.calls,
        promptTokens: s.promptTokens,
        completionTokens: s.completionTokens,
        fallbacks: s.fallbacks,
        retries: s.retries,
        spendCapReached: s.spendCapReached,
      }
    : undefined;
  if (json) {
    io.out(JSON.stringify(llm ? { summary: { ...summary, brain: 'llm', llm }, cases } : { summary, cases }));
    return 0;
  }
  for (const c of cases) {
    const best = c.predictions[0];
    io.out(
      `${c.id.padEnd(6)} ${best ? `${best.name} [${best.icd10}] ${(best.probability * 100).toFixed(0)}%` : '—'}${c.saysUnknown ? ' (may be outside the knowledge base)' : ''}  (mapped ${c.mapped.length}, unmapped ${c.unmapped.length})`,
    );
  }
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  io.out(
    `${summary.cases} cases, ${summary.withDiagnosis} with a diagnosis: top-1 ${pct(summary.top1)}, top-3 ${pct(summary.top3)}; unmapped phrases ${pct(summary.unmappedRate)}; said to be outside the knowledge base ${pct(summary.saysUnknown)}`,
  );
  if (llm && model) {
    io.out(
      `model ${model.model}: calls ${llm.calls}, tokens ${llm.promptTokens} prompt + ${llm.completionTokens} completion, retries ${llm.retries}, offline fallbacks ${llm.fallbacks}`,
    );
    if (llm.spendCapReached) io.out(`the spend cap of ${model.cap} tokens was reached: the offline brain answered the rest`);
  }
  return 0;
}
