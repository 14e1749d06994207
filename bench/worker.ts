import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import type { HospitalContext } from '../src/cli/context';
import { exportBundle } from '../src/run/bundle';
import { simulate } from '../src/run/simulate';
import { CHROME_ARGS, findChrome } from '../tests/browser/chrome';
import type { BenchResult } from './report';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));
const IDB_RECORDS = 20_000;
const IDB_BATCH = 1_000;

/** A one-purpose page: runs the fast-forward worker, then times batched IndexedDB writes. */
function benchPage(consultations: number): string {
  return `
import { startReplay } from '${SRC}worker/client';
import { openHospitalDb } from '${SRC}store/db';
import { putTraining } from '${SRC}store/records';
const w = window as unknown as { __result?: unknown; __error?: string };
(async () => {
  const replay = await startReplay({ consultations: ${consultations}, examPerDisease: 0, checkpoints: 0, dbName: 'bench-replay' }).finished;
  const db = await openHospitalDb({ name: 'bench-idb' });
  const t0 = performance.now();
  for (let b = 0; b < ${IDB_RECORDS / IDB_BATCH}; b++) {
    await putTraining(db, Array.from({ length: ${IDB_BATCH} }, (_, i) => ({ id: 'r' + (b * ${IDB_BATCH} + i), sessionId: 's' + b, learner: 'bench', caseSeed: 7, caseIndex: i, mode: 'training', score: 0.5, steps: { inquiry: 0.5 }, startedAt: i })));
  }
  const idbSeconds = (performance.now() - t0) / 1000;
  w.__result = { perSecond: replay.perSecond, seconds: replay.seconds, idbSeconds };
})().catch((e) => (w.__error = String(e)));
`;
}

async function inChromium(consultations: number): Promise<{ perSecond: number; seconds: number; idbSeconds: number }> {
  const root = mkdtempSync(join(tmpdir(), 'agent-hospital-bench-page-'));
  try {
    writeFileSync(join(root, 'index.html'), '<!doctype html><html><body><script type="module" src="./main.ts"></script></body></html>');
    writeFileSync(join(root, 'main.ts'), benchPage(consultations));
    await build({ root, configFile: false, logLevel: 'warn', build: { outDir: join(root, 'dist'), target: 'es2022' } });
    const server = await preview({
      root,
      configFile: false,
      logLevel: 'warn',
      build: { outDir: join(root, 'dist') },
      preview: { port: 0, host: '127.0.0.1' },
    });
    const browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS });
    try {
      const page = await browser.newPage();
      await page.goto(server.resolvedUrls?.local[0] ?? '');
      await page.waitForFunction(
        () => {
          const w = window as unknown as { __result?: unknown; __error?: string };
          return w.__result !== undefined || w.__error !== undefined;
        },
        undefined,
        { timeout: 600_000 },
      );
      const { result, error } = await page.evaluate(() => {
        const w = window as unknown as { __result?: unknown; __error?: string };
        return { result: w.__result, error: w.__error };
      });
      if (error) throw new Error(`the benchmark page failed: ${error}`);
      return result as { perSecond: number; seconds: number; idbSeconds: number };
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * Node's fast path over the same patients (seed 1, as the worker's first replay): the baseline.
 * The worker's figure also includes storing its batches; this one stores nothing.
 */
function inNode(ctx: HospitalContext, consultations: number): { perSecond: number; bytesPer100kCases: number } {
  const { staff, summary } = simulate(ctx.generator, ctx.reader, {
    consultations,
    seed: 1,
    examPerDisease: 0,
    checkpoints: 0,
    clock: () => performance.now() / 1000,
  });
  const bundle = exportBundle(staff);
  const bytes = Buffer.byteLength(JSON.stringify(bundle));
  return {
    perSecond: summary.consultationsPerSecond,
    bytesPer100kCases: staff.caseBaseSize > 0 ? (bytes / staff.caseBaseSize) * 100_000 : 0,
  };
}

/** Fast-forward in a Web Worker of headless Chromium against Node, and batched IndexedDB writes. */
export async function benchWorker(ctx: HospitalContext, quick: boolean): Promise<BenchResult[]> {
  const n = quick ? 5_000 : 20_000;
  const node = inNode(ctx, n);
  const browser = await inChromium(n);
  const label = `${n.toLocaleString('en-US')} consultations from textbook doctors, no exam; snapshots stored in batches`;
  return [
    {
      name: 'browser.workerConsultationsPerSecond',
      value: browser.perSecond,
      unit: 'consultations/s',
      note: `Web Worker in headless Chromium, ${label}`,
    },
    {
      name: 'browser.workerVsNode',
      value: browser.perSecond / node.perSecond,
      unit: 'ratio',
      baseline: { name: 'node.simulatePerSecond', value: node.perSecond },
      ratio: browser.perSecond / node.perSecond,
      target: '≥ 0.5',
      note: 'same patients; the worker also stores its batches in IndexedDB, Node stores nothing',
    },
    {
      name: 'idb.recordsPerSecond',
      value: IDB_RECORDS / browser.idbSeconds,
      unit: 'records/s',
      note: `${IDB_RECORDS.toLocaleString('en-US')} training records in transactions of ${IDB_BATCH}, Chromium IndexedDB`,
    },
    {
      name: 'bundle.bytesPer100kCases',
      value: node.bytesPer100kCases / 1e6,
      unit: 'MB',
      note: 'exported JSON bundle size, scaled to 100,000 cases (includes beliefs, lessons, nurse)',
    },
  ];
}
