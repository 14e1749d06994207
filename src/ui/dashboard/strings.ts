import type { Lang } from '../../schema/common';

/** The learning dashboard's interface strings, in both languages. */
export const DASHBOARD_STRINGS = {
  title: { en: 'Learning', zh: '学习进展' },
  intro: {
    en: 'The doctors learn from every follow-up: solved cases join the case base, mistakes become lessons in the experience base. Fast-forward runs generated patients through the hospital in the background.',
    zh: '医生从每次随访中学习：诊断正确的病例进入病例库，错误被总结为经验库中的经验。快进会在后台让生成的患者走完就诊流程。',
  },
  replay: { en: 'Fast-forward', zh: '快进' },
  replayN: { en: 'Replay {n} consultations', zh: '快进 {n} 次诊疗' },
  custom: { en: 'Custom', zh: '自定义' },
  customLabel: { en: 'Consultations', zh: '诊疗次数' },
  start: { en: 'Start', zh: '开始' },
  cancel: { en: 'Cancel (keep what was learned)', zh: '取消（保留已学内容）' },
  loadingWorker: { en: 'Loading the knowledge base in the background…', zh: '正在后台加载知识库…' },
  progress: {
    en: '{done} / {total} consultations · {rate}/s · about {eta} left',
    zh: '{done} / {total} 次诊疗 · 每秒 {rate} 次 · 约剩 {eta}',
  },
  restoring: { en: 'The doctors take in what they learned from {done} consultations…', zh: '医生正在载入从 {done} 次诊疗中学到的内容…' },
  fingerprint: {
    en: 'Event-log fingerprint {hash}: from fresh doctors, `agent-hospital simulate --seed 1` with the same count gives the same.',
    zh: '事件日志指纹 {hash}：从新医生开始时，相同次数的 `agent-hospital simulate --seed 1` 给出相同的指纹。',
  },
  finished: { en: 'Done: {done} consultations in {seconds} s ({rate}/s).', zh: '完成：{seconds} 秒内 {done} 次诊疗（每秒 {rate} 次）。' },
  cancelled: { en: 'Cancelled after {done} consultations; what was learned is kept.', zh: '已在 {done} 次诊疗后取消；已学内容已保留。' },
  failed: { en: 'The fast-forward stopped', zh: '快进已停止' },
  invalidCount: { en: 'Enter a whole number from 1 to {max}.', zh: '请输入 1 到 {max} 之间的整数。' },
  summary: { en: 'Consultations learned from', zh: '已学习的诊疗次数' },
  caseBase: { en: 'Case base', zh: '病例库' },
  experienceBase: { en: 'Experience base', zh: '经验库' },
  accuracy: { en: 'Diagnosis accuracy on the exam', zh: '考试诊断准确率' },
  accuracyNow: { en: 'Exam accuracy (top-1 / top-3)', zh: '考试准确率（首位 / 前三）' },
  overall: { en: 'All departments', zh: '全部科室' },
  top1: { en: 'top-1', zh: '首位诊断' },
  top3: { en: 'top-3', zh: '前三诊断' },
  realisticTop1: { en: 'top-1, realistic patients', zh: '首位诊断（真实比例患者）' },
  consultations: { en: 'consultations', zh: '诊疗次数' },
  growth: { en: 'Growth of the bases', zh: '知识库增长' },
  noCurve: { en: 'No checkpoints yet: fast-forward to draw the curve.', zh: '暂无检查点：快进后将绘制曲线。' },
  confusions: { en: 'Confusions on the exam', zh: '考试中的混淆' },
  confusionHelp: {
    en: 'Which true disease the doctor took for which, on the last exam.',
    zh: '最近一次考试中，医生把哪种疾病误诊为哪种。',
  },
  department: { en: 'Department', zh: '科室' },
  truth: { en: 'True disease', zh: '真实疾病' },
  takenFor: { en: 'Taken for', zh: '误诊为' },
  times: { en: 'Times', zh: '次数' },
  noConfusions: { en: 'No confusions recorded yet.', zh: '暂无混淆记录。' },
  experiences: { en: 'Experience base', zh: '经验库' },
  cases: { en: 'Case base', zh: '病例库' },
  searchLessons: { en: 'Search lessons…', zh: '搜索经验…' },
  searchCases: { en: 'Search by disease…', zh: '按疾病搜索…' },
  validated: { en: 'validated: fixed the case it came from', zh: '已验证：能纠正其来源病例' },
  retired: { en: 'retired: misled more often than it helped', zh: '已停用：误导多于帮助' },
  uses: { en: 'used {uses}× · helped {successes}×', zh: '使用 {uses} 次 · 有效 {successes} 次' },
  learnedAt: { en: 'learned at consultation {n}', zh: '第 {n} 次诊疗时习得' },
  showing: { en: 'Showing {shown} of {total}', zh: '显示 {shown} / {total}' },
  present: { en: 'present', zh: '有' },
  absent: { en: 'absent', zh: '无' },
  ageBand: { en: 'age band', zh: '年龄段' },
  storage: { en: 'Memory', zh: '存储' },
  storageUsed: { en: 'Storage used: {used} of about {quota}', zh: '已用存储：{used}，约可用 {quota}' },
  storageUnknown: { en: 'This browser does not report storage use.', zh: '此浏览器不报告存储用量。' },
  export: { en: 'Export bases', zh: '导出知识库' },
  import: { en: 'Import a bundle…', zh: '导入数据包…' },
  preview: {
    en: 'The file holds {consultations} consultations, {cases} cases, {experiences} lessons, {checkpoints} checkpoints.',
    zh: '文件包含 {consultations} 次诊疗、{cases} 个病例、{experiences} 条经验、{checkpoints} 个检查点。',
  },
  afterMerge: {
    en: 'Merge: the hospital would hold {cases} cases and {experiences} lessons from {consultations} consultations.',
    zh: '合并后：共 {consultations} 次诊疗、{cases} 个病例、{experiences} 条经验。',
  },
  afterReplace: {
    en: 'Replace: the current bases ({cases} cases, {experiences} lessons) would be replaced by the file\u2019s.',
    zh: '替换：当前知识库（{cases} 个病例、{experiences} 条经验）将被文件内容替换。',
  },
  merge: { en: 'Merge', zh: '合并' },
  replace: { en: 'Replace', zh: '替换' },
  dismiss: { en: 'Do not import', zh: '不导入' },
  imported: { en: 'Imported.', zh: '已导入。' },
  refused: { en: 'The file was refused; nothing stored was changed.', zh: '文件被拒绝；已存数据未改动。' },
  startFresh: { en: 'Start fresh…', zh: '从头开始…' },
  confirmFresh: {
    en: 'Forget every learned case, lesson and checkpoint and go back to the textbook doctors? Export first if you want to keep them.',
    zh: '确定忘记所有已学病例、经验和检查点，回到只读教科书的医生吗？如需保留，请先导出。',
  },
  restoreFailed: {
    en: 'The stored bases could not be restored; the doctors start from the textbook and the stored records are kept as they are.',
    zh: '无法恢复已存知识库；医生从教科书起点开始，已存记录保持不变。',
  },
  keep: { en: 'Keep the bases', zh: '保留知识库' },
  freshDone: { en: 'The doctors start again from the textbook.', zh: '医生已回到教科书起点。' },
  busy: { en: 'Wait for the fast-forward to finish or cancel it first.', zh: '请等待快进结束或先取消。' },
} as const satisfies Record<string, Record<Lang, string>>;

export type DashboardKey = keyof typeof DASHBOARD_STRINGS;

/** A string with `{name}` slots filled (values as text). */
export function ds(key: DashboardKey, lang: Lang, values: Record<string, string | number> = {}): string {
  return DASHBOARD_STRINGS[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));
}

export function num(n: number, lang: Lang): string {
  return Math.round(n).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US');
}

/** Counts on a chart's axis, short: "20K", "2万". */
export function compactCount(lang: Lang): (n: number) => string {
  const format = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { notation: 'compact', maximumFractionDigits: 1 });
  return (n) => format.format(n);
}

export function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
