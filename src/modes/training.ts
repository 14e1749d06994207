import type { Lang } from '../schema/common';
import type { DepartmentId, DiseaseId, ExamId, TermId } from '../schema/ids';
import type { Disease } from '../schema/knowledge';
import type { DiagnosisReport } from '../brain/offline/doctor';
import { PatientInterview } from '../patients/interview';
import type { ExamReport } from '../patients/results';
import type { Patient } from '../patients/types';
import type { ClinicalStaff } from '../run/staff';
import { CLINIC, examCost, examMinutes } from './costs';
import { voiceAnswer, voiceOpening } from './voice';
import { readQuestion, type HistoryIntent, type QuestionReading } from '../language/intents';
import type { VocabularyMatcher } from '../language/matcher';
import type { PlainWords } from '../language/plain';
import { answerHistory, markHistoryTaking, type HistoryTakingMark } from './historyTaking';

export type TreatmentChoice = 'first-line' | 'escalate';

/** One line of the learner's interview: the question (a vocabulary term) and the patient's reply. */
export interface AskedQuestion {
  term: TermId;
  present: boolean;
  /** How long the patient has had it (days), when they have it. */
  days?: number;
}

/**
 * A virtual patient in front of a learner. The learner asks, orders, diagnoses and treats;
 * the case keeps the record of it. The patient answers through `PatientInterview` only, so the
 * learner (like the virtual doctor) never reads the hidden disease until the debrief.
 */
export class TrainingCase {
  readonly interview: PatientInterview;
  readonly questions: AskedQuestion[] = [];
  readonly exams: ExamReport[] = [];
  diagnosis: DiseaseId | undefined;
  treatment: TreatmentChoice | undefined;
  /** History items the learner has asked about in their own words (open question, onset, medicines…). */
  readonly intents = new Set<HistoryIntent>();
  /** The interview as it was spoken, for showing it again. */
  readonly log: { who: 'learner' | 'patient'; text: string }[] = [];

  constructor(
    readonly staff: ClinicalStaff,
    readonly patient: Patient,
    /** Everyday words for the questions and answers; without them both use catalogue names. */
    public words?: PlainWords,
  ) {
    this.interview = new PatientInterview(patient, staff.reader);
  }

  /**
   * A question in the learner's own words: every history item it asks and every symptom it names
   * is answered, in order, from the record. Nothing understood gives no replies.
   */
  askInWords(
    text: string,
    lang: Lang,
    matcher: VocabularyMatcher,
    exclude: ReadonlySet<TermId> = new Set(),
  ): { reading: QuestionReading; replies: string[] } {
    const kb = this.staff.kb;
    const named = matcher
      .match(text, lang)
      .map((m) => m.term)
      .filter((t) => kb.term(t).kind === 'symptom' && !exclude.has(t));
    const reading = readQuestion(text, lang, named);
    const replies: string[] = [];
    for (const intent of reading.intents) {
      this.intents.add(intent);
      const asked = new Set<string>(this.questions.map((q) => q.term));
      const others = this.patient.symptoms
        .map((s) => s.term)
        .filter((t) => t !== this.chiefComplaint && !asked.has(t))
        .slice(0, 2);
      if (intent === 'associated') for (const t of others) this.ask(t);
      replies.push(
        answerHistory(intent, {
          kb,
          words: this.words ?? matcher.words,
          patient: this.patient,
          complaint: this.chiefComplaint,
          others,
          lang,
        }),
      );
    }
    for (const term of reading.terms) {
      if (term === 'pregnant' && reading.intents.includes('pregnancy')) continue;
      replies.push(this.reply(this.ask(term), lang));
    }
    if (replies.length > 0) this.log.push({ who: 'learner', text }, ...replies.map((r) => ({ who: 'patient' as const, text: r })));
    return { reading, replies };
  }

  /** A question picked from the list, asked in plain words; its reply joins the log. */
  askTerm(term: TermId, lang: Lang): string {
    const reply = this.reply(this.ask(term), lang);
    const question = this.words ? this.words.ask(term, lang) : this.staff.kb.term(term).name[lang];
    this.log.push({ who: 'learner', text: question }, { who: 'patient', text: reply });
    return reply;
  }

  get chiefComplaint(): TermId {
    return this.interview.chiefComplaint;
  }

  /** The patient's opening words, in their own voice. */
  opening(lang: Lang): string {
    const t = this.chiefComplaint;
    return voiceOpening(this.staff.kb, this.patient.persona.style, t, this.interview.daysOf(t), lang, this.words);
  }

  /** "Do you have …?" Asking twice gets the same answer and is counted once. */
  ask(term: TermId): AskedQuestion {
    if (!this.staff.kb.hasTerm(term) || this.staff.kb.term(term).kind !== 'symptom')
      throw new Error(`"${term}" is not a symptom one can ask a patient about`);
    const known = this.questions.find((q) => q.term === term);
    if (known) return known;
    const present = term === this.chiefComplaint || this.interview.ask(term);
    const days = present ? this.interview.daysOf(term) : undefined;
    const q: AskedQuestion = days === undefined ? { term, present } : { term, present, days };
    this.questions.push(q);
    return q;
  }

