import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageSuite, RESULTS_DIR } from './harness';

const FAMILY = 'Agent Hospital Sans SC';

/** The status of the page's Chinese font face: 'unloaded' until the browser fetches it. */
const faceStatus = (family: string): string => [...document.fonts].find((f) => f.family.replace(/"/g, '') === family)?.status ?? 'missing';

describe("Chinese in the page's own subset font", () => {
  const suite = pageSuite();

  it('is not fetched for an English page', async () => {
    const { page } = suite.session;
    const fetched: string[] = [];
    page.on('request', (r) => void (r.url().endsWith('.woff2') && fetched.push(r.url())));
    await page.goto(`${suite.url}?view=knowledge&lang=en`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    await expect(page.evaluate(faceStatus, FAMILY)).resolves.toBe('unloaded');
    expect(fetched).toEqual([]);
  });

  it('draws Chinese glyphs, not boxes, in the page and on the hospital canvas', async () => {
    const { page } = suite.session;
    await page.goto(`${suite.url}?view=world&lang=zh`);
    await page.waitForSelector('body[data-world="ready"]', { timeout: 90_000 });
    await page.waitForFunction(
      (family) => [...document.fonts].some((f) => f.family.replace(/"/g, '') === family && f.status === 'loaded'),
      FAMILY,
      {
        timeout: 30_000,
      },
    );
    // The same text drawn in the page's font and as characters no font has (boxes, or nothing).
    const drawn = await page.evaluate((family) => {
      const draw = (text: string): string => {
        const c = document.createElement('canvas');
        c.width = 240;
        c.height = 64;
        const ctx = c.getContext('2d') as CanvasRenderingContext2D;
        ctx.font = `48px "${family}"`;
        ctx.fillText(text, 0, 50);
        return c.toDataURL();
      };
      return {
        chinese: draw('耵聍医院'),
        boxes: draw('\u{10FFFD}\u{10FFFD}\u{10FFFD}\u{10FFFD}'),
        checked: document.fonts.check(`16px "${family}"`, '耵聍医院'),
      };
    }, FAMILY);
    expect(drawn.checked).toBe(true);
    expect(drawn.chinese).not.toBe(drawn.boxes);
    await expect(page.locator('h1').textContent()).resolves.toContain('智能体医院');
    await page.screenshot({ path: join(RESULTS_DIR, 'world-zh-font.png') });
    expect(suite.session.consoleErrors.filter((e) => !/favicon|404/.test(e))).toEqual([]);
  });
});
