import { describe, expect, it } from 'vitest';
import { defaultContext } from '../../src/cli/context';
import {
  decodeSession,
  difficultyOf,
  encodeSession,
  sessionPatient,
  sessionPool,
  sessionUrl,
  TrainingSession,
} from '../../src/modes/session';

const ctx = defaultContext();
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');

describe('class session links', () => {
  const session = TrainingSession.parse({
    v: 1,
    departments: ['cardiology', 'respiratory'],
    difficulty: 'medium',
    cases: 4,
    seed: 77,
    lang: 'zh',
    timeLimitMinutes: 15,
  });

  it('round-trips through the URL and gives every learner the same patients', () => {
    const url = sessionUrl('http://127.0.0.1:4173/?view=knowledge&x=1', session);
    const code = new URL(url).searchParams.get('session')!;
    expect(new URL(url).searchParams.get('view')).toBe('training');
    expect(new URL(url).searchParams.get('x')).toBeNull();
    const back = decodeSession(code, ctx.kb);
    expect(back).toEqual(session);
    const a = [0, 1, 2, 3].map((i) => sessionPatient(ctx.generator, back, i));
    const b = [0, 1, 2, 3].map((i) => sessionPatient(ctx.generator, decodeSession(encodeSession(session), ctx.kb), i));
    expect(a.map((p) => p.id)).toEqual(b.map((p) => p.id));
    expect(a.map((p) => p.disease)).toEqual(b.map((p) => p.disease));
    for (const p of a) {
      expect(['cardiology', 'respiratory']).toContain(ctx.kb.disease(p.disease).department);
      expect(difficultyOf(ctx.kb, p.disease)).toBe('medium');
    }
    expect(() => sessionPatient(ctx.generator, back, 4)).toThrow(/case 5 is outside this session of 4/);
  });

  it('restricts the pool to the chosen diseases', () => {
    const s = TrainingSession.parse({ v: 1, diseases: ['influenza', 'covid-19'], cases: 6, seed: 1 });
    expect(sessionPool(ctx.kb, s)).toEqual(expect.arrayContaining(['influenza', 'covid-19']));
    for (let i = 0; i < 6; i++) expect(['influenza', 'covid-19']).toContain(sessionPatient(ctx.generator, s, i).disease);
  });

  it('refuses a bad link with a message that says what is wrong', () => {
    expect(() => decodeSession('%%%')).toThrow(/characters a session code never contains/);
    expect(() => decodeSession(b64('not json'))).toThrow(/does not decode to a session/);
    expect(() => decodeSession(b64(JSON.stringify({ v: 1, cases: 500 })))).toThrow(/cases: .*50/);
    expect(() => decodeSession(b64(JSON.stringify({ v: 2 })))).toThrow(/^the session link is not a valid class session — v:/);
    expect(() => decodeSession(b64(JSON.stringify({ v: 1, evil: true })))).toThrow(/evil/);
    expect(() => decodeSession(b64(JSON.stringify({ v: 1, departments: ['dragon-medicine'] })), ctx.kb)).toThrow(
      /departments this hospital does not have: dragon-medicine/,
    );
    expect(() => decodeSession(b64(JSON.stringify({ v: 1, diseases: ['made-up-itis'] })), ctx.kb)).toThrow(
      /diseases the knowledge base does not have: made-up-itis/,
    );
    expect(() => decodeSession(b64(JSON.stringify({ v: 1, diseases: ['influenza'], departments: ['cardiology'] })), ctx.kb)).toThrow(
      /leave no disease/,
    );
    expect(() => decodeSession('A'.repeat(9000))).toThrow(/at most 8000/);
  });
});
