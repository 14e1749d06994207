import type { Lang } from '../schema/common';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import type { VocabularyMatcher } from '../language/matcher';
import { clear, h } from './dom';
import { t } from './i18n';

/** "Type how a patient might describe it": shows what the vocabulary matcher understands. */
export function matcherPanel(kb: KnowledgeBase, matcher: VocabularyMatcher, lang: Lang): HTMLElement {
  const output = h('ul', { class: 'matches', attrs: { 'data-testid': 'matches' } });
  const input = h('input', {
    class: 'matcher-input',
    attrs: { type: 'text', placeholder: t('matcherPlaceholder', lang), 'aria-label': t('tryMatcher', lang) },
  });
  const update = (): void => {
    clear(output);
    const matches = matcher.match(input.value);
    if (input.value.trim() && matches.length === 0) output.append(h('li', { class: 'muted' }, t('noMatch', lang)));
    for (const m of matches) {
      const term = kb.term(m.term);
      output.append(
        h(
          'li',
          { class: m.negated ? 'negated' : '' },
          `“${m.text}” → ${term.name[lang]}`,
          m.negated ? h('span', { class: 'tag' }, t('denied', lang)) : null,
        ),
      );
    }
  };
  input.addEventListener('input', update);
  return h('div', { class: 'matcher' }, h('label', {}, t('tryMatcher', lang)), input, output);
}
