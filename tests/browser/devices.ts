import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROME_ARGS, findChrome } from './chrome';
import { collectConsoleErrors, RESULTS_DIR, type BrowserSession } from './harness';
import type { HospitalHook } from '../../src/ui/world/testHook';

/** The screens the page is checked on: a laptop, a phone and a tablet (CSS pixels, device pixel ratio). */
export const DEVICES = {
  laptop: { viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false },
  phone: { viewport: { width: 412, height: 915 }, deviceScaleFactor: 2.625, isMobile: true, hasTouch: true }, // Pixel 7
  tablet: { viewport: { width: 820, height: 1180 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }, // iPad Air
  narrow: { viewport: { width: 360, height: 780 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true }, // the narrowest phone supported
} as const;
export type DeviceName = keyof typeof DEVICES;

export const SCREENSHOTS_DIR = join(RESULTS_DIR, 'screenshots');

/** A fresh Chromium profile emulating a device (touch included); console errors are collected as in harness.ts. */
export async function openDevice(name: DeviceName, options: { reducedMotion?: boolean } = {}): Promise<BrowserSession> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'agent-hospital-chrome-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChrome(),
    headless: true,
    args: CHROME_ARGS,
    ...DEVICES[name],
    ...(options.reducedMotion ? { reducedMotion: 'reduce' as const } : {}),
  });
  const page = context.pages()[0] ?? (await context.newPage());
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  return { context, page, consoleErrors: collectConsoleErrors(page), close: () => context.close() };
}

/** What the visitor sees of the hospital: the share of the screen the canvas covers and the agents drawn inside it. */
export interface WorldFigures {
  canvasShare: number;
  agentsOnScreen: number;
  agentsInBuilding: number;
}

/**
 * Measured from the test hook's sprites and screenOf (page coordinates), so the same figures can
 * be read from any version of the page: an agent counts when its body is inside both the canvas
 * and the first screen (the viewport, unscrolled).
 */
export async function worldFigures(page: Page): Promise<WorldFigures> {
  return page.evaluate(() => {
    const h = (window as unknown as { __hospital?: HospitalHook }).__hospital;
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="world-stage"] canvas');
    if (!h || !canvas) throw new Error('the hospital is not drawn');
    const r = canvas.getBoundingClientRect();
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const left = Math.max(0, r.left);
    const top = Math.max(0, r.top);
    const right = Math.min(vw, r.right);
    const bottom = Math.min(vh, r.bottom);
    const canvasShare = (Math.max(0, right - left) * Math.max(0, bottom - top)) / (vw * vh);
    const sprites = h.sprites();
    const agentsOnScreen = sprites.filter((s) => {
      const p = h.screenOf(s.id);
      return !!p && p.x >= left && p.x <= right && p.y >= top && p.y <= bottom;
    }).length;
    return { canvasShare, agentsOnScreen, agentsInBuilding: sprites.length };
  });
}

/** The camera as the test hook reports it. */
export function cameraOf(page: Page): Promise<ReturnType<HospitalHook['camera']>> {
  return page.evaluate(() => (window as unknown as { __hospital: HospitalHook }).__hospital.camera());
}

/** Opens the hospital and waits until it is drawn with everyone in the building at opening time on it. */
export async function openHospital(page: Page, url: string, query = 'lang=en'): Promise<void> {
  await page.goto(`${url}?${query}`);
  await page.waitForSelector('body[data-world="ready"]', { timeout: 90_000 });
  await page.waitForFunction(
    () => ((window as unknown as { __hospital?: HospitalHook }).__hospital?.sprites().length ?? 0) >= 45,
    undefined,
    {
      timeout: 60_000,
    },
  );
}

/** Waits until the camera has stopped gliding and is as wanted (on the overview or not, following someone, zoomed past a value). */
export async function cameraSettles(page: Page, want: { overview?: boolean; following?: string; zoomAbove?: number } = {}): Promise<void> {
  await page.waitForFunction(
    (w) => {
      const c = (window as unknown as { __hospital: HospitalHook }).__hospital.camera();
      return (
        !c.moving &&
        (w.overview === undefined || c.overview === w.overview) &&
        (w.following === undefined || c.following === w.following) &&
        (w.zoomAbove === undefined || c.zoom > w.zoomAbove)
      );
    },
    want,
    { timeout: 30_000 },
  );
}
