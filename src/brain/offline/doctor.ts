import type { DepartmentId, DiseaseId, ExamId, TermId } from '../../schema/ids';
import type { KnowledgeBase } from '../../knowledge/knowledgeBase';
import type { Textbook } from '../../knowledge/textbook';
import { BEDSIDE_EXAMS } from '../../knowledge/clinicalRules';
import type { PatientView } from './patientView';
import { CaseBase, type RetrievedCase } from '../../evolution/caseBase';
import { cuesMatch, ExperienceBase, type Experience } from '../../evolution/experienceBase';
import { Beliefs } from './beliefs';
import { LEAD, nextExam, nextQuestion } from './choices';
import { Differential, leaderOf, topOf } from './differential';
import { SeverityJudge, type SeverityEvidence } from './severity';
import { stable } from './stable';

/** Tunables of the offline doctor, with the reason for each value. */
export const DOCTOR = {
  /** Questions before the doctor moves on to examinations (an outpatient history; over 800 diseases need a few more than 8 to tell apart). */
  maxQuestions: 12,
  /** Examinations beyond the bedside ones (a patient is sent to at most six rooms in a visit). */
  maxExams: 6,
  /** Stop asking once the leading diagnosis is this probable. */
  confidentAfterInquiry: 0.9,
  /** Stop ordering once the leading diagnosis is this probable. */
  confidentAfterExams: 0.99,
  /** Questions that would change the picture less than this (nats) are not worth asking. */
  minQuestionGain: 0.02,
  /** Share of prior belief on the department's own diseases (triage sent the patient here). */
  ownDepartmentShare: 0.8,
  /** Similar solved cases shown and weighed at diagnosis (the paper's best setting: 3). */
  retrievedCases: 3,
  /** Experiences shown at diagnosis (the paper's best setting: 4). */
  retrievedExperiences: 4,
  /** Evidence a retrieved case adds to its disease, per unit of similarity (log-odds). */
  caseWeight: 1.5,
  /** Diseases kept in the differential after the chief complaint (of several hundred known). */
  differentialSize: 120,
} as const;

/** A consultation pauses at each examination it orders; `questions` are all asked so far. */
export interface ConsultationStep {
  exam: ExamId;
  questions: readonly { term: TermId; present: boolean }[];
}

export interface DiagnosisReport {
  questions: { term: TermId; present: boolean }[];
  exams: ExamId[];
  differential: { disease: DiseaseId; probability: number }[];
  diagnosis: DiseaseId;
  retrievedCases: { id: number; disease: DiseaseId; similarity: number }[];
  experiences: { id: number; text: { en: string; zh: string }; fired: boolean }[];
  /** Term index → present, for everything asked or examined: what the doctor learns from. */
  observations: Map<number, boolean>;
  /** Experiences that changed this diagnosis (their outcome is recorded at follow-up). */
  fired: Experience[];
  /** Whether the doctor judged the illness severe and escalated treatment. */
  severe: boolean;
  /** The abnormal values behind that judgement (learned from at follow-up). */
  severityEvidence: SeverityEvidence;
}

/**
 * A doctor of one department, reasoning offline: Bayesian over the diseases it knows, asking
 * and ordering what best separates its differential, helped by its case and experience bases.
 */
export class OfflineDoctor {
  readonly beliefs: Beliefs;
  readonly cases: CaseBase;
  readonly experiences = new ExperienceBase();
  /** How many patients of each disease this doctor has had (its case mix: the learned prior). */
  private readonly caseMix: Float64Array;
  private readonly ownDepartment: Uint8Array;
  private readonly ownCount: number;
  /** Prior per (age band, sex), index band * 2 + male. */
  private readonly priorCache: (Float64Array | undefined)[] = [];
  /** The scores a decision moves: a copy of the differential's, read only until the decision is made. */
  private readonly decisionScores: Float64Array;
  private rediagnosis: Differential | undefined;
  consultations = 0;
  correct = 0;
  /** Judges how severe an illness is from what the results show; learns at follow-up. */
  readonly severity: SeverityJudge;

  constructor(
    readonly kb: KnowledgeBase,
    readonly textbook: Textbook,
    readonly department: DepartmentId,
  ) {
    this.beliefs = new Beliefs(kb, textbook);
    this.cases = new CaseBase(kb.diseases.length);
    this.caseMix = new Float64Array(kb.diseases.length);
    this.decisionScores = new Float64Array(kb.diseases.length);
    this.severity = new SeverityJudge(kb, textbook);
    this.ownDepartment = Uint8Array.from(kb.diseases, (d) => (d.department === department ? 1 : 0));
    this.ownCount = this.ownDepartment.reduce((a, b) => a + b, 0) || 1;
  }

