/**
 * The language layer's data files (assets/language/), parsed and checked: each file with zod,
 * then every term, site and concept a file names against the knowledge base and the other files.
 * A bad file is refused with its name, the path inside it and what was wrong; a missing file
 * leaves its part empty (the layer still reads the knowledge base's own names and synonyms).
 */
import type { z } from 'zod';
import { KbError, issuesFromZod, type KbIssue } from '../knowledge/errors';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import {
  ConceptFile,
  CueFile,
  FunctionFile,
  LayFile,
  PlainFile,
  SiteFile,
  SiteTermFile,
  T2sFile,
  WordsFile,
  type LanguageData,
} from '../schema/language';

/** One data file as read from disk or fetched: its name inside assets/language/ and its JSON. */
export interface LanguageFile {
  path: string;
  data: unknown;
}

export const LANGUAGE_FILES = [
  'lay.en.json',
  'lay.zh.json',
  'sites.json',
  'concepts.json',
  'siteTerms.json',
  't2s.json',
  'plain.json',
  'cues.json',
  'words.json',
  'functions.json',
] as const;

function parse<T>(schema: z.ZodType<T>, file: LanguageFile | undefined, fallback: T, issues: KbIssue[]): T {
  if (!file) return fallback;
  const r = schema.safeParse(file.data);
  if (r.success) return r.data;
  issues.push(...issuesFromZod(`assets/language/${file.path}`, r.error));
  return fallback;
}

export function parseLanguageData(files: readonly LanguageFile[], kb: KnowledgeBase): LanguageData {
  const issues: KbIssue[] = [];
  const at = (file: string, path: string, message: string): void => void issues.push({ file: `assets/language/${file}`, path, message });
  const byName = new Map(files.map((f) => [f.path.replace(/^.*\//, ''), f]));
  const data: LanguageData = {
    lay: { en: parse(LayFile, byName.get('lay.en.json'), [], issues), zh: parse(LayFile, byName.get('lay.zh.json'), [], issues) },
    sites: parse(SiteFile, byName.get('sites.json'), [], issues),
    concepts: parse(ConceptFile, byName.get('concepts.json'), [], issues),
    siteTerms: parse(SiteTermFile, byName.get('siteTerms.json'), [], issues),
    t2s: parse(T2sFile, byName.get('t2s.json'), {}, issues),
    plain: parse(PlainFile, byName.get('plain.json'), [], issues),
    cues: parse(CueFile, byName.get('cues.json'), { en: {}, zh: {} }, issues),
    keep: parse(WordsFile, byName.get('words.json'), { source: '', keep: [] }, issues).keep,
    functions: parse(FunctionFile, byName.get('functions.json'), [], issues),
  };
  data.functions.forEach((f, i) => {
    f.terms.forEach((t, k) => {
      if (!kb.hasTerm(t)) at('functions.json', `[${i}].terms[${k}]`, `unknown term "${t}"`);
    });
  });
  data.plain.forEach((e, i) => {
    if (!kb.hasTerm(e.term)) at('plain.json', `[${i}].term`, `unknown term "${e.term}"`);
  });
  for (const lang of ['en', 'zh'] as const) {
    data.lay[lang].forEach((e, i) => {
      if (!kb.hasTerm(e.term)) at(`lay.${lang}.json`, `[${i}].term`, `unknown term "${e.term}"`);
      e.also?.forEach((t, k) => {
        if (!kb.hasTerm(t)) at(`lay.${lang}.json`, `[${i}].also[${k}]`, `unknown term "${t}"`);
      });
    });
  }
  const siteIds = new Set(data.sites.map((s) => s.id as string));
  data.sites.forEach((s, i) => {
    if (s.parent && !siteIds.has(s.parent)) at('sites.json', `[${i}].parent`, `unknown site "${s.parent}"`);
  });
  const conceptIds = new Set(data.concepts.map((c) => c.id as string));
  data.siteTerms.forEach((r, i) => {
    if (r.term !== null && !kb.hasTerm(r.term)) at('siteTerms.json', `[${i}].term`, `unknown term "${r.term}"`);
    if (!siteIds.has(r.site)) at('siteTerms.json', `[${i}].site`, `unknown site "${r.site}"`);
    if (!conceptIds.has(r.concept)) at('siteTerms.json', `[${i}].concept`, `unknown concept "${r.concept}"`);
  });
  if (issues.length > 0) throw new KbError(issues);
  return data;
}
