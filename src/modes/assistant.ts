import type { Lang } from '../schema/common';
import type { DepartmentId, DiseaseId, ExamId, TermId } from '../schema/ids';
import { ageBandIndexOf } from '../schema/knowledge';
import type { DiagnosisReport } from '../brain/offline/doctor';
import type { VocabularyMatcher } from '../language/matcher';
import { ValueReader } from '../knowledge/valueReader';
import { CaseEvaluator, type EvaluatedCase } from '../run/evaluate';
import { presentingOf } from '../brain/offline/openWorld';
import type { ClinicalStaff } from '../run/staff';
import { possibleDifferential, separatingExams } from './humanConsult';
import { chiefComplaintAmong, redFlagsAmong } from '../knowledge/clinicalRules';
import { openWorldOf } from '../run/openWorldOf';
import { EMERGENCY } from '../sim/services';

/** A case as a clinician enters it: structured demographics and free-text lines. */
export interface ClinicianCase {
  age: number;
  sex: 'M' | 'F';
  lang: Lang;
  complaint: string;
  /** Other symptoms, history, negatives ("no fever"), one per line or comma-separated. */
  history: string;
  /** Examination findings and results, "CRP: 85 mg/L" or "chest X-ray shows consolidation". */
  findings: string;
  /** Readings the clinician removed as wrong: left out of the case. */
  exclude?: readonly TermId[];
}

export interface AssistantAnswer {
  department: DepartmentId;
  differential: { disease: DiseaseId; probability: number }[];
  exams: ExamId[];
  retrievedCases: DiagnosisReport['retrievedCases'];
  experiences: DiagnosisReport['experiences'];
  mapped: EvaluatedCase['mapped'];
  unmapped: string[];
  redFlags: TermId[];
  /** Probability that the illness is none the hospital knows. */
  outside: number;
  /** The assistant says the case may be outside its knowledge. */
  saysUnknown: boolean;
}

/**
 * The clinician's assistant: reads the case with the same phrase mapping the `evaluate`
 * command uses (matcher, loose paraphrases, measured values), lets the triage nurse pick the
 * department, and asks that department's evolved doctor for its differential, the examinations
 * that would best separate it, and the cases and experiences it retrieved.
 */
export class DoctorAssistant {
  private readonly values: ValueReader;

  constructor(
    readonly staff: ClinicalStaff,
    readonly matcher: VocabularyMatcher,
  ) {
    this.values = new ValueReader(staff.kb);
  }

  assess(c: ClinicianCase): AssistantAnswer {
    if (!Number.isFinite(c.age) || c.age < 0 || c.age > 120) throw new Error(`age: ${c.age} is not an age in years (0–120)`);
    const kb = this.staff.kb;
    const lines = (s: string): string[] =>
      s
        .split(/[\n;；]+/)
        .map((x) => x.trim())
        .filter(Boolean);
    const evaluator = new CaseEvaluator(kb, this.staff, this.matcher, this.values);
    const evaluated = evaluator.evaluate({
      id: 'case',
      age: c.age,
      sex: c.sex,
      language: c.lang,
      chiefComplaint: c.complaint,
      history: '',
      symptoms: lines(c.history),
      negatives: [],
      findings: lines(c.findings),
    });
    const observations = new Map<number, boolean>();
    const excluded = new Set<string>(c.exclude ?? []);
    for (const m of evaluated.mapped)
      for (const t of m.terms)
        if (!excluded.has(t.id) && (!observations.has(kb.termIndex(t.id)) || t.present)) observations.set(kb.termIndex(t.id), t.present);
    const present = [...observations].filter(([, p]) => p).map(([t]) => kb.terms[t]?.id as TermId);
    const complaint = chiefComplaintAmong(kb, present) as TermId | undefined;
    const department = complaint ? this.staff.nurse.triage(complaint, c.age) : EMERGENCY;
    const ageBand = ageBandIndexOf(c.age);
    const report = this.staff.doctor(department).diagnoseFrom(observations, ageBand, c.sex === 'M');
    // What the clinician wrote first is what the diagnosis must explain.
    const told = (evaluated.mapped[0]?.terms ?? []).filter((t) => t.present && !excluded.has(t.id)).map((t) => kb.termIndex(t.id));
    const open = openWorldOf(this.staff).diagnose(observations, ageBand, c.sex === 'M', { department, presenting: presentingOf(kb, told) });
    const differential = possibleDifferential(kb, open.differential, c.sex);
    return {
      department,
      differential,
      exams: separatingExams(this.staff, department, observations, ageBand, c.sex === 'M', 3),
      retrievedCases: report.retrievedCases,
      experiences: report.experiences,
      mapped: evaluated.mapped,
      unmapped: evaluated.unmapped,
      redFlags: redFlagsAmong(
        this.staff,
        present,
        differential.filter((x) => x.probability >= 0.3).map((x) => x.disease),
      ),
      outside: open.outside,
      saysUnknown: open.saysUnknown,
    };
  }
}
