import type { DepartmentId, DiseaseId } from '../../schema/ids';
import type { KnowledgeBase } from '../../knowledge/knowledgeBase';
import { BaseRates, referenceFeatures } from '../../knowledge/epidemiology';
import { isPresentingComplaint } from '../../knowledge/clinicalRules';
import type { Beliefs } from './beliefs';

/** Tunables of the open-world differential, with the reason for each value. */
export const OPEN_WORLD = {
  /** How many patients' worth the reference entry is, against what the doctors have counted themselves. */
  referenceWeight: 8,
  /**
   * A feature that a disease's entry does not list still comes with it at this share of its
   * background rate (an incidental complaint): it weakens the diagnosis, never vetoes it.
   */
  incidental: 0.6,
  /** A disease the knowledge base lacks shows any one mentioned feature with this chance… */
  unknownFeatureP: 0.12,
  /** …but no more than this many times its background rate: an unknown disease is no sharper than a known one is typical. */
  unknownLift: 5,
  /** Share of presentations that no disease of the knowledge base explains. */
  unknownPrior: 0.1,
  /** The case is said to be possibly outside the knowledge base when that hypothesis reaches this. */
  saysUnknownAt: 0.35,
  /**
   * A gated disease (an injury, a poisoning) whose exposure was not mentioned is this many times
   * less likely: near zero, but a reader may have missed the words that told it.
   */
  unexposed: 0.01,
  /**
   * Each feature's evidence is counted at this weight: written features are not independent (a
   * clinician who writes "productive cough" also writes "sputum"), and counting them fully makes
   * the doctor surer than it should be.
   */
  evidenceWeight: 1,
  /**
   * The base rates' weight: people who reach a hospital doctor are not a random draw of the
   * population (the common and mild stay at home or at the pharmacy), so the differences between
   * diseases' rates there are flatter than in the population; 1 would take the population's as they are.
   * Who gets each disease (age band and sex) is taken in full: that does not change at the door.
   */
  priorWeight: 0.6,
  /** The department the nurse chose is this many times more likely: a soft prior, not a wall. */
  departmentWeight: 2,
  /**
   * The complaint a person comes with is what the diagnosis must explain: in a disease that does
   * not list it, it is this share of an incidental complaint's rate (a known high blood pressure
   * does not explain a new lump on the face).
   */
  presentingIncidental: 0.3,
} as const;

export interface OpenWorldAnswer {
  /** The leading diseases, with probabilities that sum with `outside` to at most 1. */
  differential: { disease: DiseaseId; probability: number }[];
  /** Probability that the illness is none of the knowledge base's diseases. */
  outside: number;
  /** The doctor says the case may be outside its knowledge. */
  saysUnknown: boolean;
}

/**
 * The differential for a person or a written case, over the whole knowledge base: each disease
 * starts from its real base rate for the person's age and sex (gated diseases need their
 * exposure), and every mentioned feature weighs by how much likelier it is with the disease than
 * in anyone who comes to a doctor. What was not mentioned is unknown, not absent. The reference
 * entries give the likelihoods, and what the department's doctor has counted in its own patients
 * refines them (MedAgent-Zero's learning carries over). A "not in my knowledge" hypothesis
 * competes with the diseases, so a case that fits none of them well is said to be outside.
 */
export class OpenWorldReasoner {
  readonly rates: BaseRates;
  /** Per term, the diseases whose entry lists it and the probability given. */
  private readonly listed: { d: Int32Array; p: Float64Array }[];
  private readonly departments: readonly DepartmentId[];

  constructor(
    readonly kb: KnowledgeBase,
    /** The beliefs of the doctor who sees each disease (its department's), or none for the reference alone. */
    private readonly beliefsOf: (department: DepartmentId) => Beliefs | undefined = () => undefined,
    rates?: BaseRates,
  ) {
    this.rates = rates ?? new BaseRates(kb);
    const perTerm = kb.terms.map(() => ({ d: [] as number[], p: [] as number[] }));
    kb.diseases.forEach((disease, d) => {
      for (const [term, p] of referenceFeatures(disease)) {
        const row = perTerm[kb.termIndex(term)] as { d: number[]; p: number[] };
        row.d.push(d);
        row.p.push(p);
      }
    });
    this.implyAcrossBroader(perTerm);
    this.listed = perTerm.map((r) => ({ d: Int32Array.from(r.d), p: Float64Array.from(r.p) }));
    this.departments = kb.diseases.map((d) => d.department);
  }

