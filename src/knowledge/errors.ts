import type { z } from 'zod';

/** One problem in one knowledge file, located precisely enough to fix by hand. */
export interface KbIssue {
  file: string;
  /** Path inside the file, e.g. `[3].findings[2].term`. */
  path: string;
  message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    out += typeof key === 'number' ? `[${key}]` : out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
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
