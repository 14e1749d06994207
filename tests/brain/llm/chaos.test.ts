import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultContext } from '../../../src/cli/context';
import { LlmClient } from '../../../src/brain/llm/client';
import { parseLlmConfig } from '../../../src/brain/llm/config';
import { LlmDoctor } from '../../../src/brain/llm/doctor';
import { loadPromptBook } from '../../../src/brain/llm/nodePrompts';
import { addMeter, newMeter } from '../../../src/brain/llm/stats';
import { LlmClinician } from '../../../src/run/llmClinician';
import { simulateWithLlm } from '../../../src/run/llmSimulate';
import { ClinicalStaff } from '../../../src/run/staff';
import { SOAK } from '../../soak';
import { fakeClock } from '../../support/fakeClock';
import { coherent, startOpenAiServer, type Reply, type Script, type TestServer } from '../../support/openaiServer';

/** `npm test` runs the short form; `npm run soak` the long one. */
const CONSULTATIONS = SOAK ? 10_000 : 300;

const ctx = defaultContext();
const KEY = 'sk-chaos-key-9f8e7d6c5b4a3210';
let server: TestServer;
const injected = { transport: 0, invalid: 0 };

/** About one request in five goes wrong, in every way an endpoint can go wrong. */
const chaos: Script = (req, n, task) => {
  const r = (n * 7919 + 13) % 100;
  const fault = (kind: 'transport' | 'invalid', reply: Reply): Reply => {
    injected[kind]++;
    return reply;
  };
  if (r < 5) return fault('invalid', { kind: 'text', content: '{"questions": ["cough", ' });
  if (r < 9) return fault('invalid', { kind: 'json', value: { answer: 'pneumonia' } });
  if (r < 13) return fault('transport', { kind: 'status', status: 429, headers: { 'retry-after-ms': '25' } });
  if (r < 16) return fault('transport', { kind: 'status', status: 503 });
  if (r < 18) return fault('transport', { kind: 'slow', ms: 4000, then: coherent(req, n, task) });
  if (r < 20) return fault('transport', { kind: 'reset' });
  return coherent(req, n, task);
};

beforeAll(async () => {
  server = await startOpenAiServer({ script: chaos });
});
afterAll(() => server.close());

describe(`${CONSULTATIONS.toLocaleString('en-US')} consultations against a faulty endpoint`, () => {
  it(
    'all complete, none stalls, and every retry and fallback is counted',
    async () => {
      const lines: string[] = [];
      const clock = fakeClock();
      const client = new LlmClient(
        parseLlmConfig({
          baseURL: server.baseURL,
          model: 'test-model',
          apiKey: KEY,
          concurrency: 16,
          spendCapTokens: 0,
          timeoutMs: 1500,
          backoffMs: 10,
          maxRetries: 2,
          maxRepairs: 1,
        }),
        // Backoff waits are asked of a fake clock: what is tested is that each was counted, not its length.
        { log: (l) => lines.push(l), now: clock.now, sleep: clock.sleep },
      );
      const staff = new ClinicalStaff(ctx.kb, ctx.reader);
      const clinician = new LlmClinician(staff, new LlmDoctor(ctx.kb, client, loadPromptBook()));
      const total = newMeter();
      let consulted = 0;
      const summary = await simulateWithLlm(ctx.generator, ctx.reader, clinician, {
        consultations: CONSULTATIONS,
        seed: 11,
        examPerDisease: 1,
        parallel: 16,
        clock: () => clock.now() / 1000,
        onConsultation: (_i, o) => {
          consulted++;
          addMeter(total, o.meter);
          expect(ctx.kb.hasDisease(o.report.diagnosis)).toBe(true);
        },
      });
      expect(consulted).toBe(CONSULTATIONS);
      expect(summary.consultations).toBe(CONSULTATIONS);
      expect(staff.consultations).toBe(CONSULTATIONS);
      expect(server.inFlight).toBe(0);
      const s = client.stats;
      // Every request the client counted reached the server, and the other way round.
      expect(s.calls).toBe(server.requests.length);
      expect(total.calls).toBe(s.calls);
      expect(total.retries).toBe(s.retries);
      expect(total.fallbacks).toBe(s.fallbacks);
      // Each transport fault was either retried or, retries spent, answered offline; likewise each invalid answer.
      expect(s.transportRetries + s.fallbacksBy.http + s.fallbacksBy.timeout + s.fallbacksBy.connection).toBe(injected.transport);
      expect(s.repairRetries + s.fallbacksBy.invalid).toBe(injected.invalid);
      expect(s.retries).toBe(s.transportRetries + s.repairRetries);
      expect(Object.values(s.fallbacksBy).reduce((a, b) => a + b, 0)).toBe(s.fallbacks);
      expect(injected.transport).toBeGreaterThan(100);
      expect(injected.invalid).toBeGreaterThan(50);
      expect(s.fallbacks).toBeGreaterThan(0);
      expect(summary.llm).toMatchObject({ calls: s.calls, fallbacks: s.fallbacks, retries: s.retries });
      for (const l of lines) expect(l).not.toContain(KEY);
    },
    300 * CONSULTATIONS + 30_000,
  );
});
