/** A stored record or a write that failed; the message says which store, which record and why. */
export class StoreError extends Error {
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

function isQuota(err: unknown): boolean {
  const name = (err as { name?: string } | null)?.name;
  return name === 'QuotaExceededError' || (name === 'AbortError' && /quota/i.test(String((err as Error).message)));
}

/**
 * Turns a failed write into a message a visitor can act on. The transaction was aborted as a
 * whole, so what was stored before it is untouched.
 */
export function explainWriteError(err: unknown, what: string): StoreError {
  if (err instanceof StoreError) return err;
  if (isQuota(err)) {
    return new StoreError(
      `The browser's storage for this page is full, so ${what} could not be saved. Nothing stored before was lost. ` +
        'Export the bases to a file and start fresh, or free space in the browser settings, then try again.',
      err,
    );
  }
  return new StoreError(`${what} could not be saved (${(err as Error)?.message ?? String(err)}). Nothing stored before was lost.`, err);
}
