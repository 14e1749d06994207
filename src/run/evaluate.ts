import type { ExternalCase, Nested, OsceCase } from '../schema/cases';
import type { Span } from '../schema/language';
import { ageBandIndexOf } from '../schema/knowledge';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { ownNow, type VocabularyMatcher } from '../language/matcher';
import type { ValueReader } from '../knowledge/valueReader';
import type { ClinicalStaff } from './staff';
import { EMERGENCY } from '../sim/services';
import { openWorldOf } from './openWorldOf';
import { presentingOf } from '../brain/offline/openWorld';
import { chiefComplaintAmong, isPresentingComplaint } from '../knowledge/clinicalRules';
import type { DepartmentId, DiseaseId, TermId } from '../schema/ids';

/** What a written case says, read once: the evidence and where it came from. */
export interface CaseReading {
  /** Term index → present (true) or said to be absent; anything else is unknown. */
  observations: Map<number, boolean>;
  /** Terms read from the examination findings (the rest the patient tells). */
  fromFindings: Set<number>;
  /** Terms of the chief complaint (what a consultation opens with). */
  complaintTerms: number[];
  mapped: EvaluatedCase['mapped'];
  unmapped: string[];
  /** Where the nurse sends the chief complaint. */
  department: DepartmentId;
}

/** One diagnosed case in `evaluate --json` (README). */
export interface EvaluatedCase {
  id: string;
  predictions: { diseaseId: string; name: string; icd10: string; probability: number }[];
  /** Probability that the illness is none of the knowledge base's diseases. */
  outside: number;
  /** The doctors say the case may be outside their knowledge. */
  saysUnknown: boolean;
  /** Each phrase that said something: the patient's current terms, and the language layer's whole reading (offsets within the phrase). */
  mapped: { phrase: string; terms: { id: TermId; present: boolean }[]; spans: Span[] }[];
  unmapped: string[];
}

export interface EvaluationSummary {
  cases: number;
  withDiagnosis: number;
  top1: number;
  top3: number;
  unmappedRate: number;
  /** Share of cases the doctors said may be outside their knowledge. */
  saysUnknown: number;
}

/** An OSCE examination read as a written case: demographics parsed, sections flattened to phrases. */
export function osceToCase(osce: OsceCase, id: string): ExternalCase {
  const exam = osce.OSCE_Examination;
  const actor = exam.Patient_Actor;
  const demo = actor.Demographics;
  const age = Number(/(\d{1,3})\s*(?:-|\s)?\s*(?:year|yr|y\/o|yo|岁)/i.exec(demo)?.[1] ?? /(\d{1,3})/.exec(demo)?.[1] ?? 40);
  const female = /\b(female|woman|girl|lady)\b|女/i.test(demo);
  const flat = (n: Nested | undefined, prefix = ''): string[] => {
    if (n === undefined) return [];
    if (typeof n === 'string' || typeof n === 'number') return [prefix ? `${prefix}: ${n}` : String(n)];
    if (Array.isArray(n)) return n.flatMap((x) => flat(x, prefix));
    return Object.entries(n).flatMap(([k, v]) => flat(v, k.replace(/_/g, ' ')));
  };
  const history = [
    ...flat(actor.History),
    ...flat(actor.Past_Medical_History),
    ...flat(actor.Social_History),
    ...flat(actor.Review_of_Systems),
  ]
    .filter((x) => x.trim())
    .join('. ');
  // A section given as a plain string, or a record without a primary symptom, is read as it is.
  const symptoms =
    typeof actor.Symptoms === 'string'
      ? { primary: actor.Symptoms, secondary: [] }
      : {
          primary: actor.Symptoms.Primary_Symptom ?? '',
          secondary:
            typeof actor.Symptoms.Secondary_Symptoms === 'string' ? [actor.Symptoms.Secondary_Symptoms] : actor.Symptoms.Secondary_Symptoms,
        };
  const primary = symptoms.primary.trim() || symptoms.secondary[0] || history.split(/(?<=[.;。；])\s*/)[0] || '';
  const diagnosis = exam.Correct_Diagnosis ? { name: exam.Correct_Diagnosis } : undefined;
  return {
    id,
    age,
    sex: female ? 'F' : 'M',
    language: /\p{Script=Han}/u.test(demo + primary) ? 'zh' : 'en',
    chiefComplaint: primary,
    history,
    symptoms: symptoms.secondary.filter((x) => x !== primary),
    negatives: [],
    findings: [...flat(exam.Physical_Examination_Findings), ...flat(exam.Test_Results)],
    ...(diagnosis ? { diagnosis } : {}),
  };
}

/**
 * Diagnoses written cases with the staff as they are: phrases become observations through the
 * vocabulary matcher (and measured values through the value reader), the triage nurse picks
 * the department from the chief complaint, and that department's doctor gives its differential.
 */
