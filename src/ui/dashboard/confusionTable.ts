import type { KnowledgeBase } from '../../knowledge/knowledgeBase';
import type { Lang } from '../../schema/common';
import type { Confusion } from '../../schema/store';
import { h } from '../dom';
import { ds, num } from './strings';

/** Rows shown: the most frequent confusions first. */
const SHOWN = 40;

/** The department confusion table of the last exam that recorded one: which disease was taken for which. */
export function confusionTable(kb: KnowledgeBase, lang: Lang, confusions: readonly Confusion[], department: string): HTMLElement {
  const all = confusions.filter((c) => !department || c[0] === department);
  const rows = all.slice(0, SHOWN);
  const name = (id: string): string => (kb.hasDisease(id) ? kb.disease(id).name[lang] : id);
  const body =
    rows.length === 0
      ? h('p', { class: 'muted' }, ds('noConfusions', lang))
      : h(
          'table',
          { class: 'confusions', attrs: { 'data-testid': 'confusion-table' } },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              department ? null : h('th', {}, ds('department', lang)),
              h('th', {}, ds('truth', lang)),
              h('th', {}, ds('takenFor', lang)),
              h('th', {}, ds('times', lang)),
            ),
          ),
          h(
            'tbody',
            {},
            ...rows.map(([dep, truth, chosen, n]) =>
              h(
                'tr',
                {},
                department ? null : h('td', {}, kb.departments.find((d) => d.id === dep)?.name[lang] ?? dep),
                h('td', {}, name(truth)),
                h('td', {}, name(chosen)),
                h('td', { class: 'num' }, n),
              ),
            ),
          ),
        );
  const count =
    all.length > 0
      ? h('p', { class: 'muted' }, ds('showing', lang, { shown: num(rows.length, lang), total: num(all.length, lang) }))
      : null;
  return h(
    'section',
    { class: 'panel' },
    h('h3', {}, ds('confusions', lang)),
    h('p', { class: 'muted' }, ds('confusionHelp', lang)),
    count,
    body,
  );
}
