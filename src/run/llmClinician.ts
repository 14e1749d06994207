import type { Lang } from '../schema/common';
import type { DepartmentId, DiseaseId, ExamId, TermId } from '../schema/ids';
import type { DiagnosisReport } from '../brain/offline/doctor';
import { BEDSIDE_EXAMS, markTreatmentOf } from '../knowledge/clinicalRules';
import type { SeverityEvidence } from '../brain/offline/severity';
import type { CaseSummary, LlmDoctor, StepContext } from '../brain/llm/doctor';
import { reflectWithModel, type ModelReflection } from '../brain/llm/reflection';
import { newMeter, type LlmMeter } from '../brain/llm/stats';
import { PatientInterview } from '../patients/interview';
import { basicInfo } from '../patients/record';
import { formatDuration } from '../patients/duration';
import type { Patient } from '../patients/types';
import type { ClinicalStaff, ConsultationOutcome } from './staff';

/** Tunables of an LLM consultation, each bounded so a consultation costs at most six calls. */
export const LLM_CONSULT = {
  /** Symptoms the doctor may ask about in its one inquiry round (a focused outpatient history). */
  maxQuestions: 6,
  /** Examinations beyond the bedside ones (as the offline doctor: a few rooms per visit). */
  maxExams: 3,
  /** Candidate symptoms, examinations and diseases offered to the model: enough to choose, few enough to stay within ~700 prompt tokens a call. */
  candidateSymptoms: 20,
  candidateExams: 12,
  candidateDiseases: 10,
  /** Diseases of the offline differential whose symptoms and key examinations are offered. */
  leadDiseases: 8,
} as const;

export interface TranscriptLine {
  speaker: 'nurse' | 'doctor' | 'patient' | 'results';
  text: string;
  /** False when the offline brain said it because the model could not. */
  fromModel: boolean;
}

export interface LlmConsultationOutcome extends ConsultationOutcome {
  meter: LlmMeter;
  transcript: TranscriptLine[];
  thought: string[];
  plan: string;
  /** The model's own lesson after a mistake (with `reflect`), and whether it was kept. */
  modelLesson?: ModelReflection;
}

/**
 * A consultation by the language model, headless and async, with the same outcome shape as
 * `ClinicalStaff.consult`. The offline doctor of the department runs first: its differential
 * decides which symptoms, examinations and diseases the model is offered, its case and
 * experience bases give the retrieved material, and its answer stands in for any step the model
 * cannot answer. The follow-up learning is the offline staff's (MedAgent-Zero's bases).
 */
export class LlmClinician {
  constructor(
    readonly staff: ClinicalStaff,
    readonly llm: LlmDoctor,
    readonly lang: Lang = 'en',
    /** `reflect`: after a wrong diagnosis the model writes a lesson too (one more call, mistakes only). */
    readonly options: { reflect?: boolean } = {},
  ) {}

  /**
   * The patient's spoken reply to `question`, streamed as the model writes it (for speech
   * bubbles). Yields the whole reply so far each time it grows. If the reply ever names or
   * hints at the patient's disease the stream stops with an error, and the caller shows the
   * offline line instead.
   */
  async *streamReply(patient: Patient, question: string, ctx: StepContext): AsyncGenerator<string, void, void> {
    const kb = this.staff.kb;
    const lang = this.lang;
    const truth = kb.disease(patient.disease);
    const forbidden = [truth.name.en, truth.name.zh, ...truth.synonyms.en, ...truth.synonyms.zh]
      .map((n) => n.toLowerCase())
      .filter((n) => n.length >= 4 || /\p{Script=Han}/u.test(n));
    const termName = (t: TermId | string): string => kb.term(t).name[lang];
    let said = '';
    for await (const delta of this.llm.streamReply(ctx, {
      persona: basicInfo(patient, lang),
      facts: recordFacts(patient, termName, lang),
      question,
    })) {
      said += delta;
      const lower = said.toLowerCase();
      if (forbidden.some((n) => lower.includes(n))) throw new Error('the patient named its disease');
      yield said;
    }
  }

  /** One patient's whole way: triage, consultation, treatment and (when `learn`) the follow-up. */
  async consult(patient: Patient, options: { learn: boolean; signal?: AbortSignal }): Promise<LlmConsultationOutcome> {
    const meter = newMeter();
    const ctx: StepContext = { lang: this.lang, meter, ...(options.signal ? { signal: options.signal } : {}) };
    const transcript: TranscriptLine[] = [];
    const triage = await this.triage(patient, ctx, transcript);
    const visit = await this.examine(patient, triage.department, ctx, transcript);
    const outcome = await this.conclude(visit, ctx);
    if (options.learn) await this.followUp(visit, outcome, ctx);
    return outcome;
  }

