/** Token and call counts of one consultation (or any unit of work the caller meters). */
export interface LlmMeter {
  /** Requests sent to the endpoint, retries included. */
  calls: number;
  promptTokens: number;
  completionTokens: number;
  /** Requests repeated: after a 429/5xx/timeout/dropped connection, or to repair an invalid answer. */
  retries: number;
  /** Answers the offline brain gave because the model could not. */
  fallbacks: number;
}

export function newMeter(): LlmMeter {
  return { calls: 0, promptTokens: 0, completionTokens: 0, retries: 0, fallbacks: 0 };
}

export function addMeter(into: LlmMeter, from: LlmMeter): void {
  into.calls += from.calls;
  into.promptTokens += from.promptTokens;
  into.completionTokens += from.completionTokens;
  into.retries += from.retries;
  into.fallbacks += from.fallbacks;
}

/**
 * Why a step fell back to the offline brain. `error`: the work failed for a reason of ours (not the
 * model's), and the offline brain answered the whole request so the patient is not stranded.
 */
export type FailureKind = 'http' | 'timeout' | 'connection' | 'aborted' | 'invalid' | 'spend-cap' | 'refused' | 'error';

/** The whole run's figures: what the settings panel and `simulate --brain llm` report. */
export interface LlmRunStats extends LlmMeter {
  /** Retries that were caused by a 429/5xx, and how long the client waited before them. */
  transportRetries: number;
  repairRetries: number;
  waitedMs: number;
  fallbacksBy: Record<FailureKind, number>;
  /** Set once the spend cap is reached: from then on the offline brain answers. */
  spendCapReached: boolean;
}

export function newRunStats(): LlmRunStats {
  return {
    ...newMeter(),
    transportRetries: 0,
    repairRetries: 0,
    waitedMs: 0,
    fallbacksBy: { http: 0, timeout: 0, connection: 0, aborted: 0, invalid: 0, 'spend-cap': 0, refused: 0, error: 0 },
    spendCapReached: false,
  };
}
