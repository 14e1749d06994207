import type { Lang } from '../../schema/common';
import type { DepartmentId, DiseaseId, ExamId, TermId } from '../../schema/ids';
import type { KnowledgeBase } from '../../knowledge/knowledgeBase';
import { DiagnoseAnswer, ExamineAnswer, InquiryAnswer, ReflectAnswer, RoleplayAnswer, TreatAnswer, TriageAnswer } from './answers';
import { estimateTokens, type ChatMessage, type LlmClient } from './client';
import type { PromptBook } from './prompts';
import { resolveDepartment, resolveDisease, resolveExam, resolveTerm } from './resolve';
import type { LlmMeter } from './stats';

/** Token budgets of the retrieved material in the diagnosis prompt (the paper: 3 cases, 4 experiences). */
export const RETRIEVAL_BUDGET = { casesTokens: 220, experiencesTokens: 260 } as const;

/** What every step is told: the language, who asks, where its tokens are counted, how to stop it. */
export interface StepContext {
  lang: Lang;
  signal?: AbortSignal;
  meter?: LlmMeter;
}

export interface CaseSummary {
  disease: DiseaseId;
  similarity: number;
  present: readonly TermId[];
}

type Verdict<T> = { ok: true; value: T } | { ok: false; error: string };

/** Keeps whole lines while they fit in `tokens`; says how many were left out. */
export function withinBudget(lines: readonly string[], tokens: number, lang: Lang): string {
  const kept: string[] = [];
  let used = 0;
  for (const line of lines) {
    const t = estimateTokens(line);
    if (used + t > tokens) break;
    kept.push(line);
    used += t;
  }
  if (kept.length === 0) return lang === 'zh' ? '无' : 'none';
  const left = lines.length - kept.length;
  return kept.join('; ') + (left > 0 ? (lang === 'zh' ? `（另有${left}条未列出）` : ` (${left} more not shown)`) : '');
}

/**
 * The LLM's clinical tasks, one call each: prompt from `prompts/`, answer parsed with zod and
 * checked against the knowledge base. Each throws an LlmError when the model cannot give a
 * usable answer; the caller decides what the offline brain says instead.
 */
export class LlmDoctor {
  constructor(
    readonly kb: KnowledgeBase,
    readonly client: LlmClient,
    readonly prompts: PromptBook,
  ) {}

  private term(id: TermId | string, lang: Lang): string {
    return this.kb.term(id).name[lang];
  }

  private list<T extends string>(ids: readonly T[], name: (id: T) => string): string {
    return ids.map((id) => `${id}: ${name(id)}`).join('; ');
  }

  async triage(ctx: StepContext, a: { patient: string; complaint: TermId }): Promise<{ department: DepartmentId; redFlag: boolean }> {
    const departments = this.kb.departments.map((d) => (ctx.lang === 'zh' ? `${d.id}（${d.name.zh}）` : d.id)).join(', ');
    const messages = this.prompts.render('triage', ctx.lang, {
      patient: a.patient,
      complaint: this.term(a.complaint, ctx.lang),
      departments,
    });
    return this.ask('triage', ctx, messages, TriageAnswer, (v) => {
      const department = resolveDepartment(this.kb, v.department);
      return department
        ? { ok: true, value: { department, redFlag: v.redFlag } }
        : { ok: false, error: `department "${v.department}" is not in the list; use one of the ids given` };
    });
  }

