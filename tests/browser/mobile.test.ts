import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { servePage, type BrowserSession } from './harness';
import { cameraOf, cameraSettles, openDevice, openHospital, SCREENSHOTS_DIR, worldFigures, type DeviceName } from './devices';
import { openView, VIEW_IDS } from './axe';
import type { HospitalHook } from '../../src/ui/world/testHook';

type Point = { x: number; y: number };

/** Touches through the DevTools protocol, as a finger makes them (playwright's own tap has one finger and no move). */
class Fingers {
  constructor(private readonly cdp: CDPSession) {}
  private send(type: 'touchStart' | 'touchMove' | 'touchEnd', points: Point[]): Promise<unknown> {
    return this.cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map((p, id) => ({ ...p, id })) });
  }
  /** Fingers go down at `from` and move in steps to `to` (one entry per finger), then lift. */
  async gesture(from: Point[], to: Point[], steps = 8): Promise<void> {
    await this.send('touchStart', from);
    for (let i = 1; i <= steps; i++)
      await this.send(
        'touchMove',
        from.map((f, k) => ({ x: f.x + ((to[k]!.x - f.x) * i) / steps, y: f.y + ((to[k]!.y - f.y) * i) / steps })),
      );
    await this.send('touchEnd', []);
  }
  async tap(p: Point): Promise<void> {
    await this.send('touchStart', [p]);
    await this.send('touchEnd', []);
  }
  /** Two taps sent at once (the protocol keeps their order), as quick as a finger: no round trip between them. */
  async doubleTap(p: Point): Promise<void> {
    await Promise.all([this.send('touchStart', [p]), this.send('touchEnd', []), this.send('touchStart', [p]), this.send('touchEnd', [])]);
  }
}

/** A staff member drawn below the camera buttons and above where the bottom sheet opens, and where they are. */
async function someoneOnScreen(page: Page): Promise<{ id: string; at: Point }> {
  const found = await page.evaluate(() => {
    const h = (window as unknown as { __hospital: HospitalHook }).__hospital;
    const r = document.querySelector('[data-testid="world-stage"] canvas')!.getBoundingClientRect();
    for (const s of h.sprites()) {
      const p = h.screenOf(s.id);
      const clear = p && p.x > r.left + 20 && p.x < r.right - 20 && p.y > r.top + 70 && p.y < window.innerHeight * 0.5 - 60;
      if (s.kind === 'staff' && clear) return { id: s.id, at: p };
    }
    return undefined;
  });
  if (!found) throw new Error('nobody is drawn in the upper part of the canvas');
  return found;
}

const noSideScroll = (page: Page): Promise<{ scrollWidth: number; innerWidth: number }> =>
  page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));

