import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KbFile } from './load';
import { loadKnowledge } from './load';
import type { KnowledgeBase } from './knowledgeBase';
import { KbError } from './errors';

/** The knowledge base shipped with the hospital, relative to this file. */
export const DEFAULT_KB_DIR = fileURLToPath(new URL('../../assets/kb', import.meta.url));

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return walk(full);
    return entry.name.endsWith('.json') ? [full] : [];
  });
}

/** Reads every JSON file under `dir`. A file that is not valid JSON is reported with its path. */
export function readKbFiles(dir: string = DEFAULT_KB_DIR): KbFile[] {
  const files: KbFile[] = [];
  const broken: { file: string; path: string; message: string }[] = [];
  for (const full of walk(dir)) {
    const path = relative(dir, full).split(sep).join('/');
    try {
      files.push({ path, data: JSON.parse(readFileSync(full, 'utf8')) as unknown });
    } catch (err) {
      broken.push({ file: path, path: '(root)', message: `not valid JSON: ${(err as Error).message}` });
    }
  }
  if (broken.length > 0) throw new KbError(broken);
  return files;
}

let cached: KnowledgeBase | undefined;

/** Loads (once per process) the knowledge base shipped in assets/kb. */
export function loadDefaultKnowledge(): KnowledgeBase {
  cached ??= loadKnowledge(readKbFiles());
  return cached;
}
