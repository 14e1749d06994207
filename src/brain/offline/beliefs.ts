import { AGE_BANDS } from '../../schema/knowledge';
import type { KnowledgeBase } from '../../knowledge/knowledgeBase';
import type { Textbook } from '../../knowledge/textbook';
import { stable } from './stable';

/**
 * What one doctor believes about P(feature | disease), P(age band, sex | disease): the textbook
 * as a weak prior, plus counts of what the doctor has itself observed in patients whose true
 * disease the follow-up revealed. Nothing here reads the knowledge base's probabilities except
 * `study()`, which is the doctor reading a full reference entry off-hours.
 */
export const TEXTBOOK_TYPICAL_P = 0.7;
/** What the textbook implies for a feature it does not mention: rare, not impossible. */
export const TEXTBOOK_OTHER_P = 0.03;
/** How many patients' worth of evidence the textbook prior is worth. */
export const PRIOR_WEIGHT = 3;
/** How many patients' worth a full reference entry is worth when studied. */
export const STUDY_WEIGHT = 8;

interface LearnedRow {
  /** Times the feature was asked or examined in a patient with this disease. */
  observed: Float32Array;
  present: Float32Array;
  /** Pseudo-counts added by studying the reference entry. */
  studiedPresent: Float32Array;
  studiedWeight: Float32Array;
  /** Whether the reference entry was studied (every term then has a studied weight). */
  studied: boolean;
  /** The disease's column in the doctor's tables of derived values. */
  slot: number;
  /** Patients seen per age band (AGE_BANDS order) and per sex. */
  bands: Float32Array;
  male: number;
  patients: number;
}

/** The counts of a term nobody has observed or read about. */
const NO_COUNTS = { observed: [0], present: [0], studiedPresent: [0], studiedWeight: [0] };

interface Derived {
  p: number;
  logP: number;
  log1mP: number;
  h: number;
}

export class Beliefs {
  readonly diseaseCount: number;
  readonly termCount: number;
  /**
   * 1 where the textbook lists the feature as typical for the disease (dense T×D, term-major:
   * an observation walks every disease for one term, so that walk reads contiguous memory).
   */
  private readonly typical: Uint8Array;
  /** Per disease, the same typical terms as a list, in textbook order. */
  private readonly typicalOf: readonly (readonly number[])[];
  /** Dense by disease index: the counts behind the learned values. */
  private readonly rows: (LearnedRow | undefined)[];
  /** Per disease, its column in the tables below, or -1 while the doctor holds only the textbook's view. */
  private readonly slotOf: Int32Array;
  private slots = 0;
  /** Columns the tables have room for (they grow by doubling). */
  private capacity = 0;
  /**
   * What the counts imply, per term and learned disease, term-major (index t × capacity + slot):
   * an observation adds one term's values over the diseases of the differential, and information
   * gain reads one term over the leading diseases, so each reads a short stretch of memory rather
   * than one scattered row per disease. log P(present) and log P(absent):
   */
  private logP = new Float32Array(0);
  private log1mP = new Float32Array(0);
  /** P(present) at 2i and its binary entropy (nats, read by information gain) at 2i + 1: read together. */
  private ph = new Float32Array(0);
  /** Per disease, the features the doctor associates with it: textbook typical ones plus any seen or read about. */
  private readonly known: Set<number>[];
  /** The same features as a list in the order they became known (the set's order, read faster). */
  private readonly knownList: number[][];
  /** The symptoms among them, in the order they became known (the questions worth asking). */
  private readonly knownSymptoms: number[][];
  private readonly isSymptom: Uint8Array;
  /** The same features grouped by the examination that shows them (symptoms are not listed). */
  private readonly knownByExam: Map<string, number[]>[];
  private readonly termExam: (string | undefined)[];
  private static readonly LOG_TYPICAL = stable(Math.log(TEXTBOOK_TYPICAL_P));
  private static readonly LOG1M_TYPICAL = stable(Math.log(1 - TEXTBOOK_TYPICAL_P));
  private static readonly LOG_OTHER = stable(Math.log(TEXTBOOK_OTHER_P));
  private static readonly LOG1M_OTHER = stable(Math.log(1 - TEXTBOOK_OTHER_P));
  private static readonly H_TYPICAL = binaryEntropy(TEXTBOOK_TYPICAL_P);
  private static readonly H_OTHER = binaryEntropy(TEXTBOOK_OTHER_P);

