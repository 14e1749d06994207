import './modes.css';
import type { Lang } from '../../schema/common';
import type { AppContext, View } from '../appContext';
import { HumanConsultation, type ConsultAdvice } from '../../modes/humanConsult';
import { clear, h } from '../dom';
import { departmentName, diseaseLabel, field, list, pct, termName } from './common';
import { mt } from './i18n';
import { readingChips } from '../readingChips';

/** The virtual doctor's advice: emergency first, then its differential with reasons. */
export function advicePanel(app: AppContext, a: ConsultAdvice, lang: Lang): HTMLElement {
  const kb = app.kb;
  return h(
    'section',
    { class: 'mode-card', attrs: { 'data-testid': 'advice' } },
    a.emergency
      ? h(
          'div',
          { class: 'alert-emergency', attrs: { role: 'alert', 'data-testid': 'emergency' } },
          mt('emergencyNow', lang),
          h('br'),
          `${mt('because', lang)}: ${a.redFlags.map((t) => termName(kb, t, lang)).join(', ')}`,
        )
      : null,
    h('h3', {}, mt('considers', lang)),
    a.saysUnknown
      ? h('p', { class: 'bad', attrs: { 'data-testid': 'outside-knowledge' } }, mt('outsideKnowledge', lang, { p: pct(a.outside) }))
      : null,
    h(
      'ol',
      { attrs: { 'data-testid': 'differential' } },
      ...a.differential.map((x) =>
        h(
          'li',
          {},
          h('strong', {}, `${diseaseLabel(kb, x.disease, lang)} — ${pct(x.probability)}`),
          x.supporting.length
            ? h('div', { class: 'ok' }, `${mt('supporting', lang)}: ${x.supporting.map((t) => termName(kb, t, lang)).join(', ')}`)
            : null,
          x.against.length
            ? h('div', { class: 'bad' }, `${mt('against', lang)}: ${x.against.map((t) => termName(kb, t, lang)).join(', ')}`)
            : null,
        ),
      ),
    ),
    h(
      'p',
      {},
      h('strong', {}, `${mt('visit', lang)}: `),
      h('span', { attrs: { 'data-testid': 'department' } }, departmentName(kb, a.department, lang)),
    ),
    h('h4', {}, mt('suggestExams', lang)),
    list(a.exams.map((e) => kb.exam(e).name[lang])),
    h('h4', {}, mt('similarCases', lang)),
    a.retrievedCases.length
      ? list(a.retrievedCases.map((c) => `${diseaseLabel(kb, c.disease, lang)} · ${pct(c.similarity)}`))
      : h('p', { class: 'muted' }, mt('noneYet', lang)),
    h('h4', {}, mt('experiences', lang)),
    a.experiences.length ? list(a.experiences.map((e) => e.text[lang])) : h('p', { class: 'muted' }, mt('noneYet', lang)),
  );
}

