import type { Lang } from '../schema/common';

/** Interface strings of the page, in both languages. Medical content carries its own zh/en. */
export const STRINGS = {
  title: { en: 'Agent Hospital', zh: '智能体医院' },
  subtitle: { en: 'A hospital run by AI agents whose doctors learn from every case', zh: '由AI智能体运营、医生从每个病例中成长的医院' },
  disclaimer: {
    en: 'A simulation for education, not medical advice. Every patient here is generated; do not use it to diagnose or treat anyone.',
    zh: '本系统为教学模拟，不构成医疗建议。所有患者均为生成数据，请勿用于任何真实诊疗。',
  },
  knowledge: { en: 'Knowledge base', zh: '医学知识库' },
  departments: { en: 'Departments', zh: '科室' },
  allDepartments: { en: 'All departments', zh: '全部科室' },
  search: { en: 'Search diseases, synonyms or ICD-10…', zh: '搜索疾病、别名或ICD-10编码…' },
  diseasesCount: { en: 'diseases', zh: '种疾病' },
  symptoms: { en: 'Symptoms', zh: '症状' },
  findings: { en: 'Examination findings', zh: '检查所见' },
  keyExams: { en: 'Key examinations', zh: '关键检查' },
  redFlags: { en: 'Red flags', zh: '危险信号' },
  treatment: { en: 'First-line treatment', zh: '一线治疗' },
  severe: { en: 'If severe', zh: '重症时' },
  confusedWith: { en: 'Commonly confused with', zh: '易混淆疾病' },
  teaching: { en: 'Teaching point', zh: '教学要点' },
  population: { en: 'Who gets it', zh: '好发人群' },
  male: { en: 'male', zh: '男性' },
  onset: { en: 'Onset', zh: '起病' },
  synonyms: { en: 'Also called', zh: '别名' },
  exams: { en: 'Examinations', zh: '检查项目' },
  vocabulary: { en: 'Vocabulary', zh: '词表' },
  tryMatcher: { en: 'Type how a patient might describe it', zh: '输入患者可能的描述' },
  matcherPlaceholder: { en: 'e.g. tummy ache and vomiting since yesterday, no fever', zh: '例如：昨天开始肚子疼、想吐，没有发烧' },
  denied: { en: 'denied', zh: '否认' },
  noMatch: { en: 'No known symptom or finding recognised.', zh: '未识别出已知症状或检查所见。' },
  understoodWords: { en: 'What was understood', zh: '理解到的内容' },
  chipFamily: { en: 'family history', zh: '家族史' },
  chipPast: { en: 'in the past', zh: '既往' },
  chipAbsent: { en: 'no', zh: '无' },
  chipMaybe: { en: 'maybe', zh: '可能' },
  chipNormal: { en: 'normal', zh: '正常' },
  side_left: { en: 'left', zh: '左侧' },
  side_right: { en: 'right', zh: '右侧' },
  side_both: { en: 'both sides', zh: '双侧' },
  removeReading: { en: 'Remove the reading “{s}”', zh: '删除“{s}”这一理解' },
  notUnderstoodParts: { en: 'Not understood', zh: '没有理解' },
  tryWords: {
    en: 'Try saying it another way, in short phrases: where it hurts, what you feel, since when (e.g. “burning when I pee, since yesterday”).',
    zh: '请换一种说法，用短句说：哪里不舒服、什么感觉、多久了（例如“小便时烧灼痛，从昨天开始”）。',
  },
  loadingWords: { en: 'Loading the word lists…', zh: '正在加载词库……' },
  generate: { en: 'Generate a patient', zh: '生成一位患者' },
  reveal: { en: 'Reveal the diagnosis', zh: '揭晓诊断' },
  hiddenDisease: { en: 'The disease is hidden, as it is from the doctors.', zh: '疾病已隐藏，与医生所见一致。' },
  history: { en: 'History', zh: '病史' },
  results: { en: 'Abnormal results', zh: '异常结果' },
  loading: { en: 'Loading the knowledge base…', zh: '正在加载知识库…' },
  loadFailed: { en: 'The knowledge base could not be loaded', zh: '知识库加载失败' },
  room: { en: 'Room', zh: '检查室' },
  minutes: { en: 'min', zh: '分钟' },
  cost: { en: 'Cost', zh: '费用' },
  reference: { en: 'Reference', zh: '参考范围' },
  pickDisease: { en: 'Choose a disease to read its entry.', zh: '选择一种疾病查看详情。' },
  views: { en: 'Views', zh: '视图' },
} as const satisfies Record<string, Record<Lang, string>>;

export type StringKey = keyof typeof STRINGS;

export function t(key: StringKey, lang: Lang, slots?: Record<string, string>): string {
  const text: string = STRINGS[key][lang];
  return slots ? text.replace(/\{(\w+)\}/g, (m, k: string) => slots[k] ?? m) : text;
}

const ONSET = {
  acute: { en: 'acute', zh: '急性' },
  subacute: { en: 'subacute', zh: '亚急性' },
  chronic: { en: 'chronic', zh: '慢性' },
} as const;
export function onsetLabel(onset: keyof typeof ONSET, lang: Lang): string {
  return ONSET[onset][lang];
}
