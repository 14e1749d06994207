/**
 * Where a complaint is: a generic complaint joined to the body site it is told at ("my big toe …
 * swollen" is a first-toe joint's swelling, "pain … moved to the lower right" is where it went),
 * a site beside a term named outright ("a rash on both arms"), and where pain spreads to. One
 * language pass's phrases in, mentions with their sites out (understand.ts reads the rest).
 */
import type { Lang } from '../schema/common';
import type { ConceptId, SiteId, SpanSite } from '../schema/language';
import { EN_SIDES, ZH_SIDES } from './cues';
import type { CueFound, Mention } from './context';
import type { Lexicon } from './lexicon';
import type { EntryKind } from './patterns';
import type { Segmented } from './passes';

/** Complaints of the whole person: a site beside them ("back from Thailand with a fever") is not theirs. */
const SYSTEMIC = new Set([
  'fever',
  'chills',
  'fatigue',
  'malaise',
  'night-sweats',
  'sweating',
  'weight-loss',
  'weight-gain',
  'loss-of-appetite',
  'nausea',
  'vomiting',
  'dizziness',
  'vertigo',
  'palpitations',
  'shortness-of-breath',
  'cough',
  'productive-cough',
  'insomnia',
  'low-mood',
  'anxiety',
  'confusion',
  'syncope',
  'excessive-thirst',
  'polyuria',
  'dehydration',
  'recent-travel',
  'smoker',
  'pregnant',
]);

/** The characters of pain inside a radiation cue ("疼到", "一直痛到"). */
const PAIN_CHARS = new Set(['疼', '痛']);

/** Things on the body (generic complaints and terms), which a complaint word before them describes. */
const LESIONS = new Set([
  ...['lump', 'rash', 'ulcer', 'blisters', 'crusting', 'white-patch', 'hole', 'bulge'],
  ...['blisters', 'skin-ulcer', 'subcutaneous-lump', 'mouth-ulcers', 'genital-sore', 'skin-lesion', 'hives', 'scaly-patches'],
]);
/** Words between an adjective and its noun ("painful and red blisters", "疼的水泡"). */
const DETERMINER_WORDS = new Set(['a', 'an', 'the', 'and', '的', '地']);

/** A mention as one language's reading builds it: where it came from, and what was added since. */
export type PassMention = Mention & { site?: SpanSite; migratedFrom?: SpanSite; radiation?: SpanSite[]; loose?: boolean; normal?: boolean };

/** One pass's placing of complaints and terms at the body sites it named. */
interface SitePlacing {
  lang: Lang;
  seg: Segmented;
  keys: readonly string[];
  mentions: PassMention[];
  /** The sites that are not where something spreads to, by sentence. */
  sitesIn: Map<number, Found[]>;
  /** Sites a complaint took (or passed over as where pain moved from): a term beside them does not take them. */
  pairedSites: Set<Found>;
  /** Terms made at a site, by term and complaint word. */
  made: Set<string>;
  /** Where a lesion (a term or complaint such as blisters, a rash) starts. */
  lesionStarts: Set<number>;
}

/** A complaint word right before a lesion, or one word before it, describes it ("painful blisters", "疼的水泡"). */
function describesLesion(at: SitePlacing, c: Found): boolean {
  return at.lesionStarts.has(c.last + 1) || (at.lesionStarts.has(c.last + 2) && DETERMINER_WORDS.has(at.keys[c.last + 1] as string));
}

export interface Found {
  kind: EntryKind;
  id: string;
  first: number;
  last: number;
  units: number[];
}

export class SitePlacer {
  constructor(private readonly lexicon: Lexicon) {}

