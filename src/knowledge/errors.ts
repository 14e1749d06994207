import type { z } from 'zod';

/** One problem in one knowledge file, located precisely enough to fix by hand. */
export interface KbIssue {
  file: string;
  /** Path inside the file, e.g. `[3].findings[2].term`. */
  path: string;
  message: string;
}

/** A path inside a record as one writes it by hand (`[3].findings[2].term`); `root` names the empty path. */
export function formatPath(path: readonly PropertyKey[], root = '(root)'): string {
  let out = '';
  for (const key of path) {
    out += typeof key === 'number' ? `[${key}]` : out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? root : out;
}

/** A zod error's issues on one line, `path: message; …`: how every refusal names what was wrong and where. */
export function formatIssues(error: z.ZodError, options: { root?: string; max?: number } = {}): string {
  return error.issues
    .slice(0, options.max ?? error.issues.length)
    .map((i) => `${formatPath(i.path, options.root)}: ${i.message}`)
    .join('; ');
}

export function issuesFromZod(file: string, error: z.ZodError): KbIssue[] {
  return error.issues.map((issue) => ({ file, path: formatPath(issue.path), message: issue.message }));
}

/** Thrown when the knowledge base cannot be loaded; lists every problem found, not just the first. */
export class KbError extends Error {
  constructor(readonly issues: readonly KbIssue[]) {
    const shown = issues.slice(0, 20).map((i) => `  ${i.file}: ${i.path}: ${i.message}`);
    const more = issues.length > 20 ? [`  … and ${issues.length - 20} more`] : [];
    super([`The knowledge base has ${issues.length} problem(s):`, ...shown, ...more].join('\n'));
    this.name = 'KbError';
  }
}
