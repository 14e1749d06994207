import type { Patient } from '../patients/types';
import type { Layout, Point } from './layout';
import type { Rng } from './rng';

/** Where a patient is served, one at a time: a desk, a consulting room, an examination room. */
export type ServiceId = 'triage' | 'registration' | 'pharmacy' | `consult:${string}` | `exam:${string}`;

/** What the world asked the brain and is waiting for (DESIGN.md: asked, never awaited inside a tick). */
export type BrainRequest =
  | { id: number; kind: 'triage'; patient: string; complaint: string }
  | { id: number; kind: 'consult'; patient: string; department: string; resumeAfterExam?: string }
  | { id: number; kind: 'follow-up'; patient: string; department: string; consultRequest: number };

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
  | { kind: 'consulting'; department: string; lines: { term: string; present: boolean }[]; nextLineAt: number; then: ConsultNext }
  | { kind: 'waiting-result'; exam: string; until: number }
  | { kind: 'to-exit' }
  | { kind: 'home'; until: number; reason: 'results' | 'follow-up' }
  | { kind: 'discharged' };

export type ConsultNext =
  { kind: 'exam'; exam: string } | { kind: 'diagnosis'; disease: string; probability: number; severe: boolean; request: number };

export interface PatientAgent {
  id: string;
  /** The generated patient, hidden truth included: the world knows it, the doctors never see it. */
  record: Patient;
  visit: number;
  pos: Point;
  route: readonly Point[];
  /** Progress along `route`, in tiles. */
  routeAt: number;
  stage: Stage;
  department?: string;
  /** The consultation's first brain request: the key its follow-up is learned under. */
  consultRequest?: number;
  diagnosis?: { disease: string; severe: boolean };
  /** The examination ordered and not yet done, and the one just done (the doctor resumes with it). */
  pendingExam?: string;
  pendingExamDone?: string;
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
  patients: Map<string, PatientAgent>;
  staff: StaffAgent[];
  queues: Map<ServiceId, string[]>;
  /** Who each service is serving now (several at once where capacity allows). */
  busy: Map<ServiceId, string[]>;
  seatsTaken: (string | undefined)[];
  requests: BrainRequest[];
  nextRequest: number;
  /** Patients generated so far: patient i of the world's patient seed. */
  generated: number;
  /** Fractional arrivals carried between ticks. */
  arrivalDebt: number;
  stats: { arrived: number; consultations: number; followedUp: number; correct: number; consultationsToday: number; day: number };
}