  /**
   * Prior over diseases (up to a constant): the textbook's department split at first, the
   * doctor's own case mix as it sees patients, and who gets each disease. Cached per age band
   * and sex; learning refreshes only the disease it learned about.
   */
  prior(ageBand: number, male: boolean): Float64Array {
    const key = ageBand * 2 + (male ? 1 : 0);
    let cached = this.priorCache[key];
    if (!cached) {
      cached = new Float64Array(this.kb.diseases.length);
      for (let d = 0; d < cached.length; d++) cached[d] = this.priorOf(d, ageBand, male);
      this.priorCache[key] = cached;
    }
    return cached;
  }

  private priorOf(d: number, ageBand: number, male: boolean): number {
    const D = this.kb.diseases.length;
    const own = this.ownCount;
    const share = DOCTOR.ownDepartmentShare;
    const textbook = this.ownDepartment[d] ? share / own : (1 - share) / Math.max(1, D - own);
    // Pseudo-counts: the textbook prior is worth 50 patients; then experience takes over.
    return stable(Math.log(textbook * 50 + (this.caseMix[d] as number))) + this.beliefs.logDemographics(d, ageBand, male);
  }

  private refreshPrior(d: number): void {
    this.priorCache.forEach((cached, key) => {
      if (cached) cached[d] = this.priorOf(d, Math.floor(key / 2), key % 2 === 1);
    });
  }

  /** The whole consultation at once, examinations read as soon as they are ordered (fast-forward). */
  consult(interview: PatientView): DiagnosisReport {
    const steps = this.consultation(interview);
    let step = steps.next();
    while (!step.done) step = steps.next();
    return step.value;
  }

  /**
   * The consultation as steps, for a world where examinations take time: it yields each
   * examination it orders (with the questions asked so far) and goes on when the caller resumes
   * it once the result is in; it returns the diagnosis report.
   */
  *consultation(interview: PatientView): Generator<ConsultationStep, DiagnosisReport, void> {
    const kb = this.kb;
    const diff = new Differential(this.beliefs, this.prior(interview.ageBand, interview.male));
    const questions: DiagnosisReport['questions'] = [];
    diff.observe(kb.termIndex(interview.chiefComplaint), true);
    questions.push({ term: interview.chiefComplaint, present: true });
    // The differential: what could present like this, for this patient; the rest is set aside.
    diff.narrow(DOCTOR.differentialSize);
    for (let q = 0; q < DOCTOR.maxQuestions; q++) {
      if ((diff.leader()?.p ?? 0) >= DOCTOR.confidentAfterInquiry) break;
      const t = nextQuestion(kb, this.beliefs, diff, DOCTOR.minQuestionGain);
      if (t === undefined) break;
      const term = kb.terms[t]?.id as TermId;
      const present = interview.ask(term);
      diff.observe(t, present);
      questions.push({ term, present });
    }
    const exams: ExamId[] = [];
    const done = new Set<string>();
    const severity: SeverityEvidence = { deviation: 0, values: [], burden: interview.rateBurden() };
    const examine = (exam: ExamId): void => this.examine(interview, diff, exam, exams, done, severity);
    for (const exam of BEDSIDE_EXAMS) examine(exam);
    // Confirm the working diagnosis with its key examination, as the textbook says to.
    const working = diff.leader()?.d;
    const confirm = working === undefined ? undefined : this.textbook[working]?.keyExams.find((e) => !done.has(e));
    if (confirm) {
      yield { exam: confirm, questions };
      examine(confirm);
    }
    for (let e = exams.length - BEDSIDE_EXAMS.length; e < DOCTOR.maxExams; e++) {
      if ((diff.leader()?.p ?? 0) >= DOCTOR.confidentAfterExams) break;
      const exam = nextExam(kb, this.beliefs, diff, done, this.suggestedExams(diff));
      if (!exam) break;
      yield { exam: exam as ExamId, questions };
      examine(exam as ExamId);
    }
    const report = this.conclude(diff, questions, exams, severity);
    // Before treating, confirm the conclusion with its own key examination if none was done.
    const keyExams = this.textbook[kb.diseaseIndex(report.diagnosis)]?.keyExams ?? [];
    const confirmation = keyExams.some((e) => done.has(e)) ? undefined : keyExams[0];
    if (!confirmation) return this.screenRedFlags(interview, diff, questions, report);
    yield { exam: confirmation, questions };
    examine(confirmation);
    return this.screenRedFlags(interview, diff, questions, this.conclude(diff, questions, exams, severity));
  }