  /** The doctor's next questions (symptom ids), or stop. Already-asked symptoms are dropped. */
  async inquire(
    ctx: StepContext,
    a: {
      department: DepartmentId;
      patient: string;
      complaint: TermId;
      answers: readonly { term: TermId; present: boolean }[];
      candidates: readonly TermId[];
      max: number;
    },
  ): Promise<{ questions: TermId[]; stop: boolean }> {
    const answered = new Set(a.answers.map((x) => x.term as string));
    const answers = a.answers
      .map((x) => `${this.term(x.term, ctx.lang)} ${x.present ? (ctx.lang === 'zh' ? '有' : 'yes') : ctx.lang === 'zh' ? '无' : 'no'}`)
      .join('; ');
    const messages = this.prompts.render('doctor-inquiry', ctx.lang, {
      department: this.kb.department(a.department).name[ctx.lang],
      patient: a.patient,
      complaint: this.term(a.complaint, ctx.lang),
      answers: answers || (ctx.lang === 'zh' ? '无' : 'none'),
      candidates: this.list(a.candidates, (t) => this.term(t, ctx.lang)),
      max: a.max,
    });
    return this.ask('doctor-inquiry', ctx, messages, InquiryAnswer, (v): Verdict<{ questions: TermId[]; stop: boolean }> => {
      const questions: TermId[] = [];
      const unknown: string[] = [];
      for (const q of v.questions) {
        const t = resolveTerm(this.kb, q);
        if (!t || this.kb.term(t).kind !== 'symptom') unknown.push(q);
        else if (!answered.has(t) && !questions.includes(t)) questions.push(t);
      }
      if (unknown.length > 0) return { ok: false, error: `not symptoms from the list: ${unknown.slice(0, 4).join(', ')}` };
      if (questions.length === 0 && !v.stop) return { ok: false, error: 'no new question and stop is false' };
      return { ok: true, value: { questions: questions.slice(0, a.max), stop: v.stop } };
    });
  }

  /**
   * The patient voices the record's answers. The facts are fixed by the record; the model only
   * words them, and a reply that names the disease is refused.
   */
  async roleplay(
    ctx: StepContext,
    a: { persona: string; facts: string; qa: readonly { question: string; fact: string }[]; forbidden: readonly string[] },
  ): Promise<string[]> {
    const questions = a.qa.map((x, i) => `${i + 1}. ${x.question} [${x.fact}]`).join('\n');
    const messages = this.prompts.render('patient-roleplay', ctx.lang, { persona: a.persona, facts: a.facts, questions });
    return this.ask('patient-roleplay', ctx, messages, RoleplayAnswer, (v): Verdict<string[]> => {
      if (v.replies.length !== a.qa.length) return { ok: false, error: `${a.qa.length} replies expected, got ${v.replies.length}` };
      // A name the record itself uses (a symptom called after the disease) is the patient's own word.
      const given = `${a.facts}\n${questions}`.toLowerCase();
      const forbidden = a.forbidden.map((f) => f.toLowerCase()).filter((f) => f.length >= 3 && !given.includes(f));
      const leak = v.replies.find((r) => forbidden.some((f) => r.reply.toLowerCase().includes(f)));
      if (leak) return { ok: false, error: 'a reply names a diagnosis; the patient does not know it' };
      return { ok: true, value: v.replies.map((r) => r.reply) };
    });
  }

  async orderExams(
    ctx: StepContext,
    a: { department: DepartmentId; patient: string; history: string; catalogue: readonly ExamId[]; max: number },
  ): Promise<ExamId[]> {
    const messages = this.prompts.render('doctor-examine', ctx.lang, {
      department: this.kb.department(a.department).name[ctx.lang],
      patient: a.patient,
      history: a.history,
      catalogue: this.list(a.catalogue, (e) => this.kb.exam(e).name[ctx.lang]),
      max: a.max,
    });
    return this.ask('doctor-examine', ctx, messages, ExamineAnswer, (v): Verdict<ExamId[]> => {
      const exams: ExamId[] = [];
      const unknown: string[] = [];
      for (const x of v.exams) {
        const e = resolveExam(this.kb, x);
        if (!e) unknown.push(x);
        else if (!exams.includes(e)) exams.push(e);
      }
      if (unknown.length > 0) return { ok: false, error: `not in the catalogue: ${unknown.slice(0, 4).join(', ')}` };
      return { ok: true, value: exams.slice(0, a.max) };
    });
  }

