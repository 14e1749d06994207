import { z } from 'zod';

/** Relative arrivals by hour of day: outpatient clinics peak mid-morning and again after lunch. */
const CLINIC_DAY = [
  0.1, 0.05, 0.05, 0.05, 0.05, 0.1, 0.2, 0.5, 1.0, 1.0, 0.9, 0.7, 0.4, 0.6, 0.8, 0.7, 0.5, 0.4, 0.3, 0.3, 0.25, 0.2, 0.15, 0.1,
];

/** The world's tunables, with their units. Parsed with zod: a bad setting is refused by name. */
/** A hospital triage policy: patients opening with one of these complaints go straight to `department`. */
export const TriageRule = z.strictObject({ complaints: z.array(z.string()).min(1), department: z.string() });
export type TriageRule = z.infer<typeof TriageRule>;

export const SimConfig = z.strictObject({
  /** Walking speed: a tile is about a metre; people walk about a metre a second. */
  walkTilesPerMinute: z.number().positive().default(60),
  /** A nurse's average triage, seed paper. */
  triageMinutes: z.number().positive().default(3),
  registrationMinutes: z.number().positive().default(2),
  /** One question and its answer in the consulting room. */
  questionMinutes: z.number().positive().default(1),
  /** Explaining the diagnosis and writing the prescription. */
  diagnosisMinutes: z.number().positive().default(3),
  pharmacyMinutes: z.number().positive().default(4),
  /** Longest time a patient spends inside an examination room; the report may take longer. */
  maxMinutesInExamRoom: z.number().positive().default(30),
  /** A blood or swab sample is taken in minutes; the laboratory reports later. */
  sampleMinutes: z.number().positive().default(4),
  /** Patients served at once: several phlebotomy chairs, two ultrasound and X-ray rooms, one of everything else. */
  capacity: z
    .record(z.string(), z.number().int().positive())
    .default({ 'exam:laboratory': 4, 'exam:ultrasound': 2, 'exam:radiology': 2, pharmacy: 2 }),
  /** Reports slower than this send the patient home to come back for the result. */
  maxWaitForResultMinutes: z.number().positive().default(240),
  /** Peak arrivals per hour; the day curve scales it hour by hour. */
  arrivalsPerHour: z.number().nonnegative().default(12),
  dayCurve: z.array(z.number().nonnegative()).length(24).default(CLINIC_DAY),
  /** The hospital stops admitting when this many patients are inside (the rest wait at home). */
  maxPatientsInside: z.number().int().positive().default(150),
  /** Days from going home to the follow-up that reveals the outcome. */
  followUpDays: z.tuple([z.number().positive(), z.number().positive()]).default([3, 7]),
  /** Seed of the world's own randomness (arrivals, which patient); patient i of `patientSeed` is always the same. */
  seed: z.number().int().default(1),
  patientSeed: z.number().int().default(1),
  /** Who walks in: arrivals at real base rates (common things are common), or every disease equally often. */
  population: z.enum(['balanced', 'realistic']).default('realistic'),
  /** Triage policies applied by the desk before the nurse is asked (e.g. a fever clinic's "fever → infectious diseases"). */
  triageRules: z.array(TriageRule).default([]),
});
export type SimConfig = z.infer<typeof SimConfig>;