/** Health consultation: a person describes a complaint; the virtual doctor interviews and advises. */
export const CONSULT_VIEW: View = {
  id: 'consult',
  title: { en: 'Health consultation', zh: '健康咨询' },
  mount(el, app) {
    const root = h('div', { class: 'mode', attrs: { 'data-testid': 'mode-consult' } });
    el.append(root);
    let consult: HumanConsultation | undefined;
    const transcript: { who: 'you' | 'doctor'; text: string }[] = [];
    let form = { age: 40, sex: 'F' as 'M' | 'F', text: '' };
    // What the hospital understood of the description, shown as it is typed; a wrong reading is removed with one click.
    const preview = readingChips(app.kb, () => app.lang(), undefined, 'consult');
    void app.language().catch(() => undefined);

    const render = (): void => {
      const lang = app.lang();
      clear(root);
      root.append(
        h('h2', {}, mt('consultTitle', lang)),
        h('p', { class: 'notice', attrs: { role: 'note', 'data-testid': 'consult-notice' } }, mt('consultNotice', lang)),
      );
      if (!consult) {
        const age = h('input', { attrs: { type: 'number', min: '0', max: '120', value: String(form.age), 'data-testid': 'consult-age' } });
        const sex = h(
          'select',
          { attrs: { 'data-testid': 'consult-sex' } },
          h('option', { attrs: { value: 'F' } }, mt('female', lang)),
          h('option', { attrs: { value: 'M' } }, mt('male', lang)),
        );
        sex.value = form.sex;
        const text = h('textarea', { attrs: { placeholder: mt('describePlaceholder', lang), 'data-testid': 'consult-text' } });
        text.value = form.text;
        const problem = h('p', { class: 'bad', attrs: { role: 'alert' } });
        let typed = 0;
        const read = async (): Promise<void> => {
          const mine = ++typed;
          const matcher = await app.language();
          if (mine === typed) preview.show(text.value.trim() ? matcher.understand(text.value, lang) : undefined, matcher);
        };
        text.addEventListener('input', () => void read().catch((err: Error) => (problem.textContent = err.message)));
        if (text.value.trim()) void read().catch(() => undefined);
        const start = async (): Promise<void> => {
          const a = Number(age.value);
          if (!Number.isFinite(a) || a < 0 || a > 120) return void (problem.textContent = `${mt('age', lang)}: 0–120`);
          form = { age: a, sex: sex.value === 'M' ? 'M' : 'F', text: text.value };
          const matcher = await app.language();
          preview.show(matcher.understand(text.value, lang), matcher);
          const c = new HumanConsultation(app.staff, matcher, { age: a, sex: form.sex, lang });
          c.tell(text.value, preview.removed());
          if (!c.chiefComplaint) return void (problem.textContent = mt('notUnderstoodText', lang));
          consult = c;
          transcript.push({ who: 'you', text: text.value });
          render();
        };
        root.append(
          h(
            'section',
            { class: 'mode-card' },
            h('div', { class: 'mode-row' }, field(mt('age', lang), age), field(mt('sex', lang), sex)),
            field(mt('describe', lang), text),
            preview.el,
            h(
              'button',
              {
                class: 'primary',
                attrs: { 'data-testid': 'consult-start' },
                on: { click: () => void start().catch((err: Error) => (problem.textContent = err.message)) },
              },
              mt('start', lang),
            ),
            problem,
          ),
        );
        return;
      }
      const c = consult;
      // Each reading can be taken back while the interview goes on.
      const understood = h(
        'ul',
        { class: 'chips', attrs: { 'data-testid': 'consult-understood' } },
        ...c.order.map((t) =>
          h(
            'li',
            { class: `chip chip-${c.answers.get(t) ? 'present' : 'absent'}`, attrs: { 'data-term': t } },
            h('span', { class: 'chip-term' }, termName(app.kb, t, lang)),
            c.answers.get(t) ? null : h('span', { class: 'chip-detail' }, mt('no', lang)),
            h(
              'button',
              {
                class: 'chip-remove',
                attrs: {
                  type: 'button',
                  'aria-label': `${mt('remove', lang)}: ${termName(app.kb, t, lang)}`,
                  'data-testid': 'chip-remove',
                },
                on: {
                  click: () => {
                    c.forget(t);
                    if (!c.chiefComplaint) consult = undefined;
                    render();
                  },
                },
              },
              '×',
            ),
          ),
        ),
      );
      root.append(
        h(
          'section',
          { class: 'mode-card' },
          h(
            'ol',
            { class: 'dialogue', attrs: { 'data-testid': 'consult-dialogue' } },
            ...transcript.map((l) =>
              h(
                'li',
                { class: l.who === 'doctor' ? 'doctor-line' : '' },
                h('span', { class: 'who' }, `${l.who === 'doctor' ? mt('doctorAsks', lang) : mt('you', lang)}:`),
                l.text,
              ),
            ),
          ),
          h('p', { class: 'muted' }, `${mt('understood', lang)}:`),
          understood,
        ),
      );
      const step = c.next();
      if (step.kind === 'question') {
        // Asked in everyday words ("Does it hurt when you pass urine?"), not catalogue names.
        const q = c.matcher.words.ask(step.term, lang);
        const reply = (present: boolean, label: string): void => {
          transcript.push({ who: 'doctor', text: q }, { who: 'you', text: label });
          c.answer(step.term, present);
          render();
        };
        root.append(
          h(
            'section',
            { class: 'mode-card', attrs: { 'data-testid': 'consult-question', 'data-term': step.term } },
            h('p', {}, h('strong', {}, `${mt('doctorAsks', lang)}: `), q),
            h(
              'div',
              { class: 'mode-row' },
              h('button', { attrs: { 'data-testid': 'answer-yes' }, on: { click: () => reply(true, mt('yes', lang)) } }, mt('yes', lang)),
              h('button', { attrs: { 'data-testid': 'answer-no' }, on: { click: () => reply(false, mt('no', lang)) } }, mt('no', lang)),
              h('button', { on: { click: () => reply(false, mt('notSure', lang)) } }, mt('notSure', lang)),
            ),
          ),
        );
      } else if (step.kind === 'advice') root.append(advicePanel(app, step.advice, lang));
      root.append(
        h(
          'button',
          {
            attrs: { 'data-testid': 'consult-restart' },
            on: {
              click: () => {
                consult = undefined;
                transcript.length = 0;
                render();
              },
            },
          },
          mt('restart', lang),
        ),
      );
    };
    render();
    const onLang = (): void => render();
    app.bus.on('lang:changed', onLang);
    return () => {
      app.bus.off('lang:changed', onLang);
      root.remove();
    };
  },
};
