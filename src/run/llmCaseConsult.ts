import type { ExternalCase } from '../schema/cases';
import type { DiseaseId, ExamId, TermId } from '../schema/ids';
import { ageBandIndexOf } from '../schema/knowledge';
import type { LlmDoctor, StepContext } from '../brain/llm/doctor';
import { presentingOf, type OpenWorldAnswer } from '../brain/offline/openWorld';
import { BEDSIDE_EXAMS } from '../knowledge/clinicalRules';
import { referenceFeatures } from '../knowledge/epidemiology';
import type { CaseReading } from './evaluate';
import { openWorldOf } from './openWorldOf';
import type { ClinicalStaff } from './staff';

/** Bounds of a written case's consultation by the model: three calls at most. */
export const LLM_CASE = {
  maxQuestions: 8,
  maxExams: 4,
  candidateSymptoms: 24,
  candidateExams: 12,
  candidateDiseases: 10,
  leadDiseases: 8,
} as const;

export interface LlmCaseResult {
  differential: { disease: DiseaseId; probability: number }[];
  open: OpenWorldAnswer;
  /** Steps the offline brain answered because the model could not. */
  fallbacks: number;
  transcript: string[];
}

/**
 * A written case run as a consultation, in AgentClinic's manner: the model sees the person and
 * the chief complaint, asks about symptoms, and a patient agent answers only from the case text
 * ("yes" when the case says so, "not mentioned" otherwise: never an invented "no"); the model
 * orders examinations, whose results come from the case's findings or are "not done"; then it
 * diagnoses from the knowledge base's diseases that the open-world differential of what it
 * learned puts first. Any step the model cannot answer is answered offline.
 */
