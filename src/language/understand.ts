/**
 * The clinical language layer: what a person's words say, as knowledge-base terms. One
 * extraction result serves every door where a person types (the consultation, the assistant,
 * the training interview, triage training, `evaluate`, `understand`).
 *
 * A text is cut into units (passes.ts), the lexicon's phrases are found and the longest win
 * (patterns.ts), a generic complaint is joined to its body site ("my big toe … swollen", sitePlacing.ts), the
 * context cues decide whether each is present, uncertain, a relative's or past history
 * (context.ts), attributes and measured values are read and given to the nearest complaint, and a
 * few patterns refine a term ("chest pain when I walk uphill" is exertional chest pain).
 * Deterministic and linear in the length of the text.
 */
import type { Lang } from '../schema/common';
import type { TermId } from '../schema/ids';
import type { Extraction, LanguageData, NormalValue, Span } from '../schema/language';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { readAttributes, readGestation, type AttributeReading } from './attributes';
import { readTravel } from './travel';
import { foldChinese, HAN } from './chinese';
import type { CueKind } from './cues';
import { ContextReader, type CueFound } from './context';
import { Lexicon, TERMS_JOINED } from './lexicon';
import { selectCandidates, unitsOf, type Candidate } from './patterns';
import { readFunctions } from './functions';
import { LATIN_UNIT, segmentChinese, segmentEnglish, type Segmented } from './passes';
import { refine } from './refine';
import { TypoCorrector } from './typo';
import { ValueFinder } from './values';
import { assignAttributes } from './assign';
import { latinWords, LooseFindings } from './loose';
import { historyTerms } from '../knowledge/epidemiology';
import { SitePlacer, type Found, type PassMention } from './sitePlacing';

const FEVER = 'fever' as TermId;
const SICK_CONTACT = 'sick-contact';
/** The patient's own voice ("I", "me", "too", 我 that is not 我爸…), beside someone else's complaint. */
const SELF_BESIDE = /\b(?:i|i'm|i've|me|too|as well)\b|我(?![爸妈爷奶姥外哥姐弟妹老儿女孩家公婆])/i;
/** Complaints that are caught from the people around: told of someone else, they are a sick contact. */
const CATCHING = new Set(['cough', 'fever', 'diarrhoea', 'vomiting', 'itching', 'rash', 'sore-throat', 'runny-nose', 'red-eye', 'chills']);
/** Texts longer than this are read up to it: a consultation box is not a book. */
export const MAX_TEXT_LENGTH = 50_000;

const EN_STOPWORDS = new Set(
  `a an the of in on at to and or with for from by is are was were be been being am i me my mine it its this that these those
  there here have has had do does did so very really just also too then than as if when while what which who whom how why
  you your he she his her they them their we us our all any some no not yes yeah ok okay well oh um uh please thanks thank
  hi hello dear doctor doc sir madam can could would should will shall may might must get got getting go going went gone
  feel feeling felt like bit lot little much more most about around since for ago now today yesterday week weeks day days
  month months year years time times again still even though but because`.split(/\s+/),
);

export class ClinicalLanguage {
  readonly lexicon: Lexicon;
  private readonly typo: TypoCorrector;
  private readonly values: ValueFinder;
  private readonly loose: LooseFindings;
  private readonly history: ReadonlySet<string>;
  private readonly sites: SitePlacer;

  constructor(
    readonly kb: KnowledgeBase,
    data: LanguageData,
  ) {
    this.lexicon = new Lexicon(kb, data);
    this.typo = new TypoCorrector(this.lexicon.englishWords, data.keep);
    this.values = new ValueFinder(kb, this.lexicon.t2s);
    this.loose = new LooseFindings(kb, this.lexicon.t2s);
    this.history = historyTerms(kb);
    this.sites = new SitePlacer(this.lexicon);
  }

