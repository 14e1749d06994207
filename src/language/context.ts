/**
 * Whether a complaint is present, uncertain, a relative's or past history: the ConText idea
 * (Chapman et al.'s NegEx and its successor) — a cue reaches over the words after it (or, for
 * "…gone now", before it) up to the end of its clause, a terminating word ("but", a new "I"),
 * or a short window; a list goes on across commas ("denies fever, chills or sweats").
 */
import type { Lang } from '../schema/common';
import type { TermId } from '../schema/ids';
import type { Certainty, Subject, Temporality } from '../schema/language';
import { EN_LIST_WORDS, ZH_LIST_CHARS, type CueKind } from './cues';
import { stemWord } from './english';
import type { Segmented } from './passes';
import { HISTORY_BACKGROUND } from '../knowledge/epidemiology';

/** A term found in the text, before its context is read. `anchor` is the unit the cues are measured from. */
export interface Mention {
  term: TermId;
  first: number;
  last: number;
  anchor: number;
}

const stems = (words: string): Set<string> => new Set(words.split(' ').map(stemWord));
/** Words that deny inside a complaint's own phrase. */
const NEGATION_KEYS = new Set([...stems('not no never unable cannot'), ...'不没无']);
/** What may stand before an answer: "A: no", "答：有". */
const EN_ANSWER_LEAD = stems('a answer ans reply pt patient says');
const ZH_ANSWER_LEAD = new Set([...'答回复患者']);
const EN_YES = stems('yes yeah yep yup sometimes occasionally often definitely maybe');
const EN_NO = stems('no nope never none nil not negative neg nah');
const ZH_YES = new Set([...'有是对嗯偶经']);
const ZH_NO = new Set([...'没无否不']);
/** Words that bring a story back to the present. */
const NOW_EN = stems('now today currently recently yesterday tonight lately');
/**
 * Words that tell an illness happening now, to someone brought to the doctor: "my mum's face
 * suddenly dropped" is told by a carer about the patient, not a family history.
 */
const ACUTE_EN = stems('started starting since ago today tonight currently keeps');
const ACUTE_ZH = new Set(['突然', '刚才', '刚刚', '今天', '今早', '今晚', '昨晚', '昨天', '现在', '这几天', '这两天', '一直', '开始']);
/** …unless the patient is among them, or the relative's illness is told as over. */
const BESIDE_EN = stems('too also both died passed');
const BESIDE_ZH = new Set(['也', '都', '去世', '走了', '病逝']);
const PREFIX_NEGATIONS = stems('non');
/** How far the words saying a complaint has gone are looked for after it. */
const SENTENCE_REACH = 40;
/** How far back a relative's or a past story is looked for (Chinese units are characters). */
const STORY_REACH = 120;
/** Words that turn an "and …" to the patient: "and I", "and am". */
const FIRST_PERSON_EN = stems('i me my am');
/** What may stand between a complaint's clause and the words that say it has gone. */
const EN_GONE_LEAD = stems("it it's its that this they which has have had is are was all now since then completely totally");
const ZH_GONE_LEAD = new Set([...'现在后来已经都也就基本全部完']);
const NOW_ZH = new Set([
  '现在',
  '这次',
  '最近',
  '目前',
  '这几',
  '几天',
  '这两',
  '今天',
  '昨天',
  '今早',
  '昨晚',
  '刚才',
  '这周',
  '近来',
  '近期',
  '突然',
  '今年',
]);
/** The "normal" words that rule out a term named just before them (not "ok" or "good": "the pain is ok"). */
const STRICT_NORMAL = new Set([...stems('normal unremarkable nad intact'), ...'正未无']);

export interface CueFound {
  kind: CueKind;
  first: number;
  last: number;
}

/** Everything about one pass that context reading needs, computed once per text. */
/** Units between a simile's "like" and the event it names ("like I'd been hit by a bus"). */
const SIMILE_REACH = 6;

export class ContextReader {
  /** The cue ending at each unit, if any. */
  private readonly cueEndingAt: (CueFound | undefined)[];
  /** The cue starting at each unit, if any. */
  private readonly cueStartingAt: (CueFound | undefined)[];
  /** Units inside a cue. */
  private readonly inCue: Uint8Array;
  /** Whether a clause holds only terms and list words, so that a denial before it reaches into it. */
  private readonly listClause = new Map<number, boolean>();
  private readonly hasTerm = new Map<number, boolean>();
  /** Clauses of nothing but a cue: "(no)" after "neck stiffness" answers it and reaches no further. */
  private readonly answerOnly = new Map<number, boolean>();

