import type { Lang } from '../schema/common';
import type { DepartmentId, DiseaseId, ExamId, TermId } from '../schema/ids';
import { ageBandIndexOf } from '../schema/knowledge';
import type { PatientView } from '../brain/offline/patientView';
import { Differential } from '../brain/offline/differential';
import { nextExam } from '../brain/offline/choices';
import type { DiagnosisReport } from '../brain/offline/doctor';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import type { VocabularyMatcher } from '../language/matcher';
import type { ClinicalStaff } from '../run/staff';
import {
  BEDSIDE_EXAMS,
  EMERGENCY_SYMPTOMS,
  PAEDIATRICS,
  pastPaediatrics,
  isPresentingComplaint,
  redFlagsAmong,
} from '../knowledge/clinicalRules';
import { openWorldOf } from '../run/openWorldOf';
import { presentingOf } from '../brain/offline/openWorld';
import { EMERGENCY } from '../sim/services';

/** The doctor wants an answer it does not have yet (the replay stops here). */
class NeedsAnswer {
  constructor(readonly term: TermId) {}
}
/** The doctor has finished asking and would now examine the person (which a consultation cannot). */
class InquiryOver {}

/**
 * A PatientView answered by a real person. The offline doctor's consultation is a synchronous
 * generator that calls `ask`; a person answers later. So the consultation is replayed from the
 * start with every answer given so far (the doctor is deterministic, so it asks the same
 * questions in the same order) until it asks something new (`NeedsAnswer`) or finishes its
 * inquiry and reaches for an examination (`InquiryOver`).
 */
class HumanAnsweredView implements PatientView {
  constructor(
    readonly ageBand: number,
    readonly male: boolean,
    readonly chiefComplaint: TermId,
    private readonly answers: ReadonlyMap<TermId, boolean>,
    /** Symptoms only the other sex can have: answered "no" without troubling the person. */
    private readonly impossible: (term: TermId) => boolean,
  ) {}
  ask(term: TermId): boolean {
    if (this.impossible(term)) return false;
    const a = this.answers.get(term);
    if (a === undefined) throw new NeedsAnswer(term);
    return a;
  }
  /** A person is not asked to rate the burden: it only matters once results are in. */
  rateBurden(): number {
    return 5;
  }
  examine(): never {
    throw new InquiryOver();
  }
}

export interface ConsultPerson {
  age: number;
  sex: 'M' | 'F';
  lang: Lang;
}

export type ConsultStep =
  { kind: 'question'; term: TermId; asked: number } | { kind: 'advice'; advice: ConsultAdvice } | { kind: 'not-understood' };

export interface ConsultAdvice {
  /** Red flags the person reported: any one means "seek emergency care now". */
  redFlags: TermId[];
  emergency: boolean;
  department: DepartmentId;
  differential: { disease: DiseaseId; probability: number; supporting: TermId[]; against: TermId[] }[];
  /** The examinations that would best tell the leading possibilities apart. */
  exams: ExamId[];
  retrievedCases: DiagnosisReport['retrievedCases'];
  experiences: DiagnosisReport['experiences'];
  /** Probability that the illness is none the hospital knows. */
  outside: number;
  /** The doctor says this may be outside its knowledge. */
  saysUnknown: boolean;
}

/**
 * A health consultation between a person and the hospital's virtual doctor: free text first
 * (read by the vocabulary matcher), then the doctor's questions one at a time, then its advice.
 * A red flag at any point ends the interview with "seek emergency care now".
 */
export class HumanConsultation {
  readonly answers = new Map<TermId, boolean>();
  /** Order in which things were learned (free text, then answers). */
  readonly order: TermId[] = [];
  chiefComplaint: TermId | undefined;
  department: DepartmentId | undefined;
  /** Free text the matcher could not read at all. */
  readonly unread: string[] = [];

  constructor(
    readonly staff: ClinicalStaff,
    readonly matcher: VocabularyMatcher,
    readonly person: ConsultPerson,
  ) {}