  /**
   * Before treating, the doctor asks after the red flags of its diagnosis that the patient has
   * not yet been asked about ("any blood in the vomit?"), as the rule book says: one that is
   * there calls for escalation whatever the course. The diagnosis stands; what is learnt from
   * the answers joins the observations.
   */
  private screenRedFlags(
    interview: PatientView,
    diff: Differential,
    questions: DiagnosisReport['questions'],
    report: DiagnosisReport,
  ): DiagnosisReport {
    const kb = this.kb;
    let found = false;
    for (const flag of kb.disease(report.diagnosis).redFlags) {
      const t = kb.termIndex(flag);
      if (kb.terms[t]?.kind !== 'symptom' || diff.observations.has(t)) continue;
      const present = interview.ask(flag);
      diff.observe(t, present);
      questions.push({ term: flag, present });
      found ||= present;
    }
    return found && !report.severe ? { ...report, severe: true } : report;
  }

  /** Diagnoses from observations already made (a written case, or a stored one being re-checked). */
  diagnoseFrom(observations: ReadonlyMap<number, boolean>, ageBand: number, male: boolean): DiagnosisReport {
    const diff = new Differential(this.beliefs, this.prior(ageBand, male));
    return this.conclude(this.differentialFrom(observations, diff), [], [], { deviation: 0, values: [] });
  }

  /**
   * Re-diagnoses from stored observations (validating a lesson against solved cases): the same
   * diagnosis as `diagnoseFrom`, without the report around it, which nobody reads here.
   */
  rediagnose(observations: ReadonlyMap<number, boolean>, ageBand: number, male: boolean): DiseaseId {
    // Nothing of the differential outlives the decision: one is reused for every re-diagnosis.
    this.rediagnosis ??= new Differential(this.beliefs, this.prior(ageBand, male));
    this.rediagnosis.reset(this.prior(ageBand, male));
    const { scores, pool, moved, lead } = this.decide(this.differentialFrom(observations, this.rediagnosis));
    const chosen = moved ? leaderOf(scores, pool) : (lead[0]?.d ?? 0);
    return this.kb.diseases[chosen]?.id as DiseaseId;
  }

  /** Weighs stored observations in a fresh differential `diff`. */
  private differentialFrom(observations: ReadonlyMap<number, boolean>, diff: Differential): Differential {
    // What was found narrows the differential before what was not is weighed, as in a consultation.
    for (const [t, present] of observations) if (present) diff.observe(t, true);
    diff.narrow(DOCTOR.differentialSize);
    const absent: number[] = [];
    for (const [t, present] of observations) if (!present) absent.push(t);
    diff.observeAll(absent, false);
    return diff;
  }

  /** Learning after follow-up: counts, case mix, and (if right) the case base. */
  learn(truth: number, report: DiagnosisReport, ageBand: number, male: boolean): void {
    this.beliefs.learn(truth, report.observations, ageBand, male);
    this.caseMix[truth] = (this.caseMix[truth] as number) + 1;
    this.refreshPrior(truth);
    this.consultations += 1;
    const right = this.kb.diseaseIndex(report.diagnosis) === truth;
    if (right) this.correct += 1;
    for (const e of report.fired) this.experiences.recordOutcome(e, this.kb.diseases[e.to]?.id === this.kb.diseases[truth]?.id && right);
  }

  private examine(
    interview: PatientView,
    diff: Differential,
    exam: ExamId,
    exams: ExamId[],
    done: Set<string>,
    severity: SeverityEvidence,
  ): void {
    exams.push(exam);
    done.add(exam);
    const report = interview.examine(exam);
    for (const { analyte, value, low, high } of report.values) {
      // Judged against the patient's own range (a child's heart rate, a woman's haemoglobin).
      const dev = deviation({ low, high }, value);
      if (dev <= 0) continue;
      severity.deviation += dev;
      severity.values.push({ analyte, value });
    }
    const present = new Set(report.findings.map((f) => this.kb.termIndex(f)));
    diff.observeAll(present, true);
    // A normal result says the findings the doctor was looking for (those of its leading
    // diseases that this examination shows) are absent.
    const lookedFor: number[] = [];
    for (const d of diff.leading(LEAD)) for (const t of this.beliefs.findingsOf(d, exam)) if (!present.has(t)) lookedFor.push(t);
    diff.observeAll(lookedFor, false);
  }

  private suggestedExams(diff: Differential): string[] {
    const out: string[] = [];
    for (const { d } of diff.top(3)) for (const e of this.experiences.about(d)) if (e.rule.kind === 'examine') out.push(e.rule.exam);
    return out;
  }

  /** Case mix, for saving: [disease index, patients] where any were seen. */
  exportCaseMix(): [number, number][] {
    const out: [number, number][] = [];
    for (let d = 0; d < this.caseMix.length; d++) if ((this.caseMix[d] as number) > 0) out.push([d, this.caseMix[d] as number]);
    return out;
  }

