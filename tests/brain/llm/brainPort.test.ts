import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultContext } from '../../../src/cli/context';
import { parseLlmConfig } from '../../../src/brain/llm/config';
import { loadPromptBook } from '../../../src/brain/llm/nodePrompts';
import { createLlmBrainPort } from '../../../src/run/llmBrainPort';
import { ClinicalStaff } from '../../../src/run/staff';
import { loadLayout } from '../../../src/sim/nodeMap';
import { Simulation } from '../../../src/sim/simulation';
import type { SimEvents } from '../../../src/sim/events';
import { coherent, startOpenAiServer, type Script, type TestServer } from '../../support/openaiServer';

const ctx = defaultContext();
const layout = loadLayout(ctx.kb);
let server: TestServer;

beforeAll(async () => {
  server = await startOpenAiServer({ latencyMs: 10 });
});
afterAll(() => server.close());

function hospital() {
  const sim = new Simulation({ kb: ctx.kb, generator: ctx.generator, reader: ctx.reader, layout, config: { arrivalsPerHour: 0 } });
  const config = parseLlmConfig({ baseURL: server.baseURL, model: 'test-model', concurrency: 8, timeoutMs: 5000 });
  const port = createLlmBrainPort({ staff: new ClinicalStaff(ctx.kb, ctx.reader), sim, config, prompts: loadPromptBook(), lang: 'en' });
  const client = port.clinician.llm.client;
  const log: { type: keyof SimEvents; patient: string; time: number; wall: number }[] = [];
  sim.events.on('*', (type, payload) => {
    const p = (payload as { patient?: unknown }).patient;
    if (typeof p === 'string') log.push({ type, patient: p, time: sim.world.time, wall: performance.now() });
  });
  /** Steps the world, letting the model's answers arrive between ticks (as the page's frame loop does). */
  const run = async (minutes: number, until?: () => boolean) => {
    for (let t = 0; t < minutes && !until?.(); t += 0.5) {
      sim.step(0.5);
      port.answer();
      // Real time passes only while the model is working; otherwise the world runs flat out.
      await new Promise((r) => (port.pending > 0 ? setTimeout(r, 1) : setImmediate(r)));
    }
  };
  return { sim, port, client, log, run };
}

describe('LlmBrainPort', () => {
  it('takes patients through the hospital with the model answering, every step as a command', async () => {
    server.setScript(coherent);
    const h = hospital();
    const id = h.sim.admit().id;
    await h.run(4 * 24 * 60, () => h.log.some((e) => e.type === 'patient:dispensed' && e.patient === id));
    const kinds = h.log.filter((e) => e.patient === id).map((e) => e.type);
    for (const k of ['patient:triaged', 'doctor:asked', 'patient:diagnosed', 'patient:dispensed'] as const) expect(kinds).toContain(k);
    expect(h.port.lastOutcome?.outcome.meter.fallbacks).toBe(0);
    // The consultation's meter holds every call of this patient's visit, triage included.
    expect(h.port.lastOutcome?.outcome.meter.calls).toBe(h.client.stats.calls);
    expect(h.client.stats.calls).toBeGreaterThanOrEqual(5);
    expect(h.port.dropped).toBe(0);
    expect(h.port.lastReport?.report.diagnosis).toBe(h.port.lastOutcome?.outcome.report.diagnosis);
  });

  it('a slow answer keeps one patient waiting while the hospital goes on', async () => {
    let slowed = false;
    const slowFirstInquiry: Script = (req, n, task) => {
      if (task === 'doctor-inquiry' && !slowed) {
        slowed = true;
        return { kind: 'slow', ms: 1500, then: coherent(req, n, task) };
      }
      return coherent(req, n, task);
    };
    server.setScript(slowFirstInquiry);
    const h = hospital();
    const slow = h.sim.admit().id;
    await h.run(60, () => h.log.some((e) => e.type === 'consultation:started' && e.patient === slow));
    const others = [h.sim.admit().id, h.sim.admit().id, h.sim.admit().id];
    await h.run(24 * 60, () => h.log.some((e) => e.type === 'doctor:asked' && e.patient === slow));
    const at = (type: keyof SimEvents, p: string) => h.log.find((e) => e.type === type && e.patient === p);
    const asked = at('doctor:asked', slow)!;
    const started = at('consultation:started', slow)!;
    expect(asked.wall - started.wall).toBeGreaterThan(1400);
    // While the model was thinking about one patient, the world's clock ran and the others moved on.
    expect(asked.time - started.time).toBeGreaterThan(30);
    for (const o of others) expect(at('patient:registered', o)!.wall).toBeLessThan(asked.wall);
    await h.port.idle();
  });

  it('pauses: calls in flight are cancelled, then asked again on resume, and the patient goes on', async () => {
    let slow = true;
    server.setScript((req, n, task) => (slow ? { kind: 'slow', ms: 3000, then: coherent(req, n, task) } : coherent(req, n, task)));
    const h = hospital();
    const id = h.sim.admit().id;
    await h.run(30, () => h.port.pending > 0);
    h.port.pause();
    await h.port.idle();
    expect(h.log.some((e) => e.type === 'patient:triaged' && e.patient === id)).toBe(false);
    expect(h.port.dropped).toBe(0);
    slow = false;
    h.port.resume();
    await h.port.idle();
    await h.run(60, () => h.log.some((e) => e.type === 'patient:triaged' && e.patient === id));
    expect(h.log.some((e) => e.type === 'patient:triaged' && e.patient === id)).toBe(true);
    expect(h.client.stats.fallbacksBy.aborted).toBe(1);
  });

  it('stops: calls in flight are cancelled and nothing is dispatched for them', async () => {
    server.setScript((req, n, task) => ({ kind: 'slow', ms: 3000, then: coherent(req, n, task) }));
    const h = hospital();
    const id = h.sim.admit().id;
    await h.run(30, () => h.port.pending > 0);
    expect(h.port.pending).toBe(1);
    const started = performance.now();
    h.port.stop();
    await h.port.idle();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(h.log.some((e) => e.type === 'patient:triaged' && e.patient === id)).toBe(false);
    expect(h.client.stats.fallbacksBy.aborted).toBe(1);
  });

  it('a request the clinician cannot finish is answered by the offline brain, and the patient is never stranded', async () => {
    server.setScript(coherent);
    const h = hospital();
    vi.spyOn(h.port.clinician, 'examine').mockRejectedValue(new Error('a fault in the clinician'));
    const id = h.sim.admit().id;
    await h.run(6 * 24 * 60, () => h.log.some((e) => e.type === 'patient:followed-up' && e.patient === id));
    await h.port.idle();
    const kinds = h.log.filter((e) => e.patient === id).map((e) => e.type);
    for (const k of ['patient:triaged', 'patient:diagnosed', 'patient:dispensed', 'patient:followed-up'] as const)
      expect(kinds).toContain(k);
    expect(h.client.stats.fallbacksBy.error).toBe(1);
    expect(h.client.stats.fallbacks).toBe(1);
    expect(h.port.dropped).toBe(0);
    expect(h.port.lastError).toContain('a fault in the clinician');
    // The offline doctor's consultation is learned from at the follow-up, as any other.
    expect(h.port.clinician.staff.consultations).toBe(1);
  });
});
