import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runCli } from '../../src/cli/main';
import { Extraction } from '../../src/schema/language';

function run(...argv: string[]): { code: number; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

/** The documented shape of `understand --json` (README): the text and its extraction. */
const Output = Extraction.extend({ text: z.string() }).strict();

describe('agent-hospital understand', () => {
  it('prints the extraction as one JSON object, in the documented shape', () => {
    const r = run('understand', 'no fever but my left knee is swollen, been like that 3 days', '--lang', 'en', '--json');
    expect(r.code).toBe(0);
    const out = Output.parse(JSON.parse(r.out[0] as string));
    const fever = out.spans.find((s) => s.term === 'fever');
    const knee = out.spans.find((s) => s.term === 'joint-swelling');
    expect(fever?.present).toBe(false);
    expect(knee?.site).toEqual({ id: 'knee', side: 'left' });
    expect(knee?.duration?.days).toBe(3);
    expect(out.text.slice(knee?.start, knee?.end)).toBe(knee?.text);
  });

  it('reads Chinese and prints one line per reading for people', () => {
    const r = run('understand', '小便的时候烧灼痛，没有发烧', '--lang', 'zh');
    expect(r.code).toBe(0);
    expect(r.out.find((l) => l.startsWith('dysuria'))).toMatch(/present/);
    expect(r.out.find((l) => l.startsWith('fever'))).toMatch(/absent/);
  });

  it('says when it understood nothing, and refuses a call without text or with a bad language', () => {
    expect(run('understand', 'the weather is lovely').out).toContain('understood nothing');
    expect(run('understand').code).toBe(2);
    expect(run('understand', 'cough', '--lang', 'fr').code).toBe(2);
  });
});