export async function consultCase(
  staff: ClinicalStaff,
  llm: LlmDoctor,
  c: ExternalCase,
  reading: CaseReading,
  ctx: StepContext,
): Promise<LlmCaseResult> {
  const kb = staff.kb;
  const lang = c.language;
  const band = ageBandIndexOf(c.age);
  const male = c.sex === 'M';
  const client = llm.client;
  const meter = ctx.meter;
  let fallbacks = 0;
  const transcript: string[] = [];
  const termName = (t: number | TermId): string => kb.term(typeof t === 'number' ? (kb.terms[t]?.id as TermId) : t).name[lang];
  const who = `${c.age} ${lang === 'zh' ? '岁' : 'years'}, ${c.sex === 'M' ? (lang === 'zh' ? '男' : 'male') : lang === 'zh' ? '女' : 'female'}`;
  const told = new Map<number, boolean>();
  for (const [t, p] of reading.observations) if (!reading.fromFindings.has(t)) told.set(t, p);
  // What the doctor knows so far: the chief complaint, then what it asks and what it examines.
  const known = new Map<number, boolean>();
  for (const t of reading.complaintTerms) known.set(t, true);
  const complaint = (reading.complaintTerms.map((t) => kb.terms[t]).find((t) => t?.kind === 'symptom')?.id ??
    kb.terms.find((t) => t.kind === 'symptom')?.id) as TermId;
  const lead = (): DiseaseId[] =>
    openWorldOf(staff)
      .diagnose(known, band, male, {
        department: reading.department,
        top: LLM_CASE.leadDiseases,
        presenting: presentingOf(staff.kb, reading.complaintTerms),
      })
      .differential.map((x) => x.disease);

  // Inquiry: the model chooses among the symptoms and history of the leading possibilities.
  const symptomCandidates = unique(
    lead().flatMap((d) =>
      referenceFeatures(kb.disease(d))
        .map(([t]) => t as TermId)
        .filter((t) => kb.term(t).kind === 'symptom'),
    ),
  )
    .filter((t) => !known.has(kb.termIndex(t)))
    .slice(0, LLM_CASE.candidateSymptoms);
  const inquiry = await client.orOffline(
    'doctor-inquiry',
    meter,
    () =>
      llm.inquire(ctx, {
        department: reading.department,
        patient: who,
        complaint,
        answers: [{ term: complaint, present: true }],
        candidates: symptomCandidates,
        max: LLM_CASE.maxQuestions,
      }),
    () => ({ questions: symptomCandidates.filter((t) => told.has(kb.termIndex(t))).slice(0, LLM_CASE.maxQuestions), stop: true }),
  );
  if (!inquiry.fromModel) fallbacks++;
  const answers: string[] = [];
  for (const term of inquiry.value.questions) {
    const t = kb.termIndex(term);
    const said = told.get(t);
    if (said !== undefined) known.set(t, said);
    answers.push(
      `${termName(term)}: ${said === undefined ? (lang === 'zh' ? '未提及' : 'not mentioned') : said ? (lang === 'zh' ? '有' : 'yes') : lang === 'zh' ? '无' : 'no'}`,
    );
  }
  transcript.push(...answers);

  // Examinations: the bedside ones are in the case as written; the rest are ordered.
  const examOf = (t: number): string | undefined => kb.terms[t]?.exam;
  const resultsOf = (exams: readonly string[]): string[] =>
    exams.map((e) => {
      const found = [...reading.fromFindings].filter((t) => examOf(t) === e && reading.observations.get(t) === true);
      for (const t of found) known.set(t, true);
      const name = kb.exam(e).name[lang];
      return found.length > 0 ? `${name}: ${found.map(termName).join(', ')}` : `${name}: ${lang === 'zh' ? '未做' : 'not done'}`;
    });
  const bedside = new Set<string>(BEDSIDE_EXAMS);
  const examCandidates = unique<ExamId>([
    ...lead().flatMap((d) => kb.disease(d).keyExams),
    ...[...reading.fromFindings].map((t) => examOf(t) as ExamId).filter(Boolean),
  ])
    .filter((e) => !bedside.has(e) && (!kb.exam(e).sex || kb.exam(e).sex === c.sex))
    .slice(0, LLM_CASE.candidateExams);
  const history = answers.join('; ') || (lang === 'zh' ? '无' : 'none');
  const ordered =
    examCandidates.length === 0
      ? { value: [] as ExamId[], fromModel: true }
      : await client.orOffline(
          'doctor-examine',
          meter,
          () =>
            llm.orderExams(ctx, {
              department: reading.department,
              patient: who,
              history,
              catalogue: examCandidates,
              max: LLM_CASE.maxExams,
            }),
          () => examCandidates.slice(0, LLM_CASE.maxExams),
        );
  if (!ordered.fromModel) fallbacks++;
  const results = resultsOf([...BEDSIDE_EXAMS, ...ordered.value]);
  transcript.push(...results);

  // Diagnosis among what the open world puts first given all the doctor learned.
  const presenting = presentingOf(staff.kb, reading.complaintTerms);
  const open = openWorldOf(staff).diagnose(known, band, male, {
    department: reading.department,
    top: LLM_CASE.candidateDiseases,
    presenting,
  });
  const candidates = open.differential.map((x) => x.disease);
  const diagnosis = await client.orOffline(
    'doctor-diagnose',
    meter,
    () =>
      llm.diagnose(ctx, {
        department: reading.department,
        patient: who,
        history,
        results: results.join('; '),
        candidates,
        cases: [],
        experiences: [],
      }),
    () => ({ disease: candidates[0] as DiseaseId, differential: candidates.slice(1, 5), thought: [] as string[] }),
  );
  if (!diagnosis.fromModel) fallbacks++;
  const probability = new Map(open.differential.map((x) => [x.disease as string, x.probability]));
  const ranked = unique<DiseaseId>([diagnosis.value.disease, ...diagnosis.value.differential, ...candidates]).slice(0, 5);
  return {
    differential: ranked.map((d) => ({ disease: d, probability: probability.get(d) ?? 0 })),
    open,
    fallbacks,
    transcript,
  };
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}
