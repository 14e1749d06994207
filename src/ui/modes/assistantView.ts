import './modes.css';
import type { AppContext, View } from '../appContext';
import { DoctorAssistant, type AssistantAnswer, type ClinicianCase } from '../../modes/assistant';
import { clear, h } from '../dom';
import { departmentName, diseaseLabel, field, list, pct, termName } from './common';
import { mt } from './i18n';
import { readingChips } from '../readingChips';

/** The clinician's assistant: a case in, the evolved doctor's differential and evidence out. */
export const ASSISTANT_VIEW: View = {
  id: 'assistant',
  title: { en: 'Doctor’s assistant', zh: '医生助手' },
  mount(el, app: AppContext) {
    const root = h('div', { class: 'mode', attrs: { 'data-testid': 'mode-assistant' } });
    el.append(root);
    let input: Omit<ClinicianCase, 'lang'> = { age: 60, sex: 'M', complaint: '', history: '', findings: '' };
    let answer: AssistantAnswer | undefined;
    let problem = '';
    // What the assistant read in the three fields, shown as they are typed; a wrong reading is removed with one click.
    const preview = readingChips(app.kb, () => app.lang(), undefined, 'assistant');
    void app.language().catch(() => undefined);

    const render = (): void => {
      const lang = app.lang();
      const kb = app.kb;
      clear(root);
      const age = h('input', { attrs: { type: 'number', value: String(input.age), 'data-testid': 'assistant-age' } });
      const sex = h(
        'select',
        { attrs: { 'data-testid': 'assistant-sex' } },
        h('option', { attrs: { value: 'M' } }, mt('male', lang)),
        h('option', { attrs: { value: 'F' } }, mt('female', lang)),
      );
      sex.value = input.sex;
      const complaint = h('input', { attrs: { type: 'text', value: input.complaint, 'data-testid': 'assistant-complaint' } });
      const history = h('textarea', { attrs: { 'data-testid': 'assistant-history' } });
      history.value = input.history;
      const findings = h('textarea', { attrs: { 'data-testid': 'assistant-findings' } });
      findings.value = input.findings;
      let typed = 0;
      const read = async (): Promise<void> => {
        const mine = ++typed;
        const matcher = await app.language();
        const text = [complaint.value, history.value, findings.value].filter((x) => x.trim()).join('\n');
        if (mine === typed) preview.show(text ? matcher.understand(text, lang) : undefined, matcher);
      };
      for (const f of [complaint, history, findings]) f.addEventListener('input', () => void read().catch(() => undefined));
      void read().catch(() => undefined);
      const assess = async (): Promise<void> => {
        input = {
          age: Number(age.value),
          sex: sex.value === 'F' ? 'F' : 'M',
          complaint: complaint.value,
          history: history.value,
          findings: findings.value,
        };
        try {
          const matcher = await app.language();
          answer = new DoctorAssistant(app.staff, matcher).assess({ ...input, lang, exclude: [...preview.removed()] });
          problem = '';
        } catch (err) {
          answer = undefined;
          problem = (err as Error).message;
        }
        render();
      };
      root.append(
        h('h2', {}, mt('assistantTitle', lang)),
        h('p', { class: 'notice', attrs: { role: 'note' } }, mt('assistantNotice', lang)),
        h(
          'section',
          { class: 'mode-card' },
          h('div', { class: 'mode-row' }, field(mt('age', lang), age), field(mt('sex', lang), sex)),
          field(mt('complaint', lang), complaint),
          field(mt('historyField', lang), history),
          field(mt('findingsField', lang), findings),
          preview.el,
          h(
            'button',
            { class: 'primary', attrs: { 'data-testid': 'assistant-assess' }, on: { click: () => void assess() } },
            mt('assess', lang),
          ),
          problem ? h('p', { class: 'bad', attrs: { role: 'alert' } }, problem) : null,
        ),
      );
      if (!answer) return;
      const a = answer;
      root.append(
        h(
          'section',
          { class: 'mode-card', attrs: { 'data-testid': 'assistant-answer' } },
          a.redFlags.length
            ? h(
                'div',
                { class: 'alert-emergency', attrs: { role: 'alert' } },
                `${mt('redFlags', lang)}: ${a.redFlags.map((t) => termName(kb, t, lang)).join(', ')}`,
              )
            : null,
          h('p', {}, `${mt('department', lang)}: ${departmentName(kb, a.department, lang)}`),
          h('h3', {}, mt('differential', lang)),
          a.saysUnknown
            ? h('p', { class: 'bad', attrs: { 'data-testid': 'outside-knowledge' } }, mt('outsideKnowledge', lang, { p: pct(a.outside) }))
            : null,
          h(
            'ol',
            { attrs: { 'data-testid': 'assistant-differential' } },
            ...a.differential.map((x) => h('li', {}, `${diseaseLabel(kb, x.disease, lang)} — ${pct(x.probability)}`)),
          ),
          h('h4', {}, mt('suggestExams', lang)),
          list(a.exams.map((e) => `${kb.exam(e).name[lang]} (¥${kb.exam(e).costCny})`)),
          h('h4', {}, mt('similarCases', lang)),
          a.retrievedCases.length
            ? list(a.retrievedCases.map((c) => `#${c.id} ${diseaseLabel(kb, c.disease, lang)} · ${pct(c.similarity)}`))
            : h('p', { class: 'muted' }, mt('noneYet', lang)),
          h('h4', {}, mt('experiences', lang)),
          a.experiences.length ? list(a.experiences.map((e) => e.text[lang])) : h('p', { class: 'muted' }, mt('noneYet', lang)),
          h('h4', {}, mt('mapped', lang)),
          list(
            a.mapped.map(
              (m) =>
                `“${m.phrase}” → ${m.terms.map((t) => `${termName(kb, t.id, lang)}${t.present ? '' : ` (${mt('no', lang)})`}`).join(', ')}`,
            ),
          ),
          a.unmapped.length ? h('p', { class: 'muted' }, `${mt('unmapped', lang)}: ${a.unmapped.join(' · ')}`) : null,
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
