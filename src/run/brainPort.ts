import type { DiagnosisReport, ConsultationStep } from '../brain/offline/doctor';
import { PatientInterview } from '../patients/interview';
import type { Simulation } from '../sim/simulation';
import type { BrainRequest } from '../sim/world';
import type { ClinicalStaff } from './staff';
import { referralFor } from '../knowledge/clinicalRules';
import type { DepartmentId, PatientId } from '../schema/ids';

interface Session {
  department: DepartmentId;
  interview: PatientInterview;
  steps: Generator<ConsultationStep, DiagnosisReport, void>;
  /** Questions already played in the world. */
  told: number;
  report?: DiagnosisReport;
}

/**
 * Connects the world to the offline brain: takes the requests the world posted, asks the
 * staff, and answers with commands. The doctor's consultation is a resumable sequence: it
 * pauses at each examination it orders and resumes when the world has the result.
 */
export class OfflineBrainPort {
  private readonly sessions = new Map<number, Session>();
  /** Consultation request id of each patient's current consultation. */
  private readonly current = new Map<PatientId, number>();
  /** Patients referred on in their current visit (a visit has one referral at most). */
  private readonly referred = new Set<PatientId>();

  constructor(
    readonly staff: ClinicalStaff,
    private readonly sim: Simulation,
  ) {}

  /**
   * The diagnosis report of a patient's consultation, by the request that `patient:diagnosed`
   * carries; kept until the follow-up has been learned from.
   */
  reportOf(patient: PatientId, consultRequest: number): DiagnosisReport | undefined {
    return (this.sessions.get(consultRequest) ?? this.sessions.get(this.current.get(patient) ?? -1))?.report;
  }

  /** Answers everything the world has asked since the last call. */
  answer(): void {
    for (const r of this.sim.takeRequests()) this.handle(r);
  }

  /** Answers one request (the language model's port hands over a request it could not finish). */
  handle(r: BrainRequest): void {
    switch (r.kind) {
      case 'triage': {
        const department = this.staff.nurse.triage(r.complaint);
        this.sim.dispatch('triage.decided', {
          request: r.id,
          patient: r.patient,
          department,
          redFlag: this.staff.nurse.isRedFlag(r.complaint),
        });
        return;
      }
      case 'consult':
        return this.consult(r);
      case 'follow-up': {
        // A consultation taken over from the model mid-way is filed under the request it resumed.
        const session = this.sessions.get(r.consultRequest) ?? this.sessions.get(this.current.get(r.patient) ?? -1);
        const record = this.sim.patientRecord(r.patient);
        if (session?.report && record) this.staff.followUp(record, session.interview, session.department, session.report);
        this.sessions.delete(r.consultRequest);
        this.sessions.delete(this.current.get(r.patient) ?? -1);
        this.current.delete(r.patient);
        this.referred.delete(r.patient);
        return;
      }
      default:
        r satisfies never;
    }
  }

  private consult(r: BrainRequest & { kind: 'consult' }): void {
    let key = this.current.get(r.patient);
    let session = key === undefined ? undefined : this.sessions.get(key);
    if (!session || r.resumeAfterExam === undefined) {
      const record = this.sim.patientRecord(r.patient);
      if (!record) return;
      const interview = new PatientInterview(record, this.staff.reader);
      const department = r.department;
      session = { department, interview, steps: this.staff.doctor(department).consultation(interview), told: 0 };
      key = r.id;
      this.sessions.set(key, session);
      this.current.set(r.patient, key);
    }
    const step = session.steps.next();
    const asked = step.value.questions;
    const dialogue = asked.slice(session.told).map((q) => ({ term: q.term, present: q.present }));
    session.told = asked.length;
    if (!step.done) {
      this.sim.dispatch('consult.answered', { request: r.id, patient: r.patient, dialogue, order: step.value.exam });
      return;
    }
    session.report = step.value;
    const top = step.value.differential[0];
    // The rule book: an illness of another department is referred there, once a visit.
    const to = referralFor(this.staff.kb, session.department, top, this.referred.has(r.patient));
    if (to) {
      this.referred.add(r.patient);
      this.current.delete(r.patient);
      this.sim.dispatch('consult.answered', { request: r.id, patient: r.patient, dialogue, refer: to });
      return;
    }
    this.sim.dispatch('consult.answered', {
      request: r.id,
      patient: r.patient,
      dialogue,
      diagnosis: { disease: step.value.diagnosis, probability: top?.probability ?? 0, severe: step.value.severe },
    });
  }
}
