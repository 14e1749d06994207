import type { Lang } from '../../schema/common';
import type { AppContext } from '../appContext';
import { SCORE, type Debrief } from '../../modes/training';
import type { TriageDebrief } from '../../modes/triageTraining';
import { h } from '../dom';
import { departmentName, diseaseLabel, list, termName } from './common';
import { mt, type ModeStringKey } from './i18n';

const mark = (ok: boolean): HTMLElement => h('span', { class: ok ? 'ok' : 'bad' }, ok ? '✓ ' : '✗ ');

/** The debrief of a doctor case: score by part, what was missed, and the virtual doctor beside the learner. */
export function debriefPanel(app: AppContext, d: Debrief, lang: Lang): HTMLElement {
  const kb = app.kb;
  const truth = kb.disease(d.truth.disease);
  const parts = (Object.keys(SCORE) as (keyof typeof SCORE)[]).map((k) =>
    h(
      'div',
      { class: 'm-bar' },
      h('span', { class: 'm-label' }, mt(`part_${k}`, lang)),
      h(
        'span',
        { class: 'm-track' },
        h('span', { class: 'm-fill', attrs: { style: `width:${Math.round((d.parts[k] / SCORE[k]) * 100)}%` } }),
      ),
      `${Math.round(d.parts[k])}/${SCORE[k]}`,
    ),
  );
  const doc = d.doctor;
  return h(
    'section',
    { class: 'mode-card', attrs: { 'data-testid': 'debrief' } },
    h('h3', {}, mt('debrief', lang)),
    h('p', {}, `${mt('score', lang)}: `, h('span', { class: 'score-big', attrs: { 'data-testid': 'score' } }, String(d.score)), ' / 100'),
    h('div', { class: 'm-bars' }, ...parts),
    h(
      'div',
      { attrs: { 'data-testid': 'history-checklist' } },
      h('h4', {}, `${mt('historyTaking', lang)}: ${Math.round(d.historyTaking.coverage * 100)}%`),
      h(
        'ul',
        { class: 'checklist' },
        ...d.historyTaking.items.map((i) => h('li', { attrs: { 'data-item': i.id } }, mark(i.covered), i.label[lang])),
      ),
    ),
    h(
      'div',
      { class: 'mode-grid' },
      h(
        'div',
        {},
        h(
          'p',
          {},
          h('strong', {}, `${mt('trueDiagnosis', lang)}: `),
          h('span', { attrs: { 'data-testid': 'truth' } }, diseaseLabel(kb, d.truth.disease, lang)),
          ` · ${mt('severity', lang)}: ${mt(d.truth.severity as ModeStringKey, lang)}`,
        ),
        h(
          'p',
          {},
          mark(d.diagnosis.correct),
          h('strong', {}, `${mt('yourDiagnosis', lang)}: `),
          diseaseLabel(kb, d.diagnosis.chosen, lang),
          ` — ${mt(d.diagnosis.closeness as ModeStringKey, lang)}`,
        ),
        h('h4', {}, mt('keyQuestions', lang)),
        list(d.keyQuestions.map((q) => h('span', {}, mark(q.asked), termName(kb, q.term, lang), q.present ? '' : ` (${mt('no', lang)})`))),
        h('h4', {}, mt('keyExams', lang)),
        list(d.keyExams.map((e) => h('span', {}, mark(e.ordered), kb.exam(e.exam).name[lang]))),
        d.unneededExams.length > 0
          ? h('p', {}, `${mt('unneeded', lang)}: ${d.unneededExams.map((e) => kb.exam(e).name[lang]).join(', ')}`)
          : null,
        h('p', {}, mt('costTime', lang, { c: d.cost, m: d.minutes })),
        h(
          'p',
          {},
          mark(d.redFlagsMissed.length === 0),
          `${mt('redFlagsMissed', lang)}: ${d.redFlagsMissed.map((t) => termName(kb, t, lang)).join(', ') || mt('noneMissed', lang)}`,
        ),
        h(
          'p',
          {},
          mark(d.treatment.right),
          mt(d.treatment.right ? 'treatmentRight' : 'treatmentWrong', lang),
          d.treatment.choice ? ` (${mt(d.treatment.choice === 'escalate' ? 'escalate' : 'firstLine', lang)})` : '',
        ),
      ),
      h(
        'div',
        { attrs: { 'data-testid': 'virtual-doctor' } },
        h('h4', {}, mt('virtualDoctor', lang)),
        h('p', {}, `${mt('department', lang)}: ${departmentName(kb, doc.department, lang)}`),
        h(
          'p',
          {},
          `${mt('asked', lang)}: ${doc.questions.map((q) => `${termName(kb, q.term, lang)} ${q.present ? '+' : '−'}`).join(', ')}`,
        ),
        h('p', {}, `${mt('ordered', lang)}: ${doc.exams.map((e) => kb.exam(e).name[lang]).join(', ')}`),
        h('p', {}, mark(doc.correct), `${mt('concluded', lang)}: ${diseaseLabel(kb, doc.diagnosis, lang)}`),
        h('p', {}, mt('costTime', lang, { c: doc.cost, m: doc.minutes })),
      ),
    ),
    h('h4', {}, mt('teachingPoint', lang)),
    h('p', {}, d.teaching[lang]),
    h(
      'p',
      {},
      `${mt('firstLinePlan', lang)}: ${[...truth.treatment.drugs.map((x) => `${x.name[lang]}${x.dose ? ` (${x.dose[lang]})` : ''}`), truth.treatment.advice[lang]].join('; ')}`,
    ),
    truth.treatment.severe ? h('p', {}, `${mt('escalate', lang)}: ${truth.treatment.severe[lang]}`) : null,
    d.confusedWith.length > 0
      ? h('p', {}, `${mt('confusedWith', lang)}: ${d.confusedWith.map((x) => diseaseLabel(kb, x, lang)).join(', ')}`)
      : null,
  );
}

/** The debrief of a triage decision. */
export function triageDebriefPanel(app: AppContext, d: TriageDebrief, lang: Lang): HTMLElement {
  const kb = app.kb;
  return h(
    'section',
    { class: 'mode-card', attrs: { 'data-testid': 'debrief' } },
    h('h3', {}, mt('debrief', lang)),
    h(
      'p',
      {},
      `${mt('score', lang)}: `,
      h('span', { class: 'score-big', attrs: { 'data-testid': 'score' } }, d.correct ? '100' : '0'),
      ' / 100',
    ),
    h('p', {}, mark(d.correct), `${departmentName(kb, d.chosen, lang)} — ${mt(d.correct ? 'correct' : 'incorrect', lang)}`),
    h('p', {}, h('strong', {}, `${mt('expected', lang)}: `), departmentName(kb, d.expected, lang)),
    h('p', {}, `${mt('redFlags', lang)}: ${d.redFlags.map((t) => termName(kb, t, lang)).join(', ') || mt('noneMissed', lang)}`),
    h('p', {}, `${mt('tells', lang)}: ${d.told.map((t) => termName(kb, t, lang)).join(', ')}`),
    h(
      'p',
      {},
      h('strong', {}, `${mt('trueDiagnosis', lang)}: `),
      h(
        'span',
        { attrs: { 'data-testid': 'truth' } },
        `${diseaseLabel(kb, d.disease, lang)} — ${departmentName(kb, d.trueDepartment, lang)}`,
      ),
    ),
    h('p', {}, mark(d.nurseCorrect), `${mt('nurseChose', lang)}: ${departmentName(kb, d.nurse, lang)}`),
  );
}