  constructor(
    private readonly seg: Segmented,
    cues: readonly CueFound[],
    private readonly consumed: Uint8Array,
    private readonly keys: readonly string[],
    private readonly lang: Lang,
    /** History terms (an injury, a bite, an operation): "after my operation" is when, not whether. */
    private readonly history: ReadonlySet<string> = new Set(),
  ) {
    const n = keys.length;
    this.cueEndingAt = new Array<CueFound | undefined>(n);
    this.cueStartingAt = new Array<CueFound | undefined>(n);
    this.inCue = new Uint8Array(n);
    for (const c of cues) {
      this.cueEndingAt[c.last] = c;
      this.cueStartingAt[c.first] = c;
      for (let u = c.first; u <= c.last; u++) this.inCue[u] = 1;
    }
    for (let u = 0; u < n; u++) {
      const c = seg.clauseOf[u] as number;
      if (!this.inCue[u]) this.answerOnly.set(c, false);
      else if (!this.answerOnly.has(c)) this.answerOnly.set(c, true);
      if (consumed[u]) this.hasTerm.set(c, true);
      const listy = consumed[u] !== 0 || this.isListWord(u) || this.cueStartingAt[u]?.kind === 'negate';
      this.listClause.set(c, (this.listClause.get(c) ?? true) && listy);
    }
  }

  private isListWord(u: number): boolean {
    const k = this.keys[u] as string;
    return this.lang === 'en' ? EN_LIST_WORDS.has(k) : ZH_LIST_CHARS.has(k);
  }

  private isSelf(u: number): boolean {
    if (this.inCue[u]) return false;
    const k = this.keys[u] as string;
    // "…and my feet hurt": the patient's own words end a relative's reach.
    return this.lang === 'en' ? k === 'i' || k === 'me' || k === 'my' : k === '我';
  }

  /** A denial that is a word's prefix ("non-healing", "non-tender") denies only the word it is joined to. */
  private isPrefix(cue: { first: number; last: number }): boolean {
    return this.lang === 'en' && cue.first === cue.last && PREFIX_NEGATIONS.has(this.keys[cue.first] as string);
  }

  /** Denials reach this many plain words (terms and list words do not count). */
  private get window(): number {
    return this.lang === 'en' ? 6 : 5;
  }

  /**
   * Whether the mention is an event a simile names ("feels like I'm drowning", "a pain like a
   * bee sting", "像被车撞了一样"): the history terms (what happened to a person) told after a
   * "like" a few words before, in the same clause, did not happen.
   */
  likened(m: Mention): boolean {
    if (!this.history.has(m.term)) return false;
    const clause = this.seg.clauseOf[m.anchor];
    for (let u = m.first - 1; u >= Math.max(0, m.first - SIMILE_REACH) && this.seg.clauseOf[u] === clause; u--) {
      const cue = this.cueEndingAt[u];
      if (cue?.kind === 'simile') return true;
      if (cue) u = cue.first;
    }
    return false;
  }