  constructor(
    readonly kb: KnowledgeBase,
    textbook: Textbook,
  ) {
    this.diseaseCount = kb.diseases.length;
    this.termCount = kb.terms.length;
    const table = typicalTable(kb, textbook);
    this.typical = table.typical;
    this.typicalOf = table.typicalOf;
    this.rows = new Array<LearnedRow | undefined>(this.diseaseCount).fill(undefined);
    this.slotOf = new Int32Array(this.diseaseCount).fill(-1);
    this.known = Array.from({ length: this.diseaseCount }, () => new Set<number>());
    this.knownList = Array.from({ length: this.diseaseCount }, () => []);
    this.knownSymptoms = Array.from({ length: this.diseaseCount }, () => []);
    this.isSymptom = Uint8Array.from(kb.terms, (t) => (t.kind === 'symptom' ? 1 : 0));
    this.knownByExam = Array.from({ length: this.diseaseCount }, () => new Map<string, number[]>());
    this.termExam = kb.terms.map((t) => t.exam);
    for (let d = 0; d < this.diseaseCount; d++) for (const t of table.typicalOf[d] as number[]) this.associate(d, t);
  }

  isTypical(d: number, t: number): boolean {
    return this.typical[t * this.diseaseCount + d] === 1;
  }

  /** log P(feature present | disease) or log P(absent | disease). */
  logLikelihood(d: number, t: number, present: boolean): number {
    const slot = this.slotOf[d] as number;
    if (slot >= 0) {
      const i = t * this.capacity + slot;
      return present ? (this.logP[i] as number) : (this.log1mP[i] as number);
    }
    const typical = this.typical[t * this.diseaseCount + d] === 1;
    if (present) return typical ? Beliefs.LOG_TYPICAL : Beliefs.LOG_OTHER;
    return typical ? Beliefs.LOG1M_TYPICAL : Beliefs.LOG1M_OTHER;
  }

  /** P(feature present | disease), the doctor's current estimate. */
  p(d: number, t: number): number {
    const slot = this.slotOf[d] as number;
    if (slot >= 0) return this.ph[2 * (t * this.capacity + slot)] as number;
    return this.typical[t * this.diseaseCount + d] === 1 ? TEXTBOOK_TYPICAL_P : TEXTBOOK_OTHER_P;
  }

  /** Uncertainty of the feature's presence in a patient with the disease (binary entropy, nats). */
  entropy(d: number, t: number): number {
    const slot = this.slotOf[d] as number;
    if (slot >= 0) return this.ph[2 * (t * this.capacity + slot) + 1] as number;
    return this.typical[t * this.diseaseCount + d] === 1 ? Beliefs.H_TYPICAL : Beliefs.H_OTHER;
  }

  /** log P(age band, sex | disease): uniform until the doctor has seen patients with the disease. */
  logDemographics(d: number, band: number, male: boolean): number {
    const row = this.rows[d];
    const bands = AGE_BANDS.length;
    if (!row || row.patients === 0) return stable(-Math.log(bands) - Math.log(2));
    const pBand = ((row.bands[band] as number) + 0.5) / (row.patients + 0.5 * bands);
    const pMale = (row.male + 0.5) / (row.patients + 1);
    return stable(Math.log(pBand) + Math.log(male ? pMale : 1 - pMale));
  }

  /** The follow-up told us the true disease: count what was observed in this patient. */
  learn(d: number, observations: ReadonlyMap<number, boolean>, band: number, male: boolean): void {
    const row = this.row(d);
    for (const [t, present] of observations) {
      row.observed[t] = (row.observed[t] as number) + 1;
      if (present) {
        row.present[t] = (row.present[t] as number) + 1;
        this.associate(d, t);
      }
      this.refresh(d, row, t);
    }
    row.bands[band] = (row.bands[band] as number) + 1;
    if (male) row.male += 1;
    row.patients += 1;
  }

  /** Off-hours reading: the full reference entry of a disease becomes strong prior evidence. */
  study(d: number): void {
    const row = this.row(d);
    const disease = this.kb.diseases[d];
    if (!disease) return;
    row.studied = true;
    for (const f of [...disease.symptoms, ...disease.findings]) {
      const t = this.kb.termIndex(f.term);
      row.studiedPresent[t] = f.p * STUDY_WEIGHT;
      row.studiedWeight[t] = STUDY_WEIGHT;
      this.associate(d, t);
    }
    // Features the entry does not list are rare: the reading says so for every term. Most of
    // them the doctor has never seen either, and such a term's estimate is one of two (typical
    // or not): those two are derived once, not once per term.
    const unseen = { observed: [0], present: [0], studiedPresent: [0], studiedWeight: [STUDY_WEIGHT] };
    const derived = [this.derive(this.estimate(unseen, 0, false)), this.derive(this.estimate(unseen, 0, true))];
    for (let t = 0; t < this.termCount; t++) {
      if (row.studiedWeight[t] === 0) {
        row.studiedWeight[t] = STUDY_WEIGHT;
        if (row.observed[t] === 0 && row.present[t] === 0) {
          this.store(row.slot, t, derived[this.typical[t * this.diseaseCount + d] as number] as Derived);
          continue;
        }
      }
      this.refresh(d, row, t);
    }
  }

