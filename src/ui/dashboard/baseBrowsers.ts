import { AGE_BANDS } from '../../schema/knowledge';
import type { Lang } from '../../schema/common';
import type { ClinicalStaff } from '../../run/staff';
import { h } from '../dom';
import { ds, num } from './strings';

/** Rows a browser shows at once: the newest first; search narrows them. */
const SHOWN = 60;

export interface BrowserFilter {
  department: string;
  query: string;
}

function departmentSelect(
  staff: ClinicalStaff,
  lang: Lang,
  filter: BrowserFilter,
  onChange: () => void,
  testId: string,
): HTMLSelectElement {
  const select = h(
    'select',
    {
      attrs: { 'data-testid': testId, 'aria-label': ds('overall', lang) },
      on: { change: (e) => ((filter.department = (e.target as HTMLSelectElement).value), onChange()) },
    },
    h('option', { attrs: { value: '' } }, ds('overall', lang)),
    ...staff.kb.departments.map((d) => h('option', { attrs: { value: d.id } }, d.name[lang])),
  );
  select.value = filter.department;
  return select;
}

function matchesQuery(text: string, query: string): boolean {
  return query === '' || text.toLowerCase().includes(query.toLowerCase());
}

/** The experience base: each lesson in both languages, its validation and how often it fired and helped. */
export function experienceBrowser(staff: ClinicalStaff, lang: Lang, filter: BrowserFilter): HTMLElement {
  const list = h('ol', { class: 'lesson-list', attrs: { 'data-testid': 'experience-list' } });
  const count = h('p', { class: 'muted' });
  const draw = (): void => {
    const rows = [];
    let total = 0;
    for (const doctor of staff.doctors.values()) {
      if (filter.department && doctor.department !== filter.department) continue;
      for (const e of doctor.experiences.all) {
        const from = staff.kb.diseases[e.from];
        const to = staff.kb.diseases[e.to];
        const haystack = `${e.text.en} ${e.text.zh} ${from?.name.en ?? ''} ${from?.name.zh ?? ''} ${to?.name.en ?? ''} ${to?.name.zh ?? ''}`;
        if (!matchesQuery(haystack, filter.query)) continue;
        total += 1;
        rows.push({ e, department: doctor.department });
      }
    }
    rows.sort((a, b) => b.e.learnedAt - a.e.learnedAt);
    list.replaceChildren(
      ...rows
        .slice(0, SHOWN)
        .map(({ e, department }) =>
          h(
            'li',
            { class: e.retired ? 'lesson retired' : 'lesson' },
            h('p', { class: 'lesson-text', attrs: { lang: 'en' } }, e.text.en),
            h('p', { class: 'lesson-text', attrs: { lang: 'zh-CN' } }, e.text.zh),
            h(
              'p',
              { class: 'muted' },
              `${staff.kb.department(department).name[lang]} · ${e.retired ? ds('retired', lang) : ds('validated', lang)} · ${ds('uses', lang, { uses: e.uses, successes: e.successes })} · ${ds('learnedAt', lang, { n: num(e.learnedAt, lang) })}`,
            ),
          ),
        ),
    );
    count.textContent = ds('showing', lang, { shown: num(Math.min(SHOWN, total), lang), total: num(total, lang) });
  };
  const search = h('input', {
    class: 'search',
    attrs: { type: 'search', placeholder: ds('searchLessons', lang), 'data-testid': 'experience-search' },
    on: { input: (e) => ((filter.query = (e.target as HTMLInputElement).value), draw()) },
  });
  search.value = filter.query;
  draw();
  return h(
    'section',
    { class: 'panel' },
    h('h3', {}, ds('experiences', lang)),
    h('div', { class: 'row' }, search, departmentSelect(staff, lang, filter, draw, 'experience-department')),
    count,
    list,
  );
}

/** The case base: the newest solved cases, by department and disease. */
export function caseBrowser(staff: ClinicalStaff, lang: Lang, filter: BrowserFilter): HTMLElement {
  const list = h('ol', { class: 'case-list', attrs: { 'data-testid': 'case-list' } });
  const count = h('p', { class: 'muted' });
  const draw = (): void => {
    const wanted = new Set<number>();
    staff.kb.diseases.forEach((d, i) => {
      if (matchesQuery(`${d.name.en} ${d.name.zh} ${d.id}`, filter.query)) wanted.add(i);
    });
    const rows = [];
    let total = 0;
    for (const doctor of staff.doctors.values()) {
      if (filter.department && doctor.department !== filter.department) continue;
      for (const d of wanted) total += doctor.cases.countFor(d);
      // Newest first, and only as many as can be shown: a base of a million cases is not walked.
      let found = 0;
      for (let id = doctor.cases.size - 1; id >= 0 && found < SHOWN; id--) {
        const c = doctor.cases.get(id);
        if (!wanted.has(c.disease)) continue;
        found += 1;
        rows.push({ c, department: doctor.department });
      }
    }
    rows.sort((a, b) => b.c.consultation - a.c.consultation);
    const term = (t: number): string => staff.kb.terms[t]?.name[lang] ?? '?';
    list.replaceChildren(
      ...rows
        .slice(0, SHOWN)
        .map(({ c, department }) =>
          h(
            'li',
            { class: 'case' },
            h('strong', {}, staff.kb.diseases[c.disease]?.name[lang] ?? '?'),
            ` — ${staff.kb.department(department).name[lang]} · ${ds('ageBand', lang)} ${AGE_BANDS[c.ageBand] ?? '?'} · ${ds('learnedAt', lang, { n: num(c.consultation, lang) })}`,
            h(
              'p',
              { class: 'muted' },
              `${ds('present', lang)}: ${Array.from(c.present, term).join(', ') || '—'}; ${ds('absent', lang)}: ${Array.from(c.absent, term).join(', ') || '—'}`,
            ),
          ),
        ),
    );
    count.textContent = ds('showing', lang, { shown: num(Math.min(SHOWN, total), lang), total: num(total, lang) });
  };
  const search = h('input', {
    class: 'search',
    attrs: { type: 'search', placeholder: ds('searchCases', lang), 'data-testid': 'case-search' },
    on: { input: (e) => ((filter.query = (e.target as HTMLInputElement).value), draw()) },
  });
  search.value = filter.query;
  draw();
  return h(
    'section',
    { class: 'panel' },
    h('h3', {}, ds('cases', lang)),
    h('div', { class: 'row' }, search, departmentSelect(staff, lang, filter, draw, 'case-department')),
    count,
    list,
  );
}