  /** Generic complaints at a body site ("my big toe … swollen"), and the sites beside terms and where pain spreads to. */
  place(
    lang: Lang,
    seg: Segmented,
    keys: readonly string[],
    chosen: readonly Found[],
    cues: readonly CueFound[],
    mentions: PassMention[],
  ): void {
    const sites = chosen.filter((f) => f.kind === 'site');
    // Everything below places a complaint or a term at a site: with no site named there is nothing to do.
    if (sites.length === 0) return;
    const concepts = chosen.filter((f) => f.kind === 'concept');
    // "肩膀痛到手举不起来", "右上腹疼，疼到右肩": the pain of a "疼到" also hurts where it starts.
    for (const c of cues) {
      if (c.kind !== 'radiate' || lang !== 'zh') continue;
      for (let u = c.first; u <= c.last; u++) {
        if (!PAIN_CHARS.has(keys[u] as string)) continue;
        concepts.push({ kind: 'concept', id: 'pain', first: u, last: u, units: [u] });
        break;
      }
    }
    const radiationSites = new Set<Found>();
    const radiateEndsAt = new Set(cues.filter((c) => c.kind === 'radiate').map((c) => c.last));
    for (const s of sites) {
      for (let k = s.first - 1; k >= Math.max(0, s.first - 4); k--) {
        if (radiateEndsAt.has(k) && seg.clauseOf[k] === seg.clauseOf[s.first]) radiationSites.add(s);
      }
    }
    const primarySites = sites.filter((s) => !radiationSites.has(s));
    const at: SitePlacing = {
      lang,
      seg,
      keys,
      mentions,
      sitesIn: groupBySentence(seg, primarySites),
      pairedSites: new Set(),
      made: new Set(),
      // A complaint word right before a lesion describes it ("painful blisters on my back"), not the site.
      lesionStarts: new Set(chosen.filter((f) => (f.kind === 'term' || f.kind === 'concept') && LESIONS.has(f.id)).map((f) => f.first)),
    };
    const migrateIn = groupBySentence(
      seg,
      cues.filter((c) => c.kind === 'migrate'),
    );
    this.complaintsAtSites(at, concepts, migrateIn);
    // A list of sites under one complaint: "my knees and ankles hurt".
    const conceptsIn = groupBySentence(seg, concepts);
    for (const s of primarySites) {
      if (at.pairedSites.has(s)) continue;
      const sameSentence = conceptsIn.get(seg.sentenceOf[s.first] as number) ?? [];
      const c = nearest(
        sameSentence.filter((x) => seg.clauseOf[x.first] === seg.clauseOf[s.first] && !describesLesion(at, x)),
        s,
      );
      if (c) this.compose(at, c, s);
    }
    this.sitesBesideTerms(at, groupBySentence(seg, [...radiationSites]));
  }

  /**
   * A complaint takes the nearest site of its own clause; failing that, the site of an earlier
   * clause of its sentence when only complaints stand between ("my big toe is red, hot, swollen").
   * Pain that moved ("started around the belly button, now in the right lower quadrant") is where it went.
   */
  private complaintsAtSites(at: SitePlacing, concepts: readonly Found[], migrateIn: Map<number, CueFound[]>): void {
    const { seg, sitesIn } = at;
    const clauseHasTerm = new Set(at.mentions.map((m) => seg.clauseOf[m.first] as number));
    for (const c of concepts) {
      if (describesLesion(at, c)) continue;
      const inSentence = sitesIn.get(seg.sentenceOf[c.first] as number) ?? [];
      if (inSentence.length === 0) continue;
      const migrate = migrateIn.get(seg.sentenceOf[c.first] as number)?.[0];
      const after = migrate ? inSentence.filter((s) => s.first > migrate.last) : [];
      const before = migrate ? inSentence.filter((s) => s.last < migrate.first) : [];
      if (migrate && after.length > 0) {
        this.compose(at, c, after[0] as Found, before[before.length - 1]);
        for (const s of before) at.pairedSites.add(s);
        continue;
      }
      const clause = seg.clauseOf[c.first] as number;
      const own = inSentence.filter((s) => seg.clauseOf[s.first] === clause);
      if (own.length > 0) {
        this.compose(at, c, nearest(own, c) as Found);
        continue;
      }
      const earlier = inSentence.filter((s) => s.last < c.first);
      const site = earlier[earlier.length - 1];
      if (!site) continue;
      // Nor when the site's own clause names what hurts ("腰上长了一串水泡，很疼" is the blisters' pain).
      let clear = true;
      for (let k = seg.clauseOf[site.first] as number; k <= clause && clear; k++) if (clauseHasTerm.has(k)) clear = false;
      if (clear) this.compose(at, c, site);
    }
  }

