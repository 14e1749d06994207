/** Where the CLI writes: injectable so tests can capture output without spawning processes. */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

export const processIo: CliIo = {
  out: (line) => void process.stdout.write(`${line}\n`),
  err: (line) => void process.stderr.write(`${line}\n`),
};

/** A mistake in how the command was called: reported as one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The asynchronous run under way, if any (the LLM brain, worker threads). */
export let pendingRun: Promise<number> | undefined;

/** Lets a command finish asynchronously: its exit code lands on `process.exitCode` when it ends. */
export function settleAsync(run: Promise<number>): void {
  pendingRun = run.then((code) => {
    if (code !== 0) process.exitCode = code;
    return code;
  });
}