  hasStudied(d: number): boolean {
    const row = this.rows[d];
    return row !== undefined && row.studied;
  }

  private associate(d: number, t: number): void {
    const known = this.known[d] as Set<number>;
    if (known.has(t)) return;
    known.add(t);
    this.knownList[d]?.push(t);
    if (this.isSymptom[t]) this.knownSymptoms[d]?.push(t);
    const exam = this.termExam[t];
    if (!exam) return;
    const byExam = this.knownByExam[d] as Map<string, number[]>;
    const list = byExam.get(exam);
    if (list) list.push(t);
    else byExam.set(exam, [t]);
  }

  /** The findings of one examination the doctor associates with a disease. */
  findingsOf(d: number, exam: string): readonly number[] {
    return this.knownByExam[d]?.get(exam) ?? [];
  }

  /** Features the doctor associates with a disease (term indexes). */
  featuresOf(d: number): ReadonlySet<number> {
    return this.known[d] ?? new Set();
  }

  /** The same features as a list, in the order they became known. */
  featureList(d: number): readonly number[] {
    return this.knownList[d] ?? [];
  }

  /** The symptoms among the features the doctor associates with a disease. */
  symptomsOf(d: number): readonly number[] {
    return this.knownSymptoms[d] ?? [];
  }

  /**
   * What the doctor itself has counted of a feature in patients with the disease: times it was
   * asked or examined, and times it was present (zeros before it has seen any).
   */
  counted(d: number, t: number): { observed: number; present: number } {
    const row = this.rows[d];
    return row ? { observed: row.observed[t] as number, present: row.present[t] as number } : { observed: 0, present: 0 };
  }

  /** Number of patients of each disease the doctor has learned from. */
  patientsSeen(d: number): number {
    return this.rows[d]?.patients ?? 0;
  }

  /** The learned part, for saving: one entry per disease the doctor has learned anything about. */
  exportRows(): {
    d: number;
    patients: number;
    male: number;
    bands: number[];
    observed: [number, number][];
    present: [number, number][];
    studied: boolean;
  }[] {
    const out = [];
    for (let d = 0; d < this.diseaseCount; d++) {
      const row = this.rows[d];
      if (!row) continue;
      const observed: [number, number][] = [];
      const present: [number, number][] = [];
      for (let t = 0; t < this.termCount; t++) {
        if ((row.observed[t] as number) > 0) observed.push([t, row.observed[t] as number]);
        if ((row.present[t] as number) > 0) present.push([t, row.present[t] as number]);
      }
      out.push({
        d,
        patients: row.patients,
        male: row.male,
        bands: Array.from(row.bands),
        observed,
        present,
        studied: row.studied,
      });
    }
    return out;
  }

  /** Restores one saved row (the inverse of exportRows). */
  importRow(r: {
    d: number;
    patients: number;
    male: number;
    bands: readonly number[];
    observed: readonly [number, number][];
    present: readonly [number, number][];
    studied: boolean;
  }): void {
    if (r.studied) this.study(r.d);
    const row = this.row(r.d);
    row.patients = r.patients;
    row.male = r.male;
    row.bands.set(r.bands);
    for (const [t, n] of r.observed) row.observed[t] = n;
    for (const [t, n] of r.present) {
      row.present[t] = n;
      this.associate(r.d, t);
    }
    for (let t = 0; t < this.termCount; t++) this.refresh(r.d, row, t);
  }

  private row(d: number): LearnedRow {
    let row = this.rows[d];
    if (row) return row;
    const T = this.termCount;
    if (this.slots === this.capacity) this.grow();
    const slot = this.slots++;
    // The four counts share one allocation: a row is made for every disease a doctor learns about.
    const counts = new Float32Array(4 * T);
    row = {
      observed: counts.subarray(0, T),
      present: counts.subarray(T, 2 * T),
      studiedPresent: counts.subarray(2 * T, 3 * T),
      studiedWeight: counts.subarray(3 * T, 4 * T),
      studied: false,
      slot,
      bands: new Float32Array(AGE_BANDS.length),
      male: 0,
      patients: 0,
    };
    this.rows[d] = row;
    this.slotOf[d] = slot;
    // Before any count a term's values depend only on whether the textbook calls it typical. A
    // fresh column already holds the untypical values (see grow): only the typical terms are set.
    const typical = this.estimate(NO_COUNTS, 0, true);
    for (const t of this.typicalOf[d] as number[]) this.put(slot, t, typical);
    return row;
  }

