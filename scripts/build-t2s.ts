/**
 * Builds assets/language/t2s.json: traditional (and Hong Kong / Taiwan variant) characters to
 * simplified ones, so that people writing in Hong Kong or Taiwan are understood. The table comes
 * from OpenCC's dictionaries (Apache-2.0), as packaged by opencc-js; only single characters are
 * kept, which is what medical words need, and the page then needs no converter in its script.
 * Run: npx tsx scripts/build-t2s.ts
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

type Dict = { default: string };
const load = async (name: string): Promise<Map<string, string>> => {
  const mod = (await import(
    pathToFileURL(
      createRequire(import.meta.url)
        .resolve('opencc-js')
        .replace(/dist.*$/, `dist/esm-lib/dict/${name}.js`),
    ).href
  )) as Dict;
  const map = new Map<string, string>();
  for (const entry of mod.default.split('|')) {
    const [from, to] = entry.split(' ');
    if (!from || !to) continue;
    if ([...from].length !== 1) continue;
    const first = [...to][0];
    if (first && first !== from) map.set(from, first);
  }
  return map;
};

const ts = await load('TSCharacters');
const variants = [await load('HKVariantsRev'), await load('TWVariantsRev')];
const table: Record<string, string> = {};
for (const [from, to] of ts) table[from] = to;
// A regional variant first becomes the standard traditional form, then simplified — unless the
// "variant" is itself a simplified character (么 is the simplified 麼, not a variant of 幺).
const simplifiedChars = new Set(ts.values());
for (const v of variants) {
  for (const [from, std] of v) {
    const simplified = ts.get(std) ?? std;
    if (!(from in table) && simplified !== from && !simplifiedChars.has(from)) table[from] = simplified;
  }
}
const out = fileURLToPath(new URL('../assets/language/t2s.json', import.meta.url));
writeFileSync(out, JSON.stringify(table) + '\n');
console.log(`wrote ${Object.keys(table).length} characters to ${out}`);