  read(m: Mention): { present: boolean; certainty: Certainty; subject: Subject; temporality: Temporality } {
    let negated = false;
    let hedged = false;
    let family = false;
    let past = false;
    let resolved = false;
    const { clauseOf, sentenceOf } = this.seg;
    // A loosely read finding may take in its whole clause: "my aunt had a brain bleed" is the aunt's.
    for (let u = m.first; u <= m.last; u++) if (this.cueEndingAt[u]?.kind === 'family') family = true;
    // Before the complaint, back to the start of its clause (or of a list it belongs to).
    let plain = 0;
    let overAnd = false;
    let clause = clauseOf[m.anchor] as number;
    for (let u = m.anchor - 1; u >= 0; u--) {
      if (clauseOf[u] !== clause) {
        // Chinese lists take 、 (one clause); a ， starts a new statement that a denial before it does not reach.
        const listGoesOn = this.lang === 'en' && sentenceOf[u] === sentenceOf[m.anchor] && this.listClause.get(clause) === true;
        if (!listGoesOn || this.answerOnly.get(clauseOf[u] as number) === true) break;
        clause = clauseOf[u] as number;
      }
      const cue = this.cueEndingAt[u];
      if (cue) {
        if (cue.kind === 'stop') {
          // "my father is going yellow and has lost weight": whose it is reaches over an "and has",
          // a denial does not ("no fever and has a cough").
          if (!this.sameSubjectGoesOn(cue)) break;
          overAnd = true;
        } else if (overAnd) {
          if (cue.kind === 'family') family = true;
        } else if (
          cue.kind === 'negate' &&
          plain <= this.window &&
          (!this.isPrefix(cue) || cue.last === m.first - 1 || cue.last === m.anchor - 1)
        )
          negated = true;
        else if (cue.kind === 'resolved' && plain <= this.window) resolved = true;
        else if (cue.kind === 'hedge' && plain <= this.window + 2) hedged = true;
        else if (cue.kind === 'family') family = true;
        else if (cue.kind === 'past') past = true;
        // "after the fever", "since my sore throat": the earlier illness the story starts from.
        else if (cue.kind === 'event' && u === m.first - 1 && !this.history.has(m.term)) past = true;
        u = cue.first;
        continue;
      }
      if (this.inCue[u]) continue;
      // The words of another complaint's phrase are neither plain words nor the speaker: the "my"
      // of "no blood in my stool or black poo" does not end the denial's reach.
      if (this.consumed[u]) continue;
      if (this.isSelf(u)) break;
      if (!this.isListWord(u)) plain++;
    }
    // After it: "fever — gone now", "咳嗽好了", "fever: no".
    plain = 0;
    const own = clauseOf[m.anchor] as number;
    for (let u = m.last + 1; u < this.keys.length; u++) {
      if (clauseOf[u] !== own) {
        // A clause of its own that only answers ("Fever: no") still speaks of it.
        const c = clauseOf[u] as number;
        if (sentenceOf[u] !== sentenceOf[m.anchor] || this.hasTerm.get(c) || clauseOf[u - 1] !== own) break;
        const cue = this.cueStartingAt[u];
        // Only a bare answer: "Fever: no" is, "…, no other symptoms" and "…, not travelled" are not.
        if (cue && this.plainAfter(cue.last, c) === 0) {
          if (cue.kind === 'negate' || cue.kind === 'negate-after' || cue.kind === 'normal') negated = true;
          if (cue.kind === 'resolved-after') resolved = true;
        }
        break;
      }
      const cue = this.cueStartingAt[u];
      if (cue) {
        if (cue.kind === 'stop') {
          // "…jaundice at birth but it's gone now".
          if (this.keys[cue.first] !== 'and' && this.saysGone(cue.last + 1, own)) resolved = true;
          break;
        }
        if (cue.kind === 'negate-after' && plain <= this.window) negated = true;
        // "Temperature normal", "神经系统检查未见异常": a plain "normal" right after the term.
        if (cue.kind === 'normal' && plain === 0 && STRICT_NORMAL.has(this.keys[cue.first] as string)) negated = true;
        // "…gone now" and "not coughing any more" are past history; "can not bend any more" is a complaint.
        if (cue.kind === 'resolved-after' && plain <= this.window && !this.deniesItself(m)) resolved = true;
        // "…years ago", "…as a child": past-history words read both ways.
        if ((cue.kind === 'past-after' || cue.kind === 'past') && plain <= this.window) past = true;
        // "Had a cold with a cough 10 days ago": an episode that is over, not what brings them now.
        if (cue.kind === 'ago' && plain <= this.window && this.toldWithHad(m) && !this.history.has(m.term)) past = true;
        // A trailing "no" with nothing named after it answers the question before it.
        // So does a note's finding-first denial: "淋巴结未触及", "reflexes absent".
        if (cue.kind === 'negate' && plain === 0 && !this.termAfter(u, own)) negated = true;
        u = cue.last;
        continue;
      }
      if (this.consumed[u] === 1) break;
      if (!this.consumed[u] && !this.isListWord(u)) plain++;
    }
    if (!resolved && this.goneAfter(m)) resolved = true;
    if (!family && !past) {
      const earlier = this.storyBefore(m);
      family = earlier === 'family';
      past = earlier === 'past';
    }
    if (family && !past && !(m.term in HISTORY_BACKGROUND) && this.broughtNow(m)) family = false;
    // A question answers itself in the next sentence: "Any blood in the urine? No", "有无发热？答：有".
    const answer = this.answerTo(m);
    if (answer !== undefined) negated = answer === 'no';
    // "否认手术外伤史", "no history of asthma": never had it, so not now either.
    const neverHad = negated && past && !resolved;
    return {
      present: !negated && !resolved,
      certainty: hedged ? 'hedged' : 'certain',
      subject: family ? 'family' : 'patient',
      temporality: (past && !neverHad) || resolved ? 'past' : 'current',
    };
  }