  /**
   * Doubles the tables' columns (up to one per disease). Every new column is filled with the
   * values of a term the textbook does not list, before any count: what a new row starts from.
   */
  private grow(): void {
    const T = this.termCount;
    const old = this.capacity;
    const capacity = Math.min(this.diseaseCount, Math.max(64, old * 2));
    const p = this.estimate(NO_COUNTS, 0, false);
    const logP = new Float32Array(T * capacity).fill(stable(Math.log(p)));
    const log1mP = new Float32Array(T * capacity).fill(stable(Math.log(1 - p)));
    const ph = new Float32Array(2 * T * capacity);
    ph[0] = p;
    ph[1] = binaryEntropy(p);
    // The (P, entropy) pair repeated by doubling copies: native moves rather than a loop of stores.
    for (let n = 2; n < ph.length; n *= 2) ph.copyWithin(n, 0, Math.min(n, ph.length - n));
    for (let t = 0; t < T; t++) {
      const from = t * old;
      const to = t * capacity;
      for (let s = 0; s < old; s++) {
        logP[to + s] = this.logP[from + s] as number;
        log1mP[to + s] = this.log1mP[from + s] as number;
        ph[2 * (to + s)] = this.ph[2 * (from + s)] as number;
        ph[2 * (to + s) + 1] = this.ph[2 * (from + s) + 1] as number;
      }
    }
    this.logP = logP;
    this.log1mP = log1mP;
    this.ph = ph;
    this.capacity = capacity;
  }

  private refresh(d: number, row: LearnedRow, t: number): void {
    this.put(row.slot, t, this.estimate(row, t, this.typical[t * this.diseaseCount + d] === 1));
  }

  /** P(present) of a term from the textbook's prior and the row's counts. */
  private estimate(
    row: { [k in 'observed' | 'present' | 'studiedPresent' | 'studiedWeight']: ArrayLike<number> },
    t: number,
    typical: boolean,
  ): number {
    const prior = typical ? TEXTBOOK_TYPICAL_P : TEXTBOOK_OTHER_P;
    const weight = PRIOR_WEIGHT + (row.studiedWeight[t] as number) + (row.observed[t] as number);
    const present = prior * PRIOR_WEIGHT + (row.studiedPresent[t] as number) + (row.present[t] as number);
    return Math.min(0.995, Math.max(0.005, present / weight));
  }

  /** Stores a term's estimate and what is derived from it in a disease's column. */
  private put(slot: number, t: number, p: number): void {
    const i = t * this.capacity + slot;
    this.ph[2 * i] = p;
    this.logP[i] = stable(Math.log(p));
    this.log1mP[i] = stable(Math.log(1 - p));
    this.ph[2 * i + 1] = binaryEntropy(p);
  }

  /** What `put` derives from an estimate, for storing the same values many times. */
  private derive(p: number): Derived {
    return { p, logP: stable(Math.log(p)), log1mP: stable(Math.log(1 - p)), h: binaryEntropy(p) };
  }

  private store(slot: number, t: number, v: Derived): void {
    const i = t * this.capacity + slot;
    this.ph[2 * i] = v.p;
    this.logP[i] = v.logP;
    this.log1mP[i] = v.log1mP;
    this.ph[2 * i + 1] = v.h;
  }
}

export function binaryEntropy(p: number): number {
  return p <= 0 || p >= 1 ? 0 : stable(-p * Math.log(p) - (1 - p) * Math.log(1 - p));
}

/**
 * The textbook's typical features as a dense T×D table and as a list per disease: built once per
 * textbook and shared by every doctor who reads it (the table is read on every observation, and
 * one shared copy stays in cache where one per doctor would not).
 */
const typicalTables = new WeakMap<Textbook, { typical: Uint8Array; typicalOf: number[][] }>();

function typicalTable(kb: KnowledgeBase, textbook: Textbook): { typical: Uint8Array; typicalOf: number[][] } {
  const cached = typicalTables.get(textbook);
  if (cached) return cached;
  const D = kb.diseases.length;
  const typical = new Uint8Array(D * kb.terms.length);
  const typicalOf = Array.from({ length: D }, (): number[] => []);
  for (const entry of textbook) {
    const d = kb.diseaseIndex(entry.disease);
    for (const t of [...entry.typicalSymptoms, ...entry.keyFindings]) {
      const ti = kb.termIndex(t);
      if (typical[ti * D + d] === 1) continue;
      typical[ti * D + d] = 1;
      typicalOf[d]?.push(ti);
    }
  }
  const table = { typical, typicalOf };
  typicalTables.set(textbook, table);
  return table;
}
