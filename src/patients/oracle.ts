import { AGE_BANDS, ageBandOf, type AgeBand } from '../schema/knowledge';
import type { DiseaseId } from '../schema/ids';
import { SEVERITIES } from '../schema/common';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { BACKGROUND_SYMPTOMS, BACKGROUND_SYMPTOM_P, type PatientGenerator } from './generator';
import { featureP } from './model';
import type { ExamReader } from './results';
import type { Patient } from './types';

/** Chance that a feature a disease does not list shows up anyway (never zero: nothing is impossible). */
const LEAK = 0.002;
const LOG_TINY = Math.log(1e-6);

/**
 * The full-information Bayes oracle: it knows the generator's exact probabilities, sees every
 * symptom and every examination result, and ranks diseases by posterior. It is not a doctor
 * (doctors start from the coarser textbook and must choose what to ask and order); it measures
 * whether the knowledge base is coherent enough that the truth can be recovered at all.
 */
export class BayesOracle {
  private readonly termCount: number;
  private readonly leakLog: Float64Array;
  private readonly presentAdj: Float64Array;
  /** Per disease: listed term indexes, log p̄ − log(1−leak) if present, log(1−p̄) − log(1−leak) if absent. */
  private readonly listed: { idx: Int32Array; present: Float64Array; absent: Float64Array }[];
  private readonly demographics: { band: Map<AgeBand, number>; male: number; female: number }[];

  constructor(
    readonly kb: KnowledgeBase,
    private readonly reader: ExamReader,
  ) {
    this.termCount = kb.terms.length;
    const leak = new Float64Array(this.termCount).fill(LEAK);
    for (const id of BACKGROUND_SYMPTOMS) {
      if (kb.hasTerm(id)) leak[kb.termIndex(id)] = BACKGROUND_SYMPTOM_P / BACKGROUND_SYMPTOMS.length;
    }
    this.leakLog = leak.map((l) => Math.log(1 - l));
    this.presentAdj = leak.map((l) => Math.log(l) - Math.log(1 - l));
    this.listed = kb.diseases.map((d) => {
      const weights = [d.severity.mild, d.severity.moderate, d.severity.severe];
      const total = weights.reduce((a, b) => a + b, 0);
      const marginal = (p: number): number => SEVERITIES.reduce((acc, s, i) => acc + ((weights[i] ?? 0) / total) * featureP(p, s), 0);
      const features = [...d.symptoms, ...d.findings];
      const idx = new Int32Array(features.length);
      const present = new Float64Array(features.length);
      const absent = new Float64Array(features.length);
      features.forEach((f, i) => {
        const t = kb.termIndex(f.term);
        const p = marginal(f.p);
        idx[i] = t;
        present[i] = Math.log(p) - (this.leakLog[t] as number);
        absent[i] = Math.log(1 - p) - (this.leakLog[t] as number);
      });
      return { idx, present, absent };
    });
    this.demographics = kb.diseases.map((d) => {
      const total = Object.values(d.population.ageBands).reduce((a, b) => (a ?? 0) + (b ?? 0), 0) ?? 1;
      const band = new Map<AgeBand, number>();
      for (const b of AGE_BANDS) {
        const w = d.population.ageBands[b] ?? 0;
        band.set(b, w > 0 ? Math.log(w / total) : LOG_TINY);
      }
      const m = d.population.male;
      return { band, male: m > 0 ? Math.log(m) : LOG_TINY, female: m < 1 ? Math.log(1 - m) : LOG_TINY };
    });
  }

  /** Log-posterior (up to a constant) of every disease, in KB order. */
  scores(patient: Patient): Float64Array {
    const present = new Uint8Array(this.termCount);
    const observed: number[] = [];
    const mark = (t: number): void => {
      if (present[t]) return;
      present[t] = 1;
      observed.push(t);
    };
    for (const s of patient.symptoms) mark(this.kb.termIndex(s.term));
    for (const f of this.reader.allFindings(patient)) mark(this.kb.termIndex(f));
    const band = ageBandOf(patient.persona.age);
    const out = new Float64Array(this.listed.length);
    const listedHere = new Uint8Array(this.termCount);
    for (let d = 0; d < this.listed.length; d++) {
      const { idx, present: pres, absent } = this.listed[d] as (typeof this.listed)[number];
      const demo = this.demographics[d] as (typeof this.demographics)[number];
      let score = (demo.band.get(band) ?? LOG_TINY) + (patient.persona.sex === 'M' ? demo.male : demo.female);
      for (let i = 0; i < idx.length; i++) {
        const t = idx[i] as number;
        listedHere[t] = 1;
        score += present[t] ? (pres[i] as number) : (absent[i] as number);
      }
      for (const t of observed) if (!listedHere[t]) score += this.presentAdj[t] as number;
      for (let i = 0; i < idx.length; i++) listedHere[idx[i] as number] = 0;
      out[d] = score;
    }
    return out;
  }

  /** Diseases ranked by posterior, best first. */
  rank(patient: Patient, top = 5): { disease: DiseaseId; logScore: number }[] {
    const scores = this.scores(patient);
    const order = [...scores.keys()].sort((a, b) => (scores[b] as number) - (scores[a] as number));
    return order.slice(0, top).map((i) => ({ disease: this.kb.diseases[i]?.id as DiseaseId, logScore: scores[i] as number }));
  }
}

export interface OracleReport {
  patients: number;
  accuracy: number;
  perDisease: { disease: DiseaseId; accuracy: number; confusedWith: { disease: DiseaseId; count: number }[] }[];
}

/** Runs the oracle on `perDisease` generated patients of each listed disease. */
export function evaluateOracle(
  generator: PatientGenerator,
  oracle: BayesOracle,
  diseases: readonly DiseaseId[],
  perDisease: number,
  seed: number,
): OracleReport {
  let right = 0;
  let index = 0;
  const perDiseaseOut: OracleReport['perDisease'] = [];
  for (const disease of diseases) {
    let ok = 0;
    const confusions = new Map<DiseaseId, number>();
    for (let i = 0; i < perDisease; i++) {
      const patient = generator.generateWith(disease, seed, index++);
      const best = oracle.rank(patient, 1)[0]?.disease;
      if (best === disease) ok++;
      else if (best) confusions.set(best, (confusions.get(best) ?? 0) + 1);
    }
    right += ok;
    perDiseaseOut.push({
      disease,
      accuracy: ok / perDisease,
      confusedWith: [...confusions].map(([d, count]) => ({ disease: d, count })).sort((a, b) => b.count - a.count),
    });
  }
  return { patients: diseases.length * perDisease, accuracy: right / Math.max(1, diseases.length * perDisease), perDisease: perDiseaseOut };
}
