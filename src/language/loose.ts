/**
 * Clinicians write findings in their own order and shorthand ("dengue NS1 positive", "TPO抗体阳性",
 * "smear: HSIL"): a clause no phrase matched is compared, as a bag of words (English stems) or of
 * character pairs (Chinese), with the names of the examination findings; the finding whose name
 * it covers best, at least two thirds of it and by at least two specific words, is read.
 */
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import type { TermId } from '../schema/ids';
import { chinesePattern } from './chinese';
import { englishTokens } from './english';
import { LATIN_UNIT } from './passes';

/** Words every finding name shares: they cannot tell one finding from another. */
const GENERIC = new Set(
  `the a an of in on at to and or with without for from by is are was shows show showing seen noted there both left right mild
  moderate severe sign signs test exam examination finding positive neg negative posit raised rais high low elev elevated increas
  decreas reduc abnorm abnormal normal level count result reveal physic patient on of no not non absent absenc never`
    .split(/\s+/)
    .flatMap((w) => [w, ...englishTokens(w).map((t) => t.key)]),
);
const ZH_GENERIC = new Set(['阳性', '阴性', '升高', '降低', '异常', '检查', '可见', '提示', '显示']);

interface Name {
  term: TermId;
  keys: string[];
  /** A Chinese name's Latin words ("ALP" of "ALP升高"): the clause must have each as a word of its own. */
  latin?: string[];
  /** The name's place in `LooseFindings.names`, for counting in a typed array. */
  index: number;
}

export class LooseFindings {
  private readonly en = new Map<string, Name[]>();
  /** Chinese names by their character pairs, first character then second (no string is built to look one up). */
  private readonly zh = new Map<string, Map<string, Name[]>>();
  /** The same, for a single-code-unit first character, by its code: read from an array, not by hashing each character anew. */
  private readonly zhByCode: (Map<string, Name[]> | undefined)[] = new Array<Map<string, Name[]> | undefined>(0x10000).fill(undefined);
  private readonly names: Name[] = [];
  /** How many of each name's words the clause being read has; zero again after each reading. */
  private readonly shared: Int32Array;

  constructor(kb: KnowledgeBase, t2s: ReadonlyMap<string, string>) {
    for (const term of kb.terms) {
      if (term.kind !== 'finding') continue;
      for (const phrase of [term.name.en, ...term.synonyms.en]) {
        const keys = [...new Set(englishTokens(phrase).map((t) => t.key))].filter((k) => !GENERIC.has(k) && !/^\d+$/.test(k));
        if (keys.length < 2) continue;
        const name = this.name(term.id, keys);
        for (const k of keys) push(this.en, k, name);
      }
      for (const phrase of [term.name.zh, ...term.synonyms.zh]) {
        const units = chinesePattern(phrase, t2s).flat();
        const pairs = new Map<string, [string, string]>();
        for (let i = 0; i + 1 < units.length; i++) {
          const a = units[i] as string;
          const b = units[i + 1] as string;
          if (!ZH_GENERIC.has(`${a}${b}`)) pairs.set(`${a}${b}`, [a, b]);
        }
        if (pairs.size < 2) continue;
        const name = this.name(term.id, [...pairs.keys()]);
        // Words with a letter: a number in a name ("> 10%") is a threshold, not a word to find.
        const latin = phrase
          .toLowerCase()
          .match(LATIN_WORD)
          ?.filter((w) => /[a-z]/.test(w));
        if (latin && latin.length > 0) name.latin = latin;
        for (const [a, b] of pairs.values()) {
          let byB = this.zh.get(a);
          if (!byB) this.zh.set(a, (byB = new Map()));
          push(byB, b, name);
        }
      }
    }
    this.shared = new Int32Array(this.names.length);
    for (const [a, byB] of this.zh) if (a.length === 1) this.zhByCode[a.charCodeAt(0)] = byB;
  }

  private name(term: TermId, keys: string[]): Name {
    const name = { term, keys, index: this.names.length };
    this.names.push(name);
    return name;
  }

  /**
   * The finding a clause names in other words, if one stands out. `latin`: the Latin words of a
   * Chinese clause (its characters are read in pairs, and "palpitation" must not read as "ALP").
   */
  match(keys: readonly string[], lang: 'en' | 'zh', latin?: ReadonlySet<string>): TermId | undefined {
    // The names sharing each of the clause's words (or character pairs), each list once.
    const lists = new Set<Name[]>();
    if (lang === 'en') {
      for (const k of keys) {
        const l = this.en.get(k);
        if (l) lists.add(l);
      }
    } else {
      for (let i = 0; i + 1 < keys.length; i++) {
        const a = keys[i] as string;
        const byB = a.length === 1 ? this.zhByCode[a.charCodeAt(0)] : this.zh.get(a);
        const l = byB?.get(keys[i + 1] as string);
        if (l) lists.add(l);
      }
    }
    // Most clauses share at most one word with any finding's name.
    if (lists.size < 2) return undefined;
    // How many of each name's words the clause has (a name is one object under each of its words),
    // counted in a typed array; the names are then weighed in the order they were first met.
    const count = this.shared;
    const met: Name[] = [];
    for (const l of lists) {
      for (const name of l) {
        if (count[name.index] === 0) met.push(name);
        (count[name.index] as number)++;
      }
    }
    let best: { term: TermId; score: number } | undefined;
    let tie = false;
    for (const name of met) {
      const shared = count[name.index] as number;
      count[name.index] = 0;
      const cover = shared / name.keys.length;
      if (shared < 2 || cover < 2 / 3) continue;
      if (name.latin && latin && !name.latin.every((w) => latin.has(w))) continue;
      const score = cover + shared / 100;
      if (!best || score > best.score + 1e-9) {
        tie = best !== undefined && best.term !== name.term && Math.abs(score - best.score) < 1e-9;
        best = { term: name.term, score };
      } else if (Math.abs(score - best.score) < 1e-9 && name.term !== best.term) tie = true;
    }
    return best && !tie ? best.term : undefined;
  }
}

const LATIN_WORD = /[a-z0-9]+/g;

/** The Latin words among units first…last of Chinese text: runs of letters and digits with nothing between them. */
export function latinWords(units: readonly { key: string; start: number; end: number }[], first: number, last: number): Set<string> {
  const out = new Set<string>();
  let word = '';
  for (let u = first; u <= last + 1; u++) {
    const unit = units[u];
    const latin = u <= last && unit !== undefined && LATIN_UNIT.test(unit.key);
    const joined = latin && word !== '' && (units[u - 1] as { end: number }).end === unit.start;
    if (word !== '' && !joined) {
      out.add(word);
      word = '';
    }
    if (latin) word += unit.key.toLowerCase();
  }
  return out;
}

function push(map: Map<string, Name[]>, key: string, name: Name): void {
  const list = map.get(key);
  if (list) list.push(name);
  else map.set(key, [name]);
}
