import type { Lang } from '../../schema/common';
import type { DiseaseId, ExamId, TermId } from '../../schema/ids';
import type { AppContext } from '../appContext';
import { basicInfo } from '../../patients/record';
import type { TrainingCase } from '../../modes/training';
import { clear, h } from '../dom';
import { diseaseLabel, field, searchDiseases, termName } from './common';
import { mt } from './i18n';
import { readingChips } from '../readingChips';

/** The learner's desk for one virtual patient: interview, examinations, diagnosis, treatment. */
export function doctorCasePanel(app: AppContext, c: TrainingCase, lang: Lang, onSubmit: () => void): HTMLElement {
  const kb = app.kb;
  const p = c.patient;
  const dialogue = h('ol', { class: 'dialogue', attrs: { 'data-testid': 'dialogue' } });
  const say = (who: 'you' | 'patient', text: string): void => {
    dialogue.append(h('li', { class: who === 'you' ? 'doctor-line' : '' }, h('span', { class: 'who' }, `${mt(who, lang)}:`), text));
    dialogue.scrollTop = dialogue.scrollHeight;
  };
  say('patient', c.opening(lang));
  for (const line of c.log) say(line.who === 'learner' ? 'you' : 'patient', line.text);
  const status = h('p', { class: 'muted', attrs: { 'data-testid': 'case-cost' } });
  const updateStatus = (): void => void (status.textContent = mt('costSoFar', lang, { c: c.cost, m: c.minutes }));
  const hint = h('p', { class: 'muted', attrs: { role: 'status', 'data-testid': 'ask-hint' } });
  const ask = (term: TermId): void => {
    const before = c.log.length;
    c.askTerm(term, lang);
    for (const line of c.log.slice(before)) say(line.who === 'learner' ? 'you' : 'patient', line.text);
    updateStatus();
  };

  // Free-text questions in the learner's own words: history items (onset, medicines, family…)
  // and every symptom named are answered; what was understood shows as chips while typing.
  const askInput = h('input', {
    attrs: { type: 'text', placeholder: mt('askPlaceholder', lang), 'aria-label': mt('interview', lang), 'data-testid': 'ask-input' },
  });
  const preview = readingChips(kb, () => lang, undefined, 'ask');
  let typed = 0;
  askInput.addEventListener('input', () => {
    const mine = ++typed;
    void app
      .language()
      .then((m) => mine === typed && preview.show(askInput.value.trim() ? m.understand(askInput.value, lang) : undefined, m))
      .catch(() => undefined);
  });
  const askFree = async (): Promise<void> => {
    hint.textContent = '';
    const text = askInput.value;
    if (!text.trim()) return;
    const matcher = await app.language();
    c.words ??= matcher.words;
    const before = c.log.length;
    const { reading } = c.askInWords(text, lang, matcher, preview.removed());
    for (const line of c.log.slice(before)) say(line.who === 'learner' ? 'you' : 'patient', line.text);
    if (reading.intents.length === 0 && reading.terms.length === 0) {
      const findings = matcher.match(text, lang).filter((m) => kb.term(m.term).kind === 'finding');
      hint.textContent =
        findings.length > 0
          ? mt('thatIsAFinding', lang, { f: termName(kb, findings[0]?.term as string, lang) })
          : mt('notUnderstood', lang);
      return;
    }
    askInput.value = '';
    preview.show(undefined);
    updateStatus();
  };
  askInput.addEventListener('keydown', (e) => {
    if ((e as KeyboardEvent).key === 'Enter') void askFree().catch((err: Error) => (hint.textContent = err.message));
  });
  const symptoms = kb.terms
    .filter((t) => t.kind === 'symptom' && (!t.sex || t.sex === p.persona.sex))
    .sort((a, b) => a.name[lang].localeCompare(b.name[lang], lang));
  const picker = h(
    'select',
    { attrs: { 'aria-label': mt('orPick', lang), 'data-testid': 'question-select' } },
    ...symptoms.map((t) => h('option', { attrs: { value: t.id } }, t.name[lang])),
  );

  // Examinations, with their price and turnaround, and the reports as they come back.
  const results = h('ul', { class: 'results', attrs: { 'data-testid': 'exam-results' } });
  const showReport = (exam: ExamId): void => {
    const lines = app.reader
      .records(p, exam, lang)
      .map(
        (r) =>
          `${r.exam}: ${r.value}${r.unit ? ` ${r.unit}` : ''}${r.referenceRange ? ` (${r.referenceRange})` : ''}${r.finding !== mt('normal', lang) && typeof r.value === 'number' ? ` — ${r.finding}` : ''}`,
      );
    results.append(h('li', {}, h('strong', {}, kb.exam(exam).name[lang]), h('ul', {}, ...lines.map((l) => h('li', {}, l)))));
  };
  for (const r of c.exams) showReport(r.exam);
  const exams = kb.exams.filter((e) => !e.sex || e.sex === p.persona.sex);
  const examSelect = h(
    'select',
    { attrs: { 'aria-label': mt('examinations', lang), 'data-testid': 'exam-select' } },
    ...exams.map((e) => h('option', { attrs: { value: e.id } }, `${e.name[lang]} · ¥${e.costCny} · ${e.minutes} ${mt('minutes', lang)}`)),
  );
  const orderExam = (exam: ExamId): void => {
    if (c.exams.some((r) => r.exam === exam)) return;
    c.order(exam);
    showReport(exam);
    updateStatus();
  };
  const order = (): void => orderExam(examSelect.value as ExamId);
  // What every consultation starts with: look at and measure the patient.
  const bedside = (): void => ['vital-signs', 'physical-exam'].forEach((e) => orderExam(e as ExamId));

  // Diagnosis: search the knowledge base, pick one.
  const chosen = h('p', { attrs: { 'data-testid': 'chosen-diagnosis' } }, diseaseLabel(kb, c.diagnosis, lang));
  const matches = h('ul', { class: 'disease-matches', attrs: { 'data-testid': 'diagnosis-matches' } });
  const search = h('input', {
    attrs: {
      type: 'text',
      placeholder: mt('searchDisease', lang),
      'aria-label': mt('searchDisease', lang),
      'data-testid': 'diagnosis-search',
    },
  });
  const plan = h('p', { class: 'muted' });
  const showPlan = (id: DiseaseId | undefined): void => {
    if (!id) return;
    const d = kb.disease(id);
    plan.textContent = `${mt('firstLinePlan', lang)}: ${[...d.treatment.drugs.map((x) => x.name[lang]), d.treatment.advice[lang]].join('; ')}`;
  };
  showPlan(c.diagnosis);
  search.addEventListener('input', () => {
    clear(matches);
    for (const d of searchDiseases(kb, search.value, 12)) {
      matches.append(
        h(
          'li',
          {},
          h(
            'button',
            {
              class: 'link',
              attrs: { 'data-disease': d.id },
              on: {
                click: () => {
                  c.diagnose(d.id);
                  chosen.textContent = diseaseLabel(kb, d.id, lang);
                  showPlan(d.id);
                  clear(matches);
                },
              },
            },
            `${d.name[lang]} (${d.icd10})`,
          ),
        ),
      );
    }
  });
  const treatment = (value: 'first-line' | 'escalate', label: string): HTMLElement => {
    const input = h('input', {
      attrs: { type: 'radio', name: 'treatment', value, 'data-testid': `treat-${value}` },
      on: { change: () => c.treat(value) },
    });
    if (c.treatment === value) input.setAttribute('checked', '');
    return h('label', {}, input, label);
  };
  const problem = h('p', { class: 'bad', attrs: { role: 'alert' } });
  const submit = h(
    'button',
    {
      class: 'primary',
      attrs: { 'data-testid': 'submit' },
      on: { click: () => (c.finished ? onSubmit() : void (problem.textContent = mt('needDiagnosis', lang))) },
    },
    mt('submit', lang),
  );
  updateStatus();

  return h(
    'div',
    { class: 'mode-grid', attrs: { 'data-testid': 'training-case' } },
    h(
      'section',
      { class: 'mode-card' },
      h('h3', { attrs: { 'data-testid': 'patient-name' } }, `${p.persona.name[lang]} · ${basicInfo(p, lang)}`),
      h('p', { class: 'muted' }, p.persona.speakingStyle[lang]),
      h('h4', {}, mt('interview', lang)),
      dialogue,
      h(
        'div',
        { class: 'mode-row' },
        askInput,
        h(
          'button',
          {
            attrs: { 'data-testid': 'ask-button' },
            on: { click: () => void askFree().catch((err: Error) => (hint.textContent = err.message)) },
          },
          mt('ask', lang),
        ),
      ),
      preview.el,
      h(
        'div',
        { class: 'mode-row' },
        h('span', { class: 'muted' }, mt('orPick', lang)),
        picker,
        h('button', { attrs: { 'data-testid': 'ask-picked' }, on: { click: () => ask(picker.value as TermId) } }, mt('ask', lang)),
      ),
      hint,
    ),
    h(
      'section',
      { class: 'mode-card' },
      h('h4', {}, mt('examinations', lang)),
      h(
        'div',
        { class: 'mode-row' },
        examSelect,
        h('button', { attrs: { 'data-testid': 'order-button' }, on: { click: order } }, mt('order', lang)),
        h('button', { attrs: { 'data-testid': 'order-bedside' }, on: { click: bedside } }, mt('bedside', lang)),
      ),
      status,
      results,
      h('h4', {}, mt('diagnosis', lang)),
      field(mt('searchDisease', lang), search),
      matches,
      chosen,
      plan,
      h('h4', {}, mt('treatment', lang)),
      h('div', { class: 'mode-row' }, treatment('first-line', mt('firstLine', lang)), treatment('escalate', mt('escalate', lang))),
      submit,
      problem,
    ),
  );
}
