/**
 * Compiles everything the language layer knows into two pattern indexes (English, Chinese): the
 * knowledge base's term names and synonyms, the lay lexicons, the body sites, the generic
 * complaints and the context cues. Built once per knowledge base and data set.
 */
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import type { ConceptId, LanguageData, LayFile, Site, SiteId } from '../schema/language';
import type { TermId } from '../schema/ids';
import { chinesePattern } from './chinese';

import { englishPattern, englishTokens, stemWord } from './english';
import { PatternIndex, type Entry } from './patterns';

/** How far apart the parts of a gapped phrase may stand: words in English, characters in Chinese. */
export const EN_MAX_GAP = 6;
export const ZH_MAX_GAP = 8;

/** Joins the terms one lay phrase tells ("diarrhoea+vomiting" for "D&V"). */
export const TERMS_JOINED = '+';
/** Tie-breaks between phrases of equal length: a term's own name, then its synonyms, sites, complaints, cues. */
const RANK = { name: 0, synonym: 1, lay: 1, analyte: 2, site: 3, concept: 4, function: 4, cue: 5 } as const;

const EN_DIRECTION = { high: ['raised', 'high', 'elevated', 'increased'], low: ['low', 'reduced', 'decreased', 'depressed'] } as const;
const ZH_DIRECTION = { high: ['升高', '增高', '偏高', '高'], low: ['降低', '减低', '偏低', '低', '下降'] } as const;

/**
 * "Alanine aminotransferase (ALT)" → ["Alanine aminotransferase", "ALT"]. Only an abbreviation in
 * brackets is another name: "(upright)", "(8 am)", "(male reference)" only qualify the first.
 */
function parenthesised(name: string): string[] {
  const m = /^(.*?)\s*[(（]([^)）]+)[)）]\s*$/.exec(name);
  if (!m) return [];
  const inner = m[2] as string;
  const abbreviation = /^[A-Za-z0-9-]{2,10}$/.test(inner) && (inner.match(/[A-Z]/g)?.length ?? 0) >= 2;
  return abbreviation ? [m[1] as string, inner] : [m[1] as string];
}

export class Lexicon {
  readonly en = new PatternIndex(EN_MAX_GAP, new Set(['no', 'not', 'never', 'without', 'nor', 'but', 'denies'].map(stemWord)));
  readonly zh = new PatternIndex(ZH_MAX_GAP, new Set([...'没无不未但否']));
  /** Every folded English word the lexicon is written in: the typo corrector's dictionary. */
  readonly englishWords = new Set<string>();
  readonly t2s: ReadonlyMap<string, string>;
  /** Body functions by their index (a 'function' entry's id). */
  readonly functions: LanguageData['functions'];
  /** Body sites by id (looked up by the id a span carries or a caller gives). */
  readonly sites = new Map<string, Site>();
  private readonly siteTerms = new Map<string, TermId | null>();

