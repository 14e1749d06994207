import type { KnowledgeBase } from '../../knowledge/knowledgeBase';
import type { DepartmentId, DiseaseId, ExamId, TermId } from '../../schema/ids';

/**
 * Maps what a model wrote to the knowledge base's ids: an id, a name in either language, a
 * synonym or (for diseases) an ICD-10 code. Anything else is unknown — and the answer is sent
 * back to the model with that said, never guessed at.
 */
interface Index {
  diseases: Map<string, DiseaseId>;
  exams: Map<string, ExamId>;
  terms: Map<string, TermId>;
  departments: Map<string, DepartmentId>;
}

const cache = new WeakMap<KnowledgeBase, Index>();

export function normalise(s: string): string {
  return s
    .toLowerCase()
    .replace(/[“”"'`]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.。]$/, '')
    .trim();
}

function indexOf(kb: KnowledgeBase): Index {
  let idx = cache.get(kb);
  if (idx) return idx;
  idx = { diseases: new Map(), exams: new Map(), terms: new Map(), departments: new Map() };
  const put = <T>(map: Map<string, T>, key: string, value: T): void => {
    const k = normalise(key);
    if (k && !map.has(k)) map.set(k, value);
  };
  for (const d of kb.diseases) {
    put(idx.diseases, d.id, d.id);
    put(idx.diseases, d.icd10, d.id);
    put(idx.diseases, d.name.en, d.id);
    put(idx.diseases, d.name.zh, d.id);
  }
  // Synonyms after every primary name, so a synonym never shadows another disease's name.
  for (const d of kb.diseases) for (const s of [...d.synonyms.en, ...d.synonyms.zh]) put(idx.diseases, s, d.id);
  for (const e of kb.exams) for (const k of [e.id, e.name.en, e.name.zh]) put(idx.exams, k, e.id);
  for (const t of kb.terms) for (const k of [t.id, t.name.en, t.name.zh]) put(idx.terms, k, t.id);
  for (const t of kb.terms) for (const s of [...t.synonyms.en, ...t.synonyms.zh]) put(idx.terms, s, t.id);
  for (const d of kb.departments) for (const k of [d.id, d.name.en, d.name.zh]) put(idx.departments, k, d.id);
  cache.set(kb, idx);
  return idx;
}

/** Also accepts "J18.9 community-acquired pneumonia" and "pneumonia (J18.9)" style answers. */
export function resolveDisease(kb: KnowledgeBase, text: string): DiseaseId | undefined {
  const idx = indexOf(kb).diseases;
  const n = normalise(text);
  const direct = idx.get(n);
  if (direct) return direct;
  const code = /\b([a-z]\d{2}(?:\.\d{1,2})?)\b/.exec(n)?.[1];
  if (code && idx.has(code)) return idx.get(code);
  const withoutBrackets = normalise(n.replace(/[(（][^)）]*[)）]/g, ''));
  return idx.get(withoutBrackets);
}

export function resolveExam(kb: KnowledgeBase, text: string): ExamId | undefined {
  return indexOf(kb).exams.get(normalise(text));
}

export function resolveTerm(kb: KnowledgeBase, text: string): TermId | undefined {
  return indexOf(kb).terms.get(normalise(text));
}

export function resolveDepartment(kb: KnowledgeBase, text: string): DepartmentId | undefined {
  return indexOf(kb).departments.get(normalise(text));
}
