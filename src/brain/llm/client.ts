import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { z } from 'zod';
import type { LlmConfig } from './config';
import { LlmError } from './errors';
import { extractJson } from './jsonExtract';
import { Limiter, sleep } from './limiter';
import { redact } from './redact';
import { newRunStats, type FailureKind, type LlmMeter, type LlmRunStats } from './stats';
import { formatIssues } from '../../knowledge/errors';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** Turns a model's JSON into a value, or says what was wrong with it (fed back to the model). */
export type AnswerCheck<T> = (raw: unknown) => { ok: true; value: T } | { ok: false; error: string };

export interface CompleteRequest<S extends z.ZodType, T> {
  /** Names the task in logs and in the json_schema response format. */
  task: string;
  messages: ChatMessage[];
  /** Shape of the answer, sent as json_schema when the endpoint supports it. */
  schema: S;
  /** Meaning checks beyond the shape (a disease that exists, an exam in the catalogue). */
  check: (value: z.infer<S>) => { ok: true; value: T } | { ok: false; error: string };
  signal?: AbortSignal;
  meter?: LlmMeter;
  maxTokens?: number;
}

export interface ClientOptions {
  /** Injected for tests and for the browser's own fetch; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Receives one line per notable event (retry, fallback); every line is redacted. */
  log?: (line: string) => void;
  /** Milliseconds clock for latency figures. */
  now?: () => number;
  /** Waits before a retry (rejects when the signal aborts); injected with `now` so tests run on a fake clock. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface ConnectionReport {
  ok: boolean;
  model?: string;
  latencyMs?: number;
  structuredOutput?: boolean;
  error?: string;
}

/** Rough token count for budgeting prompts and for endpoints that report no usage. */
export function estimateTokens(text: string): number {
  let cjk = 0;
  for (const ch of text) if (ch.charCodeAt(0) > 0x2e80) cjk++;
  return Math.ceil((text.length - cjk) / 4) + cjk;
}

/**
 * The hospital's one connection to an OpenAI-compatible endpoint. Every answer is parsed and
 * checked; a failed request is retried with backoff (honouring Retry-After), an invalid answer
 * is retried with the error fed back, and what still fails is thrown as an LlmError for the
 * caller to answer offline. Requests in flight are bounded; tokens are counted against a cap.
 */
export class LlmClient {
  readonly stats: LlmRunStats = newRunStats();
  private readonly sdk: OpenAI;
  private readonly limiter: Limiter;
  private structured: boolean;
  private readonly log: (line: string) => void;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;

