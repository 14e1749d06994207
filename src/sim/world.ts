import type { Patient } from '../patients/types';
import type { DepartmentId, DiseaseId, ExamId, PatientId, TermId } from '../schema/ids';
import type { Layout, Point } from './layout';
import type { Rng } from './rng';
import type { ServiceId } from './services';

export type { ServiceId } from './services';

/** What the world asked the brain and is waiting for (DESIGN.md: asked, never awaited inside a tick). */
export type BrainRequest =
  | { id: number; kind: 'triage'; patient: PatientId; complaint: TermId }
  | { id: number; kind: 'consult'; patient: PatientId; department: DepartmentId; resumeAfterExam?: ExamId }
  | { id: number; kind: 'follow-up'; patient: PatientId; department: DepartmentId; consultRequest: number };

/**
 * A patient's stage on the way through the hospital. Every change of stage is an event.
 * `to-*` stages walk a route and change on arrival; the others wait on a clock or a service.
 */
export type Stage =
  | { kind: 'to-queue'; at: ServiceId }
  | { kind: 'queued'; at: ServiceId; since: number }
  | { kind: 'to-service'; at: ServiceId }
  | { kind: 'in-service'; at: ServiceId; until: number }
  | { kind: 'awaiting-brain'; at: ServiceId; request: number }
  | { kind: 'consulting'; department: DepartmentId; lines: { term: TermId; present: boolean }[]; nextLineAt: number; then: ConsultNext }
  | { kind: 'waiting-result'; exam: ExamId; until: number }
  | { kind: 'to-exit' }
  | { kind: 'home'; until: number; reason: 'results' | 'follow-up' }
  | { kind: 'discharged' };

export type ConsultNext =
  | { kind: 'exam'; exam: ExamId }
  | { kind: 'diagnosis'; disease: DiseaseId; probability: number; severe: boolean; request: number }
  | { kind: 'refer'; to: DepartmentId };

export interface PatientAgent {
  id: PatientId;
  /** The generated patient, hidden truth included: the world knows it, the doctors never see it. */
  record: Patient;
  visit: number;
  pos: Point;
  route: readonly Point[];
  /** Progress along `route`, in tiles. */
  routeAt: number;
  stage: Stage;
  department?: DepartmentId;
  /** The doctor who referred the patient on, and its consultation's key: it learns from the follow-up too. */
  referredBy?: { department: DepartmentId; consultRequest: number };
  /** The consultation's first brain request: the key its follow-up is learned under. */
  consultRequest?: number;
  diagnosis?: { disease: DiseaseId; severe: boolean };
  /** The examination ordered and not yet done, and the one just done (the doctor resumes with it). */
  pendingExam?: ExamId;
  pendingExamDone?: ExamId;
  /** Waiting-room seat index while seated. */
  seat?: number;
  /** Patients back with results are seen before new ones. */
  priority: boolean;
}

export interface StaffAgent {
  id: string;
  role: 'triage-nurse' | 'registration-nurse' | 'doctor' | 'examiner' | 'pharmacist';
  room: string;
  department?: string;
  pos: Point;
}

export interface World {
  /** Sim minutes since day 0, 00:00. */
  time: number;
  rng: Rng;
  layout: Layout;
  patients: Map<PatientId, PatientAgent>;
  staff: StaffAgent[];
  queues: Map<ServiceId, PatientId[]>;
  /** Who each service is serving now (several at once where capacity allows). */
  busy: Map<ServiceId, PatientId[]>;
  seatsTaken: (PatientId | undefined)[];
  requests: BrainRequest[];
  nextRequest: number;
  /** Patients generated so far: patient i of the world's patient seed. */
  generated: number;
  /** Fractional arrivals carried between ticks. */
  arrivalDebt: number;
  stats: { arrived: number; consultations: number; followedUp: number; correct: number; consultationsToday: number; day: number };
}