  constructor(
    readonly kb: KnowledgeBase,
    data: LanguageData,
  ) {
    this.t2s = new Map(Object.entries(data.t2s));
    for (const pass of ['name', 'synonym'] as const) {
      for (const term of kb.terms) {
        const entry: Entry = { kind: 'term', id: term.id, rank: RANK[pass] };
        for (const p of pass === 'name' ? [term.name.en] : term.synonyms.en) this.addEn(p, entry);
        for (const p of pass === 'name' ? [term.name.zh] : term.synonyms.zh) this.addZh(p, entry);
      }
    }
    // A phrase that tells several terms at once carries them all in its id (terms never hold a "+").
    const layId = (e: LayFile[number]): string => [e.term, ...(e.also ?? []).filter((t) => kb.hasTerm(t))].join(TERMS_JOINED);
    for (const e of data.lay.en)
      if (kb.hasTerm(e.term)) for (const p of e.phrases) this.addEn(p, { kind: 'term', id: layId(e), rank: RANK.lay });
    for (const e of data.lay.zh)
      if (kb.hasTerm(e.term)) for (const p of e.phrases) this.addZh(p, { kind: 'term', id: layId(e), rank: RANK.lay });
    this.addAnalytePhrases();
    for (const site of data.sites) {
      this.sites.set(site.id, site);
      const entry: Entry = { kind: 'site', id: site.id, rank: RANK.site };
      for (const p of site.phrases.en) this.addEn(p, entry);
      for (const p of site.phrases.zh) this.addZh(p, entry);
    }
    for (const c of data.concepts) {
      const entry: Entry = { kind: 'concept', id: c.id, rank: RANK.concept };
      for (const p of c.phrases.en) this.addEn(p, entry);
      for (const p of c.phrases.zh) this.addZh(p, entry);
    }
    this.functions = data.functions;
    data.functions.forEach((f, i) => {
      const entry: Entry = { kind: 'function', id: String(i), rank: RANK.function };
      for (const p of f.en) this.addEn(p, entry);
      for (const p of f.zh) this.addZh(p, entry);
    });
    for (const r of data.siteTerms)
      if (r.term === null || kb.hasTerm(r.term)) this.siteTerms.set(`${r.concept}|${r.site}${r.side ? `|${r.side}` : ''}`, r.term);
    for (const [kind, phrases] of Object.entries(data.cues.en))
      for (const p of phrases) this.addEn(p, { kind: 'cue', id: kind, rank: RANK.cue });
    for (const [kind, phrases] of Object.entries(data.cues.zh))
      for (const p of phrases) this.addZh(p, { kind: 'cue', id: kind, rank: RANK.cue });
  }

  private addEn(phrase: string, entry: Entry): void {
    const segments = englishPattern(phrase);
    if (segments.length === 0) return;
    this.en.add(segments, entry);
    for (const t of englishTokens(phrase.replace(/\.\.\.|…/g, ' '))) this.englishWords.add(t.word);
  }

  private addZh(phrase: string, entry: Entry): void {
    const segments = chinesePattern(phrase, this.t2s);
    if (segments.length > 0) this.zh.add(segments, entry);
  }

  /**
   * Reports say "CRP elevated", "raised CRP", "血红蛋白偏低": every measured finding is also
   * reachable as a direction word with any name of its analyte, in either order.
   */
  private addAnalytePhrases(): void {
    for (const term of this.kb.terms) {
      if (!term.analyte || !term.direction) continue;
      const analyte = this.kb.analyte(term.analyte).analyte;
      const entry: Entry = { kind: 'term', id: term.id, rank: RANK.analyte };
      const words = EN_DIRECTION[term.direction];
      const strip = (s: string): string =>
        s.replace(new RegExp(`^(${[...EN_DIRECTION.high, ...EN_DIRECTION.low].join('|')})\\s+`, 'i'), '');
      const bases = new Set([analyte.name.en, ...parenthesised(analyte.name.en), strip(term.name.en), ...term.synonyms.en.map(strip)]);
      for (const base of bases) for (const w of words) for (const p of [`${w} ${base}`, `${base} ${w}`]) this.addEn(p, entry);
      for (const base of new Set([analyte.name.zh, ...parenthesised(analyte.name.zh)]))
        for (const w of ZH_DIRECTION[term.direction]) this.addZh(`${base}${w}`, entry);
    }
  }

  /**
   * The term a generic complaint names at a site: the site's own rule (for this side first), then
   * the rule for its kind of site (any joint), then its parents' rules, nearest first. A rule
   * naming no term ends the search.
   */
  termAt(concept: ConceptId | string, site: SiteId, side?: 'left' | 'right' | 'both'): TermId | undefined {
    let at: SiteId | undefined = site;
    const kind = this.sites.get(site)?.kind;
    const sided = side === undefined ? undefined : side === 'both' ? 'both' : 'one';
    for (let depth = 0; at && depth < 12; depth++) {
      const sidedKey = `${concept}|${at}|${sided}`;
      const rule = sided && this.siteTerms.has(sidedKey) ? this.siteTerms.get(sidedKey) : this.siteTerms.get(`${concept}|${at}`);
      if (rule !== undefined) return rule ?? undefined;
      if (depth === 0 && kind === 'joint') {
        const joint = this.siteTerms.get(`${concept}|joint`);
        if (joint) return joint;
      }
      at = this.sites.get(at)?.parent;
    }
    return undefined;
  }
}