  /**
   * "…jaundice at birth but it's gone now", "I suffered from insomnia for years but sleep well
   * now", "咳嗽了一周，现在好了": the next clause of the sentence names nothing of its own and
   * says, after at most a "but" and a pronoun, that it has gone.
   */
  private goneAfter(m: Mention): boolean {
    const { clauseOf, sentenceOf } = this.seg;
    const own = clauseOf[m.anchor] as number;
    let u = m.last + 1;
    while (u < this.keys.length && clauseOf[u] === own) u++;
    if (u >= this.keys.length || sentenceOf[u] !== sentenceOf[m.anchor] || this.hasTerm.get(clauseOf[u] as number)) return false;
    return this.saysGone(u, clauseOf[u] as number);
  }

  /** Whether clause `clause`, from unit `from`, only says that something has gone ("but it's all gone now"). */
  private saysGone(from: number, clause: number): boolean {
    const lead = this.lang === 'en' ? EN_GONE_LEAD : ZH_GONE_LEAD;
    const to = Math.min(this.keys.length, from + SENTENCE_REACH);
    for (let u = from; u < to && this.seg.clauseOf[u] === clause; u++) {
      const cue = this.cueStartingAt[u];
      if (cue?.kind === 'resolved-after') {
        // Nothing more may follow but "now", or the next statement ("…gone now and I have a fever").
        for (let k = cue.last + 1; k < to && this.seg.clauseOf[k] === clause; k++) {
          if (this.cueStartingAt[k]?.kind === 'stop') return true;
          if (!lead.has(this.keys[k] as string)) return false;
        }
        return true;
      }
      if (cue?.kind === 'stop' && this.keys[cue.first] !== 'and') {
        u = cue.last;
        continue;
      }
      if (!lead.has(this.keys[u] as string)) return false;
    }
    return false;
  }

  /** A relative's illness told as happening now, with the patient not among the ill: the relative is the patient. */
  private broughtNow(m: Mention): boolean {
    this.sentenceTold ??= this.readSentences();
    return this.sentenceTold.get(this.seg.sentenceOf[m.anchor] as number) === 'acute';
  }

  /** Per sentence, once for the whole text: whether it tells of now, or of the patient among the ill. */
  private sentenceTold: Map<number, 'acute' | 'beside'> | undefined;

  private readSentences(): Map<number, 'acute' | 'beside'> {
    const told = new Map<number, 'acute' | 'beside'>();
    for (let u = 0; u < this.keys.length; u++) {
      const sentence = this.seg.sentenceOf[u] as number;
      if (told.get(sentence) === 'beside') continue;
      const k = this.keys[u] as string;
      let beside: boolean;
      let acute: boolean;
      if (this.lang === 'en') {
        beside = BESIDE_EN.has(k) || k === 'i' || k === 'me';
        acute = ACUTE_EN.has(k);
      } else {
        const two = k + (this.keys[u + 1] ?? '');
        beside = BESIDE_ZH.has(k) || BESIDE_ZH.has(two);
        acute = ACUTE_ZH.has(k) || ACUTE_ZH.has(two) || ACUTE_ZH.has(two + (this.keys[u + 2] ?? ''));
      }
      if (beside) told.set(sentence, 'beside');
      else if (acute) told.set(sentence, 'acute');
    }
    return told;
  }

  /** Plain units of clause `clause` after unit `from`. */
  private plainAfter(from: number, clause: number): number {
    let n = 0;
    for (let u = from + 1; u < this.keys.length && this.seg.clauseOf[u] === clause; u++) if (!this.inCue[u] && !this.isListWord(u)) n++;
    return n;
  }

  /** Whether the complaint's own words deny something ("can not bend", "won't fit"). */
  private deniesItself(m: Mention): boolean {
    for (let u = m.first; u <= m.last; u++) if (NEGATION_KEYS.has(this.keys[u] as string)) return true;
    return false;
  }

