import type { Lang } from '../schema/common';
import type { TermId } from '../schema/ids';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { formatDuration } from '../patients/duration';
import type { PlainWords } from '../language/plain';

/**
 * How a patient says yes or no, by persona style (assets/people/people.json). `{s}` is the
 * symptom in lay words, `{d}` how long they have had it. No template can name a disease: the
 * patient only ever talks about what they feel.
 */
const YES: Record<string, { en: string; zh: string }> = {
  talkative: {
    en: 'Oh yes, {s}, for {d} now, and honestly it has been getting on my nerves, let me tell you…',
    zh: '对对对，{s}，已经{d}了，说起来真是烦人，我跟您细说……',
  },
  terse: { en: 'Yes. {d}.', zh: '有。{d}。' },
  anxious: { en: 'Yes… {s}, for {d}. Is that bad, doctor? Should I be worried?', zh: '有……{s}，{d}了。医生，这严重吗？我是不是该担心？' },
  stoic: { en: 'A bit of {s}, yes. {d}. Nothing I cannot live with.', zh: '有点{s}，{d}了，还能忍。' },
  precise: { en: 'Yes: {s}, onset {d} ago, fairly constant since.', zh: '是的：{s}，起病{d}，此后基本持续。' },
  vague: { en: 'I think so… maybe {s}? For a while, {d} perhaps.', zh: '好像有吧……{s}？有一阵子了，大概{d}。' },
  polite: { en: 'Yes, doctor, I have had {s} for about {d}. Thank you for asking.', zh: '是的医生，我{s}大约{d}了，谢谢您问。' },
  irritable: { en: 'Yes, {s}, {d} already. That is why I am here, isn’t it?', zh: '有，{s}，都{d}了。不然我来干嘛？' },
};
const NO: Record<string, { en: string; zh: string }> = {
  talkative: { en: 'No, no {s}, thank goodness — though my neighbour had that once…', zh: '没有没有，{s}倒没有，不过我邻居以前有过……' },
  terse: { en: 'No.', zh: '没有。' },
  anxious: { en: 'No, I don’t think so… should I have {s}?', zh: '没有吧……我应该会{s}吗？' },
  stoic: { en: 'No.', zh: '没有。' },
  precise: { en: 'No, no {s} at any point.', zh: '没有，一直没有{s}。' },
  vague: { en: 'Hmm, not really, I don’t think so.', zh: '嗯……应该没有吧。' },
  polite: { en: 'No, doctor, no {s}.', zh: '没有，医生，没有{s}。' },
  irritable: { en: 'No. Next question.', zh: '没有。下一个问题。' },
};
const OPENING: Record<string, { en: string; zh: string }> = {
  talkative: {
    en: 'Well, doctor, where do I start — it’s mainly the {s}, it began {d} ago and…',
    zh: '医生，从哪儿说起呢——主要是{s}，{d}前开始的，然后……',
  },
  terse: { en: '{s}. {d}.', zh: '{s}，{d}。' },
  anxious: { en: 'Doctor, I’m worried — I have {s}, it’s been {d}…', zh: '医生，我好担心——我{s}，已经{d}了……' },
  stoic: { en: 'Some {s}. {d}. My family made me come.', zh: '有点{s}，{d}了。是家里人让我来的。' },
  precise: { en: 'Chief complaint: {s}, for {d}.', zh: '主要是{s}，持续{d}。' },
  vague: { en: 'I just don’t feel right… some {s}, for a while, maybe {d}.', zh: '就是不太舒服……有点{s}，有一阵子了，大概{d}。' },
  polite: { en: 'Good day, doctor. I have had {s} for about {d}.', zh: '医生您好，我{s}大约{d}了。' },
  irritable: { en: '{s}, {d} now. Can we get on with it?', zh: '{s}，都{d}了。能快点吗？' },
};

function fill(template: string, kb: KnowledgeBase, term: TermId, days: number | undefined, lang: Lang, words?: PlainWords): string {
  const name = kb.term(term).name[lang];
  // Patients speak in everyday words ("pain or burning when passing urine"), not catalogue names.
  const s = words ? words.name(term, lang) : lang === 'en' ? name.toLowerCase() : name;
  const d = days === undefined ? '' : formatDuration(days, lang);
  const text = template.replaceAll('{s}', s).replaceAll('{d}', d);
  return lang === 'en' ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/** The patient's reply to "do you have …?" in their own voice. */
export function voiceAnswer(
  kb: KnowledgeBase,
  style: string,
  term: TermId,
  present: boolean,
  days: number | undefined,
  lang: Lang,
  words?: PlainWords,
): string {
  const table = present ? YES : NO;
  const template = (table[style] ?? (table['polite'] as { en: string; zh: string }))[lang];
  return fill(template, kb, term, days, lang, words);
}

/** How the patient opens the consultation: the chief complaint and how long. */
export function voiceOpening(
  kb: KnowledgeBase,
  style: string,
  term: TermId,
  days: number | undefined,
  lang: Lang,
  words?: PlainWords,
): string {
  const template = (OPENING[style] ?? (OPENING['polite'] as { en: string; zh: string }))[lang];
  return fill(template, kb, term, days, lang, words);
}
