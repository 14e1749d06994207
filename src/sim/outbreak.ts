import { z } from 'zod';
import { DiseaseId } from '../schema/ids';

/**
 * An outbreak on top of the hospital's normal traffic: patients of the chosen diseases arrive
 * at a rate that rises to a peak and falls away (the epidemic curve of a local surge, in
 * hours), drawn from their own patient stream so normal arrivals stay as they were.
 */
export const OutbreakSpec = z
  .strictObject({
    /** Diseases of the outbreak (knowledge-base ids); patients are balanced among them. */
    diseases: z.array(DiseaseId).min(1),
    /** Extra arrivals per hour at the peak of the surge. */
    peakPerHour: z.number().min(0).max(300),
    /** Sim hours (since day 0, 00:00) when the surge begins, peaks and is over. */
    startHour: z.number().min(0),
    peakHour: z.number().min(0),
    endHour: z.number().min(0),
    /** Patient seed of the outbreak's own stream (patient i of it is always the same). */
    patientSeed: z.number().int(),
  })
  .refine((s) => s.startHour < s.peakHour && s.peakHour < s.endHour, {
    message: 'the surge must begin before its peak and end after it',
    path: ['peakHour'],
  });
export type OutbreakSpec = z.infer<typeof OutbreakSpec>;

/** Arrivals per hour at sim minute `t`: a half-cosine rise to the peak and a half-cosine fall. */
export function surgeRate(s: OutbreakSpec, t: number): number {
  const hour = t / 60;
  if (hour <= s.startHour || hour >= s.endHour) return 0;
  const x = hour < s.peakHour ? (hour - s.startHour) / (s.peakHour - s.startHour) : (s.endHour - hour) / (s.endHour - s.peakHour);
  return s.peakPerHour * (1 - Math.cos(Math.PI * x)) * 0.5;
}

/** The running outbreak: how many of its patients are due, with fractions carried between ticks. */
export class OutbreakArrivals {
  private debt = 0;
  /** Outbreak patients admitted so far: the next one is patient `admitted` of the outbreak's seed. */
  admitted = 0;

  constructor(readonly spec: OutbreakSpec) {}

  /** Patients due in the tick that ends at sim minute `t` and lasted `dt` minutes. */
  due(t: number, dt: number): number {
    this.debt += (surgeRate(this.spec, t) * dt) / 60;
    const n = Math.floor(this.debt);
    this.debt -= n;
    return n;
  }
}
