import type { Lang } from '../../schema/common';
import type { Disease } from '../../schema/knowledge';
import type { KnowledgeBase } from '../../knowledge/knowledgeBase';
import { h } from '../dom';

/** Offers text as a file download (CSV, the printable report): a Blob URL, never HTML injected into the page. */
export function download(filename: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = h('a', { attrs: { href: url, download: filename } });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function diseaseLabel(kb: KnowledgeBase, id: string | undefined, lang: Lang): string {
  if (!id || !kb.hasDisease(id)) return '—';
  const d = kb.disease(id);
  return `${d.name[lang]} (${d.icd10})`;
}

export function termName(kb: KnowledgeBase, id: string, lang: Lang): string {
  return kb.hasTerm(id) ? kb.term(id).name[lang] : id;
}

export function departmentName(kb: KnowledgeBase, id: string, lang: Lang): string {
  return kb.departments.find((d) => d.id === id)?.name[lang] ?? id;
}

export function pct(p: number): string {
  return p > 0 && p < 0.005 ? '<1%' : `${Math.round(p * 100)}%`;
}

/** Diseases whose names, synonyms, id or ICD-10 contain the query, best (prefix) matches first. */
export function searchDiseases(kb: KnowledgeBase, query: string, limit = 30): Disease[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const scored: { d: Disease; s: number }[] = [];
  for (const d of kb.diseases) {
    const names = [d.name.en, d.name.zh, d.id, d.icd10, ...d.synonyms.en, ...d.synonyms.zh].map((x) => x.toLowerCase());
    if (names.some((n) => n.startsWith(q))) scored.push({ d, s: 0 });
    else if (names.some((n) => n.includes(q))) scored.push({ d, s: 1 });
  }
  return scored
    .sort((a, b) => a.s - b.s)
    .slice(0, limit)
    .map((x) => x.d);
}

/** A labelled form field. */
export function field(label: string, control: HTMLElement): HTMLElement {
  return h('label', { class: 'mode-field' }, h('span', {}, label), control);
}

export function list(items: (string | Node)[], cls = ''): HTMLElement {
  return h('ul', { class: cls }, ...items.map((x) => h('li', {}, x)));
}