  constructor(
    readonly config: LlmConfig,
    options: ClientOptions = {},
  ) {
    this.sdk = new OpenAI({
      baseURL: config.baseURL,
      // Local servers take any key; the SDK insists on one.
      apiKey: config.apiKey || 'no-key',
      maxRetries: 0,
      timeout: config.timeoutMs,
      // The user chose to call their endpoint from their own browser with their own key.
      dangerouslyAllowBrowser: true,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    this.limiter = new Limiter(config.concurrency);
    this.structured = config.structuredOutput !== 'off';
    const sink = options.log ?? (() => undefined);
    this.log = (line) => sink(this.redact(line));
    this.now = options.now ?? (() => performance.now());
    this.sleep = options.sleep ?? sleep;
  }

  redact(text: string): string {
    return redact(text, this.config.apiKey);
  }

  get tokensUsed(): number {
    return this.stats.promptTokens + this.stats.completionTokens;
  }

  /** Whether json_schema response formats are being sent (false once the endpoint refused one). */
  get usesStructuredOutput(): boolean {
    return this.structured;
  }

  /** Counts a step answered by the offline brain instead. */
  noteFallback(task: string, kind: FailureKind, meter?: LlmMeter): void {
    this.stats.fallbacks++;
    this.stats.fallbacksBy[kind]++;
    if (meter) meter.fallbacks++;
    this.log(`${task}: offline brain answers (${kind})`);
  }

  /**
   * Runs `call`; if it throws an LlmError the fallback answers and the fallback is counted.
   * Aborts (pause/stop) are counted as well but passed on: nobody waits for that answer.
   */
  async orOffline<T>(
    task: string,
    meter: LlmMeter | undefined,
    call: () => Promise<T>,
    offline: () => T,
  ): Promise<{ value: T; fromModel: boolean }> {
    try {
      return { value: await call(), fromModel: true };
    } catch (err) {
      // Anything but a model failure is a fault of ours: let it be seen, not papered over.
      if (!(err instanceof LlmError)) throw err;
      this.noteFallback(task, err.kind, meter);
      if (err.kind === 'aborted') throw err;
      return { value: offline(), fromModel: false };
    }
  }

  /** One structured answer: request → parse → check, with bounded repairs. */
  async complete<S extends z.ZodType, T>(req: CompleteRequest<S, T>): Promise<T> {
    const messages = [...req.messages];
    const jsonSchema = z.toJSONSchema(req.schema) as Record<string, unknown>;
    let lastError = '';
    for (let repair = 0; repair <= this.config.maxRepairs; repair++) {
      if (repair > 0) {
        this.stats.retries++;
        this.stats.repairRetries++;
        if (req.meter) req.meter.retries++;
        this.log(`${req.task}: answer invalid (${lastError}); asking again`);
      }
      const text = await this.request(req.task, messages, jsonSchema, req.signal, req.meter, req.maxTokens);
      const verdict = this.parse(text, req.schema, req.check);
      if (verdict.ok) return verdict.value;
      lastError = verdict.error;
      messages.push(
        { role: 'assistant', content: text.slice(0, 2000) },
        {
          role: 'user',
          content: `Your answer was not valid: ${lastError}. Reply again with one JSON object only, matching the requested fields.`,
        },
      );
    }
    throw new LlmError(
      'invalid',
      this.redact(`${req.task}: the model's answer was not valid after ${this.config.maxRepairs + 1} tries: ${lastError}`),
    );
  }

  private parse<S extends z.ZodType, T>(
    text: string,
    schema: S,
    check: CompleteRequest<S, T>['check'],
  ): { ok: true; value: T } | { ok: false; error: string } {
    const raw = extractJson(text);
    if (raw === undefined) return { ok: false, error: 'no JSON object found in the reply' };
    const shaped = schema.safeParse(raw);
    if (!shaped.success) {
      return {
        ok: false,
        error: formatIssues(shaped.error, { max: 4 }),
      };
    }
    return check(shaped.data);
  }

  /** One chat completion with transport retries; returns the reply text. */
  private async request(
    task: string,
    messages: ChatMessage[],
    jsonSchema: Record<string, unknown> | undefined,
    signal: AbortSignal | undefined,
    meter: LlmMeter | undefined,
    maxTokens = 600,
  ): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      this.checkBudget(task);
      if (signal?.aborted) throw new LlmError('aborted', `${task}: stopped`);
      const useSchema = this.structured && jsonSchema !== undefined;
      try {
        const res = await this.limiter.run(() => {
          this.countCall(meter);
          return this.sdk.chat.completions.create(
            {
              model: this.config.model,
              messages,
              temperature: this.config.temperature,
              max_tokens: maxTokens,
              ...(useSchema
                ? {
                    response_format: {
                      type: 'json_schema' as const,
                      json_schema: { name: task.replace(/[^a-zA-Z0-9_-]/g, '_'), schema: jsonSchema, strict: false },
                    },
                  }
                : {}),
            },
            { signal, timeout: this.config.timeoutMs, maxRetries: 0 },
          );
        });
        const text = res.choices[0]?.message?.content ?? '';
        this.countUsage(
          meter,
          res.usage?.prompt_tokens ?? estimateTokens(messages.map((m) => m.content).join('\n')),
          res.usage?.completion_tokens ?? estimateTokens(text),
        );
        return text;
      } catch (err) {
        const failure = this.classify(task, err);
        if (useSchema && failure.status === 400 && this.config.structuredOutput === 'auto') {
          // The endpoint does not take json_schema: carry on with tolerant JSON extraction.
          this.structured = false;
          this.log(`${task}: endpoint refused json_schema output; extracting JSON from text instead`);
          continue;
        }
        const retryable =
          failure.kind === 'timeout' ||
          failure.kind === 'connection' ||
          (failure.kind === 'http' && (failure.status === 429 || (failure.status ?? 0) >= 500));
        if (!retryable || attempt >= this.config.maxRetries) throw failure;
        const wait = Math.min(this.config.maxRetryWaitMs, retryAfterMs(err) ?? this.config.backoffMs * 2 ** attempt);
        this.stats.retries++;
        this.stats.transportRetries++;
        this.stats.waitedMs += wait;
        if (meter) meter.retries++;
        this.log(`${task}: ${failure.message}; retry ${attempt + 1} of ${this.config.maxRetries} in ${wait} ms`);
        try {
          await this.sleep(wait, signal);
        } catch {
          throw new LlmError('aborted', `${task}: stopped`);
        }
      }
    }
  }

