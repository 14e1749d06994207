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

/** Words every finding name shares: they cannot tell one finding from another. */
const GENERIC = new Set(
  `the a an of in on at to and or with without for from by is are was shows show showing seen noted there both left right mild
  moderate severe sign signs test exam examination finding positive neg negative posit raised rais high low elev elevated increas
  decreas reduc abnorm abnormal normal level count result reveal physic patient on of`
    .split(/\s+/)
    .flatMap((w) => [w, ...englishTokens(w).map((t) => t.key)]),
);
const ZH_GENERIC = new Set(['阳性', '阴性', '升高', '降低', '异常', '检查', '可见', '提示', '显示']);

interface Name {
  term: TermId;
  keys: string[];
}

function bigrams(units: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < units.length; i++) {
    const b = `${units[i]}${units[i + 1]}`;
    if (!ZH_GENERIC.has(b)) out.push(b);
  }
  return [...new Set(out)];
}

export class LooseFindings {
  private readonly en = new Map<string, Name[]>();
  private readonly zh = new Map<string, Name[]>();

  constructor(kb: KnowledgeBase, t2s: ReadonlyMap<string, string>) {
    for (const term of kb.terms) {
      if (term.kind !== 'finding') continue;
      for (const phrase of [term.name.en, ...term.synonyms.en]) {
        const keys = [...new Set(englishTokens(phrase).map((t) => t.key))].filter((k) => !GENERIC.has(k) && !/^\d+$/.test(k));
        if (keys.length >= 2) for (const k of keys) push(this.en, k, { term: term.id, keys });
      }
      for (const phrase of [term.name.zh, ...term.synonyms.zh]) {
        const keys = bigrams(chinesePattern(phrase, t2s).flat());
        if (keys.length >= 2) for (const k of keys) push(this.zh, k, { term: term.id, keys });
      }
    }
  }

  /** The finding a clause names in other words, if one stands out. */
  match(keys: readonly string[], lang: 'en' | 'zh'): TermId | undefined {
    const index = lang === 'en' ? this.en : this.zh;
    // Most clauses share no word with any finding's name: one pass tells, before any set is built.
    let hits = 0;
    if (lang === 'en') {
      for (const k of keys) if (index.has(k)) hits++;
    } else for (let i = 0; i + 1 < keys.length; i++) if (index.has(`${keys[i]}${keys[i + 1]}`)) hits++;
    if (hits < 2) return undefined;
    const have = new Set(lang === 'en' ? keys.filter((k) => !GENERIC.has(k)) : bigrams([...keys]));
    let best: { term: TermId; score: number } | undefined;
    let tie = false;
    const seen = new Set<Name>();
    for (const k of have) {
      for (const name of index.get(k) ?? []) {
        if (seen.has(name)) continue;
        seen.add(name);
        const common = name.keys.filter((x) => have.has(x)).length;
        const cover = common / name.keys.length;
        if (common < 2 || cover < 2 / 3) continue;
        const score = cover + common / 100;
        if (!best || score > best.score + 1e-9) {
          tie = best !== undefined && best.term !== name.term && Math.abs(score - best.score) < 1e-9;
          best = { term: name.term, score };
        } else if (Math.abs(score - best.score) < 1e-9 && name.term !== best.term) tie = true;
      }
    }
    return best && !tie ? best.term : undefined;
  }
}

function push(map: Map<string, Name[]>, key: string, name: Name): void {
  const list = map.get(key);
  if (list) list.push(name);
  else map.set(key, [name]);
}
