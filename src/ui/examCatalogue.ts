import type { Lang } from '../schema/common';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { h } from './dom';
import { t } from './i18n';

/** The examination catalogue as a table: room, time, cost and reference ranges. */
export function examCatalogue(kb: KnowledgeBase, lang: Lang): HTMLElement {
  return h(
    'table',
    { class: 'exams' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', {}, t('exams', lang)),
        h('th', {}, t('room', lang)),
        h('th', {}, t('minutes', lang)),
        h('th', {}, `${t('cost', lang)} (¥)`),
        h('th', {}, t('reference', lang)),
      ),
    ),
    h(
      'tbody',
      {},
      ...kb.exams.map((e) =>
        h(
          'tr',
          {},
          h('td', {}, e.name[lang]),
          h('td', {}, e.room),
          h('td', { class: 'num' }, e.minutes),
          h('td', { class: 'num' }, e.costCny),
          h('td', {}, e.analytes.map((a) => `${a.name[lang]} ${a.low}–${a.high} ${a.unit}`).join('; ') || e.normal[lang]),
        ),
      ),
    ),
  );
}
