/**
 * History taking in the training interview: the virtual patient answers any ordinary
 * history-taking question from its record, in its own lay words, and the debrief marks the
 * interview against the checklist an OSCE examiner uses (presenting complaint, its story,
 * background, and the patient's ideas, concerns and expectations).
 */
import type { Lang } from '../schema/common';
import type { TermId } from '../schema/ids';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import type { HistoryIntent } from '../language/intents';
import type { PlainWords } from '../language/plain';
import { formatDuration } from '../patients/duration';
import type { Patient } from '../patients/types';

/** The checklist, in the order an examiner reads it; `applies` leaves out what does not fit the patient. */
export interface ChecklistItem {
  id: string;
  label: { en: string; zh: string };
  /** Any of these intents covers the item. */
  intents: readonly HistoryIntent[];
  applies?: (p: Patient) => boolean;
}

const reproductiveWoman = (p: Patient): boolean => p.persona.sex === 'F' && p.persona.age >= 12 && p.persona.age <= 55;

export const HISTORY_CHECKLIST: readonly ChecklistItem[] = [
  { id: 'opening', label: { en: 'Open question about the complaint', zh: '开放式询问主诉' }, intents: ['open'] },
  { id: 'onset', label: { en: 'Onset and duration', zh: '起病时间与病程' }, intents: ['onset'] },
  { id: 'character', label: { en: 'Site and character', zh: '部位与性质' }, intents: ['site', 'character', 'radiation'] },
  { id: 'course', label: { en: 'Timing and course', zh: '时间规律与演变' }, intents: ['timing'] },
  { id: 'modifiers', label: { en: 'What makes it better or worse', zh: '加重与缓解因素' }, intents: ['aggravating', 'relieving'] },
  { id: 'severity', label: { en: 'Severity', zh: '严重程度' }, intents: ['severity'] },
  { id: 'associated', label: { en: 'Associated symptoms', zh: '伴随症状' }, intents: ['associated'] },
  { id: 'past', label: { en: 'Past medical history', zh: '既往史' }, intents: ['past-history'] },
  { id: 'medications', label: { en: 'Medicines', zh: '用药史' }, intents: ['medications'] },
  { id: 'allergies', label: { en: 'Allergies', zh: '过敏史' }, intents: ['allergies'] },
  { id: 'family', label: { en: 'Family history', zh: '家族史' }, intents: ['family-history'] },
  {
    id: 'social',
    label: { en: 'Social history (smoking, alcohol, work)', zh: '个人史（吸烟、饮酒、职业）' },
    intents: ['smoking', 'alcohol', 'drugs', 'occupation', 'travel'],
  },
  {
    id: 'gynae',
    label: { en: 'Menstrual and pregnancy history', zh: '月经与妊娠史' },
    intents: ['menstrual', 'pregnancy'],
    applies: reproductiveWoman,
  },
  {
    id: 'ice',
    label: { en: 'Ideas, concerns and expectations', zh: '患者的想法、担忧与期望' },
    intents: ['ideas', 'concerns', 'expectations'],
  },
];

export interface HistoryTakingMark {
  items: { id: string; label: { en: string; zh: string }; covered: boolean }[];
  /** Share of the applicable checklist covered, 0–1. */
  coverage: number;
}

/**
 * Marks an interview. Asking about two or more symptoms by name also covers "associated
 * symptoms", as an examiner would credit a systematic enquiry.
 */
export function markHistoryTaking(patient: Patient, asked: ReadonlySet<HistoryIntent>, symptomQuestions: number): HistoryTakingMark {
  const items = HISTORY_CHECKLIST.filter((i) => !i.applies || i.applies(patient)).map((i) => ({
    id: i.id,
    label: i.label,
    covered: i.intents.some((x) => asked.has(x)) || (i.id === 'associated' && symptomQuestions >= 2),
  }));
  return { items, coverage: items.length === 0 ? 1 : items.filter((i) => i.covered).length / items.length };
}

type Say = { en: string; zh: string };
const pick = (s: Say, lang: Lang): string => s[lang];
const list = (items: readonly { en: string; zh: string }[], lang: Lang): string =>
  items.map((i) => (lang === 'en' ? i.en.charAt(0).toLowerCase() + i.en.slice(1) : i.zh)).join(lang === 'en' ? '; ' : '；');

/** Words in a lifestyle line that tell which social question it answers. */
const SMOKING = /smok|cigar|tobacco|吸烟|抽烟|烟/i;
const ALCOHOL = /alcohol|drink|beer|wine|spirits|饮酒|喝酒|酒/i;

/**
 * The patient's answer to a history question, from the record only (never the disease), in
 * the patient's lay words. `complaint` is the presenting symptom; `others` the symptoms the
 * patient would mention when asked "anything else?".
 */