  /**
   * The answer to a question about the complaint, when the next sentence opens with one:
   * yes → present, no → absent. A question answered otherwise ("Any fever? 38.5") still names it,
   * so its own "any"/"有无" denies nothing.
   */
  private answerTo(m: Mention): 'yes' | 'no' | 'other' | undefined {
    const { sentenceOf, questions } = this.seg;
    const sentence = sentenceOf[m.anchor] as number;
    if (!questions.has(sentence)) return undefined;
    let u = m.last + 1;
    while (u < this.keys.length && sentenceOf[u] === sentence) u++;
    const lead = this.lang === 'en' ? EN_ANSWER_LEAD : ZH_ANSWER_LEAD;
    while (u < this.keys.length && lead.has(this.keys[u] as string)) u++;
    if (u >= this.keys.length || sentenceOf[u] !== sentence + 1) return undefined;
    const k = this.keys[u] as string;
    const [yes, no] = this.lang === 'en' ? [EN_YES, EN_NO] : [ZH_YES, ZH_NO];
    if (yes.has(k)) return 'yes';
    if (no.has(k)) return 'no';
    return 'other';
  }

  /**
   * A relative's or a past story told earlier in the sentence goes on over its commas ("我妈以前也是这样，
   * 手指关节变形，早上僵硬"; "my dad had lung cancer, he smoked all his life") until the patient speaks
   * of themselves or of now ("…，我现在脖子这里也摸到一个"; "我爷爷82岁了，这几天走路喘" is the
   * grandfather's illness now, brought to the doctor).
   */
  private storyBefore(m: Mention): 'family' | 'past' | undefined {
    const { clauseOf, sentenceOf } = this.seg;
    const clause = clauseOf[m.anchor] as number;
    let start = m.anchor;
    while (start > 0 && clauseOf[start - 1] === clause) start--;
    // Now-words or the patient's own "I" in the complaint's clause, before it, keep it theirs and present.
    for (let u = start; u < m.anchor; u++) if (this.isNow(u) || this.isSelf(u)) return undefined;
    // A relative's past ("我妈以前…") is the relative's: family wins over past.
    let story: 'past' | undefined;
    const stop = Math.max(0, start - STORY_REACH);
    for (let u = start - 1; u >= stop && sentenceOf[u] === sentenceOf[m.anchor]; u--) {
      const cue = this.cueEndingAt[u];
      if (cue) {
        if (cue.kind === 'family') return 'family';
        if (cue.kind === 'past' || cue.kind === 'past-after') story = 'past';
        // "…is going yellow and has lost weight": an "and" that goes on with the same person does not stop it.
        if (cue.kind === 'stop' && !this.sameSubjectGoesOn(cue)) return story;
        u = cue.first;
        continue;
      }
      if (this.isSelf(u) || this.isNow(u)) return story;
    }
    return story;
  }

  /** A stop cue "and has", "and keeps"… that goes on with the same person ("and I", "and now" do not). */
  private sameSubjectGoesOn(cue: { first: number; last: number }): boolean {
    if (this.lang !== 'en' || this.keys[cue.first] !== 'and') return false;
    for (let u = cue.first + 1; u <= cue.last; u++)
      if (FIRST_PERSON_EN.has(this.keys[u] as string) || NOW_EN.has(this.keys[u] as string)) return false;
    return true;
  }

  /** The complaint's clause has "had" before it, and nothing of now ("had a cough", not "have had a cough"). */
  private toldWithHad(m: Mention): boolean {
    if (this.lang !== 'en') return false;
    const clause = this.seg.clauseOf[m.anchor];
    let had = false;
    for (let u = m.anchor - 1; u >= 0 && this.seg.clauseOf[u] === clause; u--) {
      const k = this.keys[u] as string;
      if (k === 'have' || k === 'has' || k === "'ve" || this.isNow(u)) return false;
      if (k === 'had') had = true;
    }
    return had;
  }

  private isNow(u: number): boolean {
    const k = this.keys[u] as string;
    if (this.lang === 'en') return NOW_EN.has(k);
    return NOW_ZH.has(k + (this.keys[u + 1] ?? '')) || NOW_ZH.has((this.keys[u - 1] ?? '') + k);
  }

  private termAfter(u: number, clause: number): boolean {
    for (let k = u; k < this.keys.length && this.seg.clauseOf[k] === clause; k++) if (this.consumed[k] && !this.inCue[k]) return true;
    return false;
  }
}
