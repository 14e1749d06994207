import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultContext } from '../../../src/cli/context';
import { parseLlmConfig } from '../../../src/brain/llm/config';
import { loadPromptBook } from '../../../src/brain/llm/nodePrompts';
import { createLlmBrainPort } from '../../../src/run/llmBrainPort';
import { ClinicalStaff } from '../../../src/run/staff';
import { loadLayout } from '../../../src/sim/nodeMap';
import { Simulation } from '../../../src/sim/simulation';
import type { SimEvents } from '../../../src/sim/events';
import { coherent, startOpenAiServer, type TestServer } from '../../support/openaiServer';

const ctx = defaultContext();
const layout = loadLayout(ctx.kb);
let server: TestServer;

beforeAll(async () => {
  server = await startOpenAiServer({ latencyMs: 10 });
});
afterAll(() => server.close());

/** A promise the test settles when the state it checks has been reached. */
function gate(): { until: Promise<void>; open: () => void } {
  let open!: () => void;
  const until = new Promise<void>((resolve) => (open = resolve));
  return { until, open };
}

function hospital() {
  const sim = new Simulation({
    kb: ctx.kb,
    generator: ctx.generator,
    reader: ctx.reader,
    layout,
    config: { arrivalsPerHour: 0, followUpDays: [1, 2], maxWaitForResultMinutes: 3 * 24 * 60 },
  });
  const config = parseLlmConfig({ baseURL: server.baseURL, model: 'test-model', concurrency: 8, timeoutMs: 5000 });
  const port = createLlmBrainPort({ staff: new ClinicalStaff(ctx.kb, ctx.reader), sim, config, prompts: loadPromptBook(), lang: 'en' });
  const client = port.clinician.llm.client;
  const log: { type: keyof SimEvents; patient: string; time: number }[] = [];
  sim.events.on('*', (type, payload) => {
    const p = (payload as { patient?: unknown }).patient;
    if (typeof p === 'string') log.push({ type, patient: p, time: sim.world.time });
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
  const diagnoses: SimEvents['patient:diagnosed'][] = [];
  sim.events.on('patient:diagnosed', (d) => diagnoses.push(d));
  return { sim, port, client, log, run, diagnoses };
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
    const diagnosed = h.diagnoses.find((d) => d.patient === id)!;
    expect(h.port.reportOf(id, diagnosed.request)).toBe(h.port.lastOutcome?.outcome.report);
    expect(diagnosed.disease).toBe(h.port.lastOutcome?.outcome.report.diagnosis);
  });

  it('a slow answer keeps one patient waiting while the hospital goes on', async () => {
    const inquiry = gate();
    let held = false;
    server.setScript((req, n, task) => {
      if (task === 'doctor-inquiry' && !held) {
        held = true;
        return { kind: 'held', until: inquiry.until, then: coherent(req, n, task) };
      }
      return coherent(req, n, task);
    });
    const h = hospital();
    const slow = h.sim.admit().id;
    await h.run(60, () => h.log.some((e) => e.type === 'consultation:started' && e.patient === slow));
    const others = [h.sim.admit().id, h.sim.admit().id, h.sim.admit().id];
    const at = (type: keyof SimEvents, p: string) => h.log.find((e) => e.type === type && e.patient === p);
    await h.run(24 * 60, () => others.every((o) => at('patient:registered', o)));
    await h.run(30);
    // While the model was thinking about one patient, the world's clock ran and the others moved on.
    for (const o of others) expect(at('patient:registered', o)).toBeDefined();
    expect(at('doctor:asked', slow)).toBeUndefined();
    expect(h.sim.world.time - at('consultation:started', slow)!.time).toBeGreaterThan(30);
    inquiry.open();
    await h.run(24 * 60, () => Boolean(at('doctor:asked', slow)));
    expect(at('doctor:asked', slow)).toBeDefined();
    await h.port.idle();
  });

  it('pauses: calls in flight are cancelled, then asked again on resume, and the patient goes on', async () => {
    const reply = gate();
    let hold = true;
    server.setScript((req, n, task) =>
      hold ? { kind: 'held', until: reply.until, then: coherent(req, n, task) } : coherent(req, n, task),
    );
    const h = hospital();
    const id = h.sim.admit().id;
    await h.run(30, () => h.port.pending > 0);
    h.port.pause();
    await h.port.idle();
    expect(h.log.some((e) => e.type === 'patient:triaged' && e.patient === id)).toBe(false);
    expect(h.port.dropped).toBe(0);
    hold = false;
    reply.open();
    h.port.resume();
    await h.port.idle();
    await h.run(60, () => h.log.some((e) => e.type === 'patient:triaged' && e.patient === id));
    expect(h.log.some((e) => e.type === 'patient:triaged' && e.patient === id)).toBe(true);
    expect(h.client.stats.fallbacksBy.aborted).toBe(1);
  });

  it('stops: calls in flight are cancelled at once and nothing is dispatched for them', async () => {
    const reply = gate();
    server.setScript((req, n, task) => ({ kind: 'held', until: reply.until, then: coherent(req, n, task) }));
    const h = hospital();
    const id = h.sim.admit().id;
    await h.run(30, () => h.port.pending > 0);
    expect(h.port.pending).toBe(1);
    h.port.stop();
    // The reply is still held: the port's work ended without waiting for it.
    await h.port.idle();
    expect(h.port.pending).toBe(0);
    expect(h.port.dropped).toBe(1);
    expect(h.log.some((e) => e.type === 'patient:triaged' && e.patient === id)).toBe(false);
    expect(h.client.stats.fallbacksBy.aborted).toBe(1);
    reply.open();
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