  /** Everything the text says, in its own order. `lang` is the person's language; Chinese text is read as Chinese whatever it says. */
  understand(input: string, lang?: Lang): Extraction {
    const text = input.length > MAX_TEXT_LENGTH ? input.slice(0, MAX_TEXT_LENGTH) : input;
    const hasHan = HAN.test(text);
    const spans: Span[] = [];
    const unread: string[] = [];
    const values = this.values.find(text);
    if (hasHan) this.pass(text, 'zh', segmentChinese(text, this.lexicon.t2s), spans, unread, values);
    if (!hasHan || /[a-z]{2,}/i.test(text)) {
      const en = segmentEnglish(text, (w) => this.typo.correct(w));
      const chinese = spans.length;
      this.pass(text, 'en', en, spans, hasHan ? [] : unread, values);
      // Latin words a Chinese phrase already read as part of itself ("T-SPOT也阳性") are not read again on their own.
      if (chinese > 0) {
        const zh = spans.slice(0, chinese);
        const inside = (s: Span): boolean => zh.some((z) => z.start <= s.start && s.end <= z.end);
        let kept = chinese;
        for (let k = chinese; k < spans.length; k++) if (!inside(spans[k] as Span)) spans[kept++] = spans[k] as Span;
        spans.length = kept;
      }
    }
    // A pregnancy told by its weeks, and a journey to a place where imported infections come from.
    const pregnant = 'pregnant';
    const g = this.kb.hasTerm(pregnant) ? readGestation(text)[0] : undefined;
    const toldPregnant = spans.find((s) => s.term === pregnant && s.subject === 'patient');
    if (g && toldPregnant) toldPregnant.attributes = { ...toldPregnant.attributes, gestationWeeks: g.weeks };
    else if (g && this.kb.hasTerm(pregnant)) spans.push(ownSpan(text, g, pregnant, { gestationWeeks: g.weeks }));
    const travel = 'recent-travel';
    const trip = this.kb.hasTerm(travel) && !spans.some((s) => s.term === travel) ? this.travelIn(text, hasHan)[0] : undefined;
    if (trip && this.kb.hasTerm(travel)) spans.push(ownSpan(text, trip, travel, trip.place ? { place: trip.place } : undefined));
    this.sickContact(text, spans);
    const normalValues: NormalValue[] = [];
    for (const r of values) {
      const term = this.values.finding(r);
      if (!term) {
        normalValues.push({ ...r.value, start: r.start, end: r.end });
        // "Temperature 36.8" names a temperature, and a normal one says there is no fever.
        if (r.analyte === 'temperature')
          for (const s of spans) if (s.term === FEVER && s.start < r.end && r.start < s.end && s.present) s.present = false;
        continue;
      }
      // A value told within a complaint's words shares whose and when it is ("had a fever of 101 on Tuesday, gone now").
      const told = spans.find((s) => s.start < r.end && r.start < s.end);
      spans.push({
        text: text.slice(r.start, r.end),
        start: r.start,
        end: r.end,
        term,
        present: true,
        certainty: told?.certainty ?? 'certain',
        subject: told?.subject ?? 'patient',
        temporality: told?.temporality ?? 'current',
        value: r.value,
      });
    }
    return { lang: hasHan ? 'zh' : (lang ?? 'en'), spans: dedupe(spans), normalValues, unread };
  }

  /**
   * Someone else's catching complaint now ("my husband has been coughing for months", "whole
   * family is scratching", "我男朋友也咳嗽") is the patient's contact with someone ill.
   */
  private sickContact(text: string, spans: Span[]): void {
    if (!this.kb.hasTerm(SICK_CONTACT) || spans.some((s) => s.term === SICK_CONTACT)) return;
    // Only when the patient speaks of themselves beside the other person: "我爸81岁…呛咳" is a
    // relative telling of the patient, not a contact.
    if (!SELF_BESIDE.test(text)) return;
    const other = spans.find((s) => s.subject === 'family' && s.temporality === 'current' && s.present && CATCHING.has(s.term));
    if (!other) return;
    const { start, end, certainty } = other;
    spans.push({
      text: other.text,
      start,
      end,
      term: SICK_CONTACT as TermId,
      present: true,
      certainty,
      subject: 'patient',
      temporality: 'current',
    });
  }

  /** Journeys told in the text; Chinese is read simplified ("從泰國回來"), offsets still the original's. */
  private travelIn(text: string, hasHan: boolean): ReturnType<typeof readTravel> {
    if (!hasHan) return readTravel(text);
    const folded = foldChinese(text, this.lexicon.t2s);
    return readTravel(folded.text).map((t) => ({ ...t, start: folded.origin[t.start] as number, end: folded.origin[t.end] as number }));
  }

