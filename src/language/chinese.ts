/**
 * Chinese text as the language layer compares it: full-width letters, digits and punctuation
 * folded to their ordinary forms (Unicode NFKC), traditional and Hong Kong / Taiwan variant
 * characters turned into simplified ones (a character table built from OpenCC's dictionaries,
 * shipped as data in assets/language/t2s.json), Latin letters in lower case. The folding keeps a
 * map back to the original offsets, so every span still points at what the person typed.
 */
export interface FoldedText {
  /** The comparable text: one code unit per unit of `origin`. */
  text: string;
  /** For each code unit of `text`, the offset in the original where it came from. */
  origin: number[];
}

export function foldChinese(input: string, traditionalToSimplified: ReadonlyMap<string, string>): FoldedText {
  let text = '';
  const origin: number[] = [];
  let offset = 0;
  for (const ch of input) {
    const code = ch.charCodeAt(0);
    // ASCII only needs lower case; unified ideographs are their own NFKC form.
    let folded = code < 0x80 ? ch.toLowerCase() : code >= 0x4e00 && code <= 0x9fff ? ch : ch.normalize('NFKC').toLowerCase();
    folded = traditionalToSimplified.get(folded) ?? folded;
    for (let i = 0; i < folded.length; i++) origin.push(offset);
    text += folded;
    offset += ch.length;
  }
  origin.push(offset);
  return { text, origin };
}

/** A lexicon phrase as segments of characters: "小便...痛" → [["小","便"], ["痛"]]. */
export function chinesePattern(phrase: string, traditionalToSimplified: ReadonlyMap<string, string>): string[][] {
  return phrase
    .split(/\s*(?:\.\.\.|…|……)\s*/)
    .map((seg) => [...foldChinese(seg.replace(/\s+/g, ''), traditionalToSimplified).text])
    .filter((seg) => seg.length > 0);
}

export const HAN = /\p{Script=Han}/u;
