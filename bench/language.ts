import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { HospitalContext } from '../src/cli/context';
import { loadDefaultMatcher } from '../src/language/nodeFiles';
import { parsePhraseSet, scorePhrases, type PhraseLine } from '../src/language/phraseSet';
import { bestRate } from './patients';
import type { BenchResult } from './report';

const fixture = (name: string): string => fileURLToPath(new URL(`../tests/fixtures/language/${name}`, import.meta.url));
const load = (name: string): PhraseLine[] => parsePhraseSet(readFileSync(fixture(name), 'utf8'), name);

/**
 * The language layer on the phrase set (tests/fixtures/language/): recall and precision of
 * (term, status) on the held-back third, with the development part's figures in the note, and
 * how fast it reads phrases on one core; and the longest text a person may paste, timed.
 */
export function benchLanguage(ctx: HospitalContext, quick: boolean): BenchResult[] {
  const matcher = loadDefaultMatcher(ctx.kb);
  const out: BenchResult[] = [];
  const all: string[] = [];
  for (const lang of ['en', 'zh'] as const) {
    const dev = load(`${lang}.dev.jsonl`);
    const held = load(`${lang}.holdout.jsonl`);
    all.push(...dev.map((l) => l.text), ...held.map((l) => l.text));
    const d = scorePhrases(dev, (t) => matcher.understand(t, lang));
    const h = scorePhrases(held, (t) => matcher.understand(t, lang));
    const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
    const devNote = `development part (${d.lines} lines): recall ${pct(d.recall)}, precision ${pct(d.precision)}, unmapped ${pct(d.unmappedShare)}`;
    out.push(
      {
        name: `language.recall.${lang}`,
        value: h.recall,
        unit: 'share',
        target: '≥ 0.92',
        note: `held-back third, ${h.lines} lines; lines naming a term read as nothing: ${pct(h.unmappedShare)}; ${devNote}`,
      },
      {
        name: `language.precision.${lang}`,
        value: h.precision,
        unit: 'share',
        target: '≥ 0.95',
        note: `held-back third; sites right ${h.site.right}/${h.site.checked}, durations ${h.duration.right}/${h.duration.checked}, values ${h.value.right}/${h.value.checked}`,
      },
    );
  }
  for (const t of all.slice(0, 500)) matcher.understand(t);
  const rounds = quick ? 2 : 5;
  const perSecond = bestRate(rounds, all.length, () => {
    for (const t of all) matcher.understand(t);
  });
  out.push({
    name: 'language.phrasesPerSecond',
    value: perSecond,
    unit: 'phrases/s',
    target: '≥ 20,000',
    note: `${all.length} phrases of the phrase set (English and Chinese), one core, best of ${rounds}`,
  });
  // Sentences of both languages, and one Chinese sentence of commas and relatives: the worst case
  // for the readings that look across a whole sentence (they must stay linear).
  const texts = [
    'My tummy hurts since yesterday, no fever, a bit sick. 我头痛三天了，没有发烧。 '.repeat(300).slice(0, 20_000),
    '我妈今天突然咳嗽，我爸一直发烧，我也头疼，'.repeat(1000).slice(0, 20_000),
  ];
  let longest = 0;
  for (const long of texts) {
    let best = Infinity;
    for (let r = 0; r < rounds; r++) {
      const start = process.hrtime.bigint();
      matcher.understand(long);
      best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
    }
    longest = Math.max(longest, best);
  }
  out.push({
    name: 'language.longTextMs',
    value: longest,
    unit: 'ms',
    target: '≤ 50',
    note: '20,000 characters: mixed English and Chinese sentences, and one Chinese sentence of commas (the slower of the two)',
  });
  return out;
}
