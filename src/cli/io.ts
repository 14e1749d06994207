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
