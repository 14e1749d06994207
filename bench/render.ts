/**
 * Figures of the page and the hospital's rendering, measured in one Chromium run:
 * - render.frameRatio.300: mean frame time (Phaser step: update and render) of the hospital
 *   with 300 patients inside, walking the sim's routes, over a bare Phaser scene drawing and
 *   animating the same number of the same sprites;
 * - bundle.gzipKB: all JavaScript the page can load (workers included), gzipped; the knowledge
 *   base and the map are data files fetched as JSON, reported beside it;
 * - page.firstFrameMs: from navigation to the first drawn frame of the hospital, with an empty
 *   cache (a fresh browser context), the median of FIRST_FRAME_ROUNDS;
 * - page.firstFrameRatio: that over a bare Phaser page's first frame of the same tilemap (no
 *   app), measured the same way in the same run, rounds alternating so the machine's load falls
 *   on both alike.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROME_ARGS, findChrome } from '../tests/browser/chrome';
import type { BenchResult } from './report';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const AGENTS = 300;
const MEASURE_MS = 4000;
const ROUNDS = 2;
const FIRST_FRAME_ROUNDS = 3;

type Manifest = Record<string, { file: string; imports?: string[]; dynamicImports?: string[]; isEntry?: boolean }>;

/** Manifest keys reachable from an entry, statically or by dynamic import. */
function reachable(manifest: Manifest, entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string): void => {
    if (seen.has(key)) return;
    seen.add(key);
    const m = manifest[key];
    for (const k of [...(m?.imports ?? []), ...(m?.dynamicImports ?? [])]) visit(k);
  };
  visit(entry);
  return seen;
}

/**
 * Every JS file the page can load: all built JS (workers included, which the manifest does not
 * link) except what only the benchmark's baseline page uses.
 */
