/**
 * a11y.violations: axe-core (WCAG 2.1 A and AA rules) over every view of the built page, in
 * English and Chinese, on a laptop's screen and a phone's; the serious and critical findings
 * counted (target 0), the moderate and minor ones in the note.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { axeViolations, openView, VIEW_IDS } from '../tests/browser/axe';
import { CHROME_ARGS, findChrome } from '../tests/browser/chrome';
import type { BenchResult } from './report';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SCREENS = [
  { name: 'laptop', viewport: { width: 1366, height: 768 } },
  { name: 'phone', viewport: { width: 412, height: 915 }, deviceScaleFactor: 2.625, isMobile: true, hasTouch: true },
];

export async function benchA11y(): Promise<BenchResult[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'agent-hospital-a11y-'));
  await build({ root: ROOT, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await preview({ root: ROOT, logLevel: 'warn', build: { outDir }, preview: { port: 0, host: '127.0.0.1' } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the preview server did not report a URL');
  const browser = await chromium.launch({ executablePath: findChrome(), headless: true, args: CHROME_ARGS });
  let blocking = 0;
  let pages = 0;
  const rules = new Map<string, number>();
  try {
    for (const { name: _name, ...screen } of SCREENS) {
      const context = await browser.newContext(screen);
      const page = await context.newPage();
      for (const view of VIEW_IDS)
        for (const lang of ['en', 'zh']) {
          await openView(page, url, view, lang);
          pages++;
          for (const v of await axeViolations(page)) {
            if (v.impact === 'serious' || v.impact === 'critical') blocking += v.nodes.length;
            const key = `${v.impact ?? '?'} ${v.id}`;
            rules.set(key, (rules.get(key) ?? 0) + v.nodes.length);
          }
        }
      await context.close();
    }
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
  const found = [...rules].map(([rule, n]) => `${rule} ×${n}`).join(', ') || 'none';
  return [
    {
      name: 'a11y.violations',
      value: blocking,
      unit: 'elements',
      target: '0 serious or critical',
      note: `axe-core, WCAG 2.1 AA, ${pages} pages (${VIEW_IDS.length} views × en, zh × laptop, phone); all findings: ${found}`,
    },
  ];
}
