import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { pageSuite } from './harness';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const consultations = (page: import('playwright-core').Page) => page.getByTestId('summary-consultations').textContent();

describe('gzipped bundles in the page (.json.gz: export, import, refusal)', () => {
  const suite = pageSuite();
  const dir = mkdtempSync(join(tmpdir(), 'agent-hospital-gz-'));
  const gz = join(dir, 'cli-300.json.gz');

  beforeAll(() => {
    execFileSync(
      process.execPath,
      [join(ROOT, 'bin/agent-hospital.js'), 'simulate', '--consultations', '300', '--seed', '2', '--exam-per-disease', '1', '--save', gz],
      { cwd: ROOT, stdio: 'ignore' },
    );
  });

  it('imports a .json.gz the CLI saved, after the same preview as for JSON', async () => {
    const { page } = suite.session;
    await page.goto(`${suite.url}?view=learning&lang=en&reset=1`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    await page.waitForFunction(() => document.querySelector('[data-testid="summary-consultations"]')?.textContent === '0');
    expect(readFileSync(gz).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    await page.setInputFiles('[data-testid="import-file"]', gz);
    await expect(page.getByTestId('import-preview').textContent()).resolves.toContain('The file holds 300 consultations');
    await page.click('[data-testid="import-replace"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="summary-consultations"]')?.textContent === '300');
  });

  it('exports a gzipped bundle of what is stored', async () => {
    const { page } = suite.session;
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export"]')]);
    expect(download.suggestedFilename()).toBe('agent-hospital-bases-300.json.gz');
    const bytes = readFileSync((await download.path()) as string);
    const bundle = JSON.parse(gunzipSync(bytes).toString('utf8')) as { format: string; version: number; consultations: number };
    expect(bundle).toMatchObject({ format: 'agent-hospital.bundle', version: 1, consultations: 300 });
  });

  it('refuses a truncated .json.gz with a clear message; the stored bases are intact after a reload', async () => {
    const { page } = suite.session;
    const cut = join(dir, 'cut.json.gz');
    const bytes = readFileSync(gz);
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await page.setInputFiles('[data-testid="import-file"]', cut);
    await page.getByTestId('import-error').waitFor();
    await expect(page.getByTestId('import-error').textContent()).resolves.toMatch(
      /\(root\): the file is gzip-compressed but damaged or truncated/,
    );
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    await page.waitForFunction(() => document.querySelector('[data-testid="summary-consultations"]')?.textContent === '300');
    expect(await consultations(page)).toBe('300');
    expect(suite.session.consoleErrors.filter((e) => !/favicon|404/.test(e))).toEqual([]);
  });
});