function pageFiles(manifest: Manifest, outDir: string): string[] {
  const page = reachable(manifest, 'index.html');
  const benchOnly = new Set([...reachable(manifest, 'bench/render-bare.html')].filter((k) => !page.has(k)).map((k) => manifest[k]?.file));
  return readdirSync(join(outDir, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`)
    .filter((f) => !benchOnly.has(f));
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** Navigation start to the performance mark `mark`, in a fresh context (nothing cached). */
async function firstFrame(browser: Browser, url: string, mark: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark, { timeout: 90_000 });
    return await page.evaluate((name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN, mark);
  } finally {
    await context.close();
  }
}

async function meanStep(page: Page, read: string): Promise<number> {
  await page.waitForTimeout(MEASURE_MS);
  const times = (await page.evaluate(read)) as number[];
  return mean(times.slice(-180));
}

export async function benchRender(): Promise<BenchResult[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'agent-hospital-bench-'));
  await build({
    root: ROOT,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      manifest: true,
      rolldownOptions: { input: { main: join(ROOT, 'index.html'), bare: join(ROOT, 'bench/render-bare.html') } },
    },
  });
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Manifest;
  const files = pageFiles(manifest, outDir);
  const gzipBytes = files.reduce((n, f) => n + gzipSync(readFileSync(join(outDir, f))).length, 0);
  const entry = manifest['index.html']?.file ?? '';
  const entryGzip = gzipSync(readFileSync(join(outDir, entry))).length;
  const sizeOf = (keys: string[]): number =>
    keys.reduce((n, k) => n + gzipSync(readFileSync(join(outDir, manifest[k]?.file ?? ''))).length, 0);
  const phaserGzip = sizeOf([...reachable(manifest, 'src/render/game.ts')].filter((k) => k !== 'index.html'));
  // The knowledge base and the map ship as data (JSON fetched and parsed), not as script.
  const dataGzip = readdirSync(join(outDir, 'assets'))
    .filter((f) => f.endsWith('.json') || f.endsWith('.tmj'))
    .reduce((n, f) => n + gzipSync(readFileSync(join(outDir, 'assets', f))).length, 0);

  const server = await preview({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the preview server did not report a URL');
  const browser = await chromium.launch({ executablePath: findChrome(), headless: true, args: CHROME_ARGS });
  try {
    const worldFirst: number[] = [];
    const bareFirst: number[] = [];
    for (let round = 0; round < FIRST_FRAME_ROUNDS; round++) {
      worldFirst.push(await firstFrame(browser, `${url}?view=world&lang=en`, 'world:first-frame'));
      bareFirst.push(await firstFrame(browser, `${url}bench/render-bare.html?map=1`, 'bare:first-frame'));
    }
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${url}?view=world&lang=en`);
    await page.waitForSelector('body[data-world="ready"]', { timeout: 90_000 });
    await page.waitForFunction(() => performance.getEntriesByName('world:first-frame').length > 0, undefined, { timeout: 30_000 });
    const marks = (
      await page.evaluate(() =>
        ['app:context-ready', 'world:renderer-loaded', 'world:run-ready'].map(
          (n) => `${n} ${Math.round(performance.getEntriesByName(n)[0]?.startTime ?? NaN)} ms`,
        ),
      )
    ).join(', ');
    const firstPaint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);

    // Fill the hospital to 300 patients and keep it there while measuring.
    // Rounds alternate between the hospital and the baseline so load from elsewhere on the
    // machine falls on both alike.
    const fill = `(() => {
      const h = window.__hospital;
      h.setSpeed(1);
      const top = () => { const inside = h.snapshot().patients.length; for (let i = inside; i < ${AGENTS}; i++) h.admit(); };
      top();
      window.setInterval(top, 250);
    })()`; // a string, not a function: tsx would wrap named inner functions in a helper the page lacks
    const worldRuns: number[] = [];
    const bareRuns: number[] = [];
    let simMs: number[] = [];
    let updateMs: number[] = [];
    let renderer = '';
    let inside = 0;
    for (let round = 0; round < ROUNDS; round++) {
      if (round > 0) {
        await page.goto(`${url}?view=world&lang=en`);
        await page.waitForSelector('body[data-world="ready"]', { timeout: 90_000 });
      }
      await page.evaluate(fill);
      await page.waitForTimeout(2000);
      worldRuns.push(await meanStep(page, 'window.__hospital.stepTimes()'));
      updateMs = updateMs.concat((await page.evaluate('window.__hospital.frameTimes().slice(-120)')) as number[]);
      simMs = simMs.concat((await page.evaluate('window.__hospital.simTimes().slice(-120)')) as number[]);
      renderer = (await page.evaluate('window.__hospital.renderer()')) as string;
      inside = await page.evaluate(() => (window.__hospital!.snapshot() as { patients: unknown[] }).patients.length);
      await page.goto(`${url}bench/render-bare.html?agents=${AGENTS}`);
      await page.waitForFunction(
        () => ((window as unknown as { __bare?: { stepTimes(): number[] } }).__bare?.stepTimes().length ?? 0) > 10,
        undefined,
        { timeout: 60_000 },
      );
      bareRuns.push(await meanStep(page, 'window.__bare.stepTimes()'));
    }
    const world = mean(worldRuns);
    const bare = mean(bareRuns);
    return [
      {
        name: `render.frameRatio.${AGENTS}`,
        value: world / bare,
        unit: 'ratio',
        baseline: { name: 'bare Phaser scene, same sprites', value: bare },
        ratio: world / bare,
        target: '≤ 1.2',
        note: `hospital frame ${world.toFixed(2)} ms (sim ${mean(simMs).toFixed(2)}, scene update ${mean(updateMs).toFixed(2)}) with ${inside} patients inside + staff vs bare ${bare.toFixed(2)} ms; headless Chromium, ${renderer}, software GL`,
      },
      {
        name: 'bundle.gzipKB',
        value: gzipBytes / 1024,
        unit: 'KB',
        target: '≤ 600',
        note: `${files.length} JS files the page can load; first-paint entry ${Math.round(entryGzip / 1024)} KB, Phaser chunk ${Math.round(phaserGzip / 1024)} KB, data (knowledge base, map; JSON, not script) ${Math.round(dataGzip / 1024)} KB more`,
      },
      {
        name: 'page.firstFrameMs',
        value: median(worldFirst),
        unit: 'ms',
        target: '≤ 1500',
        note: `navigation to the hospital's first frame, empty cache, median of ${worldFirst.map(Math.round).join(', ')} ms; title and disclaimer painted at ${Math.round(firstPaint)} ms; ${marks}`,
      },
      {
        name: 'page.firstFrameRatio',
        value: median(worldFirst) / median(bareFirst),
        unit: 'ratio',
        baseline: { name: 'bare Phaser page, same tilemap, first frame (ms)', value: median(bareFirst) },
        ratio: median(worldFirst) / median(bareFirst),
        target: '≤ 2.0',
        note: `bare page ${bareFirst.map(Math.round).join(', ')} ms`,
      },
    ];
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}
