import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/**
 * The page's views and axe-core, shared by the accessibility test (tests/browser/a11y.test.ts)
 * and the bench's a11y.violations (bench/a11y.ts). Nothing here imports vitest.
 */

/** Every view of the page, by its `?view=` id. */
export const VIEW_IDS = [
  'world',
  'learning',
  'knowledge',
  'training',
  'triage-training',
  'consult',
  'assistant',
  'drill',
  'settings',
] as const;

/** Opens a view and waits until the page has mounted it (the hospital: until it is drawn). */
export async function openView(page: Page, url: string, view: string, lang = 'en'): Promise<void> {
  await page.goto(`${url}?view=${view}&lang=${lang}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 90_000 });
  if (view === 'world') await page.waitForSelector('body[data-world="ready"]', { timeout: 90_000 });
  await page.waitForFunction(() => document.fonts.status === 'loaded');
}

/** An axe-core finding, as much as a report needs. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core's source, injected into the page (the package is a development dependency). */
const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Runs axe-core (WCAG 2.1 A and AA rules) over the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SOURCE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeResult[] }> } }).axe;
    type AxeResult = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}