  /** The reply to a question in the patient's voice. */
  reply(q: AskedQuestion, lang: Lang): string {
    return voiceAnswer(this.staff.kb, this.patient.persona.style, q.term, q.present, q.days, lang, this.words);
  }

  /** Orders an examination; ordering it again shows the same report and costs nothing more. */
  order(exam: ExamId): ExamReport {
    const e = this.staff.kb.exam(exam);
    if (e.sex && e.sex !== this.patient.persona.sex)
      throw new Error(`"${exam}" cannot be done for this patient (sex ${this.patient.persona.sex})`);
    const known = this.exams.find((r) => r.exam === exam);
    if (known) return known;
    const report = this.interview.examine(exam);
    this.exams.push(report);
    return report;
  }

  diagnose(disease: DiseaseId): void {
    this.staff.kb.disease(disease);
    this.diagnosis = disease;
  }

  treat(choice: TreatmentChoice): void {
    this.treatment = choice;
  }

  get cost(): number {
    return examCost(this.exams.map((r) => this.staff.kb.exam(r.exam)));
  }

  /** Clinic minutes the learner's work took: questions, then waiting for the results, then the explanation. */
  get minutes(): number {
    return (
      this.questions.length * CLINIC.questionMinutes +
      examMinutes(this.exams.map((r) => this.staff.kb.exam(r.exam))) +
      (this.diagnosis ? CLINIC.diagnosisMinutes : 0)
    );
  }

  get finished(): boolean {
    return this.diagnosis !== undefined && this.treatment !== undefined;
  }
}

/** How close a diagnosis came to the truth, best first. */
export type Closeness = 'exact' | 'same-category' | 'in-differential' | 'same-department' | 'wrong' | 'none';

export interface VirtualDoctorRun {
  department: DepartmentId;
  questions: { term: TermId; present: boolean }[];
  exams: ExamId[];
  diagnosis: DiseaseId;
  differential: { disease: DiseaseId; probability: number }[];
  correct: boolean;
  escalated: boolean;
  cost: number;
  minutes: number;
}

export interface Debrief {
  truth: { disease: DiseaseId; icd10: string; department: DepartmentId; severity: Patient['severity'] };
  diagnosis: { chosen: DiseaseId | undefined; closeness: Closeness; correct: boolean };
  /** The true disease's typical symptoms (what a textbook says to ask about). */
  keyQuestions: { term: TermId; asked: boolean; present: boolean }[];
  /** The examinations that establish the true disease. */
  keyExams: { exam: ExamId; ordered: boolean }[];
  /** Ordered examinations that neither are key nor showed anything abnormal. */
  unneededExams: ExamId[];
  cost: number;
  /** What the cheapest key examination would have cost: the floor for this case. */
  keyExamCost: number;
  minutes: number;
  /** Red flags the patient has that the learner never elicited, or elicited and did not escalate for. */
  redFlagsMissed: TermId[];
  redFlagsPresent: TermId[];
  treatment: { choice: TreatmentChoice | undefined; right: boolean; shouldEscalate: boolean; drugsRight: boolean };
  /** The interview against an OSCE examiner's history-taking checklist. */
  historyTaking: HistoryTakingMark;
  /** 0–100: see SCORE for the weights. */
  score: number;
  parts: Record<keyof typeof SCORE, number>;
  doctor: VirtualDoctorRun;
  teaching: Disease['teaching'];
  confusedWith: DiseaseId[];
}

/**
 * Weights of the 100-point score: the diagnosis matters most, then a complete history and the
 * right examinations, then the treatment and not missing danger; waste costs a little.
 */
export const SCORE = {
  diagnosis: 40,
  questions: 15,
  exams: 15,
  treatment: 15,
  redFlags: 10,
  efficiency: 5,
} as const;

const CLOSENESS_CREDIT: Record<Closeness, number> = {
  exact: 1,
  'same-category': 0.6,
  'in-differential': 0.4,
  'same-department': 0.2,
  wrong: 0,
  none: 0,
};

export function closeness(truth: Disease, chosen: Disease | undefined): Closeness {
  if (!chosen) return 'none';
  if (chosen.id === truth.id) return 'exact';
  if (chosen.icd10.slice(0, 3) === truth.icd10.slice(0, 3)) return 'same-category';
  if (truth.confusedWith.includes(chosen.id) || chosen.confusedWith.includes(truth.id)) return 'in-differential';
  if (chosen.department === truth.department) return 'same-department';
  return 'wrong';
}

