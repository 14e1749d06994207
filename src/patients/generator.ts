import type { Severity } from '../schema/common';
import { SEVERITIES } from '../schema/common';
import type { DiseaseId, TermId } from '../schema/ids';
import { patientIdOf } from '../schema/ids';
import type { HistoryItem, PeopleFile } from '../schema/people';
import { AGE_BANDS } from '../schema/knowledge';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { FALLBACK_PER100K } from '../knowledge/epidemiology';
import { ageGroupOf, rangesFor, referenceRange, rescale } from '../knowledge/referenceRanges';
import { linkValues } from './physiology';
import { Rng } from '../sim/rng';
import { analyteSlots, compileDisease, featureP, SEVERITY_POSITION, type AnalyteSlot, type DiseaseModel } from './model';
import { drawHistoryItems, drawPersona } from './persona';
import type { Patient, PatientHistory, PatientSymptom } from './types';

/**
 * Symptoms anyone may mention whatever their illness (the background noise of real clinics),
 * and the chance a patient mentions one of them.
 */
export const BACKGROUND_SYMPTOMS = ['fatigue', 'headache', 'insomnia', 'dizziness', 'loss-of-appetite'] as const;
export const BACKGROUND_SYMPTOM_P = 0.15;

/** The range of self-rated burden (0–10) by severity: they overlap, as people's ratings do. */
export const BURDEN_BY_SEVERITY: Record<Severity, readonly [number, number]> = { mild: [1, 5], moderate: [3, 7], severe: [5, 9.5] };

/**
 * Who arrives: `balanced` draws every disease equally often (the paper's training set, the
 * fast-forward and the virtual exam); `realistic` draws them at their real base rates (the live
 * hospital, the drills' background and the realistic clinic), so common things are common.
 */
export type PopulationKind = 'balanced' | 'realistic';
export const POPULATIONS: readonly PopulationKind[] = ['balanced', 'realistic'];

export interface GenerateOptions {
  /** Draw only from these diseases (still balanced among them); default every disease. */
  diseases?: readonly DiseaseId[];
  population?: PopulationKind;
}

/**
 * The AI-patient generator, after the seed's multi-step pipeline:
 * disease → basic information → severity → history → symptoms with duration → examination
 * results for the whole catalogue. Balanced over diseases; age and sex follow each disease's
 * population profile. Patient `index` of `seed` is always the same patient.
 */
export class PatientGenerator {
  readonly slots: readonly AnalyteSlot[];
  private readonly slotIndex: ReadonlyMap<string, number>;
  private readonly models: DiseaseModel[];
  private readonly modelById = new Map<string, DiseaseModel>();
  private readonly nationalityWeights: number[];
  private readonly background: TermId[];
  /** Cumulative base rates over the diseases, for drawing a realistic arrival by bisection. */
  private readonly realisticCumulative: Float64Array;

  constructor(
    readonly kb: KnowledgeBase,
    readonly people: PeopleFile,
  ) {
    this.slots = analyteSlots(kb);
    const slotIndex = new Map(this.slots.map((s, i) => [s.id, i]));
    this.slotIndex = slotIndex;
    this.models = kb.diseases.map((d) => compileDisease(kb, d, slotIndex));
    for (const m of this.models) this.modelById.set(m.disease.id, m);
    this.nationalityWeights = people.nationalities.map((n) => n.weight);
    this.background = BACKGROUND_SYMPTOMS.filter((id) => kb.hasTerm(id)) as TermId[];
    // Only the base rates: the background rates the open world needs stay out of the generator (and the worker).
    const rates = kb.diseases.map((d) => d.epidemiology?.per100k ?? FALLBACK_PER100K);
    this.realisticCumulative = new Float64Array(rates.length);
    let sum = 0;
    rates.forEach((r, i) => (this.realisticCumulative[i] = sum += r));
  }

  generate(seed: number, index: number, options: GenerateOptions = {}): Patient {
    const rng = Rng.forItem(seed, index);
    const realistic = options.population === 'realistic';
    const model =
      realistic && !options.diseases
        ? this.pickRealistic(rng)
        : realistic
          ? this.pickRealisticAmong(rng, options.diseases ?? [])
          : this.pickDisease(rng, options.diseases);
    return this.generateFor(model, rng, seed, index);
  }

  /** A patient with a given disease (the exam set draws ten per disease this way). */
  generateWith(disease: DiseaseId, seed: number, index: number): Patient {
    const model = this.modelById.get(disease);
    if (!model) throw new Error(`unknown disease "${disease}"`);
    return this.generateFor(model, Rng.forItem(seed, index), seed, index);
  }

