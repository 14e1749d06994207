import { readFileSync, statSync } from 'node:fs';
import { convert } from 'fontverter';
import { Blob as HbBlob, Face } from 'harfbuzzjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { FONT_FILE, GLYPH_LIST, shownCjk } from '../../scripts/build-font';
import { defaultContext } from '../../src/cli/context';
import { STRINGS } from '../../src/ui/i18n';

const HAN = /\p{Script=Han}/u;
const han = (texts: Iterable<string>): string[] => [...new Set([...texts].flatMap((t) => [...t].filter((c) => HAN.test(c))))];

describe("the page's Chinese subset font (assets/fonts, built by npm run font)", () => {
  let cmap: Set<number>;
  beforeAll(async () => {
    // The woff2's own character map, read with harfbuzz, the library that cut it.
    const sfnt = await convert(readFileSync(FONT_FILE), 'sfnt');
    cmap = new Set(new Face(new HbBlob(sfnt)).collectUnicodes());
  });
  const missing = (chars: string[]): string => chars.filter((c) => !cmap.has(c.codePointAt(0) ?? 0)).join('');

  it("holds every Han character of the UI strings and the knowledge base's Chinese names", () => {
    const kb = defaultContext().kb;
    const ui = han(Object.values(STRINGS).map((s) => s.zh));
    const names = han([...kb.departments.map((d) => d.name.zh), ...kb.diseases.map((d) => d.name.zh), ...kb.exams.map((e) => e.name.zh)]);
    expect(ui.length).toBeGreaterThan(20);
    expect(names.length).toBeGreaterThan(500);
    expect(missing(ui)).toBe('');
    expect(missing(names)).toBe('');
  });

  it('holds every CJK character the app can show, and its glyph list is up to date (else run npm run font)', () => {
    const shown = shownCjk();
    expect(missing(shown)).toBe('');
    expect(readFileSync(GLYPH_LIST, 'utf8')).toBe(`${shown.join('')}\n`);
  });

  it('stays small enough to fetch on demand (≤ 400 KB)', () => {
    expect(statSync(FONT_FILE).size).toBeLessThanOrEqual(400 * 1024);
  });
});
