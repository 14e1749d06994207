/**
 * Scores the language layer on the phrase set in tests/fixtures/language/ and lists what it got
 * wrong. Usage: npx tsx scripts/score-language.ts [--lang en|zh] [--part dev|holdout] [--mistakes N]
 * (the held-out part is for the final figures: read its totals, not its lines).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadDefaultMatcher } from '../src/language/nodeFiles';
import { parsePhraseSet, scorePhrases } from '../src/language/phraseSet';

const { values } = parseArgs({
  options: {
    lang: { type: 'string', default: 'en' },
    part: { type: 'string', default: 'dev' },
    mistakes: { type: 'string', default: '0' },
  },
});
const lang = values.lang === 'zh' ? 'zh' : 'en';
const file = `tests/fixtures/language/${lang}.${values.part}.jsonl`;
const lines = parsePhraseSet(readFileSync(file, 'utf8'), file);
const matcher = loadDefaultMatcher();
const score = scorePhrases(lines, (t) => matcher.understand(t, lang));
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
console.log(
  `${file}: ${score.lines} lines · recall ${pct(score.recall)} · precision ${pct(score.precision)} · unmapped lines ${pct(score.unmappedShare)} · site ${score.site.right}/${score.site.checked} · duration ${score.duration.right}/${score.duration.checked} · value ${score.value.right}/${score.value.checked}`,
);
if (values.part === 'dev') {
  for (const m of score.mistakes.slice(0, Number(values.mistakes))) {
    console.log(`${m.id}: ${m.text}\n    missed: ${m.missed.join(', ') || '-'}\n    extra:  ${m.extra.join(', ') || '-'}`);
  }
}
