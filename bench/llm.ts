import type { HospitalContext } from '../src/cli/context';
import { LlmClient } from '../src/brain/llm/client';
import { parseLlmConfig } from '../src/brain/llm/config';
import { LlmDoctor } from '../src/brain/llm/doctor';
import { loadPromptBook } from '../src/brain/llm/nodePrompts';
import { LlmClinician } from '../src/run/llmClinician';
import { simulateWithLlm, type LlmSimulationSummary } from '../src/run/llmSimulate';
import { ClinicalStaff } from '../src/run/staff';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './report';

/** Injected per-request latency of the local endpoint: a hosted model's typical first-token time. */
const LATENCY_MS = 200;

async function run(ctx: HospitalContext, baseURL: string, consultations: number, concurrency: number): Promise<LlmSimulationSummary> {
  const client = new LlmClient(parseLlmConfig({ baseURL, model: 'bench-model', concurrency, spendCapTokens: 0 }));
  const clinician = new LlmClinician(new ClinicalStaff(ctx.kb, ctx.reader), new LlmDoctor(ctx.kb, client, loadPromptBook()));
  return simulateWithLlm(ctx.generator, ctx.reader, clinician, {
    consultations,
    seed: 2_025,
    examPerDisease: 1,
    parallel: concurrency,
    clock: () => Number(process.hrtime.bigint()) / 1e9,
  });
}

const SERVER_MAIN = fileURLToPath(new URL('../tests/support/openaiServerMain.ts', import.meta.url));

/** The test endpoint in its own process (as a real server is): its base URL and how to stop it. */
async function endpoint(latencyMs: number): Promise<{ baseURL: string; close: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER_MAIN, '--latency-ms', String(latencyMs)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const baseURL = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) resolve(line.trim());
    });
    child.on('exit', (code) => reject(new Error(`the test endpoint exited with code ${code}`)));
  });
  return {
    baseURL,
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * The LLM brain against the local OpenAI-compatible test server (tests/support/openaiServer.ts),
 * which plays every role coherently and counts tokens as a BPE tokenizer would, roughly: what
 * one consultation costs in calls and prompt tokens, and how much concurrency buys when each
 * request takes 200 ms.
 */
export async function benchLlm(ctx: HospitalContext, quick: boolean): Promise<BenchResult[]> {
  const fast = await endpoint(0);
  const slow = await endpoint(LATENCY_MS);
  try {
    const cost = await run(ctx, fast.baseURL, quick ? 20 : 100, 4);
    const n = quick ? 8 : 16;
    const one = await run(ctx, slow.baseURL, n, 1);
    const eight = await run(ctx, slow.baseURL, n, 8);
    const speedup = one.seconds / eight.seconds;
    return [
      {
        name: 'llm.callsPerConsultation',
        value: cost.llm.callsPerConsultation,
        unit: 'calls',
        target: '≤ 6',
        note: `${cost.consultations} consultations; ${cost.llm.fallbacks} fallbacks`,
      },
      {
        name: 'llm.promptTokensPerConsultation',
        value: cost.llm.promptTokensPerConsultation,
        unit: 'tokens',
        target: '≤ 4,000',
        note: 'English prompts; tokens as the test server counts them (~4 chars a token)',
      },
      {
        name: 'llm.speedup.concurrency8',
        value: speedup,
        unit: '×',
        baseline: { name: 'concurrency 1, s', value: one.seconds },
        ratio: speedup,
        target: '≥ 6',
        note: `${n} consultations, ${LATENCY_MS} ms a request; concurrency 8 took ${eight.seconds.toFixed(2)} s`,
      },
    ];
  } finally {
    await fast.close();
    await slow.close();
  }
}