export class CaseEvaluator {
  private n = 0;
  private withDiagnosis = 0;
  private top1 = 0;
  private top3 = 0;
  private phrases = 0;
  private unmappedPhrases = 0;
  private unknown = 0;

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly staff: ClinicalStaff,
    private readonly matcher: VocabularyMatcher,
    private readonly values: ValueReader,
  ) {}

  /** Diagnoses one written case over the whole knowledge base (the offline brain). */
  evaluate(c: ExternalCase): EvaluatedCase {
    const reading = this.read(c);
    const answer = openWorldOf(this.staff).diagnose(reading.observations, ageBandIndexOf(c.age), c.sex === 'M', {
      department: reading.department,
      presenting: presentingOf(this.kb, reading.complaintTerms),
    });
    return this.record(c, reading, answer.differential, answer);
  }

  /**
   * Reads a written case: every phrase through the language layer (and measured values through
   * the value reader), what it says the patient has or has not, which of it came from the
   * examination findings, and the department the nurse would send the chief complaint to.
   */
  read(c: ExternalCase): CaseReading {
    const observations = new Map<number, boolean>();
    const fromFindings = new Set<number>();
    const mapped: EvaluatedCase['mapped'] = [];
    const unmapped: string[] = [];
    const take = (phrase: string, mode: 'present' | 'absent' | 'as-written', finding: boolean): void => {
      if (!/[\p{L}\p{N}]/u.test(phrase)) return;
      this.phrases++;
      const terms: { id: TermId; present: boolean }[] = [];
      const reading = this.matcher.understand(phrase, c.language);
      // A relative's illness or the patient's past history is not the presentation.
      const own = reading.spans.filter((s) => s.subject === 'patient' && ownNow(s));
      const loose = reading.spans.length === 0 && !process.env.NOLOOSE ? this.matcher.matchLoosely(phrase) : undefined;
      const present = (negated: boolean): boolean => (mode === 'absent' ? false : mode === 'present' ? true : !negated);
      for (const s of own)
        if (!terms.some((t) => t.id === s.term)) terms.push({ id: s.term, present: present(s.temporality === 'current' && !s.present) });
      if (loose) terms.push({ id: loose.term, present: present(loose.negated) });
      if (finding && !own.some((s) => s.value)) {
        const colon = phrase.split(/[:：]/);
        if (colon.length >= 2)
          for (const t of this.values.read(colon.slice(0, -1).join(' '), colon[colon.length - 1] as string))
            if (!terms.some((x) => x.id === t)) terms.push({ id: t, present: true });
      }
      if (terms.length === 0 && reading.spans.length === 0 && reading.normalValues.length === 0) {
        this.unmappedPhrases++;
        unmapped.push(phrase);
        return;
      }
      mapped.push({ phrase, terms, spans: reading.spans });
      for (const t of terms) {
        const i = this.kb.termIndex(t.id);
        if (!observations.has(i) || t.present) observations.set(i, t.present);
        if (finding) fromFindings.add(i);
      }
    };
    take(c.chiefComplaint, 'as-written', false);
    const told = mapped[0]?.terms.filter((t) => t.present).map((t) => this.kb.termIndex(t.id)) ?? [];
    let complaint = mapped[0]?.terms.find((t) => t.present && isPresentingComplaint(this.kb, t.id))?.id;
    for (const s of c.symptoms) take(s, 'as-written', false);
    for (const s of c.negatives) take(s, 'absent', false);
    for (const f of c.findings) take(f, 'as-written', true);
    for (const sentence of c.history.split(/(?<=[.;。；])\s*/)) take(sentence, 'as-written', false);
    const saidPresent = [...observations].filter(([, p]) => p).map(([t]) => this.kb.terms[t]?.id as string);
    complaint ??= chiefComplaintAmong(this.kb, saidPresent) as TermId | undefined;
    const department = complaint ? this.staff.nurse.triage(complaint, c.age) : EMERGENCY;
    return { observations, fromFindings, complaintTerms: told, mapped, unmapped, department };
  }

  /** Counts one diagnosed case into the summary and shapes it for `evaluate --json`. */
  record(
    c: ExternalCase,
    reading: Pick<CaseReading, 'mapped' | 'unmapped'>,
    differential: readonly { disease: DiseaseId; probability: number }[],
    open: { outside: number; saysUnknown: boolean },
  ): EvaluatedCase {
    if (open.saysUnknown) this.unknown++;
    const predictions = differential.map((x) => {
      const d = this.kb.disease(x.disease);
      return { diseaseId: d.id, name: d.name[c.language], icd10: d.icd10, probability: x.probability };
    });
    this.n++;
    if (c.diagnosis && (c.diagnosis.name || c.diagnosis.icd10)) {
      this.withDiagnosis++;
      const hit = predictions.findIndex((p) => this.matches(p.diseaseId, c.diagnosis as { name?: string; icd10?: string }));
      if (hit === 0) this.top1++;
      if (hit >= 0 && hit < 3) this.top3++;
    }
    return {
      id: c.id,
      predictions,
      outside: open.outside,
      saysUnknown: open.saysUnknown,
      mapped: reading.mapped,
      unmapped: reading.unmapped,
    };
  }

  summary(): EvaluationSummary {
    return {
      cases: this.n,
      withDiagnosis: this.withDiagnosis,
      top1: this.withDiagnosis ? this.top1 / this.withDiagnosis : 0,
      top3: this.withDiagnosis ? this.top3 / this.withDiagnosis : 0,
      unmappedRate: this.phrases ? this.unmappedPhrases / this.phrases : 0,
      saysUnknown: this.n ? this.unknown / this.n : 0,
    };
  }

  /** Same ICD-10 category (the three-character code), or the name or a synonym in either language. */
  matches(diseaseId: string, truth: { name?: string; icd10?: string }): boolean {
    const d = this.kb.disease(diseaseId);
    if (truth.icd10 && truth.icd10.trim().toUpperCase().slice(0, 3) === d.icd10.slice(0, 3)) return true;
    if (!truth.name) return false;
    const name = truth.name.trim().toLowerCase();
    return [d.name.en, d.name.zh, ...d.synonyms.en, ...d.synonyms.zh].some((n) => n.toLowerCase() === name);
  }
}