  /**
   * `observations`: term index → present (true) or said to be absent (false); anything not in it
   * is unknown. `department`: the nurse's choice, if any, as a soft prior.
   */
  diagnose(
    observations: ReadonlyMap<number, boolean>,
    ageBand: number,
    male: boolean,
    options: { department?: DepartmentId; top?: number; presenting?: ReadonlySet<number> } = {},
  ): OpenWorldAnswer {
    const kb = this.kb;
    const D = kb.diseases.length;
    const scores = new Float64Array(D);
    const present = (t: number): boolean => observations.get(t) === true;
    let knownRate = 0;
    for (let d = 0; d < D; d++) {
      // Tempered across diseases, not across ages and sexes: a toddler does not get gout at a hospital either.
      const overall = this.rates.logOverall(d);
      let s = OPEN_WORLD.priorWeight * overall + (this.rates.logRate(d, ageBand, male) - overall);
      knownRate += Math.exp(s);
      if (!this.rates.exposed(d, present)) s += Math.log(OPEN_WORLD.unexposed);
      if (options.department && this.departments[d] === options.department) s += Math.log(OPEN_WORLD.departmentWeight);
      scores[d] = s;
    }
    // The "not in my knowledge" hypothesis: a share of all presentations, explaining any feature modestly.
    let unknown = Math.log((knownRate * OPEN_WORLD.unknownPrior) / (1 - OPEN_WORLD.unknownPrior));
    const incidentalP = new Float64Array(D);
    for (const [t, isPresent] of observations) {
      const bg = this.rates.background[t] as number;
      const presenting = isPresent && options.presenting?.has(t) === true;
      const leak = OPEN_WORLD.incidental * bg * (presenting ? OPEN_WORLD.presentingIncidental : 1);
      const qU = Math.max(bg, Math.min(OPEN_WORLD.unknownFeatureP, OPEN_WORLD.unknownLift * bg));
      unknown += OPEN_WORLD.evidenceWeight * (isPresent ? Math.log(qU / bg) : Math.log((1 - qU) / (1 - bg)));
      // Every disease not listing the feature: the incidental rate.
      const base = isPresent ? Math.log(leak / bg) : Math.log((1 - leak) / (1 - bg));
      incidentalP.fill(base);
      const row = this.listed[t] as { d: Int32Array; p: Float64Array };
      for (let i = 0; i < row.d.length; i++) {
        const d = row.d[i] as number;
        const p = 1 - (1 - this.likelihood(d, t, row.p[i] as number)) * (1 - leak);
        incidentalP[d] = isPresent ? Math.log(p / bg) : Math.log((1 - p) / (1 - bg));
      }
      for (let d = 0; d < D; d++) scores[d] = (scores[d] as number) + OPEN_WORLD.evidenceWeight * (incidentalP[d] as number);
    }
    const max = Math.max(unknown, ...scores);
    let z = Math.exp(unknown - max);
    for (let d = 0; d < D; d++) z += Math.exp((scores[d] as number) - max);
    const outside = Math.exp(unknown - max) / z;
    const order = Array.from(scores.keys()).sort((a, b) => (scores[b] as number) - (scores[a] as number));
    const differential = order.slice(0, options.top ?? 5).map((d) => ({
      disease: kb.diseases[d]?.id as DiseaseId,
      probability: Math.exp((scores[d] as number) - max) / z,
    }));
    return { differential, outside, saysUnknown: outside >= OPEN_WORLD.saysUnknownAt };
  }

  /**
   * A disease whose entry lists a broader term than the one told (joint pain, told knee pain) is
   * evidenced at the broader term's lift: P(knee pain | d) ≈ P(joint pain | d) × the share of joint
   * pain that is at the knee. One that lists only a narrower term (knee pain, told joint pain) is
   * evidenced at least as by that term.
   */
  private implyAcrossBroader(perTerm: { d: number[]; p: number[] }[]): void {
    const kb = this.kb;
    const bg = this.rates.background;
    const direct = perTerm.map((r) => new Map(r.d.map((d, k) => [d, r.p[k] as number])));
    const implied = perTerm.map(() => new Map<number, number>());
    kb.terms.forEach((term, t) => {
      for (let b = term.broader; b; b = kb.term(b).broader) {
        const bi = kb.termIndex(b);
        const share = Math.min(1, (bg[t] as number) / (bg[bi] as number));
        for (const [d, p] of direct[bi] as Map<number, number>)
          if (!direct[t]?.has(d)) implied[t]?.set(d, Math.max(implied[t]?.get(d) ?? 0, p * share));
        for (const [d, p] of direct[t] as Map<number, number>)
          if (!direct[bi]?.has(d)) implied[bi]?.set(d, Math.max(implied[bi]?.get(d) ?? 0, p));
      }
    });
    implied.forEach((m, t) => {
      for (const [d, p] of m) {
        perTerm[t]?.d.push(d);
        perTerm[t]?.p.push(p);
      }
    });
  }

  /** The reference probability refined by what the disease's doctor has counted in its own patients. */
  private likelihood(d: number, t: number, reference: number): number {
    const beliefs = this.beliefsOf(this.departments[d] as DepartmentId);
    if (!beliefs) return reference;
    const { observed, present } = beliefs.counted(d, t);
    if (observed === 0) return reference;
    const w = OPEN_WORLD.referenceWeight;
    return Math.min(0.995, Math.max(0.005, (reference * w + present) / (w + observed)));
  }
}

/** The complaints a person came with that a diagnosis must explain: symptoms, not history ("a smoker"). */
export function presentingOf(kb: KnowledgeBase, terms: readonly number[]): Set<number> {
  return new Set(terms.filter((t) => isPresentingComplaint(kb, kb.terms[t]?.id ?? '')));
}
