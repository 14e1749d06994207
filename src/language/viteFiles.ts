import type { JsonGetter } from '../knowledge/viteFiles';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { parseLanguageData, type LanguageFile } from './data';
import { VocabularyMatcher } from './matcher';

/*
 * The language files as the page and the fast-forward worker load them: static JSON assets,
 * fetched on first use (only the views that read free text need them), so the page's script and
 * its first frame carry none of the lexicons.
 */
const urls = import.meta.glob<string>('../../assets/language/*.json', { query: '?url', import: 'default', eager: true });

export async function fetchLanguageFiles(fetchJson: JsonGetter): Promise<LanguageFile[]> {
  return Promise.all(
    Object.entries(urls).map(async ([key, url]) => {
      const path = key.replace(/^.*assets\/language\//, '');
      return { path, data: await fetchJson(url, `assets/language/${path}`) };
    }),
  );
}

/** The language layer for the page: its files fetched, checked and compiled (the page imports this module lazily). */
export async function loadLanguage(kb: KnowledgeBase, fetchJson: JsonGetter): Promise<VocabularyMatcher> {
  return new VocabularyMatcher(kb, parseLanguageData(await fetchLanguageFiles(fetchJson), kb));
}
