import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { LlmClient } from '../../../src/brain/llm/client';
import { parseLlmConfig } from '../../../src/brain/llm/config';
import { LlmError } from '../../../src/brain/llm/errors';
import { newMeter } from '../../../src/brain/llm/stats';
import { fakeClock } from '../../support/fakeClock';
import { startOpenAiServer, type Reply, type TestServer } from '../../support/openaiServer';

const KEY = 'sk-test-secret-0123456789abcdefXYZ';
const Answer = z.object({ n: z.number().int() });
const positive = (v: { n: number }) => (v.n > 0 ? { ok: true as const, value: v.n } : { ok: false as const, error: 'n must be positive' });

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function client(s: TestServer, extra: Record<string, unknown> = {}, log?: (l: string) => void, clock = fakeClock()): LlmClient {
  return new LlmClient(parseLlmConfig({ baseURL: s.baseURL, model: 'test-model', apiKey: KEY, backoffMs: 20, ...extra }), {
    now: clock.now,
    sleep: clock.sleep,
    ...(log ? { log } : {}),
  });
}

function scripted(replies: Reply[]): (req: unknown, n: number) => Reply {
  return (_req, n) => replies[Math.min(n, replies.length - 1)] as Reply;
}

const ask = (c: LlmClient, meter = newMeter()) =>
  c.complete({ task: 'count', messages: [{ role: 'user', content: 'give n' }], schema: Answer, check: positive, meter });

