import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { CHROME_ARGS, findChrome } from './chrome';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const RESULTS_DIR = join(ROOT, 'test-results');

let served: Promise<{ url: string; server: PreviewServer }> | undefined;

/** Builds the production page once per test process and serves it on a free loopback port. */
export function servePage(): Promise<{ url: string; server: PreviewServer }> {
  served ??= (async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'agent-hospital-dist-'));
    await build({ root: ROOT, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    const server = await preview({
      root: ROOT,
      logLevel: 'warn',
      build: { outDir },
      preview: { port: 0, host: '127.0.0.1', strictPort: false },
    });
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('the preview server did not report a URL');
    return { url, server };
  })();
  return served;
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  consoleErrors: string[];
  close: () => Promise<void>;
}

/** A fresh Chromium profile with one page; console errors and page errors are collected. */
export async function openBrowser(): Promise<BrowserSession> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'agent-hospital-chrome-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChrome(),
    headless: true,
    args: CHROME_ARGS,
    viewport: { width: 1366, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  mkdirSync(RESULTS_DIR, { recursive: true });
  return { context, page, consoleErrors: collectConsoleErrors(page), close: () => context.close() };
}

/** The page's console errors and uncaught errors, collected as they happen. */
export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  return errors;
}

/** Registers a suite's hooks: the served page and one fresh browser for the suite, closed after it. */
export function pageSuite(): { readonly session: BrowserSession; readonly url: string } {
  const suite = {} as { session: BrowserSession; url: string };
  beforeAll(async () => {
    suite.url = (await servePage()).url;
    suite.session = await openBrowser();
  });
  afterAll(async () => {
    await suite.session?.close();
  });
  return suite;
}
