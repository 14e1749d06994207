import { z } from 'zod';
import { formatIssues } from '../../knowledge/errors';

/**
 * How the hospital talks to a language model. Parsed with zod wherever it comes from (settings
 * panel, CLI flags, storage). The key is part of it only in memory: `publicConfig` strips it
 * before anything is stored, exported or logged.
 */
export const LlmConfig = z.strictObject({
  baseURL: z.url({ message: 'a base URL such as http://127.0.0.1:11434/v1' }),
  model: z.string().min(1, 'a model name'),
  /** Secret; never stored unless the user asks, never exported, logged or shown in errors. */
  apiKey: z.string().default(''),
  /** Tokens (prompt + completion) the run may spend; then the offline brain answers. 0 = no cap. */
  spendCapTokens: z.number().int().min(0).default(200_000),
  /** Requests in flight at once (a local server on one GPU wants few; hosted APIs take more). */
  concurrency: z.number().int().min(1).max(64).default(4),
  /** Per-request time limit in ms: a reply slower than this is abandoned and retried. */
  timeoutMs: z.number().int().min(100).max(600_000).default(60_000),
  /** Retries of a failed request (429, 5xx, timeout, dropped connection). */
  maxRetries: z.number().int().min(0).max(10).default(2),
  /** Retries of an answer that did not parse or validate, with the error fed back. */
  maxRepairs: z.number().int().min(0).max(5).default(1),
  /** First backoff in ms, doubled each retry; a server's Retry-After takes precedence. */
  backoffMs: z.number().int().min(0).max(60_000).default(500),
  /** Longest wait the client accepts from a Retry-After header, in ms. */
  maxRetryWaitMs: z.number().int().min(0).max(600_000).default(30_000),
  /** Ask for json_schema structured output; `auto` tries it and drops it if the endpoint refuses. */
  structuredOutput: z.enum(['auto', 'json_schema', 'off']).default('auto'),
  temperature: z.number().min(0).max(2).default(0.2),
});
export type LlmConfig = z.infer<typeof LlmConfig>;
export type LlmConfigInput = z.input<typeof LlmConfig>;

/** The config without its secret, safe to store, export or print. */
export function publicConfig(config: LlmConfig): Omit<LlmConfig, 'apiKey'> & { apiKey: '' | '(set)' } {
  return { ...config, apiKey: config.apiKey ? '(set)' : '' };
}

/** Parses a config, naming the field that was wrong. */
export function parseLlmConfig(input: unknown): LlmConfig {
  const r = LlmConfig.safeParse(input);
  if (r.success) return r.data;
  const issues = formatIssues(r.error, { root: '(config)' });
  throw new Error(`LLM settings are not valid: ${issues}`);
}
