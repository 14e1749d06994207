/**
 * Builds assets/language/words.json: the everyday English words the typo corrector must leave as
 * typed because they stand within its reach of a lexicon word ("diuretic" is one letter pair from
 * "diabetic", "cooking" one letter from "choking", "wedding" from "welding"). Only those words are
 * kept, so the file stays small; rebuild it after the lexicons grow.
 * The words come from SCOWL's British and American lists as Debian ships them (wbritish,
 * wamerican; SCOWL's licence allows use and redistribution with its notice).
 * Run: apt-get install wbritish wamerican && npx tsx scripts/build-words.ts
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { foldSpelling } from '../src/language/english';
import { loadDefaultKnowledge } from '../src/knowledge/nodeFiles';
import { parseLanguageData } from '../src/language/data';
import { readLanguageFiles } from '../src/language/nodeFiles';
import { Lexicon } from '../src/language/lexicon';
import { TypoCorrector } from '../src/language/typo';

const LISTS = ['/usr/share/dict/british-english', '/usr/share/dict/american-english'];
const missing = LISTS.filter((f) => !existsSync(f));
if (missing.length > 0) {
  console.error(`missing ${missing.join(', ')}: install Debian's wbritish and wamerican first`);
  process.exit(1);
}
const kb = loadDefaultKnowledge();
const files = readLanguageFiles().filter((f) => f.path !== 'words.json');
const lexicon = new Lexicon(kb, parseLanguageData(files, kb));
const corrector = new TypoCorrector(lexicon.englishWords);
const keep = new Set<string>();
for (const list of LISTS) {
  for (const raw of readFileSync(list, 'utf8').split('\n')) {
    // Plain words (names too: "Asian" is not "avian"), no possessives or accents.
    if (!/^[A-Za-z]+$/.test(raw)) continue;
    const word = foldSpelling(raw.toLowerCase());
    if (corrector.correct(word) !== word) keep.add(word);
  }
}
const out = {
  source: "SCOWL word lists (Debian's wbritish and wamerican), within one or two letters of a lexicon word",
  keep: [...keep].sort(),
};
const target = fileURLToPath(new URL('../assets/language/words.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(out, null, 0).replace('"keep":[', '"keep":[\n').replace(/\]\}$/, '\n]}')}\n`);
console.log(`${keep.size} words kept as typed → assets/language/words.json`);