  private get ageBand(): number {
    return ageBandIndexOf(this.person.age);
  }

  /**
   * Reads what the person typed: every symptom or finding they say they have or do not have
   * (a relative's illness and past history are not theirs now). `exclude` holds readings the
   * person removed as wrong.
   */
  tell(text: string, exclude: ReadonlySet<TermId> = new Set()): TermId[] {
    const reading = this.matcher.understand(text, /\p{Script=Han}/u.test(text) ? 'zh' : this.person.lang);
    const own = reading.spans.filter((s) => s.subject === 'patient' && s.temporality === 'current' && !exclude.has(s.term));
    if (own.length === 0 && text.trim()) this.unread.push(text.trim());
    for (const s of own) this.record(s.term, s.present);
    return own.map((s) => s.term);
  }

  /** Takes back a reading the person says was wrong; the complaint is chosen again from what is left. */
  forget(term: TermId): void {
    if (!this.answers.delete(term)) return;
    this.order.splice(this.order.indexOf(term), 1);
    if (this.chiefComplaint !== term) return;
    this.chiefComplaint = undefined;
    this.department = undefined;
    const next = this.order.find((t) => this.answers.get(t) && isPresentingComplaint(this.staff.kb, t));
    if (next) {
      this.chiefComplaint = next;
      this.department = consultDepartment(this.staff, next, this.person.age);
    }
  }

  /** The person's answer to the doctor's question. */
  answer(term: TermId, present: boolean): void {
    this.record(term, present);
  }

  private record(term: TermId, present: boolean): void {
    if (!this.answers.has(term)) this.order.push(term);
    // A later "yes" overrides an earlier denial ("no pain… well, some pain").
    this.answers.set(term, present || (this.answers.get(term) ?? false));
    if (present && !this.chiefComplaint && isPresentingComplaint(this.staff.kb, term)) {
      this.chiefComplaint = term;
      this.department = consultDepartment(this.staff, term, this.person.age);
    }
  }

  get present(): TermId[] {
    return this.order.filter((t) => this.answers.get(t));
  }

  /** What happens next: the doctor's next question, or its advice. */
  next(): ConsultStep {
    if (!this.chiefComplaint || !this.department) return { kind: 'not-understood' };
    const early = redFlagsAmong(this.staff, this.present);
    if (early.length > 0) return { kind: 'advice', advice: this.advice() };
    const doctor = this.staff.doctor(this.department);
    const kb = this.staff.kb;
    const view = new HumanAnsweredView(this.ageBand, this.person.sex === 'M', this.chiefComplaint, this.answers, (t) => {
      const sex = kb.term(t).sex;
      return sex !== undefined && sex !== this.person.sex;
    });
    try {
      const steps = doctor.consultation(view);
      let step = steps.next();
      while (!step.done) step = steps.next();
    } catch (signal) {
      if (signal instanceof NeedsAnswer) return { kind: 'question', term: signal.term, asked: this.order.length };
      if (!(signal instanceof InquiryOver)) throw signal;
    }
    return { kind: 'advice', advice: this.advice() };
  }

