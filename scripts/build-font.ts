/**
 * `npm run font`: builds assets/fonts/noto-sans-sc-subset.woff2, a web font holding only the
 * Chinese glyphs the app shows, so Chinese renders on machines with no CJK system font. The
 * characters come from everything the app can show: the UI strings and templates in src/ (not
 * the language layer's cue lists, which are read, never shown), the knowledge base and the
 * people in assets/, and of the language data only what is shown: the plain-words questions and
 * answers, and the body sites' names. The lexicons' phrases and the traditional-character table
 * are matched, never displayed, and would triple the font. The source is Noto Sans SC (SIL Open Font License 1.1, assets/fonts/OFL.txt) from
 * @expo-google-fonts/noto-sans-sc; subset-font (harfbuzz's hb-subset) cuts it. The glyph list
 * beside the font says what it holds.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const FONT_FILE = join(ROOT, 'assets/fonts/noto-sans-sc-subset.woff2');
export const GLYPH_LIST = join(ROOT, 'assets/fonts/noto-sans-sc-subset.txt');
/** Google Fonts' complete Noto Sans SC (30,890 characters; web slices lack rare ones such as 䓬, 耵, 聍). */
const SOURCE = join(ROOT, 'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
/** Where shown text lives, and which files there hold it. */
const SOURCES: { dir: string; ext: string[]; skip?: RegExp }[] = [
  { dir: 'src', ext: ['.ts'], skip: /[\\/]src[\\/]language[\\/]/ },
  { dir: 'assets/kb', ext: ['.json'] },
  { dir: 'assets/people', ext: ['.json'] },
  { dir: 'assets/language', ext: ['plain.json'] },
];

/** The body sites' names (shown on the reading chips); their phrases are not shown. */
function siteNames(): string {
  try {
    const sites = JSON.parse(readFileSync(join(ROOT, 'assets/language/sites.json'), 'utf8')) as { name?: { zh?: string } }[];
    return sites.map((s) => s.name?.zh ?? '').join('');
  } catch {
    return '';
  }
}

/**
 * The characters the font serves: CJK radicals, punctuation, kana and ideographs
 * (U+2E80–U+9FFF), compatibility ideographs and full-width forms. Kept in step with the
 * unicode-range of the @font-face in src/ui/style.css.
 */
export function isCjk(cp: number): boolean {
  return (
    (cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xffef)
  );
}

function files(dir: string, ext: string[]): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return []; // assets/language/ may not exist yet
  }
  return names.flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p, ext) : ext.some((e) => n.endsWith(e)) ? [p] : [];
  });
}

/** Every CJK character in the text the app shows, sorted by code point. */
export function shownCjk(): string[] {
  const seen = new Set<string>();
  const add = (text: string): void => {
    for (const ch of text) if (isCjk(ch.codePointAt(0) ?? 0)) seen.add(ch);
  };
  for (const { dir, ext, skip } of SOURCES) for (const f of files(join(ROOT, dir), ext)) if (!skip?.test(f)) add(readFileSync(f, 'utf8'));
  add(siteNames());
  return [...seen].sort((a, b) => (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0));
}

async function main(): Promise<void> {
  const chars = shownCjk();
  const font = await subsetFont(readFileSync(SOURCE), chars.join(''), { targetFormat: 'woff2' });
  writeFileSync(FONT_FILE, font);
  writeFileSync(GLYPH_LIST, `${chars.join('')}\n`);
  console.log(`${FONT_FILE}: ${chars.length} characters, ${Math.round(font.length / 1024)} KB`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
