/**
 * Everything the world tells, past tense. Payloads carry ids (patient, department, term,
 * exam, disease); the views turn them into words in the reader's language.
 */
// A type alias, not an interface: mitt needs the implicit index signature.
export type SimEvents = {
  'patient:arrived': { patient: string; visit: number; complaint: string };
  'patient:triaged': { patient: string; department: string; redFlag: boolean };
  'patient:registered': { patient: string; department: string };
  'consultation:started': { patient: string; department: string; visit: number };
  'doctor:asked': { patient: string; department: string; term: string };
  'patient:answered': { patient: string; term: string; present: boolean };
  'exam:ordered': { patient: string; department: string; exam: string };
  'exam:started': { patient: string; exam: string; room: string };
  'exam:reported': { patient: string; exam: string; findings: string[] };
  'patient:diagnosed': { patient: string; department: string; disease: string; probability: number; severe: boolean; request: number };
  'patient:dispensed': { patient: string; disease: string };
  'patient:left': { patient: string };
  'patient:went-home-for-results': { patient: string; exam: string; until: number };
  'patient:followed-up': { patient: string; correct: boolean; truth: string; diagnosed: string; outcome: 'recovered' | 'worse' };
  'patient:returned': { patient: string; visit: number };
  'patient:discharged': { patient: string };
  'brain:requested': { id: number; kind: string; patient: string };
  'command:refused': { name: string; message: string };
};
export type SimEventName = keyof SimEvents;