  importCaseMix(caseMix: readonly [number, number][]): void {
    for (const [d, n] of caseMix) this.caseMix[d] = n;
    this.priorCache.length = 0;
  }

  /**
   * The differential's scores moved by the most similar solved cases and by the lessons that
   * fire on the leader; `pool` is where the diagnosis is chosen from, `moved` whether any score
   * changed (if not, the differential's own lead ranks them).
   */
  private decide(diff: Differential): {
    scores: Float64Array;
    pool: Int32Array | undefined;
    moved: boolean;
    lead: { d: number; p: number }[];
    present: number[];
    retrieved: RetrievedCase[];
    fired: Experience[];
  } {
    const scores = this.decisionScores;
    scores.set(diff.scores);
    const among = diff.among;
    // The differential's cached lead is this ranking of these scores: not ranked again.
    const lead = diff.top(LEAD);
    const present: number[] = [];
    for (const [t, p] of diff.observations) if (p) present.push(t);
    const query = new Int32Array(present).sort();
    const retrieved: RetrievedCase[] =
      this.cases.size > 0
        ? this.cases.retrieve(
            query,
            lead.slice(0, 8).map((x) => x.d),
            DOCTOR.retrievedCases,
          )
        : [];
    let moved = false;
    for (const c of retrieved) {
      if (c.similarity === 0) continue;
      scores[c.disease] = (scores[c.disease] as number) + DOCTOR.caseWeight * c.similarity;
      moved = true;
    }
    const fired: Experience[] = [];
    const leader = leaderOf(scores, among);
    for (const e of this.experiences.about(leader)) {
      if (!cuesMatch(e.rule, diff.observations)) continue;
      // A lesson told only by what is absent ("no cysts") says the leader is wrong, not which
      // disease is right: it brings forward a disease already in the running, not any other.
      if (e.rule.kind === 'prefer' && e.rule.cues.every((c) => !c.present) && !lead.some((x) => x.d === e.to)) continue;
      scores[e.to] = Math.max(scores[e.to] as number, (scores[leader] as number) + 1);
      fired.push(e);
      moved = true;
    }
    // A lesson may point to a disease the differential had set aside: it comes back in.
    const pool = among && fired.length > 0 ? Int32Array.from(new Set([...among, ...fired.map((e) => e.to)])) : among;
    return { scores, pool, moved, lead, present, retrieved, fired };
  }

  private conclude(
    diff: Differential,
    questions: DiagnosisReport['questions'],
    exams: ExamId[],
    evidence: SeverityEvidence,
  ): DiagnosisReport {
    const kb = this.kb;
    const { scores, pool, moved, lead, present, retrieved, fired } = this.decide(diff);
    // Unmoved scores rank as the differential's own: its cached lead already holds their top five.
    const top = moved ? topOf(scores, 5, pool) : lead.slice(0, 5);
    const chosen = top[0]?.d ?? 0;
    const signal = this.severity.signal(chosen, evidence, present.length);
    // The rule book: a red flag of the diagnosed disease calls for escalation whatever the course.
    const redFlagSeen = (kb.diseases[chosen]?.redFlags ?? []).some((f) => diff.observations.get(kb.termIndex(f)) === true);
    const shown = new Map<number, { e: Experience; fired: boolean }>();
    for (const e of fired) shown.set(e.id, { e, fired: true });
    for (const { d } of top.slice(0, 3))
      for (const e of this.experiences.about(d))
        if (shown.size < DOCTOR.retrievedExperiences && !shown.has(e.id)) shown.set(e.id, { e, fired: false });
    return {
      questions,
      exams,
      differential: top.map((x) => ({ disease: kb.diseases[x.d]?.id as DiseaseId, probability: x.p })),
      diagnosis: kb.diseases[chosen]?.id as DiseaseId,
      retrievedCases: retrieved.map((c) => ({ id: c.id, disease: kb.diseases[c.disease]?.id as DiseaseId, similarity: c.similarity })),
      experiences: [...shown.values()]
        .slice(0, DOCTOR.retrievedExperiences)
        .map(({ e, fired: f }) => ({ id: e.id, text: e.text, fired: f })),
      observations: diff.observations,
      fired,
      severe: redFlagSeen || this.severity.judge(chosen, signal, diff.observations),
      severityEvidence: evidence,
    };
  }
}

/** How far a value lies outside its reference range, in range widths (capped: one wild value should not decide). */
function deviation(range: { low: number; high: number }, value: number): number {
  const width = range.high - range.low;
  if (value > range.high) return Math.min(5, (value - range.high) / width);
  if (value < range.low) return Math.min(5, (range.low - value) / width);
  return 0;
}
