import { PromptBook } from './prompts';

/* The prompt files as the page bundles them: small text files, inlined at build time. */
const files = import.meta.glob<string>('/prompts/*.md', { query: '?raw', import: 'default', eager: true });

export function bundledPromptBook(): PromptBook {
  const byName: Record<string, string> = {};
  for (const [path, text] of Object.entries(files)) byName[path.replace(/^.*\//, '')] = text;
  return new PromptBook(byName);
}