  /**
   * The follow-up: the offline staff learn (case base, counts, their own reflection); with
   * `reflect`, the model also reflects on a mistake and its lesson is kept if it proves itself.
   */
  async followUp(visit: Visit, outcome: LlmConsultationOutcome, ctx: StepContext): Promise<void> {
    outcome.lesson = this.staff.followUp(visit.patient, visit.interview, visit.department, outcome.report);
    if (!this.options.reflect || outcome.correct) return;
    const doctor = this.staff.doctor(visit.department);
    const r = await this.llm.client.orOffline(
      'doctor-reflect',
      ctx.meter,
      () =>
        reflectWithModel(
          this.llm,
          doctor,
          { report: outcome.report, truth: outcome.truth, interview: visit.interview, consultation: this.staff.consultations },
          ctx,
        ),
      () => undefined,
    );
    if (r.value) {
      outcome.modelLesson = r.value;
      if (r.value.lesson) outcome.transcript.push({ speaker: 'doctor', text: r.value.lesson[this.lang], fromModel: true });
    }
  }

  /** The triage nurse's decision (the model's, or the offline nurse's when the model cannot). */
  async triage(
    patient: Patient,
    ctx: StepContext,
    transcript: TranscriptLine[] = [],
  ): Promise<{ department: DepartmentId; redFlag: boolean; fromModel: boolean }> {
    const kb = this.staff.kb;
    const cc = (patient.symptoms[0] as { term: TermId }).term;
    const r = await this.llm.client.orOffline(
      'triage',
      ctx.meter,
      () => this.llm.triage(ctx, { patient: shortDescription(patient, this.lang), complaint: cc }),
      () => ({
        department: this.staff.nurse.triage(cc),
        redFlag: this.staff.nurse.isRedFlag(cc),
      }),
    );
    transcript.push({
      speaker: 'nurse',
      text: `${kb.term(cc).name[this.lang]} → ${kb.department(r.value.department).name[this.lang]}`,
      fromModel: r.fromModel,
    });
    return { ...r.value, fromModel: r.fromModel };
  }

