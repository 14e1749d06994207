/**
 * Scores the doctors on the open-world yardstick (tests/fixtures/openworld/) and lists the cases
 * they missed. Usage: npx tsx scripts/score-openworld.ts [--part dev|holdout] [--bases FILE] [--misses N]
 * (the held-out part is for the final figures: read its totals, not its lines).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { defaultContext } from '../src/cli/context';
import { loadDefaultMatcher } from '../src/language/nodeFiles';
import { loadBundle, parseBundle } from '../src/run/bundle';
import { ClinicalStaff } from '../src/run/staff';
import { parseYardstick, scoreYardstick } from '../src/run/yardstick';

const { values } = parseArgs({
  options: { part: { type: 'string', default: 'dev' }, bases: { type: 'string' }, misses: { type: 'string', default: '0' } },
});
const file = `tests/fixtures/openworld/cases.${values.part}.jsonl`;
const cases = parseYardstick(readFileSync(file, 'utf8'), file);
const { kb, reader } = defaultContext();
const staff = new ClinicalStaff(kb, reader);
if (values.bases) loadBundle(staff, parseBundle(kb, JSON.parse(readFileSync(values.bases, 'utf8'))));
const score = scoreYardstick(kb, staff, loadDefaultMatcher(kb), cases);
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
console.log(
  `${file}: ${score.cases} cases · known ${score.known}: top-1 ${pct(score.top1)} · top-3 ${pct(score.top3)} · false "outside" ${pct(score.falseUnknown)} · outside ${score.outside}: flagged ${pct(score.saysUnknown)}`,
);
for (const [part, p] of Object.entries(score.parts)) console.log(`  ${part}: ${p.known} known, top-1 ${pct(p.top1)}`);
if (values.part === 'dev')
  for (const m of score.misses.slice(0, Number(values.misses)))
    console.log(`${m.id}: ${m.truth} → ${m.said.join(', ')}${m.outside ? ' (outside)' : ''}`);
