import type { z } from 'zod';
import { formatPath } from '../knowledge/errors';
import { CaseChunk, MetricPoint, Setting, StaffMeta, StoredDoctor, TrainingRecord } from '../schema/store';
import { StoreError } from './errors';

/*
 * Every record read back from IndexedDB goes through one of these: older versions' records get
 * the defaults they lacked (zod `.default`), and a damaged record is named by store and key
 * instead of surfacing later as a wrong number.
 */
function restore<T>(schema: z.ZodType<T>, store: string, key: unknown, raw: unknown): T {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const where = first ? `${formatPath(first.path)}: ${first.message}` : 'invalid';
  throw new StoreError(`The stored record ${store}[${JSON.stringify(key)}] is damaged at ${where}`);
}

export const restoreMeta = (raw: unknown): StaffMeta => restore(StaffMeta, 'meta', 'staff', raw);
export const restoreDoctor = (raw: unknown): StoredDoctor =>
  restore(StoredDoctor, 'doctors', (raw as { department?: unknown })?.department, raw);
export const restoreCaseChunk = (raw: unknown): CaseChunk =>
  restore(CaseChunk, 'cases', [(raw as CaseChunk)?.department, (raw as CaseChunk)?.from], raw);
export const restoreMetric = (raw: unknown): MetricPoint => restore(MetricPoint, 'metrics', (raw as { id?: unknown })?.id, raw);
export const restoreSetting = (raw: unknown): Setting => restore(Setting, 'settings', (raw as { key?: unknown })?.key, raw);
export const restoreTraining = (raw: unknown): TrainingRecord => restore(TrainingRecord, 'training', (raw as { id?: unknown })?.id, raw);