for (const device of ['phone', 'tablet'] as DeviceName[])
  describe(`on a ${device} the map comes first and answers to fingers`, () => {
    let session: BrowserSession;
    let fingers: Fingers;

    beforeAll(async () => {
      const { url } = await servePage();
      session = await openDevice(device);
      const cdp = await session.context.newCDPSession(session.page);
      await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
      fingers = new Fingers(cdp);
      await openHospital(session.page, url);
    });
    afterAll(async () => {
      await session?.close();
    });

    it('the first screen is at least half map, showing the whole building with nearly everyone in it', async () => {
      const { page } = session;
      const figures = await worldFigures(page);
      await page.screenshot({ path: join(SCREENSHOTS_DIR, `after-${device}.png`) });
      console.log(`${device}, first view`, figures);
      expect(figures.canvasShare).toBeGreaterThanOrEqual(0.5);
      expect(figures.agentsOnScreen / figures.agentsInBuilding).toBeGreaterThanOrEqual(0.9);
      expect(await noSideScroll(page).then((s) => s.scrollWidth <= s.innerWidth)).toBe(true);
      // The views are behind the menu; opening it shows them, choosing one closes it.
      await expect(page.locator('nav.view-switch').isVisible()).resolves.toBe(false);
      await page.getByTestId('menu-toggle').tap();
      await expect(page.locator('nav.view-switch').isVisible()).resolves.toBe(true);
      await expect(page.getByTestId('menu-toggle').getAttribute('aria-expanded')).resolves.toBe('true');
      await page.getByTestId('menu-toggle').tap();
      await expect(page.locator('nav.view-switch').isVisible()).resolves.toBe(false);
    });

    it('glides to the busiest scene; a drag pans, a pinch zooms', async () => {
      const { page } = session;
      await cameraSettles(page, { overview: false });
      await page.screenshot({ path: join(SCREENSHOTS_DIR, `after-${device}-scene.png`) });
      console.log(`${device}, busiest scene`, await worldFigures(page));
      const box = (await page.getByTestId('world-stage').boundingBox())!;
      const mid = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      const before = await cameraOf(page);
      await fingers.gesture([mid], [{ x: mid.x + 120, y: mid.y + 40 }]);
      const dragged = await cameraOf(page);
      // Dragging right and down shows what lay to the left and above: the centre moves the other way, by the drag over the zoom.
      expect(dragged.x).toBeCloseTo(before.x - 120 / before.zoom, 0);
      expect(dragged.y).toBeCloseTo(before.y - 40 / before.zoom, 0);
      await fingers.gesture(
        [
          { x: mid.x - 30, y: mid.y },
          { x: mid.x + 30, y: mid.y },
        ],
        [
          { x: mid.x - 90, y: mid.y },
          { x: mid.x + 90, y: mid.y },
        ],
      );
      const pinched = await cameraOf(page);
      expect(pinched.zoom).toBeGreaterThan(dragged.zoom * 2);
      expect(pinched.following).toBeUndefined();
    });

    it('a tap opens the inspector as a bottom sheet; a double tap follows', async () => {
      const { page } = session;
      // On the overview nobody moves under the finger: the staff stand at their posts.
      await page.getByTestId('camera-overview').tap();
      await cameraSettles(page, { overview: true });
      const { id, at } = await someoneOnScreen(page);
      await fingers.tap(at);
      const sheet = page.locator('aside.world-side.sheet-open[data-sheet-shown="inspector"]');
      await sheet.waitFor({ timeout: 5000 });
      await page.locator('[data-testid="inspector"] .inspect').waitFor({ timeout: 5000 });
      await expect(page.getByTestId('inspector').isVisible()).resolves.toBe(true);
      await expect(page.getByTestId('event-log').isVisible()).resolves.toBe(false);
      await page.screenshot({ path: join(SCREENSHOTS_DIR, `after-${device}-inspector.png`) });
      // The event log is the next tab of the same sheet.
      await page.locator('[data-sheet-tab="log"]').tap();
      await expect(page.getByTestId('event-log').isVisible()).resolves.toBe(true);
      await page.getByTestId('sheet-close').tap();
      await expect(page.getByTestId('event-log').isVisible()).resolves.toBe(false);

      const again = await page.evaluate((who) => (window as unknown as { __hospital: HospitalHook }).__hospital.screenOf(who), id);
      await fingers.doubleTap(again!);
      await page.waitForFunction((who) => (window as unknown as { __hospital: HospitalHook }).__hospital.camera().following === who, id, {
        timeout: 5000,
      });
      expect(session.consoleErrors).toEqual([]);
    });
  });

describe('every view fits a 360-pixel-wide phone without sideways scrolling', () => {
  let session: BrowserSession;
  let url: string;

  beforeAll(async () => {
    url = (await servePage()).url;
    session = await openDevice('narrow');
  });
  afterAll(async () => {
    await session?.close();
  });

  for (const view of VIEW_IDS)
    it(`${view}`, async () => {
      const { page } = session;
      await openView(page, url, view);
      const { scrollWidth, innerWidth } = await noSideScroll(page);
      if (scrollWidth > innerWidth) {
        const wide = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('main *')]
            .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
            .slice(0, 5)
            .map((e) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`),
        );
        expect.fail(`${view}: the page is ${scrollWidth} px wide on a ${innerWidth} px screen; too wide: ${wide.join(', ')}`);
      }
      await page.screenshot({ path: join(SCREENSHOTS_DIR, `narrow-${view}.png`), fullPage: true });
    });
});
