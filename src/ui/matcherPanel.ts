import type { Lang } from '../schema/common';
import type { AppContext } from './appContext';
import { h } from './dom';
import { t } from './i18n';
import { readingChips } from './readingChips';

/** "Type how a patient might describe it": shows what the language layer understands, as chips. */
export function matcherPanel(app: AppContext, lang: Lang): HTMLElement {
  const chips = readingChips(app.kb, () => lang, undefined, 'matcher');
  const status = h('p', { class: 'muted', attrs: { role: 'status', 'data-testid': 'matcher-status' } });
  const input = h('input', {
    class: 'matcher-input',
    attrs: { type: 'text', placeholder: t('matcherPlaceholder', lang), 'aria-label': t('tryMatcher', lang) },
  });
  let asked = 0;
  const update = async (): Promise<void> => {
    const mine = ++asked;
    const text = input.value;
    status.textContent = t('loadingWords', lang);
    try {
      const matcher = await app.language();
      if (mine !== asked) return;
      status.textContent = '';
      chips.show(text.trim() ? matcher.understand(text, lang) : undefined, matcher);
      if (text.trim() && matcher.understand(text, lang).spans.length === 0) status.textContent = t('noMatch', lang);
    } catch (err) {
      status.textContent = (err as Error).message;
    }
  };
  input.addEventListener('input', () => void update());
  return h('div', { class: 'matcher' }, h('label', {}, t('tryMatcher', lang)), input, status, chips.el);
}
