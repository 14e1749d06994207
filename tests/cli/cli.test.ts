import { mkdtempSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runCli } from '../../src/cli/main';
import { DEFAULT_KB_DIR } from '../../src/knowledge/nodeFiles';
import { PatientRecord } from '../../src/schema/patient';

function run(...argv: string[]): { code: number; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

/** The documented public shapes (README): a change here is a breaking change for scripts. */
const Stats = z.object({
  departments: z.array(z.object({ id: z.string(), name: z.object({ en: z.string(), zh: z.string() }), diseases: z.number().int() })),
  diseases: z.number().int(),
  symptoms: z.number().int(),
  findings: z.number().int(),
  exams: z.number().int(),
  vocabulary: z.object({ terms: z.number().int(), synonyms: z.object({ en: z.number(), zh: z.number() }) }),
  icd10: z.object({ coded: z.number(), uniqueCodes: z.number(), byChapterLetter: z.record(z.string(), z.number()) }),
});
const DiseaseRow = z.strictObject({
  id: z.string(),
  icd10: z.string(),
  name: z.strictObject({ en: z.string(), zh: z.string() }),
  synonyms: z.array(z.string()),
  department: z.string(),
});

describe('agent-hospital kb', () => {
  it('validates the shipped knowledge base', () => {
    const r = run('kb', 'validate');
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/knowledge base OK: 21 departments, \d{3,} diseases/);
  });

  it('prints stats in the documented JSON shape', () => {
    const r = run('kb', 'stats', '--json');
    expect(r.code).toBe(0);
    const stats = Stats.parse(JSON.parse(r.out.join('\n')));
    expect(stats.departments).toHaveLength(21);
    expect(stats.departments.find((d) => d.id === 'cardiology')?.name.zh).toBe('心血管内科');
    expect(stats.diseases).toBe(stats.departments.reduce((n, d) => n + d.diseases, 0));
    expect(stats.icd10.uniqueCodes).toBe(stats.diseases);
  });

  it('lists diseases in the documented JSON shape', () => {
    const r = run('kb', 'diseases', '--json');
    const rows = z.array(DiseaseRow).parse(JSON.parse(r.out.join('\n')));
    expect(rows.length).toBeGreaterThanOrEqual(300);
    expect(new Set(rows.map((d) => d.department)).size).toBe(21);
  });

  it('refuses a broken knowledge directory, naming file and path, with exit code 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-'));
    cpSync(DEFAULT_KB_DIR, dir, { recursive: true });
    mkdirSync(join(dir, 'diseases'), { recursive: true });
    writeFileSync(join(dir, 'diseases', 'cardiology.json'), '[{"id": "Not An Id"}');
    const r = run('kb', 'validate', '--dir', dir);
    expect(r.code).toBe(1);
    expect(r.err.join('\n')).toMatch(/diseases\/cardiology\.json: \(root\): not valid JSON/);
    writeFileSync(join(dir, 'diseases', 'cardiology.json'), '[{"id": "Not An Id"}]');
    const r2 = run('kb', 'validate', '--dir', dir);
    expect(r2.err.join('\n')).toMatch(/diseases\/cardiology\.json: \[0\]\.id: a kebab-case id/);
  });
});

describe('agent-hospital patients', () => {
  it('prints one record per line in the public shape, reproducibly from the seed', () => {
    const a = run('patients', '--count', '20', '--seed', '9', '--lang', 'zh', '--json');
    expect(a.code).toBe(0);
    expect(a.out).toHaveLength(20);
    const records = a.out.map((line) => PatientRecord.parse(JSON.parse(line)));
    expect(records.every((r) => r.language === 'zh')).toBe(true);
    expect(run('patients', '--count', '20', '--seed', '9', '--lang', 'zh', '--json').out).toEqual(a.out);
    expect(run('patients', '--count', '20', '--seed', '10', '--lang', 'zh', '--json').out).not.toEqual(a.out);
  });

  it('draws from one department or one disease when asked', () => {
    const r = run('patients', '--count', '30', '--seed', '1', '--department', 'cardiology', '--json');
    const ids = r.out.map((l) => (JSON.parse(l) as { disease: { id: string } }).disease.id);
    const diseases = JSON.parse(run('kb', 'diseases', '--json').out[0]!) as { id: string; department: string }[];
    const cardiology = new Set(diseases.filter((d) => d.department === 'cardiology').map((d) => d.id));
    expect(ids.every((id) => cardiology.has(id))).toBe(true);
  });

  it('explains bad options with exit code 2', () => {
    expect(run('patients', '--count', '0')).toMatchObject({ code: 2, err: [expect.stringContaining('--count must be a whole number')] });
    expect(run('patients', '--count', 'many')).toMatchObject({ code: 2, err: [expect.stringContaining('got "many"')] });
    expect(run('patients', '--lang', 'fr')).toMatchObject({ code: 2, err: [expect.stringContaining('--lang must be one of en, zh')] });
    expect(run('patients', '--disease', 'dragon-pox')).toMatchObject({
      code: 2,
      err: [expect.stringContaining('no disease "dragon-pox"')],
    });
    expect(run('patients', '--colour', 'red').code).toBe(2);
    expect(run('frobnicate').code).toBe(2);
  });
});
