import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KbError } from '../knowledge/errors';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { loadDefaultKnowledge } from '../knowledge/nodeFiles';
import { LANGUAGE_FILES, parseLanguageData, type LanguageFile } from './data';
import { VocabularyMatcher } from './matcher';

/** The language data shipped with the hospital, relative to this file. */
export const DEFAULT_LANGUAGE_DIR = fileURLToPath(new URL('../../assets/language', import.meta.url));

/** Reads the language files in `dir`; a file that is not valid JSON is reported with its name. */
export function readLanguageFiles(dir: string = DEFAULT_LANGUAGE_DIR): LanguageFile[] {
  const files: LanguageFile[] = [];
  for (const name of LANGUAGE_FILES) {
    const full = join(dir, name);
    if (!existsSync(full)) continue;
    try {
      files.push({ path: name, data: JSON.parse(readFileSync(full, 'utf8')) as unknown });
    } catch (err) {
      throw new KbError([{ file: `assets/language/${name}`, path: '(root)', message: `not valid JSON: ${(err as Error).message}` }]);
    }
  }
  return files;
}

const cache = new WeakMap<KnowledgeBase, VocabularyMatcher>();

/** The hospital's language layer over `kb` (the shipped knowledge base by default) with the shipped data, built once per process. */
export function loadDefaultMatcher(kb: KnowledgeBase = loadDefaultKnowledge()): VocabularyMatcher {
  let m = cache.get(kb);
  if (!m) {
    m = new VocabularyMatcher(kb, parseLanguageData(readLanguageFiles(), kb));
    cache.set(kb, m);
  }
  return m;
}
