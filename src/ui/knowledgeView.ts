import type { Lang } from '../schema/common';
import type { AppContext, View } from './appContext';
import { h } from './dom';
import { examCatalogue } from './examCatalogue';
import { t } from './i18n';
import { kbBrowser, type BrowserState } from './kbBrowser';
import { matcherPanel } from './matcherPanel';
import { patientPanel } from './patientPanel';

/** The knowledge-base browser, the vocabulary matcher and the patient generator, as one view. */
function mountKnowledge(el: HTMLElement, app: AppContext): () => void {
  const browser: BrowserState = { department: undefined, query: '', disease: undefined };
  const patientState = { index: 0 };
  const render = (): void => {
    const lang: Lang = app.lang();
    el.replaceChildren(
      h('h2', {}, t('knowledge', lang)),
      kbBrowser(app.kb, lang, browser, render),
      h(
        'div',
        { class: 'row' },
        h('section', { class: 'panel' }, h('h2', {}, t('generate', lang)), patientPanel(app.generator, app.reader, lang, patientState)),
        h('section', { class: 'panel' }, h('h2', {}, t('vocabulary', lang)), matcherPanel(app, lang)),
      ),
      h('details', { class: 'panel' }, h('summary', {}, `${t('exams', lang)} (${app.kb.exams.length})`), examCatalogue(app.kb, lang)),
    );
  };
  render();
  app.bus.on('lang:changed', render);
  return () => {
    app.bus.off('lang:changed', render);
    el.replaceChildren();
  };
}

export const knowledgeView: View = {
  id: 'knowledge',
  title: { en: 'Knowledge', zh: '知识库' },
  mount: mountKnowledge,
};