  /** The doctor's view of what it heard: differential, why, what to examine, where to go. */
  advice(): ConsultAdvice {
    const kb = this.staff.kb;
    const department = this.department ?? EMERGENCY;
    const doctor = this.staff.doctor(department);
    const male = this.person.sex === 'M';
    const observations = new Map<number, boolean>();
    for (const [t, p] of this.answers) observations.set(kb.termIndex(t), p);
    const report = doctor.diagnoseFrom(observations, this.ageBand, male);
    // The differential runs over the whole knowledge base at real base rates; the department is a soft prior.
    const presenting = presentingOf(kb, this.chiefComplaint ? [kb.termIndex(this.chiefComplaint)] : []);
    const open = openWorldOf(this.staff).diagnose(observations, this.ageBand, male, { department, presenting });
    const differential = possibleDifferential(kb, open.differential, this.person.sex).map(({ disease, probability }) => {
      const d = kb.diseaseIndex(disease);
      const features = doctor.beliefs.featuresOf(d);
      const supporting = this.present.filter((t) => features.has(kb.termIndex(t)));
      const against = this.order.filter((t) => this.answers.get(t) === false && doctor.beliefs.isTypical(d, kb.termIndex(t)));
      return { disease, probability, supporting, against };
    });
    const redFlags = redFlagsAmong(
      this.staff,
      this.present,
      differential.filter((x) => x.probability >= 0.3).map((x) => x.disease),
    );
    const lead = differential[0];
    const toDepartment =
      redFlags.length > 0 ? EMERGENCY : lead && lead.probability >= 0.3 ? kb.disease(lead.disease).department : department;
    return {
      redFlags,
      emergency: redFlags.length > 0,
      department: toDepartment,
      differential,
      exams: this.separatingExams(observations, 3),
      retrievedCases: report.retrievedCases,
      experiences: report.experiences,
      outside: open.outside,
      saysUnknown: open.saysUnknown,
    };
  }

  private separatingExams(observations: ReadonlyMap<number, boolean>, n: number): ExamId[] {
    const doctor = this.staff.doctor(this.department ?? EMERGENCY);
    return separatingExams(this.staff, doctor.department, observations, this.ageBand, this.person.sex === 'M', n);
  }
}

/**
 * The differential without the diseases this person's sex rules out (a population that is all
 * men or all women), renormalised. The textbook doctor learns sex ratios only from patients
 * seen, so a new doctor can still put prostatitis before a woman; a person deserves better.
 */
export function possibleDifferential<T extends { disease: DiseaseId; probability: number }>(
  kb: KnowledgeBase,
  differential: readonly T[],
  sex: 'M' | 'F',
): T[] {
  const kept = differential.filter((x) => {
    const male = kb.disease(x.disease).population.male;
    return sex === 'M' ? male > 0 : male < 1;
  });
  const total = kept.reduce((s, x) => s + x.probability, 0);
  const whole = differential.reduce((s, x) => s + x.probability, 0);
  return total > 0 ? kept.map((x) => ({ ...x, probability: (x.probability / total) * whole })) : kept;
}

/**
 * Where a person with this complaint is seen. The nurse sends her red-flag complaints to
 * Emergency; some of those (hoarseness, for anaphylaxis) are everyday complaints on their own,
 * so unless the complaint is on the emergency list the department whose textbook diseases list
 * it as typical most often is chosen instead.
 */
export function consultDepartment(staff: ClinicalStaff, complaint: TermId, ageYears?: number): DepartmentId {
  const nurse = staff.nurse.triage(complaint, ageYears);
  if (nurse !== EMERGENCY || (EMERGENCY_SYMPTOMS as readonly string[]).includes(complaint)) return nurse;
  const adult = pastPaediatrics(ageYears);
  const votes = new Map<DepartmentId, number>();
  for (const e of staff.textbook)
    if (e.department !== EMERGENCY && e.typicalSymptoms.includes(complaint) && !(adult && e.department === PAEDIATRICS))
      votes.set(e.department, (votes.get(e.department) ?? 0) + 1);
  return [...votes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? nurse;
}

/** The `n` examinations, in order, that the doctor would order to separate its differential. */
export function separatingExams(
  staff: ClinicalStaff,
  department: DepartmentId,
  observations: ReadonlyMap<number, boolean>,
  ageBand: number,
  male: boolean,
  n: number,
): ExamId[] {
  const doctor = staff.doctor(department);
  const diff = new Differential(doctor.beliefs, doctor.prior(ageBand, male));
  for (const [t, p] of observations) diff.observe(t, p);
  const done = new Set<string>(BEDSIDE_EXAMS);
  const out: ExamId[] = [];
  for (let i = 0; i < n; i++) {
    const e = nextExam(staff.kb, doctor.beliefs, diff, done, []);
    if (!e) break;
    done.add(e);
    out.push(e as ExamId);
  }
  return out;
}
