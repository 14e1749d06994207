import type { DepartmentId, DiseaseId, ExamId, TermId } from '../schema/ids';
import type { Bilingual } from '../schema/common';
import type { KnowledgeBase } from './knowledgeBase';

/** A feature is "typical" in the textbook when at least this share of patients show it. */
export const TYPICAL_THRESHOLD = 0.5;

/**
 * What a new doctor knows of a disease: its typical symptoms, its key examinations and what
 * they classically show — no probabilities, no rare features, no population detail. The
 * doctor starts from this and learns the rest from the patients it sees.
 */
export interface TextbookEntry {
  disease: DiseaseId;
  department: DepartmentId;
  name: Bilingual;
  typicalSymptoms: TermId[];
  keyExams: ExamId[];
  keyFindings: TermId[];
  /** The confusable diseases the textbook warns about. */
  differentials: DiseaseId[];
  /** Warning features that call for emergency care. */
  redFlags: TermId[];
}

export type Textbook = readonly TextbookEntry[];

function typical<T extends { term: TermId; p: number }>(features: readonly T[], atLeast: number): TermId[] {
  const sorted = [...features].sort((a, b) => b.p - a.p);
  const chosen = sorted.filter((f) => f.p >= TYPICAL_THRESHOLD);
  return (chosen.length >= atLeast ? chosen : sorted.slice(0, atLeast)).map((f) => f.term);
}

/** A textbook lists a handful of classic symptoms, not every symptom a patient might have. */
export const TEXTBOOK_SYMPTOMS = 3;

export function buildTextbook(kb: KnowledgeBase): Textbook {
  return kb.diseases.map((d) => ({
    disease: d.id,
    department: d.department,
    name: d.name,
    typicalSymptoms: typical(d.symptoms, 2).slice(0, TEXTBOOK_SYMPTOMS),
    keyExams: [...d.keyExams],
    // The classic finding of each key examination: what the textbook's "investigations" line says.
    keyFindings: d.keyExams.flatMap((exam) => {
      const onExam = d.findings.filter((f) => kb.term(f.term).exam === exam).sort((a, b) => b.p - a.p);
      return onExam.length > 0 ? [(onExam[0] as { term: TermId }).term] : [];
    }),
    differentials: [...d.confusedWith],
    redFlags: [...d.redFlags],
  }));
}