  /**
   * The consultation up to the examination orders: inquiry, the patient's replies, the orders
   * and their results (read at once; a world that makes examinations take time plays them out).
   */
  async examine(patient: Patient, department: DepartmentId, ctx: StepContext, transcript: TranscriptLine[] = []): Promise<Visit> {
    const kb = this.staff.kb;
    const lang = this.lang;
    const client = this.llm.client;
    const meter = ctx.meter ?? newMeter();
    const interview = new PatientInterview(patient, this.staff.reader);
    const who = shortDescription(patient, lang);
    const cc = interview.chiefComplaint;
    const termName = (t: TermId | string): string => kb.term(t).name[lang];

    // The offline doctor's view: retrieval, candidate lists, and the fallback answers.
    const doctor = this.staff.doctor(department);
    const offline = doctor.consult(interview);
    const lead = offline.differential.slice(0, LLM_CONSULT.leadDiseases).map((d) => kb.disease(d.disease));

    // Inquiry.
    const symptomCandidates = unique([...offline.questions.map((q) => q.term), ...lead.flatMap((d) => d.symptoms.map((s) => s.term))])
      .filter((t) => t !== cc && kb.term(t).kind === 'symptom')
      .slice(0, LLM_CONSULT.candidateSymptoms);
    const inquiry = await client.orOffline(
      'doctor-inquiry',
      meter,
      () =>
        this.llm.inquire(ctx, {
          department,
          patient: who,
          complaint: cc,
          answers: [{ term: cc, present: true }],
          candidates: symptomCandidates,
          max: LLM_CONSULT.maxQuestions,
        }),
      () => ({ questions: offline.questions.slice(1).map((q) => q.term), stop: true }),
    );
    const questions = [{ term: cc, present: true }, ...inquiry.value.questions.map((term) => ({ term, present: interview.ask(term) }))];

    // The patient answers from the record, in its own voice.
    const qa = questions.map((q) => ({
      question: questionText(termName(q.term), lang),
      fact: factText(q.present, interview.daysOf(q.term), lang),
    }));
    const truth = kb.disease(patient.disease);
    const voiced = await client.orOffline(
      'patient-roleplay',
      meter,
      () =>
        this.llm.roleplay(ctx, {
          persona: basicInfo(patient, lang),
          facts: recordFacts(patient, termName, lang),
          qa,
          forbidden: [truth.name.en, truth.name.zh, ...truth.synonyms.en, ...truth.synonyms.zh],
        }),
      () => qa.map((x) => x.fact),
    );
    qa.forEach((x, i) => {
      transcript.push({ speaker: 'doctor', text: x.question, fromModel: inquiry.fromModel });
      transcript.push({ speaker: 'patient', text: voiced.value[i] ?? x.fact, fromModel: voiced.fromModel });
    });
    // What the patient tells of its past when asked (the record's history, never its disease).
    const h = patient.history;
    const background = [...h.past, ...h.lifestyle, ...h.family, ...h.exposures, ...h.medications]
      .map((x) => x[lang])
      .slice(0, 6)
      .join('; ');
    const answers = questions
      .map((q) => `${termName(q.term)}: ${q.present ? (lang === 'zh' ? '有' : 'yes') : lang === 'zh' ? '无' : 'no'}`)
      .join('; ');
    const history = background ? `${answers}. ${lang === 'zh' ? '既往及生活史' : 'Background'}: ${background}` : answers;

    // Examinations.
    const bedside = new Set<string>(BEDSIDE_EXAMS);
    const examCandidates = unique<ExamId>([...offline.exams, ...lead.flatMap((d) => d.keyExams)])
      .filter((e) => !bedside.has(e) && (!kb.exam(e).sex || kb.exam(e).sex === patient.persona.sex))
      .slice(0, LLM_CONSULT.candidateExams);
    // With nothing beyond the bedside to offer there is nothing to ask the model.
    const ordered =
      examCandidates.length === 0
        ? { value: [] as ExamId[], fromModel: false }
        : await client.orOffline(
            'doctor-examine',
            meter,
            () => this.llm.orderExams(ctx, { department, patient: who, history, catalogue: examCandidates, max: LLM_CONSULT.maxExams }),
            () => offline.exams.filter((e) => !bedside.has(e)),
          );
    const exams = [...BEDSIDE_EXAMS, ...ordered.value.filter((e) => !bedside.has(e))];
    transcript.push({ speaker: 'doctor', text: exams.map((e) => kb.exam(e).name[lang]).join(', '), fromModel: ordered.fromModel });
    // What this consultation found out, and nothing more: the answers, and each examination's
    // findings — present ones, and (a normal result) the absence of those the leading diseases
    // would have shown there. The doctors learn from this at follow-up.
    const observations = new Map<number, boolean>();
    const severityEvidence: SeverityEvidence = { deviation: 0, values: [], burden: interview.rateBurden() };
    for (const q of questions) observations.set(kb.termIndex(q.term), q.present);
    const abnormal: string[] = [];
    for (const e of exams) {
      const report = interview.examine(e);
      const shown = new Set(report.findings.map((f) => kb.termIndex(f)));
      for (const d of lead)
        for (const t of doctor.beliefs.findingsOf(kb.diseaseIndex(d.id), e)) if (!shown.has(t)) observations.set(t, false);
      for (const f of report.findings) {
        observations.set(kb.termIndex(f), true);
        abnormal.push(termName(f));
      }
      for (const v of report.values) {
        const a = kb.analyte(v.analyte).analyte;
        if (v.value <= a.high && v.value >= a.low) continue;
        abnormal.push(`${a.name[lang]} ${v.value.toFixed(a.decimals)} ${a.unit} (${v.value > a.high ? '↑' : '↓'})`);
        // As the offline doctor measures it: range widths outside the range, capped at five.
        const width = a.high - a.low;
        severityEvidence.deviation += Math.min(5, (v.value > a.high ? v.value - a.high : a.low - v.value) / width);
        severityEvidence.values.push({ analyte: v.analyte, value: v.value });
      }
    }
    const results = `${lang === 'zh' ? '自评负担' : 'burden'} ${interview.rateBurden()}/10; ${abnormal.length > 0 ? unique(abnormal).join('; ') : lang === 'zh' ? '均正常' : 'all normal'}`;
    transcript.push({ speaker: 'results', text: results, fromModel: true });
    return {
      patient,
      department,
      interview,
      offline,
      questions,
      exams,
      observations,
      severityEvidence,
      history,
      results,
      who,
      lead,
      meter,
      transcript,
    };
  }

