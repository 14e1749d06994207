/**
 * The words that change what a complaint means without naming one — a NegEx/ConText-style cue
 * list for English and Chinese, kept as data in assets/language/cues.json (the kinds below say
 * what each list does). Every list is matched with the same folding as the lexicons (stems for
 * English), and a lexicon phrase that contains a cue wins over the cue ("can't sleep" is
 * insomnia, "no appetite" is loss of appetite, "咳个不停" is a cough).
 */
/*
 * The kinds of cue (CueKind, in src/schema/language.ts):
 * - negate: denies what follows in its clause ("no", "denies", "没有");
 * - negate-after: denies what came before ("Kernig's negative", "阴性");
 * - resolved, resolved-after: it was there and is gone — past history, not a denial ("no longer
 *   wheezy", "the diarrhoea has stopped", "咳嗽好了"); "any more" after a denial says the same;
 * - pseudo: looks like a cue and is not ("can't stop", "not sure", "不停", "不舒服"), or an everyday
 *   phrase holding a body-site word that is no site ("came back", "手术");
 * - hedge: uncertain ("maybe", "I think", "可能");
 * - family: a relative's, not the patient's ("my mum has", "爸爸有");
 * - past, past-after: the patient's past history ("years ago", "以前"), read both ways;
 * - event: the complaint right after it is an earlier event the story starts from ("after the
 *   fever", "since my sore throat"): past, but only for the term it touches;
 * - simile: what something is like ("like", "as if", "像被"): an event told after it ("feels like I'm
 *   drowning", "a pain like a bee sting") did not happen;
 * - ago: a short time ago ("10 days ago"): after a complaint told with "had" before it, a past
 *   episode ("had a cold with a cough 10 days ago"); otherwise it says when the illness began;
 * - stop: ends every cue's reach ("but", "however", "但是");
 * - migrate: the complaint moved ("moved to", "转移到"): the site after it is where it is now;
 * - radiate: it spreads ("goes down my arm", "放射到"): the site after it is radiation;
 * - normal: a body function or a term said to be normal ("Hearing: fine", "bowels regular",
 *   "temperature normal", "胃口好") rules the complaint out.
 */
export type { CueKind } from '../schema/language';

/** Words that keep a list going across a comma ("no fever, chills or sweats"). */
export const EN_LIST_WORDS = new Set(['or', 'and', 'nor', 'ani', 'any', 'no', 'also', 'either', 'or ani']);
export const ZH_LIST_CHARS = new Set([...'或和及与跟也以']);

/** Left, right, both: read just before a site ("left knee", "右下腹"). */
export const EN_SIDES: Record<string, 'left' | 'right' | 'both'> = {
  left: 'left',
  lt: 'left',
  l: 'left',
  right: 'right',
  rt: 'right',
  r: 'right',
  both: 'both',
  bilater: 'both',
  bilateral: 'both',
};
export const ZH_SIDES: Record<string, 'left' | 'right' | 'both'> = { 左: 'left', 右: 'right', 双: 'both', 两: 'both' };