  /**
   * One language's reading of the text: its phrases found and chosen, the mentions they make (terms,
   * body functions, complaints at a site, findings in other words), each read in its context into a
   * span. Kept in a few steps of modest size: the engine compiles a small function soon and well.
   */
  private pass(
    text: string,
    lang: Lang,
    seg: Segmented,
    spans: Span[],
    unread: string[],
    values: readonly { start: number; end: number }[],
  ): void {
    const index = lang === 'en' ? this.lexicon.en : this.lexicon.zh;
    const keys = seg.units.map((u) => u.key);
    const found = index.find(keys, seg.clauseOf);
    // In Chinese text a Latin phrase ("KP", "ALT") must stand as a word, not inside "kPa".
    const whole = lang === 'zh' ? found.filter((c) => !runsOn(seg, c.first, c.last)) : found;
    const chosen = selectCandidates(whole, keys.length).map((c): Found => ({
      kind: c.entry.kind,
      id: c.entry.id,
      first: c.first,
      last: c.last,
      units: unitsOf(c),
    }));
    const cues = chosen.filter((f) => f.kind === 'cue').map((f): CueFound => ({ kind: f.id as CueKind, first: f.first, last: f.last }));
    // The units inside a cue: read by body functions and by the list of what was not understood.
    const inCue = new Uint8Array(keys.length);
    for (const c of cues) inCue.fill(1, c.first, c.last + 1);
    const consumed = new Uint8Array(keys.length);
    // 1: a term or a complaint; 2: a body site (a cue reaches past a site, not past a complaint).
    for (const f of chosen) if (f.kind !== 'cue' && f.kind !== 'function') for (const u of f.units) consumed[u] = f.kind === 'site' ? 2 : 1;
    const mentions: PassMention[] = [];
    this.functionMentions(whole, cues, inCue, consumed, seg, mentions);
    // Terms named outright.
    for (const f of chosen) {
      if (f.kind !== 'term') continue;
      // Most phrases tell one term; only a joined id ("diarrhoea+vomiting") is split.
      if (!f.id.includes(TERMS_JOINED)) mentions.push({ term: f.id as TermId, first: f.first, last: f.last, anchor: f.first });
      else
        for (const term of f.id.split(TERMS_JOINED)) mentions.push({ term: term as TermId, first: f.first, last: f.last, anchor: f.first });
    }

    this.sites.place(lang, seg, keys, chosen, cues, mentions);
    this.looseMentions(lang, seg, keys, mentions);
    const { made, attributes } = this.spansOf(text, lang, seg, keys, cues, consumed, mentions);
    for (const s of made) if (!isManoeuvre(s, made, attributes, text)) spans.push(refine(s, this.kb));
    this.unreadClauses(text, lang, seg, keys, inCue, consumed, { attributes, made, values }, unread);
  }

  /**
   * Body functions said to be normal ("Hearing: fine", "胃口好"). A function's words may also name
   * a site ("bowels"): it is read where no term or complaint took them.
   */
  private functionMentions(
    whole: readonly Candidate[],
    cues: readonly CueFound[],
    inCue: Uint8Array,
    consumed: Uint8Array,
    seg: Segmented,
    mentions: PassMention[],
  ): void {
    const units = seg.units.length;
    const functions = selectCandidates(
      whole.filter((c) => c.entry.kind === 'function'),
      units,
    ).filter((c) => unitsOf(c).every((u) => consumed[u] !== 1 && !inCue[u]));
    const functionChosen = functions.map((c) => ({ id: c.entry.id, first: c.first, last: c.last }));
    for (const r of readFunctions(functionChosen, this.lexicon.functions, cues, inCue, seg, consumed))
      mentions.push({ ...r, normal: !r.denied });
  }

  /** A clause no phrase read may still name an examination finding in the clinician's own words. */
  private looseMentions(lang: Lang, seg: Segmented, keys: readonly string[], mentions: PassMention[]): void {
    const clauseHasMention = new Set(mentions.map((m) => seg.clauseOf[m.first] as number));
    for (let i = 0; i < keys.length;) {
      let j = i;
      while (j + 1 < keys.length && seg.clauseOf[j + 1] === seg.clauseOf[i]) j++;
      if (!clauseHasMention.has(seg.clauseOf[i] as number)) {
        const term = this.loose.match(keys.slice(i, j + 1), lang, lang === 'zh' ? latinWords(seg.units, i, j) : undefined);
        if (term) mentions.push({ term, first: i, last: j, anchor: i, loose: true });
      }
      i = j + 1;
    }
  }

  /** Each mention read in its context (denied? whose? when?) into a span, with the attributes told beside it. */
  private spansOf(
    text: string,
    lang: Lang,
    seg: Segmented,
    keys: readonly string[],
    cues: readonly CueFound[],
    consumed: Uint8Array,
    mentions: readonly PassMention[],
  ): { made: Span[]; attributes: AttributeReading[] } {
    const gestation = readGestation(text);
    const attributes = readAttributes(text, lang).filter(
      (a) => !(a.kind === 'duration' && gestation.some((g) => g.start < a.end && a.start < g.end)),
    );
    const context = new ContextReader(seg, cues, consumed, keys, lang, this.history);
    const made: Span[] = [];
    for (const m of mentions) {
      if (context.likened(m)) continue;
      const ctx = context.read(m);
      // A function's reading decides itself: normal rules the complaint out, "not normal" tells it.
      if (m.normal !== undefined) ctx.present = !m.normal;
      // A finding read from a whole clause is denied by a denial anywhere in it ("乙肝表面抗原阴性", "JVP not raised").
      if (m.loose && cues.some((c) => (c.kind === 'negate' || c.kind === 'negate-after') && c.first >= m.first && c.last <= m.last))
        ctx.present = false;
      const start = (seg.units[m.first] as { start: number }).start;
      const end = (seg.units[m.last] as { end: number }).end;
      const span: Span = {
        text: text.slice(start, end),
        start,
        end,
        term: m.term,
        present: ctx.present,
        certainty: ctx.certainty,
        subject: ctx.subject,
        temporality: ctx.temporality,
        ...(m.site ? { site: m.site } : {}),
      };
      const extra = { ...(m.migratedFrom ? { migratedFrom: m.migratedFrom } : {}), ...(m.radiation ? { radiation: m.radiation } : {}) };
      if (Object.keys(extra).length > 0) span.attributes = extra;
      made.push(span);
    }
    assignAttributes(made, attributes, seg);
    return { made, attributes };
  }