  /** Diagnosis (with the retrieved cases and experiences) and treatment: the outcome, scored. */
  async conclude(visit: Visit, ctx: StepContext): Promise<LlmConsultationOutcome> {
    const kb = this.staff.kb;
    const lang = this.lang;
    const client = this.llm.client;
    const { patient, department, offline, lead, meter, transcript, history, results, who, exams } = visit;
    const doctor = this.staff.doctor(department);
    const truth = kb.disease(patient.disease);
    const diseaseCandidates = unique<DiseaseId>([...lead.map((d) => d.id), ...lead.slice(0, 3).flatMap((d) => d.confusedWith)]).slice(
      0,
      LLM_CONSULT.candidateDiseases,
    );
    const cases: CaseSummary[] = offline.retrievedCases.map((c) => ({
      disease: c.disease,
      similarity: c.similarity,
      present: [...doctor.cases.get(c.id).present].map((t) => kb.terms[t]?.id as TermId),
    }));
    const diagnosis = await client.orOffline(
      'doctor-diagnose',
      meter,
      () =>
        this.llm.diagnose(ctx, {
          department,
          patient: who,
          history,
          results,
          candidates: diseaseCandidates,
          cases,
          experiences: offline.experiences.map((e) => e.text[lang]),
        }),
      () => ({ disease: offline.diagnosis, differential: offline.differential.slice(1, 3).map((d) => d.disease), thought: [] as string[] }),
    );
    const chosen = kb.disease(diagnosis.value.disease);
    for (const line of diagnosis.value.thought) transcript.push({ speaker: 'doctor', text: line, fromModel: true });
    transcript.push({ speaker: 'doctor', text: `${chosen.name[lang]} (${chosen.icd10})`, fromModel: diagnosis.fromModel });

    const treatment = await client.orOffline(
      'doctor-treat',
      meter,
      () => this.llm.treat(ctx, { disease: chosen.id, patient: who, results }),
      () => ({ escalate: offline.severe, plan: chosen.treatment.advice[lang] }),
    );
    transcript.push({ speaker: 'doctor', text: treatment.value.plan, fromModel: treatment.fromModel });

    const posterior = new Map(offline.differential.map((d) => [d.disease as string, d.probability]));
    const differential = unique<DiseaseId>([chosen.id, ...diagnosis.value.differential]).map((disease) => ({
      disease,
      probability: posterior.get(disease) ?? 0,
    }));
    const report: DiagnosisReport = {
      ...offline,
      questions: visit.questions,
      exams,
      differential,
      diagnosis: chosen.id,
      observations: visit.observations,
      severityEvidence: visit.severityEvidence,
      // Offline experiences judged by the model's diagnosis would be credited wrongly.
      fired: [],
      severe: treatment.value.escalate,
    };
    return {
      department,
      report,
      truth: truth.id,
      correct: chosen.id === truth.id,
      top3: differential.slice(0, 3).some((x) => x.disease === truth.id),
      examinationRight: exams.some((e) => truth.keyExams.includes(e)),
      treatmentRight: markTreatmentOf(this.staff, patient, { chosen, escalated: treatment.value.escalate }).right,
      escalated: treatment.value.escalate,
      meter,
      transcript,
      thought: diagnosis.value.thought,
      plan: treatment.value.plan,
    };
  }
}

/** A consultation paused after the examinations were ordered and read. */
export interface Visit {
  patient: Patient;
  department: DepartmentId;
  interview: PatientInterview;
  /** The offline doctor's own consultation: retrieval, candidates, fallbacks. */
  offline: DiagnosisReport;
  questions: { term: TermId; present: boolean }[];
  /** Bedside examinations first, then the ones ordered. */
  exams: ExamId[];
  observations: Map<number, boolean>;
  /** The abnormal values this consultation saw (the severity judge learns from them). */
  severityEvidence: SeverityEvidence;
  history: string;
  results: string;
  who: string;
  lead: ReturnType<ClinicalStaff['kb']['disease']>[];
  meter: LlmMeter;
  transcript: TranscriptLine[];
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

function shortDescription(patient: Patient, lang: Lang): string {
  const { age, sex } = patient.persona;
  if (lang === 'zh') return `${age}岁${sex === 'M' ? '男性' : '女性'}`;
  return `${age}-year-old ${sex === 'M' ? (age < 15 ? 'boy' : 'man') : age < 15 ? 'girl' : 'woman'}`;
}

function questionText(symptom: string, lang: Lang): string {
  return lang === 'zh' ? `有没有${symptom}？` : `Do you have ${symptom.toLowerCase()}?`;
}

function factText(present: boolean, days: number | undefined, lang: Lang): string {
  if (!present) return lang === 'zh' ? '没有' : 'no';
  const since = days === undefined ? '' : formatDuration(days, lang);
  return lang === 'zh' ? `有${since ? `，${since}` : ''}` : `yes${since ? `, for ${since}` : ''}`;
}

/** What the patient knows of itself: its complaints with durations and its history, never its disease. */
function recordFacts(patient: Patient, termName: (t: TermId) => string, lang: Lang): string {
  const symptoms = patient.symptoms.map((s) => `${termName(s.term)} (${formatDuration(s.days, lang)})`).join(', ');
  const h = patient.history;
  const items = [...h.past, ...h.lifestyle, ...h.family, ...h.medications]
    .map((x) => x[lang])
    .slice(0, 6)
    .join('; ');
  return lang === 'zh' ? `症状：${symptoms}。病史：${items || '无'}` : `symptoms: ${symptoms}. history: ${items || 'none'}`;
}