describe('LlmClient', () => {
  it('parses a valid answer, sends the key only as a bearer header and counts tokens', async () => {
    server = await startOpenAiServer({ script: scripted([{ kind: 'json', value: { n: 3 } }]) });
    const c = client(server);
    const meter = newMeter();
    expect(await ask(c, meter)).toBe(3);
    expect(server.requests[0]?.authorization).toBe(`Bearer ${KEY}`);
    expect(server.requests[0]?.url).not.toContain(KEY);
    expect(server.requests[0]?.body.response_format?.type).toBe('json_schema');
    expect(meter.calls).toBe(1);
    expect(meter.promptTokens).toBeGreaterThan(0);
    expect(c.stats.promptTokens).toBe(meter.promptTokens);
  });

  it('extracts JSON from a fenced reply', async () => {
    server = await startOpenAiServer({ script: scripted([{ kind: 'text', content: 'Sure!\n```json\n{"n": 7}\n```\nHope that helps.' }]) });
    expect(await ask(client(server))).toBe(7);
  });

  it('feeds a validation error back and counts the repair retry', async () => {
    server = await startOpenAiServer({
      script: scripted([
        { kind: 'json', value: { n: -1 } },
        { kind: 'json', value: { n: 2 } },
      ]),
    });
    const c = client(server);
    const meter = newMeter();
    expect(await ask(c, meter)).toBe(2);
    const second = server.requests[1]?.body.messages.at(-1)?.content ?? '';
    expect(second).toContain('n must be positive');
    expect(meter.retries).toBe(1);
    expect(c.stats.repairRetries).toBe(1);
  });

  it('gives up on malformed and schema-violating answers after the bounded repairs', async () => {
    server = await startOpenAiServer({
      script: scripted([
        { kind: 'text', content: '{"n": 3' },
        { kind: 'json', value: { n: 'three' } },
      ]),
    });
    const c = client(server, { maxRepairs: 1 });
    const err = await ask(c).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmError);
    expect((err as LlmError).kind).toBe('invalid');
    expect(server.requests).toHaveLength(2);
  });

  it('honours Retry-After on 429 before retrying', async () => {
    server = await startOpenAiServer({
      script: scripted([
        { kind: 'status', status: 429, headers: { 'retry-after': '1' } },
        { kind: 'json', value: { n: 5 } },
      ]),
    });
    const clock = fakeClock();
    const c = client(server, {}, undefined, clock);
    expect(await ask(c)).toBe(5);
    expect(clock.slept).toEqual([1000]);
    expect(server.requests).toHaveLength(2);
    expect(c.stats.transportRetries).toBe(1);
    expect(c.stats.waitedMs).toBe(1000);
  });

  it('retries a 500 and a dropped connection with backoff', async () => {
    server = await startOpenAiServer({
      script: scripted([{ kind: 'status', status: 500 }, { kind: 'reset' }, { kind: 'json', value: { n: 1 } }]),
    });
    const clock = fakeClock();
    const c = client(server, {}, undefined, clock);
    expect(await ask(c)).toBe(1);
    expect(c.stats.transportRetries).toBe(2);
    // Exponential backoff, as asked of the clock.
    expect(clock.slept).toEqual([20, 40]);
    expect(c.stats.waitedMs).toBe(20 + 40);
  });

  it('abandons a reply slower than the timeout and retries', async () => {
    server = await startOpenAiServer({
      script: scripted([
        { kind: 'slow', ms: 5000, then: { kind: 'json', value: { n: 9 } } },
        { kind: 'json', value: { n: 4 } },
      ]),
    });
    const clock = fakeClock();
    const c = client(server, { timeoutMs: 300 }, undefined, clock);
    // The slow reply would have said 9: the 4 is the retry's, so the first request was abandoned.
    expect(await ask(c)).toBe(4);
    expect(server.requests).toHaveLength(2);
    expect(clock.slept).toEqual([20]);
    expect(c.stats.transportRetries).toBe(1);
  });

  it('stops waiting at once when the run is stopped', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    server = await startOpenAiServer({ script: scripted([{ kind: 'held', until: held, then: { kind: 'json', value: { n: 9 } } }]) });
    const s = server;
    const c = client(server);
    const stop = new AbortController();
    const pending = c.complete({
      task: 'count',
      messages: [{ role: 'user', content: 'n' }],
      schema: Answer,
      check: positive,
      signal: stop.signal,
    });
    await vi.waitFor(() => expect(s.requests).toHaveLength(1));
    stop.abort();
    // The reply is still held: the client gave up without waiting for it.
    const err = await pending.catch((e: unknown) => e);
    expect((err as LlmError).kind).toBe('aborted');
    release();
  });

  it('drops json_schema when the endpoint refuses it and extracts JSON from text', async () => {
    server = await startOpenAiServer({ structuredOutput: false, script: scripted([{ kind: 'json', value: { n: 6 } }]) });
    const c = client(server);
    expect(await ask(c)).toBe(6);
    expect(c.usesStructuredOutput).toBe(false);
    expect(server.requests.at(-1)?.body.response_format).toBeUndefined();
  });

  it('keeps the key out of errors and log lines, even when the endpoint echoes it', async () => {
    server = await startOpenAiServer({
      script: scripted([{ kind: 'status', status: 401, body: { error: { message: `Incorrect API key provided: ${KEY}` } } }]),
    });
    const lines: string[] = [];
    const c = client(server, {}, (l) => lines.push(l));
    const err = (await ask(c).catch((e: unknown) => e)) as LlmError;
    expect(err.kind).toBe('refused');
    expect(err.message).toContain('401');
    expect(err.message).not.toContain(KEY);
    expect(err.message).not.toContain(KEY.slice(0, 12));
    await c.orOffline(
      'count',
      undefined,
      () => ask(c),
      () => 0,
    );
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).not.toContain(KEY.slice(3, 15));
    expect(JSON.stringify(c.stats)).not.toContain(KEY);
  });

  it('answers offline once the spend cap is reached, and says so', async () => {
    server = await startOpenAiServer({ script: scripted([{ kind: 'json', value: { n: 1 } }]) });
    const lines: string[] = [];
    const c = client(server, { spendCapTokens: 1 }, (l) => lines.push(l));
    expect(await ask(c)).toBe(1);
    const r = await c.orOffline(
      'count',
      undefined,
      () => ask(c),
      () => -1,
    );
    expect(r).toEqual({ value: -1, fromModel: false });
    expect(c.stats.spendCapReached).toBe(true);
    expect(c.stats.fallbacksBy['spend-cap']).toBe(1);
    expect(server.requests).toHaveLength(1);
    expect(lines.some((l) => l.includes('spend cap'))).toBe(true);
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    server = await startOpenAiServer({ latencyMs: 60, script: scripted([{ kind: 'json', value: { n: 1 } }]) });
    const c = client(server, { concurrency: 3 });
    await Promise.all(Array.from({ length: 12 }, () => ask(c)));
    expect(server.maxInFlight).toBe(3);
  });

  it('streams dialogue as deltas and counts the usage', async () => {
    server = await startOpenAiServer({
      script: scripted([{ kind: 'text', content: 'It began on Monday with a dry cough, and it keeps me up at night.' }]),
    });
    const c = client(server);
    const meter = newMeter();
    const deltas: string[] = [];
    for await (const d of c.stream('patient-dialogue', [{ role: 'user', content: 'When did it start?' }], { meter })) deltas.push(d);
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join('')).toBe('It began on Monday with a dry cough, and it keeps me up at night.');
    expect(meter.completionTokens).toBeGreaterThan(0);
  });

  it('tests the connection: model, latency and structured output support', async () => {
    server = await startOpenAiServer();
    // A clock that moves 30 ms between readings: the latency is the time between the call's two readings.
    let t = 0;
    const ok = await new LlmClient(parseLlmConfig({ baseURL: server.baseURL, model: 'test-model', apiKey: KEY }), {
      now: () => (t += 30),
    }).testConnection();
    expect(ok).toMatchObject({ ok: true, model: 'test-model', structuredOutput: true, latencyMs: 30 });
    await server.close();
    server = await startOpenAiServer({ structuredOutput: false });
    expect(await client(server).testConnection()).toMatchObject({ ok: true, structuredOutput: false });
    const down = await new LlmClient(parseLlmConfig({ baseURL: 'http://127.0.0.1:9/v1', model: 'm', apiKey: KEY })).testConnection();
    expect(down.ok).toBe(false);
    expect(down.error).not.toContain(KEY);
  });

  it('refuses bad settings naming the field', () => {
    expect(() => parseLlmConfig({ baseURL: 'not a url', model: 'm' })).toThrow(/baseURL/);
    expect(() => parseLlmConfig({ baseURL: 'http://x/v1', model: '', concurrency: 0 })).toThrow(/model.*concurrency|concurrency.*model/s);
  });
});
