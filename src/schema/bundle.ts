import { z } from 'zod';
import { Bilingual, Slug } from './common';

/**
 * The saved state of the hospital's doctors: what `simulate --save` writes, `--load` and
 * `evaluate --bases` read, and the page exports and imports. Versioned; ids (not indexes) so a
 * bundle names the diseases and terms it speaks of and is refused by a knowledge base without them.
 */
export const BUNDLE_FORMAT = 'agent-hospital.bundle';
export const BUNDLE_VERSION = 1;

const Count = z.number().finite().nonnegative();
const IdCount = z.tuple([Slug, Count]);

export const BundleBeliefRow = z.strictObject({
  disease: Slug,
  patients: Count,
  male: Count,
  /** Patients per age band, in AGE_BANDS order. */
  bands: z.array(Count).length(7),
  /** [term, times asked or examined] and [term, times present]. */
  observed: z.array(IdCount),
  present: z.array(IdCount),
  /** The doctor has read the full reference entry of this disease. */
  studied: z.boolean(),
});

export const BundleCase = z.strictObject({
  disease: Slug,
  present: z.array(Slug),
  absent: z.array(Slug),
  ageBand: z.number().int().min(0).max(6),
  male: z.boolean(),
  consultation: z.number().int().nonnegative(),
});

export const BundleExperience = z.strictObject({
  id: z.number().int().positive(),
  from: Slug,
  to: Slug,
  rule: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('prefer'), cues: z.array(z.strictObject({ term: Slug, present: z.boolean() })).min(1) }),
    z.strictObject({ kind: z.literal('examine'), exam: Slug }),
  ]),
  text: Bilingual,
  learnedAt: z.number().int().nonnegative(),
  uses: z.number().int().nonnegative(),
  successes: z.number().int().nonnegative(),
  retired: z.boolean(),
});

export const BundleDoctor = z.strictObject({
  department: Slug,
  consultations: z.number().int().nonnegative(),
  correct: z.number().int().nonnegative(),
  caseMix: z.array(IdCount),
  /** How the doctor judges severity, learned at follow-up (see SeverityJudge). */
  severity: z.strictObject({
    /** [disease, n, Σ, Σ² for mild, moderate, severe — for the position signal, then the count signal] */
    perDisease: z.array(z.tuple([Slug, z.array(z.number().finite()).length(18)])),
    pooled: z.array(z.number().finite()).length(18),
    /** [disease, analyte, mildest, worst] abnormal values seen (low values negated). */
    ranges: z.array(z.tuple([Slug, Slug, z.number().finite(), z.number().finite()])),
  }),
  beliefs: z.array(BundleBeliefRow),
  cases: z.array(BundleCase),
  experiences: z.array(BundleExperience),
});

export const Bundle = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  /** Consultations the doctors learned from in total. */
  consultations: z.number().int().nonnegative(),
  nurse: z.strictObject({ learned: z.array(z.tuple([Slug, Slug, Count])) }),
  doctors: z.array(BundleDoctor),
  /** Accuracy checkpoints of the run(s) that produced it. */
  curve: z.array(z.record(z.string(), z.number())).default([]),
});
export type Bundle = z.infer<typeof Bundle>;
export type BundleDoctor = z.infer<typeof BundleDoctor>;
