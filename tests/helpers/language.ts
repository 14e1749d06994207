import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CueFile, EMPTY_LANGUAGE_DATA, type LanguageData } from '../../src/schema/language';

/**
 * Language data holding only the shipped context cues (assets/language/cues.json): for a matcher
 * over a small test knowledge base, which the lexicons' terms would not fit, that still reads
 * denials ("no fever") like the hospital's.
 */
export function cuesOnly(): LanguageData {
  const file = fileURLToPath(new URL('../../assets/language/cues.json', import.meta.url));
  return { ...EMPTY_LANGUAGE_DATA, cues: CueFile.parse(JSON.parse(readFileSync(file, 'utf8'))) };
}
