import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SOAK } from '../soak';
import { pageSuite, RESULTS_DIR } from './harness';

/** Restarts watched: a few in `npm test`; in the soak, a compressed hour of tours (about ten minutes of wall time). */
const RESTARTS = SOAK ? 40 : 3;

describe('the kiosk (attract mode)', () => {
  const suite = pageSuite();

  it(
    'follows one patient after another with captions, restarts itself, and its memory stays flat',
    async () => {
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
      // Mean time between animation frames over two seconds: a world that slowed down would show here.
      const frameMs = (): Promise<number> =>
        page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const times: number[] = [];
              const tick = (t: number): void => {
                times.push(t);
                if (t - times[0]! < 2_000) requestAnimationFrame(tick);
                else resolve((times.at(-1)! - times[0]!) / (times.length - 1));
              };
              requestAnimationFrame(tick);
            }),
        );
      const restarts = async (): Promise<number> => Number((await caption.getAttribute('data-restarts')) ?? 0);
      // Every caption the tour shows, collected by the page as it changes.
      await page.evaluate(() => {
        const el = document.querySelector('[data-testid="kiosk-caption"]') as HTMLElement;
        const seen = new Set<string>([el.textContent ?? '']);
        (window as unknown as { __captions: Set<string> }).__captions = seen;
        new MutationObserver(() => seen.add(el.textContent ?? '')).observe(el, { subtree: true, childList: true, characterData: true });
      });
      const waitFor = (n: number): Promise<unknown> =>
        page
          .waitForFunction(
            (k) => Number(document.querySelector('[data-testid="kiosk-caption"]')?.getAttribute('data-restarts') ?? 0) >= k,
            n,
            { polling: 250, timeout: SOAK ? 3_000_000 : 150_000 },
          )
          .catch(() => undefined);
      await waitFor(1);
      expect(await restarts()).toBeGreaterThanOrEqual(1);
      const heapFirst = await heap();
      const framesFirst = await frameMs();
      await waitFor(RESTARTS);
      expect(await restarts()).toBeGreaterThanOrEqual(RESTARTS);
      const later = await heap();
      const framesLater = await frameMs();
      // Each restart starts the doctors' study: a fast-forward whose accuracy rises on a card.
      const study = page.getByTestId('kiosk-study');
      await page.waitForFunction(
        () => Number(document.querySelector('[data-testid="kiosk-study"]')?.getAttribute('data-studies') ?? 0) >= 1,
        undefined,
        { timeout: 60_000 },
      );
      const first = Number(await study.getAttribute('data-studied-from'));
      const last = Number(await study.getAttribute('data-studied-to'));
      expect(last, `study accuracy ${first} → ${last}`).toBeGreaterThan(first);
      await page.screenshot({ path: join(RESULTS_DIR, 'world-kiosk.png') });
      console.info(
        `kiosk: ${await restarts()} restarts, heap after the first ${(heapFirst / 1e6).toFixed(1)} MB, at the end ${(later / 1e6).toFixed(1)} MB; ` +
          `frame ${framesFirst.toFixed(1)} ms → ${framesLater.toFixed(1)} ms`,
      );
      // Several different captions: the tour told the journeys as they happened.
      expect(await page.evaluate(() => (window as unknown as { __captions: Set<string> }).__captions.size)).toBeGreaterThan(5);
      expect(later / heapFirst, `heap ${Math.round(heapFirst / 1e6)} MB → ${Math.round(later / 1e6)} MB`).toBeLessThan(1.25);
      // Flat frame time; two milliseconds of slack for a busy two-core machine.
      expect(framesLater, `frame ${framesFirst.toFixed(1)} ms → ${framesLater.toFixed(1)} ms`).toBeLessThan(framesFirst * 1.25 + 2);
      expect(suite.session.consoleErrors).toEqual([]);
    },
    SOAK ? 3_600_000 : 180_000,
  );
});
