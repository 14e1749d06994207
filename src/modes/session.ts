import { z } from 'zod';
import { Lang, Slug } from '../schema/common';
import type { DiseaseId } from '../schema/ids';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import type { PatientGenerator } from '../patients/generator';
import type { Patient } from '../patients/types';
import { formatIssues } from '../knowledge/errors';

/**
 * Difficulty of a disease to a learner: how many diseases a textbook says it is commonly
 * taken for (`confusedWith`). Easy ≤ 2, medium 3, hard ≥ 4 (about a third of the KB each).
 */
export const Difficulty = z.enum(['easy', 'medium', 'hard']);
export type Difficulty = z.infer<typeof Difficulty>;

/**
 * A teacher's class session: every learner who opens the same URL meets the same patients in
 * the same order (patient i of `seed`, drawn from the same pool).
 */
export const TrainingSession = z.strictObject({
  /** Format version of the link; a newer page can still read older links. */
  v: z.literal(1),
  /** Doctor training (interview, examine, diagnose, treat) or triage-nurse training. */
  role: z.enum(['doctor', 'triage']).default('doctor'),
  /** Restrict cases to these departments (empty: all). */
  departments: z.array(Slug).max(21).default([]),
  /** Restrict cases to these diseases (empty: by departments and difficulty). */
  diseases: z.array(Slug).max(200).default([]),
  difficulty: Difficulty.optional(),
  /** Number of patients in the session. */
  cases: z.number().int().min(1).max(50).default(5),
  /** A realistic clinic: patients at real base rates (common things are common) instead of every disease equally often. */
  population: z.enum(['balanced', 'realistic']).default('balanced'),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(2024),
  lang: Lang.optional(),
  /** Time allowed per case, in minutes of the learner's own time (0: untimed). */
  timeLimitMinutes: z.number().int().min(0).max(240).default(0),
});
export type TrainingSession = z.infer<typeof TrainingSession>;

export class SessionError extends Error {
  override name = 'SessionError';
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text))
    throw new SessionError('the session link is damaged: it has characters a session code never contains');
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  let bin: string;
  try {
    bin = atob(b64);
  } catch {
    throw new SessionError('the session link is damaged: its code is not valid base64url');
  }
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/** The session as the `session` URL parameter: base64url of its JSON (UTF-8). */
export function encodeSession(session: TrainingSession): string {
  return toBase64Url(new TextEncoder().encode(JSON.stringify(TrainingSession.parse(session))));
}

/** Longest session code accepted (a session lists at most 200 diseases). */
const MAX_CODE = 8000;

/**
 * Reads a `session` URL parameter. A bad one is refused with a message that says what is wrong
 * and where (`cases: Too big…`); unknown departments or diseases are named.
 */
export function decodeSession(code: string, kb?: KnowledgeBase): TrainingSession {
  if (code.length > MAX_CODE)
    throw new SessionError(`the session code is ${code.length} characters long; at most ${MAX_CODE} are accepted`);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(code)));
  } catch (err) {
    if (err instanceof SessionError) throw err;
    throw new SessionError('the session link is damaged: its code does not decode to a session description');
  }
  const parsed = TrainingSession.safeParse(json);
  if (!parsed.success) {
    const issues = formatIssues(parsed.error, { root: '(session)' });
    throw new SessionError(`the session link is not a valid class session — ${issues}`);
  }
  if (kb) {
    const badDep = parsed.data.departments.filter((d) => !kb.departments.some((x) => x.id === d));
    if (badDep.length > 0) throw new SessionError(`the session names departments this hospital does not have: ${badDep.join(', ')}`);
    const badDis = parsed.data.diseases.filter((d) => !kb.hasDisease(d));
    if (badDis.length > 0) throw new SessionError(`the session names diseases the knowledge base does not have: ${badDis.join(', ')}`);
    if (sessionPool(kb, parsed.data).length === 0)
      throw new SessionError('the session’s departments, diseases and difficulty leave no disease to draw patients from');
  }
  return parsed.data;
}

/** A full page URL for the session (`?view=training&session=…`), given the page's own URL. */
export function sessionUrl(base: string, session: TrainingSession, view = 'training'): string {
  const url = new URL(base);
  url.search = '';
  url.searchParams.set('view', view);
  url.searchParams.set('session', encodeSession(session));
  if (session.lang) url.searchParams.set('lang', session.lang);
  return url.toString();
}

export function difficultyOf(kb: KnowledgeBase, disease: DiseaseId | string): Difficulty {
  const n = kb.disease(disease).confusedWith.length;
  return n <= 2 ? 'easy' : n === 3 ? 'medium' : 'hard';
}

/** The diseases the session's patients are drawn from, in knowledge-base order. */
export function sessionPool(kb: KnowledgeBase, s: TrainingSession): DiseaseId[] {
  return kb.diseases
    .filter(
      (d) =>
        (s.diseases.length === 0 || s.diseases.includes(d.id)) &&
        (s.departments.length === 0 || s.departments.includes(d.department)) &&
        (!s.difficulty || difficultyOf(kb, d.id) === s.difficulty),
    )
    .map((d) => d.id);
}

/** Patient `index` (0-based) of the session: the same for every learner. */
export function sessionPatient(generator: PatientGenerator, s: TrainingSession, index: number): Patient {
  if (index < 0 || index >= s.cases) throw new SessionError(`case ${index + 1} is outside this session of ${s.cases}`);
  return generator.generate(s.seed, index, { diseases: sessionPool(generator.kb, s), population: s.population });
}