  async diagnose(
    ctx: StepContext,
    a: {
      department: DepartmentId;
      patient: string;
      history: string;
      results: string;
      candidates: readonly DiseaseId[];
      cases: readonly CaseSummary[];
      experiences: readonly string[];
    },
  ): Promise<{ disease: DiseaseId; differential: DiseaseId[]; thought: string[] }> {
    const lang = ctx.lang;
    const candidates = a.candidates.map((id) => {
      const d = this.kb.disease(id);
      return `${d.id} | ${d.icd10} | ${d.name[lang]}`;
    });
    const cases = a.cases.map(
      (c) =>
        `${this.kb.disease(c.disease).name[lang]} (${c.similarity.toFixed(2)}): ${c.present
          .slice(0, 6)
          .map((t) => this.term(t, lang))
          .join(', ')}`,
    );
    const messages = this.prompts.render('doctor-diagnose', lang, {
      department: this.kb.department(a.department).name[lang],
      patient: a.patient,
      history: a.history,
      results: a.results,
      candidates: candidates.join('; '),
      cases: withinBudget(cases, RETRIEVAL_BUDGET.casesTokens, lang),
      experiences: withinBudget(a.experiences, RETRIEVAL_BUDGET.experiencesTokens, lang),
    });
    return this.ask('doctor-diagnose', ctx, messages, DiagnoseAnswer, (v) => {
      const disease = resolveDisease(this.kb, v.disease);
      if (!disease)
        return {
          ok: false,
          error: `disease "${v.disease}" is not in the knowledge base; answer with an id, name or ICD-10 code from the candidate list`,
        };
      const differential = v.differential
        .map((x) => resolveDisease(this.kb, x))
        .filter((x): x is DiseaseId => x !== undefined && x !== disease);
      return { ok: true, value: { disease, differential: [...new Set(differential)], thought: v.thought } };
    });
  }

  async treat(ctx: StepContext, a: { disease: DiseaseId; patient: string; results: string }): Promise<{ escalate: boolean; plan: string }> {
    const d = this.kb.disease(a.disease);
    const lang = ctx.lang;
    const firstLine = [d.treatment.drugs.map((x) => x.name[lang]).join(', '), d.treatment.advice[lang]].filter(Boolean).join('. ');
    const messages = this.prompts.render('doctor-treat', lang, {
      disease: d.name[lang],
      patient: a.patient,
      results: a.results,
      firstLine,
      severePlan: d.treatment.severe?.[lang] ?? (lang === 'zh' ? '无特殊' : 'nothing beyond the first line'),
    });
    return this.ask('doctor-treat', ctx, messages, TreatAnswer, (v) => ({ ok: true, value: v }));
  }

  /** Reflection on a mistake: a lesson in words plus its structured form (cue terms, an exam). */
  async reflect(
    ctx: StepContext,
    a: { chosen: DiseaseId; truth: DiseaseId; presentation: string },
  ): Promise<{ lesson: { en: string; zh: string }; cues: TermId[]; examine?: ExamId }> {
    const lang = ctx.lang;
    const truth = this.kb.disease(a.truth);
    const features = [...truth.symptoms.map((s) => s.term), ...truth.findings.map((f) => f.term)].slice(0, 14);
    const exams = [...new Set([...truth.keyExams, ...this.kb.disease(a.chosen).keyExams])];
    const messages = this.prompts.render('doctor-reflect', lang, {
      chosen: this.kb.disease(a.chosen).name[lang],
      truth: truth.name[lang],
      presentation: a.presentation,
      truthFeatures: this.list(features, (t) => this.term(t, lang)),
      exams: this.list(exams, (e) => this.kb.exam(e).name[lang]),
    });
    return this.ask('doctor-reflect', ctx, messages, ReflectAnswer, (v) => {
      const cues = v.cues.map((c) => resolveTerm(this.kb, c)).filter((t): t is TermId => t !== undefined);
      if (cues.length === 0) return { ok: false, error: 'cues must name at least one finding from the list' };
      const exam = v.examine ? resolveExam(this.kb, v.examine) : undefined;
      if (v.examine && !exam) return { ok: false, error: `examination "${v.examine}" is not in the list` };
      return { ok: true, value: { lesson: v.lesson, cues, ...(exam ? { examine: exam } : {}) } };
    });
  }

  /** The patient's spoken reply, streamed as it is written (for speech bubbles). */
  streamReply(ctx: StepContext, a: { persona: string; facts: string; question: string }): AsyncGenerator<string, void, void> {
    const messages = this.prompts.render('patient-dialogue', ctx.lang, a);
    return this.client.stream('patient-dialogue', messages, {
      ...(ctx.signal ? { signal: ctx.signal } : {}),
      ...(ctx.meter ? { meter: ctx.meter } : {}),
    });
  }

  private ask<S extends Parameters<LlmClient['complete']>[0]['schema'], T>(
    task: string,
    ctx: StepContext,
    messages: ChatMessage[],
    schema: S,
    check: (v: import('zod').infer<S>) => Verdict<T>,
  ): Promise<T> {
    return this.client.complete({
      task,
      messages,
      schema,
      check,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
      ...(ctx.meter ? { meter: ctx.meter } : {}),
    });
  }
}