  /** What was not understood, clause by clause, so the person can say it another way. */
  private unreadClauses(
    text: string,
    lang: Lang,
    seg: Segmented,
    keys: readonly string[],
    inCue: Uint8Array,
    consumed: Uint8Array,
    read: { attributes: readonly AttributeReading[]; made: readonly Span[]; values: readonly { start: number; end: number }[] },
    unread: string[],
  ): void {
    const { attributes, made, values } = read;
    const readAt = new Uint8Array(text.length + 1);
    for (const a of attributes) if (a.kind === 'duration') readAt.fill(1, a.start, a.end);
    for (const s of made) readAt.fill(1, s.start, s.end);
    for (const v of values) readAt.fill(1, v.start, v.end);
    for (let i = 0; i < keys.length;) {
      let j = i;
      while (j + 1 < keys.length && seg.clauseOf[j + 1] === seg.clauseOf[i]) j++;
      const start = (seg.units[i] as { start: number }).start;
      const end = (seg.units[j] as { end: number }).end;
      let understood = false;
      for (let u = i; u <= j && !understood; u++) if (consumed[u] || readAt[(seg.units[u] as { start: number }).start]) understood = true;
      // Only a clause nothing was read in is weighed for content words.
      if (!understood) {
        let content = 0;
        for (let u = i; u <= j; u++) {
          const k = keys[u] as string;
          if (!inCue[u] && (lang === 'en' ? !EN_STOPWORDS.has(k) && !/^\d/.test(k) : HAN.test(k))) content++;
        }
        if (content >= (lang === 'en' ? 1 : 2)) unread.push(text.slice(start, end));
      }
      i = j + 1;
    }
  }
}

const SENTENCE_END = /[.!?。！？;；\n]/;

/**
 * "My head hurts when I cough or strain": the cough is what brings the headache on, not a
 * complaint of its own, when it is read inside the trigger of a complaint told before it in the
 * same sentence. (A cough told outright elsewhere is read there.)
 */
function isManoeuvre(span: Span, all: readonly Span[], attributes: readonly AttributeReading[], text: string): boolean {
  const trigger = attributes.find((a) => a.kind === 'trigger' && a.start <= span.start && span.end <= a.end);
  if (!trigger || !span.present) return false;
  return all.some((o) => o !== span && o.present && o.end <= trigger.start && !SENTENCE_END.test(text.slice(o.end, trigger.start)));
}

/** Whether units first…last begin or end inside a run of Latin letters or digits. */
function runsOn(seg: Segmented, first: number, last: number): boolean {
  const u = seg.units;
  const joined = (a: number, b: number): boolean =>
    a >= 0 &&
    b < u.length &&
    (u[a] as { end: number }).end === (u[b] as { start: number }).start &&
    LATIN_UNIT.test((u[a] as { key: string }).key) &&
    LATIN_UNIT.test((u[b] as { key: string }).key);
  return joined(first - 1, first) || joined(last, last + 1);
}

/** A span the person tells of themselves, now, for certain. */
function ownSpan(text: string, at: { start: number; end: number }, term: TermId, attributes?: Span['attributes']): Span {
  return {
    text: text.slice(at.start, at.end),
    start: at.start,
    end: at.end,
    term,
    present: true,
    certainty: 'certain',
    subject: 'patient',
    temporality: 'current',
    ...(attributes ? { attributes } : {}),
  };
}

/** One span per term and reading: the first mention says where; a later one may add what the first lacked. */
function dedupe(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  const byKey = new Map<string, Span>();
  for (const s of sorted) {
    const key = `${s.term}|${s.present}|${s.subject}|${s.temporality}`;
    const first = byKey.get(key);
    if (!first) {
      byKey.set(key, s);
      out.push(s);
      continue;
    }
    if (!first.site && s.site) first.site = s.site;
    if (!first.duration && s.duration) first.duration = s.duration;
    if (!first.value && s.value) first.value = s.value;
  }
  return out;
}