  private pickDisease(rng: Rng, subset: readonly DiseaseId[] | undefined): DiseaseModel {
    if (!subset || subset.length === 0) return rng.pick(this.models);
    const id = rng.pick(subset);
    const model = this.modelById.get(id);
    if (!model) throw new Error(`unknown disease "${id}"`);
    return model;
  }

  /** An arrival at real base rates: a disease drawn in proportion to its presentations a year. */
  private pickRealistic(rng: Rng): DiseaseModel {
    const c = this.realisticCumulative;
    const x = rng.next() * (c[c.length - 1] as number);
    let lo = 0;
    let hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((c[mid] as number) > x) hi = mid;
      else lo = mid + 1;
    }
    return this.models[lo] as DiseaseModel;
  }

  /** An arrival at real base rates among some diseases (a realistic clinic of one department). */
  private pickRealisticAmong(rng: Rng, subset: readonly DiseaseId[]): DiseaseModel {
    const models = subset.map((id) => {
      const m = this.modelById.get(id);
      if (!m) throw new Error(`unknown disease "${id}"`);
      return m;
    });
    if (models.length === 0) return this.pickRealistic(rng);
    const weights = models.map((m) => m.disease.epidemiology?.per100k ?? FALLBACK_PER100K);
    return models[rng.weightedIndex(weights)] as DiseaseModel;
  }

  private generateFor(model: DiseaseModel, rng: Rng, seed: number, index: number): Patient {
    const { disease } = model;
    const band = AGE_BANDS[rng.weightedIndex(model.bandWeights)] ?? '25-44';
    const [lo, hi] = band.split('-').map(Number) as [number, number];
    // A perinatal illness begins in the first days of life; other infants are past their first month.
    const newborn = disease.population.maxAgeDays;
    const age = newborn ? 0 : rng.int(lo, hi);
    const ageDays = newborn ? rng.int(0, newborn) : age === 0 ? rng.int(28, 364) : undefined;
    const sex = rng.chance(disease.population.male) ? 'M' : 'F';
    const persona = drawPersona(this.people, this.nationalityWeights, rng, age, sex);
    if (ageDays !== undefined) persona.ageDays = ageDays;
    const severity = SEVERITIES[rng.weightedIndex(model.severityWeights)] as Severity;
    const [burdenLo, burdenHi] = BURDEN_BY_SEVERITY[severity];
    const burden = Math.round(rng.uniform(burdenLo, burdenHi));
    const { history, items, riskTerms } = this.drawHistory(model, rng, age, sex);
    const symptoms = this.drawSymptoms(model, rng, severity, sex);
    const group = ageGroupOf(age, ageDays);
    const analyteValues = this.drawAnalytes(model, rng, severity, group, sex);
    const set = this.comorbidValues(items, rng, analyteValues, model);
    linkValues(this.slotIndex, this.slots, analyteValues, { age, sex, group }, set);
    const findings: TermId[] = [];
    for (const f of model.qualitative) {
      // Drawn for everyone so that one patient's stream does not depend on another's sex.
      const hit = rng.chance(featureP(f.p, severity));
      if (hit && (!f.sex || f.sex === sex)) findings.push(f.term);
    }
    return {
      id: patientIdOf(seed, index),
      seed,
      index,
      persona,
      disease: disease.id,
      severity,
      burden,
      history,
      symptoms,
      analyteValues,
      findings,
      riskTerms,
    };
  }

  /** Comorbidities from the history show in their values (a hypertensive's blood pressure), unless the illness set them. */
  private comorbidValues(items: readonly HistoryItem[], rng: Rng, values: Float64Array, model: DiseaseModel): Set<number> {
    const set = new Set(model.labs.map((l) => l.analyteIndex));
    for (const item of items)
      for (const [analyte, [lo, hi]] of Object.entries(item.values ?? {})) {
        const slot = this.slotIndex.get(analyte);
        if (slot === undefined || set.has(slot)) continue;
        values[slot] = roundTo(rng.uniform(lo, hi), (this.slots[slot] as AnalyteSlot).decimals);
      }
    return set;
  }

  private drawHistory(
    model: DiseaseModel,
    rng: Rng,
    age: number,
    sex: 'M' | 'F',
  ): { history: PatientHistory; items: HistoryItem[]; riskTerms: TermId[] } {
    const pools = this.people.history;
    const past = drawHistoryItems(pools.past, rng, age, sex);
    const lifestyle = drawHistoryItems(pools.lifestyle, rng, age, sex);
    const family = drawHistoryItems(pools.family, rng, age, sex);
    const vaccinations = drawHistoryItems(pools.vaccinations, rng, age, sex);
    const history: PatientHistory = {
      past: past.map((i) => i.text),
      lifestyle: lifestyle.map((i) => i.text),
      family: family.map((i) => i.text),
      vaccinations: vaccinations.map((i) => i.text),
      exposures: [],
      medications: [],
    };
    const riskTerms = new Set<TermId>();
    for (const item of [...past, ...lifestyle]) if (item.term && this.kb.hasTerm(item.term)) riskTerms.add(item.term);
    for (const risk of model.disease.riskFactors) {
      // Drawn for everyone so that one patient's stream does not depend on another's sex.
      if (!rng.chance(risk.p)) continue;
      const only = risk.sex ?? (risk.term ? this.kb.term(risk.term).sex : undefined);
      if (only && only !== sex) continue;
      const section = risk.kind === 'exposure' ? 'exposures' : risk.kind === 'medication' ? 'medications' : risk.kind;
      history[section].push(risk.text);
      if (risk.term && risk.kind !== 'family') riskTerms.add(risk.term);
    }
    return { history, items: [...past, ...lifestyle], riskTerms: [...riskTerms] };
  }

  private drawSymptoms(model: DiseaseModel, rng: Rng, severity: Severity, sex: 'M' | 'F'): PatientSymptom[] {
    const out: PatientSymptom[] = [];
    for (const s of model.symptoms) {
      if (!rng.chance(featureP(s.p, severity))) continue;
      const days = roundToHours(rng.uniform(s.days[0], s.days[1]));
      // A man has no missed period, whatever his prolactinoma does to a woman.
      if (s.sex && s.sex !== sex) continue;
      out.push({ term: s.term, days });
    }
    if (out.length === 0) {
      // Nobody comes to hospital without a complaint: keep the most typical symptom they can have.
      const possible = model.symptoms.filter((s) => !s.sex || s.sex === sex);
      const typical = (possible.length > 0 ? possible : model.symptoms).reduce((a, b) => (b.p > a.p ? b : a));
      out.push({ term: typical.term, days: roundToHours(rng.uniform(typical.days[0], typical.days[1])) });
    }
    if (this.background.length > 0 && rng.chance(BACKGROUND_SYMPTOM_P)) {
      const extra = rng.pick(this.background);
      if (!out.some((s) => s.term === extra)) out.push({ term: extra, days: rng.int(3, 30) });
    }
    return out;
  }

  private drawAnalytes(model: DiseaseModel, rng: Rng, severity: Severity, group: number, sex: 'M' | 'F'): Float64Array {
    const values = new Float64Array(this.slots.length);
    const { low, high } = rangesFor(this.slots, group, sex);
    for (let i = 0; i < this.slots.length; i++) {
      const lo = low[i] as number;
      // Healthy values cluster in the middle of the person's reference range (mean of two uniforms).
      const centred = (rng.next() + rng.next()) / 2;
      values[i] = roundTo(lo + ((high[i] as number) - lo) * centred, (this.slots[i] as AnalyteSlot).decimals);
    }
    const [from, to] = SEVERITY_POSITION[severity];
    for (const lab of model.labs) {
      if (!rng.chance(featureP(lab.p, severity))) continue;
      const position = rng.uniform(from, to);
      const slot = this.slots[lab.analyteIndex] as AnalyteSlot;
      const own = referenceRange(slot, group, sex);
      // The entry's values are written against the adult range: moved to this person's range.
      const value = rescale(lab.from + (lab.to - lab.from) * position, slot, own);
      values[lab.analyteIndex] = keepAbnormal(roundTo(value, slot.decimals), { ...own, decimals: slot.decimals }, lab.from > slot.high);
    }
    return values;
  }
}

function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** Rounding must not carry an abnormal value back onto the reference limit. */
function keepAbnormal(value: number, slot: { low: number; high: number; decimals: number }, high: boolean): number {
  const step = 10 ** -slot.decimals;
  if (high && value <= slot.high) return roundTo(slot.high + step, slot.decimals);
  if (!high && value >= slot.low) return roundTo(slot.low - step, slot.decimals);
  return value;
}

/** Durations are told to the hour at best. */
function roundToHours(days: number): number {
  return Math.max(1 / 24, Math.round(days * 24) / 24);
}
