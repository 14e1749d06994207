/**
 * A clock that tests step by hand: `sleep` advances it at once instead of waiting, so a test of
 * retries and backoff asserts on the waits the code asked for, not on wall time.
 */
export interface FakeClock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Every wait asked for, in order (ms). */
  readonly slept: number[];
}

export function fakeClock(start = 0): FakeClock {
  let t = start;
  const slept: number[] = [];
  return {
    now: () => t,
    slept,
    sleep(ms, signal) {
      if (signal?.aborted) return Promise.reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
      slept.push(ms);
      t += ms;
      return Promise.resolve();
    },
  };
}
