import type { Lang } from '../schema/common';
import type { Disease } from '../schema/knowledge';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { h } from './dom';
import { onsetLabel, t } from './i18n';

function pct(p: number): string {
  return `${Math.round(p * 100)}%`;
}

function section(title: string, ...body: (Node | string)[]): HTMLElement {
  return h('section', { class: 'card-section' }, h('h4', {}, title), ...body);
}

/** One disease as a textbook-style entry, in the current language. */
export function diseaseCard(kb: KnowledgeBase, disease: Disease, lang: Lang, onPick: (id: string) => void): HTMLElement {
  const other: Lang = lang === 'en' ? 'zh' : 'en';
  const dep = kb.department(disease.department);
  const bands = Object.entries(disease.population.ageBands)
    .filter(([, w]) => (w ?? 0) > 0)
    .map(([b]) => b);
  const synonyms = [...disease.synonyms[lang], ...disease.synonyms[other]];
  const value = (v: readonly [number, number] | undefined, unit: string): string => (v ? ` ${v[0]}–${v[1]} ${unit}` : '');

  return h(
    'article',
    { class: 'disease-card', attrs: { 'data-disease': disease.id } },
    h(
      'header',
      {},
      h('h3', {}, disease.name[lang]),
      h('span', { class: 'icd' }, disease.icd10),
      h('span', { class: 'alt-name' }, disease.name[other]),
    ),
    h(
      'p',
      { class: 'meta' },
      `${dep.name[lang]} · ${t('onset', lang)}: ${onsetLabel(disease.onset, lang)} · ${t('population', lang)}: ${bands.join(', ')} · ${pct(disease.population.male)} ${t('male', lang)}`,
    ),
    synonyms.length ? h('p', { class: 'synonyms' }, `${t('synonyms', lang)}: ${synonyms.join(' · ')}`) : null,
    section(t('symptoms', lang), h('ul', {}, ...disease.symptoms.map((s) => h('li', {}, `${kb.term(s.term).name[lang]} — ${pct(s.p)}`)))),
    section(
      t('findings', lang),
      h(
        'ul',
        {},
        ...disease.findings.map((f) => {
          const term = kb.term(f.term);
          const unit = term.analyte ? kb.analyte(term.analyte).analyte.unit : '';
          return h('li', {}, `${kb.exam(term.exam ?? '').name[lang]}: ${term.name[lang]}${value(f.value, unit)} — ${pct(f.p)}`);
        }),
      ),
    ),
    section(t('keyExams', lang), disease.keyExams.map((e) => kb.exam(e).name[lang]).join(lang === 'zh' ? '、' : ', ')),
    disease.redFlags.length
      ? section(
          t('redFlags', lang),
          h('span', { class: 'red-flag' }, disease.redFlags.map((r) => kb.term(r).name[lang]).join(lang === 'zh' ? '、' : ', ')),
        )
      : null,
    section(
      t('treatment', lang),
      h(
        'ul',
        {},
        ...disease.treatment.drugs.map((d) => h('li', {}, `${d.name[lang]} (${d.class[lang]})${d.dose ? ` — ${d.dose[lang]}` : ''}`)),
      ),
      h('p', {}, disease.treatment.advice[lang]),
      disease.treatment.severe ? h('p', { class: 'severe' }, `${t('severe', lang)}: ${disease.treatment.severe[lang]}`) : '',
    ),
    disease.confusedWith.length
      ? section(
          t('confusedWith', lang),
          h(
            'span',
            {},
            ...disease.confusedWith.map((id) => h('button', { class: 'link', on: { click: () => onPick(id) } }, kb.disease(id).name[lang])),
          ),
        )
      : null,
    section(t('teaching', lang), disease.teaching[lang]),
  );
}
