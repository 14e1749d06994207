import type { Lang } from '../schema/common';
import type { Disease } from '../schema/knowledge';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { h } from './dom';
import { diseaseCard } from './diseaseCard';
import { t } from './i18n';

export interface BrowserState {
  department: string | undefined;
  query: string;
  disease: string | undefined;
}

function matches(d: Disease, query: string): boolean {
  if (!query) return true;
  const q = query.toLowerCase();
  return [d.id, d.icd10, d.name.en, d.name.zh, ...d.synonyms.en, ...d.synonyms.zh].some((s) => s.toLowerCase().includes(q));
}

/** The knowledge-base browser: departments, a searchable disease list and the chosen entry. */
export function kbBrowser(kb: KnowledgeBase, lang: Lang, state: BrowserState, rerender: () => void): HTMLElement {
  const pick = (id: string): void => {
    state.disease = id;
    state.department = kb.disease(id).department;
    rerender();
  };
  const departments = h(
    'nav',
    { class: 'departments', attrs: { 'aria-label': t('departments', lang) } },
    h(
      'button',
      {
        class: state.department ? '' : 'active',
        on: {
          click: () => {
            state.department = undefined;
            rerender();
          },
        },
      },
      `${t('allDepartments', lang)} (${kb.diseases.length})`,
    ),
    ...kb.departments.map((dep) =>
      h(
        'button',
        {
          class: state.department === dep.id ? 'active' : '',
          title: dep.scope[lang],
          attrs: { 'data-department': dep.id },
          on: {
            click: () => {
              state.department = dep.id;
              state.disease = undefined;
              rerender();
            },
          },
        },
        `${dep.name[lang]} (${kb.diseasesOf(dep.id).length})`,
      ),
    ),
  );
  const search = h('input', {
    class: 'search',
    attrs: { type: 'search', placeholder: t('search', lang), value: state.query, 'aria-label': t('search', lang) },
  });
  const visible = kb.diseases.filter((d) => (!state.department || d.department === state.department) && matches(d, state.query));
  const list = h(
    'ul',
    { class: 'disease-list', attrs: { 'data-testid': 'disease-list' } },
    ...visible.map((d) =>
      h(
        'li',
        { attrs: { 'data-id': d.id } },
        h(
          'button',
          { class: state.disease === d.id ? 'active' : '', on: { click: () => pick(d.id) } },
          h('span', { class: 'icd' }, d.icd10),
          ` ${d.name[lang]}`,
        ),
      ),
    ),
  );
  const count = h('p', { class: 'muted' }, `${visible.length} ${t('diseasesCount', lang)}`);
  // Filter in place as the visitor types: re-rendering would steal the input's focus.
  search.addEventListener('input', () => {
    state.query = search.value;
    let shown = 0;
    for (const li of list.children) {
      const show = matches(kb.disease((li as HTMLElement).dataset['id'] ?? ''), state.query);
      (li as HTMLElement).hidden = !show;
      if (show) shown++;
    }
    count.textContent = `${shown} ${t('diseasesCount', lang)}`;
  });
  // Open the first entry of the list so a visitor sees what an entry holds without searching.
  const chosen = state.disease && kb.hasDisease(state.disease) ? kb.disease(state.disease) : visible[0];
  const detail = chosen ? diseaseCard(kb, chosen, lang, pick) : h('p', { class: 'muted' }, t('pickDisease', lang));
  return h(
    'div',
    { class: 'kb-browser' },
    departments,
    h('div', { class: 'kb-list' }, search, count, list),
    h('div', { class: 'kb-detail' }, detail),
  );
}
