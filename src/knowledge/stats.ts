import type { KnowledgeBase } from './knowledgeBase';

/**
 * `agent-hospital kb stats --json`. A public shape: scripts rely on it (README, "kb stats").
 */
export interface KbStats {
  departments: { id: string; name: { en: string; zh: string }; diseases: number }[];
  diseases: number;
  symptoms: number;
  findings: number;
  exams: number;
  vocabulary: { terms: number; synonyms: { en: number; zh: number } };
  icd10: {
    /** Diseases with a code (all of them: the schema requires one). */
    coded: number;
    uniqueCodes: number;
    /** Diseases per ICD-10 chapter letter, e.g. {"I": 24, "J": 20}. */
    byChapterLetter: Record<string, number>;
  };
}

export function kbStats(kb: KnowledgeBase): KbStats {
  const byChapterLetter: Record<string, number> = {};
  for (const d of kb.diseases) {
    const letter = d.icd10.charAt(0);
    byChapterLetter[letter] = (byChapterLetter[letter] ?? 0) + 1;
  }
  return {
    departments: kb.departments.map((dep) => ({ id: dep.id, name: dep.name, diseases: kb.diseasesOf(dep.id).length })),
    diseases: kb.diseases.length,
    symptoms: kb.terms.filter((t) => t.kind === 'symptom').length,
    findings: kb.terms.filter((t) => t.kind === 'finding').length,
    exams: kb.exams.length,
    vocabulary: {
      terms: kb.terms.length,
      synonyms: {
        en: kb.terms.reduce((n, t) => n + t.synonyms.en.length, 0),
        zh: kb.terms.reduce((n, t) => n + t.synonyms.zh.length, 0),
      },
    },
    icd10: {
      coded: kb.diseases.filter((d) => d.icd10).length,
      uniqueCodes: new Set(kb.diseases.map((d) => d.icd10)).size,
      byChapterLetter: Object.fromEntries(Object.entries(byChapterLetter).sort(([a], [b]) => a.localeCompare(b))),
    },
  };
}

/** One row of `agent-hospital kb diseases --json`. A public shape (README). */
export interface DiseaseListing {
  id: string;
  icd10: string;
  name: { en: string; zh: string };
  synonyms: string[];
  department: string;
}

export function diseaseListing(kb: KnowledgeBase): DiseaseListing[] {
  return kb.diseases.map((d) => ({
    id: d.id,
    icd10: d.icd10,
    name: { en: d.name.en, zh: d.name.zh },
    synonyms: [...d.synonyms.en, ...d.synonyms.zh],
    department: d.department,
  }));
}
