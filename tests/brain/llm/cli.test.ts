import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAiServer, type TestServer } from '../../support/openaiServer';

const BIN = fileURLToPath(new URL('../../../bin/agent-hospital.js', import.meta.url));
const KEY = 'sk-cli-secret-abcdefghijklmnop';

function cli(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

let server: TestServer;
beforeAll(async () => {
  server = await startOpenAiServer();
});
afterAll(() => server.close());

describe('agent-hospital simulate --brain llm', () => {
  it('runs 20 consultations against the endpoint and prints the llm block', async () => {
    const r = await cli(
      [
        'simulate',
        '--brain',
        'llm',
        '--base-url',
        server.baseURL,
        '--model',
        'test-model',
        '--consultations',
        '20',
        '--exam-per-disease',
        '1',
        '--seed',
        '5',
        '--json',
      ],
      { OPENAI_API_KEY: KEY },
    );
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.out) as {
      brain: string;
      consultations: number;
      llm: { calls: number; promptTokens: number; completionTokens: number; fallbacks: number; retries: number };
    };
    expect(summary.brain).toBe('llm');
    expect(summary.consultations).toBe(20);
    // Six calls a consultation; five when the bedside examinations are all there is to offer.
    expect(summary.llm.calls).toBeGreaterThanOrEqual(100);
    expect(summary.llm.calls).toBeLessThanOrEqual(120);
    expect(summary.llm.fallbacks).toBe(0);
    expect(summary.llm.retries).toBe(0);
    expect(summary.llm.promptTokens).toBeGreaterThan(20 * 500);
    expect(summary.llm.completionTokens).toBeGreaterThan(0);
    expect(server.requests.filter((q) => q.authorization === `Bearer ${KEY}`).length).toBe(summary.llm.calls);
    expect(r.out + r.err).not.toContain(KEY);
  }, 120_000);

  it('reads the key from the variable --api-key-env names, and refuses a missing one by name', async () => {
    const missing = await cli(
      [
        'simulate',
        '--brain',
        'llm',
        '--base-url',
        server.baseURL,
        '--model',
        'm',
        '--api-key-env',
        'HOSPITAL_LLM_KEY',
        '--consultations',
        '1',
      ],
      {},
    );
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('HOSPITAL_LLM_KEY');
    const noUrl = await cli(['simulate', '--brain', 'llm', '--model', 'm'], {});
    expect(noUrl.code).toBe(2);
    expect(noUrl.err).toContain('--base-url');
  }, 60_000);

  it('prints the figures and the fallbacks when the endpoint cannot be reached, with no key in the output', async () => {
    const r = await cli(
      [
        'simulate',
        '--brain',
        'llm',
        '--base-url',
        'http://127.0.0.1:9/v1',
        '--model',
        'm',
        '--consultations',
        '3',
        '--exam-per-disease',
        '1',
        '--timeout-ms',
        '2000',
      ],
      { OPENAI_API_KEY: KEY },
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/offline fallbacks 18/);
    expect(r.out + r.err).not.toContain(KEY);
  }, 120_000);
});

describe('agent-hospital evaluate --brain llm', () => {
  it('runs each written case as a consultation by the model and counts its calls', async () => {
    const cases = fileURLToPath(new URL('../../fixtures/cases.jsonl', import.meta.url));
    const before = server.requests.length;
    const r = await cli(['evaluate', '--cases', cases, '--brain', 'llm', '--base-url', server.baseURL, '--model', 'test-model', '--json'], {
      OPENAI_API_KEY: KEY,
    });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as {
      summary: { cases: number; brain: string; top1: number; llm: { calls: number; promptTokens: number; fallbacks: number } };
      cases: { predictions: { diseaseId: string }[] }[];
    };
    expect(out.summary.brain).toBe('llm');
    expect(out.summary.cases).toBe(7);
    // Three calls a case at most: the questions, the examinations and the diagnosis.
    expect(out.summary.llm.calls).toBeGreaterThanOrEqual(14);
    expect(out.summary.llm.calls).toBeLessThanOrEqual(21);
    expect(server.requests.length - before).toBe(out.summary.llm.calls);
    const tasks = new Set(server.requests.slice(before).map((q) => q.task));
    expect([...tasks].sort()).toEqual(['doctor-diagnose', 'doctor-examine', 'doctor-inquiry']);
    for (const c of out.cases) expect(c.predictions.length).toBeGreaterThan(0);
    expect(r.out + r.err).not.toContain(KEY);
  }, 120_000);

  it('still answers every case when the model fails, from the offline brain', async () => {
    const failing = await startOpenAiServer({ script: () => ({ kind: 'status', status: 500 }) });
    try {
      const cases = fileURLToPath(new URL('../../fixtures/cases.jsonl', import.meta.url));
      const r = await cli(
        ['evaluate', '--cases', cases, '--brain', 'llm', '--base-url', failing.baseURL, '--model', 'm', '--timeout-ms', '2000', '--json'],
        { OPENAI_API_KEY: KEY },
      );
      expect(r.code).toBe(0);
      const out = JSON.parse(r.out) as { summary: { llm: { fallbacks: number } }; cases: { predictions: unknown[] }[] };
      expect(out.summary.llm.fallbacks).toBeGreaterThan(0);
      for (const c of out.cases) expect(c.predictions.length).toBeGreaterThan(0);
    } finally {
      await failing.close();
    }
  }, 120_000);
});
