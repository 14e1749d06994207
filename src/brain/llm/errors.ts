import type { FailureKind } from './stats';

/**
 * A model call that did not produce a usable answer. The message is already redacted: it may
 * be shown and logged as it is.
 */
export class LlmError extends Error {
  override name = 'LlmError';
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}
