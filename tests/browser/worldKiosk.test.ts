import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageSuite, RESULTS_DIR } from './harness';

describe('the kiosk (attract mode)', () => {
  const suite = pageSuite();

  it('follows one patient after another with captions, restarts itself, and its memory stays flat', async () => {
    const { page } = suite.session;
    await page.goto(`${suite.url}?kiosk=1&lang=en`);
    await page.waitForSelector('body[data-world="ready"]', { timeout: 90_000 });
    const caption = page.getByTestId('kiosk-caption');
    await expect(caption.textContent()).resolves.toMatch(/\S/);
    await expect(page.getByTestId('disclaimer').isVisible()).resolves.toBe(true);
    await page.evaluate(() => window.__hospital?.setSpeed(60));
    const cdp = await page.context().newCDPSession(page);
    const heap = async (): Promise<number> => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    const restarts = async (): Promise<number> => Number((await caption.getAttribute('data-restarts')) ?? 0);
    const captions = new Set<string>();
    const waitFor = async (n: number): Promise<void> => {
      for (let i = 0; i < 200 && (await restarts()) < n; i++) {
        captions.add((await caption.textContent()) ?? '');
        await page.waitForTimeout(500);
      }
    };
    await waitFor(1);
    expect(await restarts()).toBeGreaterThanOrEqual(1);
    const heapFirst = await heap();
    await waitFor(3);
    expect(await restarts()).toBeGreaterThanOrEqual(3);
    const later = await heap();
    // Each restart starts the doctors' study: a fast-forward whose accuracy rises on a card.
    const study = page.getByTestId('kiosk-study');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="kiosk-study"]')?.getAttribute('data-studies') ?? 0) >= 1, undefined, { timeout: 60_000 });
    const first = Number(await study.getAttribute('data-studied-from'));
    const last = Number(await study.getAttribute('data-studied-to'));
    expect(last, `study accuracy ${first} → ${last}`).toBeGreaterThan(first);
    await page.screenshot({ path: join(RESULTS_DIR, 'world-kiosk.png') });
    console.info(`kiosk: ${await restarts()} restarts, heap after the first ${(heapFirst / 1e6).toFixed(1)} MB, after the third ${(later / 1e6).toFixed(1)} MB`);
    // Several different captions: the tour told the journeys as they happened.
    expect(captions.size).toBeGreaterThan(5);
    expect(later / heapFirst, `heap ${Math.round(heapFirst / 1e6)} MB → ${Math.round(later / 1e6)} MB`).toBeLessThan(1.25);
    expect(suite.session.consoleErrors).toEqual([]);
  }, 180_000);
});
