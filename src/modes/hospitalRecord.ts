import type { TrainingRecord } from '../schema/store';
import type { CaseResult } from './report';

/** A short, stable name for a session code (FNV-1a, hex): the code itself can run to kilobytes. */
export function sessionKey(code: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < code.length; i++) h = Math.imul(h ^ code.charCodeAt(i), 0x01000193);
  return `session-${(h >>> 0).toString(16).padStart(8, '0')}`;
}

/**
 * The summary of a finished case as the hospital's own store keeps training records
 * (src/schema/store.ts), so learner progress travels with the hospital's export and dashboard.
 * The full row (costs, minutes, the virtual doctor's answer) stays in the progress store.
 */
export function toTrainingRecord(
  r: CaseResult,
  opts: { seed: number; steps: Record<string, number>; startedAt: number; finishedAt: number },
): TrainingRecord {
  const session = sessionKey(r.session);
  const slug = (s: string): string | undefined => (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(s) ? s : undefined);
  const diagnosis = slug(r.answer);
  const truth = slug(r.truth);
  return {
    id: `${session}:${r.learner || 'anonymous'}:${r.caseIndex}`,
    sessionId: session,
    learner: r.learner || 'anonymous',
    caseSeed: opts.seed,
    caseIndex: r.caseIndex,
    mode: r.role === 'triage' ? 'triage-training' : 'training',
    score: Math.max(0, Math.min(1, r.score / 100)),
    steps: Object.fromEntries(Object.entries(opts.steps).map(([k, v]) => [k, Math.max(0, Math.min(1, v))])),
    ...(diagnosis ? { diagnosis } : {}),
    ...(truth ? { truth } : {}),
    startedAt: opts.startedAt,
    finishedAt: opts.finishedAt,
  };
}
