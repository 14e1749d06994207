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

/** The last text folded: segmentation, values and travel all fold the same text in one reading. */
let last: { input: string; table: ReadonlyMap<string, string>; folded: FoldedText } | undefined;

/** `input` folded (see above). The result is shared with later callers of the same text: read it, never change it. */
export function foldChinese(input: string, traditionalToSimplified: ReadonlyMap<string, string>): FoldedText {
  if (last && last.input === input && last.table === traditionalToSimplified) return last.folded;
  const folded = fold(input, traditionalToSimplified);
  last = { input, table: traditionalToSimplified, folded };
  return folded;
}

/** A table's entries for single characters, by character code: an array read instead of a map hashed for every character. */
const byCode = new WeakMap<ReadonlyMap<string, string>, (string | undefined)[]>();

function codeTable(table: ReadonlyMap<string, string>): (string | undefined)[] {
  let codes = byCode.get(table);
  if (!codes) {
    codes = new Array<string | undefined>(0x10000).fill(undefined);
    for (const [from, to] of table) if (from.length === 1) codes[from.charCodeAt(0)] = to;
    byCode.set(table, codes);
  }
  return codes;
}

// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;

function fold(input: string, traditionalToSimplified: ReadonlyMap<string, string>): FoldedText {
  // Plain ASCII only needs lower case, offsets unchanged.
  if (ASCII.test(input)) {
    const origin: number[] = [];
    for (let i = 0; i <= input.length; i++) origin.push(i);
    return { text: input.toLowerCase(), origin };
  }
  const codes = codeTable(traditionalToSimplified);
  let text = '';
  const origin: number[] = [];
  let offset = 0;
  for (const ch of input) {
    const code = ch.charCodeAt(0);
    // ASCII only needs lower case; unified ideographs are their own NFKC form.
    let folded = code < 0x80 ? ch.toLowerCase() : code >= 0x4e00 && code <= 0x9fff ? ch : ch.normalize('NFKC').toLowerCase();
    folded = (folded.length === 1 ? codes[folded.charCodeAt(0)] : traditionalToSimplified.get(folded)) ?? folded;
    for (let i = 0; i < folded.length; i++) origin.push(offset);
    text += folded;
    offset += ch.length;
  }
  origin.push(offset);
  return { text, origin };
}

/** A lexicon phrase as segments of characters: "小便...痛" → [["小","便"], ["痛"]]. */
export function chinesePattern(phrase: string, traditionalToSimplified: ReadonlyMap<string, string>): string[][] {
  // Only the characters a text is cut into count: punctuation in a phrase ("尿蛋白(+)") is skipped there too.
  return phrase
    .split(/\s*(?:\.\.\.|…|……)\s*/)
    .map((seg) => [...foldChinese(seg.replace(/\s+/g, ''), traditionalToSimplified).text].filter((ch) => PHRASE_UNIT.test(ch)))
    .filter((seg) => seg.length > 0);
}

/** The characters that are units of a Chinese text (kept in step with passes.ts). */
const PHRASE_UNIT = /[\p{L}\p{N}%‰°℃+]/u;

export const HAN = /\p{Script=Han}/u;
