import { z } from 'zod';
import { MetricPoint } from '../schema/store';
import { formatIssues } from '../knowledge/errors';

/*
 * Messages between the page and the fast-forward worker, parsed with zod on both sides: a
 * message that fails is refused with its path, never acted on half-understood.
 */

/** Largest replay the page offers (custom included): a million consultations, the talk's question. */
export const MAX_REPLAY = 1_000_000;

export const StartReplay = z.strictObject({
  type: z.literal('start'),
  consultations: z.number().int().min(1).max(MAX_REPLAY),
  /** Exam patients per disease at each checkpoint (a small fixed exam set, unseen in training). */
  examPerDisease: z.number().int().min(0).max(5).default(1),
  /** Checkpoints during the run besides the start and the end. */
  checkpoints: z.number().int().min(0).max(100).default(8),
  /** Consultations per stored batch; at most this many are lost if the tab closes mid-run. */
  batchSize: z.number().int().min(1).max(100_000).optional(),
  /** Database name, for tests and the benchmark; the page's database otherwise. */
  dbName: z.string().min(1).optional(),
});
export type StartReplay = z.infer<typeof StartReplay>;

export const ToWorker = z.discriminatedUnion('type', [StartReplay, z.strictObject({ type: z.literal('cancel') })]);
export type ToWorker = z.infer<typeof ToWorker>;

const Count = z.number().int().nonnegative();

export const FromWorker = z.discriminatedUnion('type', [
  /** The knowledge base is loaded and the saved staff restored; consultations are about to flow. */
  z.strictObject({ type: z.literal('started'), runId: z.string(), startAt: Count, total: Count, seed: z.number().int().positive() }),
  z.strictObject({
    type: z.literal('progress'),
    done: Count,
    total: Count,
    perSecond: z.number().nonnegative(),
    /** Seconds left at the current pace; null until a pace is known. */
    etaSeconds: z.number().nonnegative().nullable(),
    caseBase: Count,
    experienceBase: Count,
  }),
  z.strictObject({ type: z.literal('checkpoint'), point: MetricPoint }),
  /** A batch reached IndexedDB: the stored staff has learned from `consultations` in total. */
  z.strictObject({ type: z.literal('saved'), consultations: Count }),
  z.strictObject({
    type: z.literal('finished'),
    cancelled: z.boolean(),
    done: Count,
    consultations: Count,
    seconds: z.number().nonnegative(),
    perSecond: z.number().nonnegative(),
    eventLogHash: z.string().regex(/^[0-9a-f]{16}$/),
  }),
  z.strictObject({ type: z.literal('failed'), message: z.string() }),
]);
export type FromWorker = z.infer<typeof FromWorker>;

/** Parses a message and names what was wrong with it. */
export function parseMessage<T>(schema: z.ZodType<T>, data: unknown, side: string): T {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  throw new Error(`${side}: refused a malformed message at ${formatIssues(parsed.error, { max: 1 })}`);
}