/** The hospital's evolved doctor on the same patient: triage, then its consultation through the interview. */
export function runVirtualDoctor(staff: ClinicalStaff, patient: Patient): VirtualDoctorRun {
  const interview = new PatientInterview(patient, staff.reader);
  const department = staff.nurse.triage(interview.chiefComplaint);
  const report: DiagnosisReport = staff.doctor(department).consult(interview);
  const exams = report.exams.map((e) => staff.kb.exam(e));
  return {
    department,
    questions: report.questions.map((q) => ({ term: q.term, present: q.present })),
    exams: report.exams,
    diagnosis: report.diagnosis,
    differential: report.differential,
    correct: report.diagnosis === patient.disease,
    escalated: report.severe,
    cost: examCost(exams),
    minutes: report.questions.length * CLINIC.questionMinutes + examMinutes(exams) + CLINIC.diagnosisMinutes,
  };
}

/** Scores a finished (or abandoned) case and lays the learner's work beside the virtual doctor's. */
export function debrief(c: TrainingCase): Debrief {
  const kb = c.staff.kb;
  const patient = c.patient;
  const truth = kb.disease(patient.disease);
  const chosen = c.diagnosis ? kb.disease(c.diagnosis) : undefined;
  const close = closeness(truth, chosen);
  const entry = c.staff.textbook[kb.diseaseIndex(truth.id)];
  const has = new Set<string>(patient.symptoms.map((s) => s.term));
  const asked = new Map(c.questions.map((q) => [q.term as string, q]));
  asked.set(c.chiefComplaint, { term: c.chiefComplaint, present: true });

  const keyQuestions = (entry?.typicalSymptoms ?? []).map((term) => ({ term, asked: asked.has(term), present: has.has(term) }));
  const ordered = new Set<string>(c.exams.map((r) => r.exam));
  const keyExams = truth.keyExams.map((exam) => ({ exam, ordered: ordered.has(exam) }));
  const unneededExams = c.exams
    .filter((r) => !truth.keyExams.includes(r.exam) && r.findings.length === 0 && !['vital-signs', 'physical-exam'].includes(r.exam))
    .map((r) => r.exam);

  // Red flags the patient really has: symptoms they would report, findings an examination would show.
  const allFindings = new Set<string>(c.staff.reader.allFindings(patient));
  const redFlagsPresent = truth.redFlags.filter((t) => has.has(t) || allFindings.has(t));
  const seen = new Set<string>([
    ...c.questions.filter((q) => q.present).map((q) => q.term),
    c.chiefComplaint,
    ...c.exams.flatMap((r) => r.findings),
  ]);
  const escalated = c.treatment === 'escalate';
  const redFlagsMissed = redFlagsPresent.filter((t) => !seen.has(t) || !escalated);

  const shouldEscalate = patient.severity === 'severe' || redFlagsPresent.length > 0;
  const drugsRight = chosen !== undefined && sameDrugs(chosen, truth);
  // A severe illness or a red flag calls for escalation; a mild one must not be escalated; moderate may go either way.
  const fits = shouldEscalate ? escalated : patient.severity === 'mild' ? !escalated : true;
  const treatmentRight = c.treatment !== undefined && drugsRight && fits;

  const keyExamCost = Math.min(...truth.keyExams.map((e) => kb.exam(e).costCny));
  const frac = (xs: { asked?: boolean; ordered?: boolean }[], k: 'asked' | 'ordered'): number =>
    xs.length === 0 ? 1 : xs.filter((x) => x[k]).length / xs.length;
  const parts = {
    diagnosis: SCORE.diagnosis * CLOSENESS_CREDIT[close],
    questions: SCORE.questions * frac(keyQuestions, 'asked'),
    exams: SCORE.exams * (keyExams.some((e) => e.ordered) ? 1 : 0),
    treatment: SCORE.treatment * (treatmentRight ? 1 : drugsRight ? 0.5 : 0),
    redFlags: SCORE.redFlags * (redFlagsPresent.length === 0 ? 1 : 1 - redFlagsMissed.length / redFlagsPresent.length),
    // Full marks up to three times the floor; none beyond ten times it.
    efficiency: SCORE.efficiency * Math.max(0, Math.min(1, 1 - (c.cost - 3 * Math.max(keyExamCost, 50)) / (7 * Math.max(keyExamCost, 50)))),
  };
  const score = Math.round(Object.values(parts).reduce((a, b) => a + b, 0));

  return {
    truth: { disease: truth.id, icd10: truth.icd10, department: truth.department, severity: patient.severity },
    diagnosis: { chosen: chosen?.id, closeness: close, correct: close === 'exact' },
    keyQuestions,
    keyExams,
    unneededExams,
    cost: c.cost,
    keyExamCost,
    minutes: c.minutes,
    redFlagsMissed,
    redFlagsPresent,
    treatment: { choice: c.treatment, right: treatmentRight, shouldEscalate, drugsRight },
    historyTaking: markHistoryTaking(patient, c.intents, c.questions.length),
    score,
    parts,
    doctor: runVirtualDoctor(c.staff, patient),
    teaching: truth.teaching,
    confusedWith: truth.confusedWith,
  };
}

function sameDrugs(a: Disease, b: Disease): boolean {
  const key = (x: Disease): string =>
    x.treatment.drugs
      .map((d) => d.name.en.toLowerCase())
      .sort()
      .join('|');
  return a.id === b.id || key(a) === key(b);
}
