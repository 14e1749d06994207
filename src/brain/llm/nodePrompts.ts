import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PromptBook } from './prompts';

/** The prompts shipped with the hospital, relative to this file. */
export const DEFAULT_PROMPTS_DIR = fileURLToPath(new URL('../../../prompts', import.meta.url));

/** Reads every prompt file in `dir` (Node: CLI, tests, bench). */
export function loadPromptBook(dir: string = DEFAULT_PROMPTS_DIR): PromptBook {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir)) if (name.endsWith('.md')) files[name] = readFileSync(join(dir, name), 'utf8');
  return new PromptBook(files);
}
