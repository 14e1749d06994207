import type { Lang } from '../schema/common';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';

/** One finished case of a learner's session, as it is stored and reported. */
export interface CaseResult {
  session: string;
  learner: string;
  caseIndex: number;
  role: 'doctor' | 'triage';
  patientId: string;
  truth: string;
  answer: string;
  correct: boolean;
  score: number;
  questions: number;
  keyQuestionsAsked: number;
  keyQuestions: number;
  exams: number;
  keyExamOrdered: boolean;
  costCny: number;
  minutes: number;
  redFlagsMissed: number;
  doctorAnswer: string;
  doctorCorrect: boolean;
  /** Wall-clock time the learner finished the case (ISO 8601); the page supplies it. */
  finishedAt: string;
}

const COLUMNS: (keyof CaseResult)[] = [
  'session',
  'learner',
  'caseIndex',
  'role',
  'patientId',
  'truth',
  'answer',
  'correct',
  'score',
  'questions',
  'keyQuestionsAsked',
  'keyQuestions',
  'exams',
  'keyExamOrdered',
  'costCny',
  'minutes',
  'redFlagsMissed',
  'doctorAnswer',
  'doctorCorrect',
  'finishedAt',
];

/**
 * A CSV cell per RFC 4180, and safe to open in a spreadsheet: a cell starting with = + - @ is
 * prefixed with an apostrophe so it is never run as a formula.
 */
export function csvCell(value: unknown): string {
  let s = String(value ?? '');
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: readonly CaseResult[]): string {
  return [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => csvCell(r[c])).join(','))].join('\r\n') + '\r\n';
}

/** Escapes text for HTML: every value in the printable report goes through this. */
export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

const LABELS = {
  title: { en: 'Training session report', zh: '培训课程报告' },
  learner: { en: 'Learner', zh: '学员' },
  session: { en: 'Session', zh: '课程' },
  mean: { en: 'Mean score', zh: '平均分' },
  correct: { en: 'Correct', zh: '正确' },
  case: { en: 'Case', zh: '病例' },
  truth: { en: 'True diagnosis', zh: '真实诊断' },
  answer: { en: 'Answer', zh: '作答' },
  score: { en: 'Score', zh: '得分' },
  keyQ: { en: 'Key questions', zh: '关键问诊' },
  cost: { en: 'Cost (¥)', zh: '费用（元）' },
  minutes: { en: 'Minutes', zh: '用时（分钟）' },
  flags: { en: 'Red flags missed', zh: '漏掉的危险信号' },
  doctor: { en: 'Virtual doctor', zh: '虚拟医生' },
  yes: { en: 'yes', zh: '是' },
  no: { en: 'no', zh: '否' },
  note: { en: 'A simulation for education, not medical advice.', zh: '教学模拟，不构成医疗建议。' },
} as const;

/** Names a disease or department id in the report's language (ids the KB does not know stay as they are). */
function nameOf(kb: KnowledgeBase, id: string, lang: Lang): string {
  if (kb.hasDisease(id)) return `${kb.disease(id).name[lang]} (${kb.disease(id).icd10})`;
  const dep = kb.departments.find((d) => d.id === id);
  return dep ? dep.name[lang] : id;
}

/** A printable, self-contained HTML page of the session: every value escaped, no scripts. */
export function toHtml(kb: KnowledgeBase, rows: readonly CaseResult[], lang: Lang): string {
  const L = (k: keyof typeof LABELS): string => escapeHtml(LABELS[k][lang]);
  const mean = rows.length ? Math.round(rows.reduce((s, r) => s + r.score, 0) / rows.length) : 0;
  const correct = rows.filter((r) => r.correct).length;
  const first = rows[0];
  const body = rows
    .map(
      (r) =>
        `<tr><td>${r.caseIndex + 1}</td><td>${escapeHtml(nameOf(kb, r.truth, lang))}</td><td>${escapeHtml(nameOf(kb, r.answer, lang))}</td><td>${r.correct ? L('yes') : L('no')}</td><td>${r.score}</td><td>${r.keyQuestionsAsked}/${r.keyQuestions}</td><td>${r.costCny}</td><td>${r.minutes}</td><td>${r.redFlagsMissed}</td><td>${escapeHtml(nameOf(kb, r.doctorAnswer, lang))} — ${r.doctorCorrect ? L('yes') : L('no')}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${L('title')}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:4px 6px;text-align:left}@media print{button{display:none}}</style>
</head><body>
<h1>${L('title')}</h1>
<p>${L('learner')}: ${escapeHtml(first?.learner ?? '')} · ${L('session')}: ${escapeHtml(first?.session ?? '')}</p>
<p>${L('mean')}: ${mean} · ${L('correct')}: ${correct}/${rows.length}</p>
<table><thead><tr><th>${L('case')}</th><th>${L('truth')}</th><th>${L('answer')}</th><th>${L('correct')}</th><th>${L('score')}</th><th>${L('keyQ')}</th><th>${L('cost')}</th><th>${L('minutes')}</th><th>${L('flags')}</th><th>${L('doctor')}</th></tr></thead>
<tbody>
${body}
</tbody></table>
<p><small>${L('note')}</small></p>
</body></html>
`;
}