  /** The term a complaint names at a site ("pain" at the knee is knee pain), once per complaint word. */
  private compose(at: SitePlacing, c: Found, s: Found, from?: Found): void {
    const term = this.lexicon.termAt(c.id as ConceptId, s.id as SiteId, this.sideOf(s, at.lang, at.keys).side);
    at.pairedSites.add(s);
    if (!term) return;
    const key = `${term}|${c.first}`;
    if (at.made.has(key)) return;
    at.made.add(key);
    at.mentions.push({
      term,
      first: Math.min(c.first, s.first),
      last: Math.max(c.last, s.last),
      anchor: c.first,
      site: this.sideOf(s, at.lang, at.keys),
      ...(from ? { migratedFrom: this.sideOf(from, at.lang, at.keys) } : {}),
    });
  }

  /** A site beside a term named outright says where it is ("a rash on both arms"); a site after a radiation cue, where it spreads. */
  private sitesBesideTerms(at: SitePlacing, radiationIn: Map<number, Found[]>): void {
    const { seg, sitesIn } = at;
    const sideOf = (s: Found): SpanSite => this.sideOf(s, at.lang, at.keys);
    for (const m of at.mentions) {
      if (m.site || m.normal !== undefined || SYSTEMIC.has(m.term)) continue;
      const near = (sitesIn.get(seg.sentenceOf[m.first] as number) ?? []).filter((s) => Math.abs(s.first - m.first) <= 6);
      const s = nearest(near, { first: m.first, last: m.last });
      if (s && !at.pairedSites.has(s)) m.site = sideOf(s);
    }
    for (const m of at.mentions) {
      const rad = (radiationIn.get(seg.sentenceOf[m.first] as number) ?? []).filter((s) => s.first > m.last);
      if (rad.length > 0) m.radiation = rad.map(sideOf);
    }
  }

  /** A site as a span gives it: with its side when the site has sides and one is named just before ("left knee", "右膝"). */
  private sideOf(s: Found, lang: Lang, keys: readonly string[]): SpanSite {
    const sided = this.lexicon.sites.get(s.id as SiteId)?.sided ?? false;
    const sides = lang === 'en' ? EN_SIDES : ZH_SIDES;
    let side: SpanSite['side'];
    for (let k = s.first - 1; k >= Math.max(0, s.first - (lang === 'en' ? 3 : 2)); k--) {
      const found = sides[keys[k] as string];
      if (found) {
        side = found;
        break;
      }
    }
    return sided && side ? { id: s.id as SiteId, side } : { id: s.id as SiteId };
  }
}

/** The things of `list` by the sentence they start in. */
function groupBySentence<T extends { first: number }>(seg: Segmented, list: readonly T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const x of list) {
    const key = seg.sentenceOf[x.first] as number;
    const l = map.get(key);
    if (l) l.push(x);
    else map.set(key, [x]);
  }
  return map;
}

function nearest<T extends { first: number; last: number }>(list: readonly T[], to: { first: number; last: number }): T | undefined {
  let best: T | undefined;
  let bestD = Infinity;
  for (const x of list) {
    const d = x.first > to.last ? x.first - to.last : to.first > x.last ? to.first - x.last + 0.5 : 0;
    if (d < bestD) {
      best = x;
      bestD = d;
    }
  }
  return best;
}
