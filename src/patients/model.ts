import type { Analyte, Disease } from '../schema/knowledge';
import { AGE_BANDS } from '../schema/knowledge';
import type { Severity, Sex } from '../schema/common';
import type { TermId } from '../schema/ids';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';

/**
 * How severity shifts the chance of each feature: a severe illness shows more of its picture.
 * Probabilities in the KB are for moderate severity.
 */
export const SEVERITY_FACTOR: Record<Severity, number> = { mild: 0.85, moderate: 1, severe: 1.12 };
/** No feature is certain: some patients never show even the classic sign. */
export const MAX_FEATURE_P = 0.98;
/** Where in the disease's abnormal range [mild end, severe end] a value falls, by severity. */
export const SEVERITY_POSITION: Record<Severity, readonly [number, number]> = {
  mild: [0, 0.5],
  moderate: [0.25, 0.75],
  severe: [0.5, 1],
};

export function featureP(p: number, severity: Severity): number {
  return Math.min(MAX_FEATURE_P, p * SEVERITY_FACTOR[severity]);
}

export interface LabFeature {
  term: TermId;
  analyteIndex: number;
  p: number;
  from: number;
  to: number;
}

/** A disease prepared for fast sampling: arrays and indexes instead of lookups. */
export interface DiseaseModel {
  disease: Disease;
  bandWeights: number[];
  severityWeights: [number, number, number];
  symptoms: (Disease['symptoms'][number] & { sex?: Sex })[];
  qualitative: { term: TermId; p: number; sex?: Sex }[];
  labs: LabFeature[];
}

export interface AnalyteSlot {
  id: string;
  examId: string;
  low: number;
  high: number;
  decimals: number;
  byAge?: Analyte['byAge'];
}

/** Every analyte of the catalogue in a fixed order: the layout of `Patient.analyteValues`. */
export function analyteSlots(kb: KnowledgeBase): AnalyteSlot[] {
  return kb.exams.flatMap((exam) =>
    exam.analytes.map((a) => ({ id: a.id, examId: exam.id, low: a.low, high: a.high, decimals: a.decimals, byAge: a.byAge })),
  );
}

export function compileDisease(kb: KnowledgeBase, disease: Disease, slotIndex: ReadonlyMap<string, number>): DiseaseModel {
  const qualitative: DiseaseModel['qualitative'] = [];
  const labs: LabFeature[] = [];
  for (const f of disease.findings) {
    const term = kb.term(f.term);
    if (term.analyte && f.value) {
      const analyteIndex = slotIndex.get(term.analyte);
      if (analyteIndex === undefined) throw new Error(`analyte ${term.analyte} missing from the catalogue`);
      labs.push({ term: f.term, analyteIndex, p: f.p, from: f.value[0], to: f.value[1] });
    } else {
      const sex = term.sex ?? (term.exam ? kb.exam(term.exam).sex : undefined);
      qualitative.push(sex ? { term: f.term, p: f.p, sex } : { term: f.term, p: f.p });
    }
  }
  return {
    disease,
    bandWeights: AGE_BANDS.map((band) => disease.population.ageBands[band] ?? 0),
    severityWeights: [disease.severity.mild, disease.severity.moderate, disease.severity.severe],
    symptoms: disease.symptoms.map((s) => {
      const sex = kb.term(s.term).sex;
      return sex ? { ...s, sex } : s;
    }),
    qualitative,
    labs,
  };
}