  /**
   * Dialogue as it is written: yields text deltas of a streamed reply, so a speech bubble can
   * fill as the model speaks. It is not retried (half a sentence cannot be taken back): a
   * failure is thrown as an LlmError and the caller shows the offline line instead.
   */
  async *stream(
    task: string,
    messages: ChatMessage[],
    options: { signal?: AbortSignal; meter?: LlmMeter; maxTokens?: number } = {},
  ): AsyncGenerator<string, void, void> {
    this.checkBudget(task);
    const { signal, meter } = options;
    let release: (() => void) | undefined;
    const slot = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const acquired = new Promise<void>((resolve) => (started = resolve));
    // Hold a concurrency slot for the whole stream, not just for the first response.
    void this.limiter.run(async () => {
      started();
      await slot;
    });
    await acquired;
    try {
      this.countCall(meter);
      let stream;
      try {
        stream = await this.sdk.chat.completions.create(
          {
            model: this.config.model,
            messages,
            temperature: this.config.temperature,
            max_tokens: options.maxTokens ?? 300,
            stream: true,
            stream_options: { include_usage: true },
          },
          { signal, timeout: this.config.timeoutMs, maxRetries: 0 },
        );
      } catch (err) {
        throw this.classify(task, err);
      }
      let text = '';
      let usage: { prompt_tokens: number; completion_tokens: number } | undefined;
      try {
        for await (const chunk of stream) {
          if (chunk.usage) usage = chunk.usage;
          const delta = chunk.choices[0]?.delta?.content;
          if (delta) {
            text += delta;
            yield delta;
          }
        }
      } catch (err) {
        throw this.classify(task, err);
      }
      this.countUsage(
        meter,
        usage?.prompt_tokens ?? estimateTokens(messages.map((m) => m.content).join('\n')),
        usage?.completion_tokens ?? estimateTokens(text),
      );
    } finally {
      release?.();
    }
  }

  /** Reports whether the endpoint answers, which model, how fast, and whether it takes json_schema. */
  async testConnection(signal?: AbortSignal): Promise<ConnectionReport> {
    const messages: ChatMessage[] = [{ role: 'user', content: 'Reply with the JSON object {"ok": true}.' }];
    const schema = { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] };
    const started = this.now();
    const attempt = async (structured: boolean): Promise<{ model: string }> => {
      const res = await this.sdk.chat.completions.create(
        {
          model: this.config.model,
          messages,
          max_tokens: 20,
          ...(structured
            ? { response_format: { type: 'json_schema' as const, json_schema: { name: 'connection_check', schema, strict: false } } }
            : {}),
        },
        { signal, timeout: this.config.timeoutMs, maxRetries: 0 },
      );
      return { model: res.model || this.config.model };
    };
    try {
      const r = await attempt(true);
      return { ok: true, model: r.model, latencyMs: Math.round(this.now() - started), structuredOutput: true };
    } catch (err) {
      const failure = this.classify('connection check', err);
      if (failure.status !== 400) return { ok: false, error: failure.message };
      try {
        const again = this.now();
        const r = await attempt(false);
        return { ok: true, model: r.model, latencyMs: Math.round(this.now() - again), structuredOutput: false };
      } catch (err2) {
        return { ok: false, error: this.classify('connection check', err2).message };
      }
    }
  }

  private checkBudget(task: string): void {
    const cap = this.config.spendCapTokens;
    if (cap > 0 && this.tokensUsed >= cap) {
      if (!this.stats.spendCapReached) this.log(`spend cap of ${cap} tokens reached: the offline brain answers from now on`);
      this.stats.spendCapReached = true;
      throw new LlmError('spend-cap', `${task}: the spend cap of ${cap} tokens is reached`);
    }
  }

  private countCall(meter: LlmMeter | undefined): void {
    this.stats.calls++;
    if (meter) meter.calls++;
  }

  private countUsage(meter: LlmMeter | undefined, prompt: number, completion: number): void {
    this.stats.promptTokens += prompt;
    this.stats.completionTokens += completion;
    if (meter) {
      meter.promptTokens += prompt;
      meter.completionTokens += completion;
    }
  }

  /** Turns whatever the SDK threw into a redacted LlmError. */
  private classify(task: string, err: unknown): LlmError {
    if (err instanceof LlmError) return err;
    if (err instanceof APIUserAbortError) return new LlmError('aborted', `${task}: stopped`);
    if (err instanceof APIConnectionTimeoutError) return new LlmError('timeout', `${task}: no reply within ${this.config.timeoutMs} ms`);
    if (err instanceof APIConnectionError)
      return new LlmError('connection', this.redact(`${task}: could not reach ${this.config.baseURL} (${err.message})`));
    if (err instanceof APIError) {
      const status = err.status;
      const kind: FailureKind = status === 401 || status === 403 ? 'refused' : 'http';
      return new LlmError(kind, this.redact(`${task}: the endpoint answered ${status ?? '?'}: ${err.message}`.slice(0, 500)), status);
    }
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof Error && err.name === 'AbortError') return new LlmError('aborted', `${task}: stopped`);
    return new LlmError('connection', this.redact(`${task}: ${message}`.slice(0, 500)));
  }
}

/** The wait a 429/503 asks for: `retry-after-ms`, or `retry-after` in seconds or as an HTTP date. */
export function retryAfterMs(err: unknown): number | undefined {
  if (!(err instanceof APIError) || !err.headers) return undefined;
  const ms = Number(err.headers.get('retry-after-ms'));
  if (Number.isFinite(ms) && ms > 0) return ms;
  const raw = err.headers.get('retry-after');
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(raw);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}
