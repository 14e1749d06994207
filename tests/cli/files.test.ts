import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { isGzip } from '../../src/run/bundleFile';

function run(...argv: string[]): { code: number; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

const SIM = ['simulate', '--consultations', '60', '--seed', '4', '--exam-per-disease', '1', '--checkpoints', '1', '--json'];

describe('bundle files on the command line: gzipped by default, read either way', () => {
  const dir = mkdtempSync(join(tmpdir(), 'agent-hospital-files-'));
  const gz = join(dir, 'bases.json.gz');
  const plain = join(dir, 'bases.json');
  let caseBase = 0;

  beforeAll(() => {
    const saved = run(...SIM, '--save', gz);
    expect(saved.code).toBe(0);
    caseBase = (JSON.parse(saved.out.join('\n')) as { caseBase: number }).caseBase;
    expect(run(...SIM, '--save', plain).code).toBe(0);
  });

  it('--save writes gzip, the same bundle as the plain JSON a .json name asks for', () => {
    const bytes = readFileSync(gz);
    expect(isGzip(bytes)).toBe(true);
    expect(bytes.length).toBeLessThan(readFileSync(plain).length / 3);
    expect(gunzipSync(bytes).toString('utf8')).toBe(readFileSync(plain, 'utf8'));
    expect(JSON.parse(readFileSync(plain, 'utf8'))).toMatchObject({ format: 'agent-hospital.bundle', version: 1, consultations: 60 });
  });

  it('--load takes the gzipped file, whatever its name, and the doctors carry on from it', () => {
    const renamed = join(dir, 'bases-under-another-name.json');
    writeFileSync(renamed, readFileSync(gz));
    const r = run('simulate', '--consultations', '20', '--seed', '5', '--exam-per-disease', '1', '--load', renamed, '--json');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out.join('\n')) as { caseBase: number }).caseBase).toBeGreaterThan(caseBase);
  });

  it('evaluate --bases reads gzip and plain alike', () => {
    const cases = join(import.meta.dirname, '../fixtures/cases.jsonl');
    const fromGz = run('evaluate', '--cases', cases, '--bases', gz, '--json');
    const fromJson = run('evaluate', '--cases', cases, '--bases', plain, '--json');
    expect(fromGz.code).toBe(0);
    expect(fromGz.out).toEqual(fromJson.out);
  });

  it('refuses a truncated gzip with a clear message and exit code 2', () => {
    const bytes = readFileSync(gz);
    const cut = join(dir, 'cut.json.gz');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const r = run('evaluate', '--cases', join(import.meta.dirname, '../fixtures/cases.jsonl'), '--bases', cut, '--json');
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toMatch(/cut\.json\.gz: the file is gzip-compressed but damaged or truncated/);
    expect(run(...SIM, '--load', cut).code).toBe(2);
  });
});
