import { AGE_BANDS } from '../schema/knowledge';
import type { KnowledgeBase } from './knowledgeBase';

/**
 * Share of the world's population in each age band (AGE_BANDS order), from the UN World
 * Population Prospects 2022, rounded. A disease's presentations in a band, divided by the band's
 * share of people, give its rate among people of that age.
 */
export const POPULATION_AGE_SHARE: readonly number[] = [0.08, 0.16, 0.155, 0.29, 0.21, 0.085, 0.02];

/** What a disease without epidemiology counts as: uncommon (a knowledge base in the making). */
export const FALLBACK_PER100K = 5;
/**
 * A disease of the other sex, or far outside its ages, is this many times less likely, not
 * impossible (a written case may be odd): rarer than any sign can make up for (gout in a toddler).
 */
const OUTSIDE_POPULATION = 1e-5;
/** No feature is so rare in the population that its mention is beyond any incidental cause. */
const BACKGROUND_FLOOR = 5e-4;
const BACKGROUND_CEILING = 0.4;

/**
 * Base rates from the knowledge base's epidemiology: how often each disease comes to a doctor,
 * by age band and sex, and what gates it; and how often each feature is met among everyone who
 * comes (its background rate). Built once per knowledge base; read by the open-world doctors and
 * the realistic population.
 */
export class BaseRates {
  /** Presentations per 100,000 a year, all ages and sexes (FALLBACK_PER100K where unknown). */
  readonly per100k: Float64Array;
  /** log rate per (disease, band, sex): index (d * bands + band) * 2 + male. */
  private readonly logRates: Float64Array;
  /** Per disease, the term indexes of which one must be present (empty: no gate). */
  readonly exposure: readonly (readonly number[])[];
  /** Per term, the share of presenting people who report or show it. */
  readonly background: Float64Array;

  constructor(readonly kb: KnowledgeBase) {
    const D = kb.diseases.length;
    const B = AGE_BANDS.length;
    this.per100k = Float64Array.from(kb.diseases, (d) => d.epidemiology?.per100k ?? FALLBACK_PER100K);
    this.logRates = new Float64Array(D * B * 2);
    kb.diseases.forEach((disease, d) => {
      const weights = AGE_BANDS.map((band) => disease.population.ageBands[band] ?? 0);
      const total = weights.reduce((a, b) => a + b, 0) || 1;
      for (let b = 0; b < B; b++) {
        const ageShare = Math.max((weights[b] as number) / total, OUTSIDE_POPULATION);
        for (const male of [false, true]) {
          const sexShare = Math.max(male ? disease.population.male : 1 - disease.population.male, OUTSIDE_POPULATION);
          // Rate among people of this band and sex: cases there over people there (half are of each sex).
          const rate = ((this.per100k[d] as number) * ageShare * sexShare) / ((POPULATION_AGE_SHARE[b] as number) * 0.5);
          this.logRates[(d * B + b) * 2 + (male ? 1 : 0)] = Math.log(rate);
        }
      }
    });
    this.exposure = kb.diseases.map((d) => (d.epidemiology?.exposure ?? []).map((t) => kb.termIndex(t)));
    this.background = backgroundRates(kb, this.per100k);
  }

  /** log of the disease's presentations per 100,000 people of this age band and sex a year. */
  logRate(d: number, band: number, male: boolean): number {
    return this.logRates[(d * AGE_BANDS.length + band) * 2 + (male ? 1 : 0)] as number;
  }

  /** log of the disease's presentations per 100,000 people a year, all ages and sexes. */
  logOverall(d: number): number {
    return Math.log(this.per100k[d] as number);
  }

  /** Whether the disease's exposure (if it has a gate) is among the present terms. */
  exposed(d: number, present: (t: number) => boolean): boolean {
    const gate = this.exposure[d] as readonly number[];
    return gate.length === 0 || gate.some(present);
  }
}

/**
 * History and exposure terms are not features of illness that the diseases' entries can average:
 * their background is how common they are among adults who see a doctor (WHO tobacco and alcohol
 * reports, UNWTO travel figures, rounded; a first look, not a survey).
 */
export const HISTORY_BACKGROUND: Readonly<Record<string, number>> = {
  smoker: 0.22,
  'heavy-alcohol-use': 0.07,
  'recent-heavy-drinking': 0.05,
  'recreational-drug-use': 0.04,
  'injecting-drug-use': 0.003,
  'recent-travel': 0.05,
  pregnant: 0.03,
  'sick-contact': 0.1,
  immunosuppression: 0.02,
  'occupational-exposure': 0.04,
  'recent-surgery': 0.02,
  'recent-immobility': 0.02,
  'unprotected-sex': 0.08,
  'recent-new-medication': 0.08,
  trauma: 0.05,
  // Long-term conditions and medicines of adults who come to a doctor (roughly, in a Chinese or British clinic).
  'known-hypertension': 0.2,
  'known-diabetes': 0.1,
  'known-kidney-disease': 0.04,
  'anticoagulant-use': 0.03,
  'oestrogen-pill-or-hrt': 0.05,
  'previous-blood-clot': 0.02,
};

/**
 * The history terms of the knowledge base: those a disease names as a risk factor or an exposure,
 * and the background history (a smoker, a known diabetes). They tell what happened to a person,
 * not what they feel.
 */
export function historyTerms(kb: KnowledgeBase): Set<string> {
  const out = new Set<string>(Object.keys(HISTORY_BACKGROUND));
  for (const d of kb.diseases) {
    for (const r of d.riskFactors) if (r.term) out.add(r.term);
    for (const e of d.epidemiology?.exposure ?? []) out.add(e);
  }
  return out;
}

/**
 * A feature's background rate: its probability among everyone who comes to a doctor, each disease
 * weighted by its base rate. An incidental complaint is met at about this rate whatever the illness.
 */
function backgroundRates(kb: KnowledgeBase, per100k: Float64Array): Float64Array {
  const sums = new Float64Array(kb.terms.length);
  let total = 0;
  kb.diseases.forEach((disease, d) => {
    const w = per100k[d] as number;
    total += w;
    for (const [term, p] of referenceFeatures(disease)) sums[kb.termIndex(term)] = (sums[kb.termIndex(term)] as number) + w * p;
  });
  const rates = sums.map((s) => Math.min(BACKGROUND_CEILING, Math.max(BACKGROUND_FLOOR, s / (total || 1))));
  for (const [term, p] of Object.entries(HISTORY_BACKGROUND)) if (kb.hasTerm(term)) rates[kb.termIndex(term)] = p;
  return rates;
}

/** Every feature the reference entry gives a probability for: symptoms, findings and the history terms of its risk factors. */
export function referenceFeatures(disease: KnowledgeBase['diseases'][number]): [string, number][] {
  const out = new Map<string, number>();
  for (const f of [...disease.symptoms, ...disease.findings]) out.set(f.term, f.p);
  for (const r of disease.riskFactors) if (r.term) out.set(r.term, Math.max(out.get(r.term) ?? 0, r.p));
  return [...out];
}