export function answerHistory(
  intent: HistoryIntent,
  ctx: { kb: KnowledgeBase; words: PlainWords; patient: Patient; complaint: TermId; others: readonly TermId[]; lang: Lang },
): string {
  const { kb, words, patient, complaint, lang } = ctx;
  const h = patient.history;
  const days = patient.symptoms.find((s) => s.term === complaint)?.days;
  const onset = kb.disease(patient.disease).onset;
  const it = words.name(complaint, lang);
  switch (intent) {
    case 'open':
      return lang === 'en' ? `Well, ${words.say(complaint, lang)}.` : `主要是${words.say(complaint, lang)}。`;
    case 'onset':
    case 'timing': {
      const d = days === undefined ? '' : formatDuration(days, lang);
      const how =
        onset === 'acute'
          ? pick({ en: 'It came on quite suddenly', zh: '来得挺突然的' }, lang)
          : onset === 'subacute'
            ? pick({ en: 'It crept up over some days', zh: '是这些天慢慢出现的' }, lang)
            : pick({ en: 'It has come on gradually', zh: '是慢慢出现的' }, lang);
      if (intent === 'onset') return lang === 'en' ? `${how}, about ${d} ago.` : `${how}，大概${d}前开始的。`;
      return lang === 'en'
        ? `${how}, and it has been there most of the time since, about ${d} now.`
        : `${how}，之后基本一直都有，已经${d}了。`;
    }
    case 'site':
    case 'character':
    case 'radiation':
      return lang === 'en' ? `It's hard to describe… ${words.say(complaint, lang)}.` : `不太好形容……就是${words.say(complaint, lang)}。`;
    case 'associated':
      if (ctx.others.length === 0) return pick({ en: 'No, nothing else really.', zh: '没有了，别的倒还好。' }, lang);
      return lang === 'en'
        ? `Now you mention it, ${ctx.others.map((t) => words.say(t, lang)).join(', and ')}.`
        : `您这么一问，${ctx.others.map((t) => words.say(t, lang)).join('，还有')}。`;
    case 'aggravating':
      return lang === 'en' ? `Nothing in particular makes the ${it} worse that I've noticed.` : `没发现什么特别会让它加重。`;
    case 'relieving':
      return pick({ en: "I've tried resting, but it hasn't really helped.", zh: '休息过，好像也没什么用。' }, lang);
    case 'severity':
      return lang === 'en' ? `I'd say about ${patient.burden} out of 10.` : `要打分的话，大概${patient.burden}分吧（满分10分）。`;
    case 'past-history':
      return h.past.length
        ? lang === 'en'
          ? `I have ${list(h.past, lang)}.`
          : `我有${list(h.past, lang)}。`
        : pick({ en: 'Nothing serious, I’ve been well.', zh: '以前身体挺好的，没什么大病。' }, lang);
    case 'medications':
      return h.medications.length
        ? lang === 'en'
          ? `I take ${list(h.medications, lang)}.`
          : `我在用${list(h.medications, lang)}。`
        : pick({ en: 'No regular medicines.', zh: '平时不吃什么药。' }, lang);
    case 'allergies':
      return pick({ en: 'No allergies that I know of.', zh: '没有发现对什么过敏。' }, lang);
    case 'family-history':
      return h.family.length
        ? list(h.family, lang) + (lang === 'en' ? '.' : '。')
        : pick({ en: 'Nothing runs in the family that I know of.', zh: '家里人没什么特别的病。' }, lang);
    case 'smoking':
    case 'alcohol':
    case 'drugs': {
      const re = intent === 'smoking' ? SMOKING : intent === 'alcohol' ? ALCOHOL : /drug|cannabis|毒/i;
      const items = h.lifestyle.filter((l) => re.test(l.en) || re.test(l.zh));
      if (items.length) return list(items, lang) + (lang === 'en' ? '.' : '。');
      const none: Record<typeof intent, Say> = {
        smoking: { en: "No, I don't smoke.", zh: '不抽烟。' },
        alcohol: { en: 'Only the odd drink now and then.', zh: '偶尔喝一点，不多。' },
        drugs: { en: 'No, never.', zh: '没有，从来不碰。' },
      };
      return pick(none[intent], lang);
    }
    case 'occupation':
      return lang === 'en' ? `I'm a ${patient.persona.occupation.en.toLowerCase()}.` : `我是${patient.persona.occupation.zh}。`;
    case 'travel':
      return h.exposures.length
        ? list(h.exposures, lang) + (lang === 'en' ? '.' : '。')
        : pick({ en: "I haven't been anywhere recently.", zh: '最近没去过哪儿。' }, lang);
    case 'sexual-history':
      return pick({ en: "I'm in a steady relationship, nothing new.", zh: '有固定的伴侣，没什么变化。' }, lang);
    case 'menstrual':
    case 'pregnancy': {
      if (patient.persona.sex !== 'F') return pick({ en: "That doesn't apply to me.", zh: '这个跟我没关系。' }, lang);
      const own = ['missed-period', 'irregular-periods', 'heavy-periods', 'painful-periods', 'vaginal-bleeding', 'pregnant'].filter((t) =>
        patient.symptoms.some((s) => s.term === t),
      );
      if (own.length)
        return (
          (lang === 'en' ? 'Yes — ' : '是的——') +
          own.map((t) => words.say(t, lang)).join(lang === 'en' ? ', and ' : '，还有') +
          (lang === 'en' ? '.' : '。')
        );
      if (patient.persona.age > 55) return pick({ en: 'My periods stopped years ago.', zh: '已经绝经好些年了。' }, lang);
      return pick({ en: "My periods are regular, and I'm not pregnant as far as I know.", zh: '月经挺规律的，应该没怀孕。' }, lang);
    }
    case 'ideas':
      return lang === 'en' ? `I don't know… I hope the ${it} isn't something serious.` : `我也不知道……希望不是什么大问题。`;
    case 'concerns':
      return pick({ en: "I'm worried it might be something serious, to be honest.", zh: '说实话，我挺担心是不是什么严重的病。' }, lang);
    case 'expectations':
      return pick({ en: "I'd like to know what it is and get something to help.", zh: '想弄清楚是什么病，能治好就行。' }, lang);
    default:
      return intent satisfies never;
  }
}
