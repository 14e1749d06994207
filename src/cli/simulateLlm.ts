import { LlmClient } from '../brain/llm/client';
import { parseLlmConfig, type LlmConfig } from '../brain/llm/config';
import { LlmDoctor } from '../brain/llm/doctor';
import { loadPromptBook } from '../brain/llm/nodePrompts';
import { exportBundle } from '../run/bundle';
import { LlmClinician } from '../run/llmClinician';
import { simulateWithLlm } from '../run/llmSimulate';
import type { ClinicalStaff } from '../run/staff';
import type { Lang } from '../schema/common';
import { choiceOption, intOption } from './args';
import type { HospitalContext } from './context';
import { writeBundleFile } from './files';
import { UsageError, type CliIo } from './io';

/** The model's command-line flags, the same for `simulate --brain llm` and `evaluate --brain llm`. */
export const LLM_CLI_OPTIONS = {
  brain: { type: 'string' },
  'base-url': { type: 'string' },
  model: { type: 'string' },
  'api-key-env': { type: 'string' },
  lang: { type: 'string' },
  concurrency: { type: 'string' },
  'spend-cap': { type: 'string' },
  'timeout-ms': { type: 'string' },
} as const;

export interface LlmCliValues {
  'base-url'?: string | undefined;
  model?: string | undefined;
  'api-key-env'?: string | undefined;
  lang?: string | undefined;
  concurrency?: string | undefined;
  'spend-cap'?: string | undefined;
  'timeout-ms'?: string | undefined;
  /** The model also reflects on each mistake (one more call per wrong diagnosis). */
  'llm-reflect'?: boolean | undefined;
}

/**
 * The model settings from the command line. The key is read from the environment
 * (`OPENAI_API_KEY`, or the variable `--api-key-env` names), never from an argument, so it
 * stays out of shell history and process lists.
 */
export function llmConfigFromArgs(values: LlmCliValues, env: NodeJS.ProcessEnv = process.env): { config: LlmConfig; lang: Lang } {
  if (!values['base-url']) throw new UsageError('--brain llm needs --base-url (e.g. http://127.0.0.1:11434/v1 for a local Ollama)');
  if (!values.model) throw new UsageError('--brain llm needs --model (e.g. qwen2.5:7b)');
  const keyVar = values['api-key-env'] ?? 'OPENAI_API_KEY';
  if (values['api-key-env'] && env[keyVar] === undefined)
    throw new UsageError(`--api-key-env ${keyVar}: that environment variable is not set`);
  const input = {
    baseURL: values['base-url'],
    model: values.model,
    apiKey: env[keyVar] ?? '',
    concurrency: intOption('concurrency', values.concurrency, 4, 1, 64),
    spendCapTokens: intOption('spend-cap', values['spend-cap'], 200_000, 0, 1_000_000_000),
    timeoutMs: intOption('timeout-ms', values['timeout-ms'], 60_000, 100, 600_000),
  };
  let config: LlmConfig;
  try {
    config = parseLlmConfig(input);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  return { config, lang: choiceOption('lang', values.lang, ['en', 'zh'] as const, 'en') };
}

/**
 * `simulate --brain llm`: consultations by the model, the offline doctors learning from them.
 * Resolves to the exit code: 0 done, 1 the run could not be completed (message redacted).
 */
export async function runLlmSimulate(
  io: CliIo,
  context: HospitalContext,
  staff: ClinicalStaff,
  options: { values: LlmCliValues; consultations: number; seed: number; examPerDisease: number; save?: string | undefined; json: boolean },
): Promise<number> {
  const { config, lang } = llmConfigFromArgs(options.values);
  const client = new LlmClient(config, { log: (line) => io.err(line) });
  const clinician = new LlmClinician(staff, new LlmDoctor(context.kb, client, loadPromptBook()), lang, {
    reflect: Boolean(options.values['llm-reflect']),
  });
  const clock = (): number => performance.now() / 1000;
  try {
    const summary = await simulateWithLlm(context.generator, context.reader, clinician, {
      consultations: options.consultations,
      seed: options.seed,
      examPerDisease: options.examPerDisease,
      parallel: config.concurrency,
      clock,
    });
    if (options.save) writeBundleFile(options.save, exportBundle(staff, summary.curve));
    if (options.json) {
      io.out(JSON.stringify(summary));
      return 0;
    }
    const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
    const l = summary.llm;
    io.out(
      `${summary.consultations} consultations by ${config.model} in ${summary.seconds.toFixed(1)} s; case base ${summary.caseBase}, experience base ${summary.experienceBase}`,
    );
    io.out(
      `model calls ${l.calls} (${l.callsPerConsultation.toFixed(1)} a consultation), tokens ${l.promptTokens} prompt + ${l.completionTokens} completion, retries ${l.retries}, offline fallbacks ${l.fallbacks}`,
    );
    if (l.spendCapReached) io.out(`the spend cap of ${config.spendCapTokens} tokens was reached: the offline brain answered the rest`);
    io.out(
      `consultations: diagnosis top-1 ${pct(summary.training.diagnosisTop1)}, top-3 ${pct(summary.training.diagnosisTop3)}, examination ${pct(summary.training.examination)}, treatment ${pct(summary.training.treatment)}`,
    );
    io.out(
      `exam (offline doctors, what they learned) top-1 ${pct(summary.exam.before.diagnosisTop1)} → ${pct(summary.exam.after.diagnosisTop1)}`,
    );
    return 0;
  } catch (err) {
    io.err(`agent-hospital: the LLM run stopped: ${client.redact(err instanceof Error ? err.message : String(err))}`);
    return 1;
  }
}
