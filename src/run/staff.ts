import type { DepartmentId, DiseaseId } from '../schema/ids';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { markTreatmentOf } from '../knowledge/clinicalRules';
import { buildTextbook, type Textbook } from '../knowledge/textbook';
import { OfflineDoctor, type DiagnosisReport } from '../brain/offline/doctor';
import { reflect } from '../brain/offline/reflection';
import { TriageNurse } from '../brain/offline/triage';
import { PatientInterview } from '../patients/interview';
import type { ExamReader } from '../patients/results';
import type { Patient } from '../patients/types';

/** After this many consultations a doctor's day ends and it reads up on what it confused. */
export const CONSULTATIONS_PER_DAY = 40;
/** Confusions a doctor studies each evening (the paper's "reading books" off-hours). */
export const READINGS_PER_DAY = 2;

export interface ConsultationOutcome {
  department: DepartmentId;
  report: DiagnosisReport;
  truth: DiseaseId;
  correct: boolean;
  /** The doctor's diagnosis was among its top three. */
  top3: boolean;
  /** The ordered examinations include one of the true disease's key examinations. */
  examinationRight: boolean;
  treatmentRight: boolean;
  escalated: boolean;
  lesson?: 'kept' | 'rejected';
}

/**
 * One consultation as a line of the event log whose hash fingerprints a run: the same in
 * `simulate`, in a shard, in the LLM run and in the page's fast-forward, so their hashes compare.
 */
export function consultationLine(patientId: string, o: Pick<ConsultationOutcome, 'department' | 'report' | 'correct'>): string {
  return `${patientId} ${o.department} ${o.report.diagnosis} ${o.correct ? 1 : 0} ${o.report.exams.join(',')}`;
}

/**
 * The hospital's offline clinical staff: one triage nurse and one doctor per department, each
 * learning from follow-ups (MedAgent-Zero). Headless: used by the CLI and the fast-forward.
 */
export class ClinicalStaff {
  readonly textbook: Textbook;
  readonly nurse: TriageNurse;
  readonly doctors = new Map<string, OfflineDoctor>();
  consultations = 0;
  private readonly confusions = new Map<string, Map<string, number>>();

  constructor(
    readonly kb: KnowledgeBase,
    readonly reader: ExamReader,
  ) {
    this.textbook = buildTextbook(kb);
    this.nurse = new TriageNurse(kb, this.textbook);
    for (const dep of kb.departments) this.doctors.set(dep.id, new OfflineDoctor(kb, this.textbook, dep.id));
  }

  doctor(department: DepartmentId | string): OfflineDoctor {
    const d = this.doctors.get(department);
    if (!d) throw new Error(`no doctor for department "${department}"`);
    return d;
  }

  /**
   * One patient's way through the hospital: triage, consultation, treatment and — when
   * `learn` — the follow-up that reveals the truth and the learning that follows.
   */
  consult(patient: Patient, learn: boolean): ConsultationOutcome {
    const kb = this.kb;
    const interview = new PatientInterview(patient, this.reader);
    const department = this.nurse.triage(interview.chiefComplaint);
    const doctor = this.doctor(department);
    const report = doctor.consult(interview);
    const truth = kb.disease(patient.disease);
    const chosen = kb.disease(report.diagnosis);
    const escalated = report.severe;
    const outcome: ConsultationOutcome = {
      department,
      report,
      truth: truth.id,
      correct: chosen.id === truth.id,
      top3: report.differential.slice(0, 3).some((x) => x.disease === truth.id),
      examinationRight: report.exams.some((e) => truth.keyExams.includes(e)),
      treatmentRight: markTreatmentOf(this, patient, { chosen, escalated }).right,
      escalated,
    };
    if (learn) outcome.lesson = this.followUp(patient, interview, department, report);
    return outcome;
  }

  /**
   * The follow-up: a rightly treated patient recovers; a wrongly treated one returns worse, and
   * either way the hospital now knows the true disease. The nurse and the doctor learn from it.
   */
  followUp(
    patient: Patient,
    interview: PatientInterview,
    department: DepartmentId,
    report: DiagnosisReport,
  ): 'kept' | 'rejected' | undefined {
    const kb = this.kb;
    const doctor = this.doctor(department);
    const truth = kb.disease(patient.disease);
    const truthIndex = kb.diseaseIndex(truth.id);
    const chosen = kb.disease(report.diagnosis);
    this.consultations += 1;
    this.nurse.learn(interview.chiefComplaint, truth.department);
    doctor.learn(truthIndex, report, interview.ageBand, interview.male);
    let present = 0;
    for (const p of report.observations.values()) if (p) present++;
    doctor.severity.learn(truthIndex, report.severityEvidence, present, patient.severity);
    let lesson: 'kept' | 'rejected' | undefined;
    if (chosen.id === truth.id) {
      const present: number[] = [];
      const absent: number[] = [];
      for (const [t, p] of report.observations) (p ? present : absent).push(t);
      doctor.cases.add({
        disease: truthIndex,
        present,
        absent,
        ageBand: interview.ageBand,
        male: interview.male,
        consultation: this.consultations,
      });
    } else {
      this.noteConfusion(department, truth.id, chosen.id);
      const r = reflect(doctor, this.textbook, report, truthIndex, interview, this.consultations);
      lesson = r.experience ? 'kept' : 'rejected';
    }
    if (doctor.consultations % CONSULTATIONS_PER_DAY === 0) this.readBooks(doctor);
    return lesson;
  }

  private noteConfusion(department: string, truth: DiseaseId, chosen: DiseaseId): void {
    const byPair = this.confusions.get(department) ?? new Map<string, number>();
    byPair.set(`${truth}|${chosen}`, (byPair.get(`${truth}|${chosen}`) ?? 0) + 1);
    this.confusions.set(department, byPair);
  }

  /** Off-hours: the doctor reads the reference entries of the diseases it confused most today. */
  private readBooks(doctor: OfflineDoctor): void {
    const byPair = this.confusions.get(doctor.department);
    if (!byPair || byPair.size === 0) return;
    const worst = [...byPair].sort((a, b) => b[1] - a[1]).slice(0, READINGS_PER_DAY);
    for (const [pair] of worst) {
      for (const id of pair.split('|')) {
        const d = this.kb.diseaseIndex(id);
        if (!doctor.beliefs.hasStudied(d)) doctor.beliefs.study(d);
      }
    }
    byPair.clear();
  }

  get caseBaseSize(): number {
    let n = 0;
    for (const d of this.doctors.values()) n += d.cases.size;
    return n;
  }

  get experienceBaseSize(): number {
    let n = 0;
    for (const d of this.doctors.values()) n += d.experiences.active;
    return n;
  }
}
