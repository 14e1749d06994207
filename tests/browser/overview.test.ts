import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servePage, type BrowserSession } from './harness';
import { cameraOf, cameraSettles, openDevice, openHospital, SCREENSHOTS_DIR, worldFigures } from './devices';
import type { HospitalHook } from '../../src/ui/world/testHook';

/** Figures measured on main before this view opened on the overview (laptop 1366×768): 4 of 51 agents on screen. */
describe('on a laptop the hospital opens on the whole building, then glides to the busiest scene', () => {
  let session: BrowserSession;
  let url: string;

  beforeAll(async () => {
    url = (await servePage()).url;
    session = await openDevice('laptop');
    await openHospital(session.page, url);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('the first view fits the whole building with nearly everyone in it on screen', async () => {
    const { page } = session;
    const camera = await cameraOf(page);
    expect(camera.overview).toBe(true);
    expect(camera.zoom).toBeCloseTo(camera.overviewZoom, 2);
    const figures = await worldFigures(page);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'after-laptop.png') });
    console.log('laptop, first view', figures);
    expect(figures.agentsOnScreen / figures.agentsInBuilding).toBeGreaterThanOrEqual(0.9);
    expect(figures.canvasShare).toBeGreaterThanOrEqual(0.5);
    // The signs are redrawn larger for the overview and the bubbles are dots: nothing piles up.
    await expect(page.locator('.bubble:not(.compact)').count()).resolves.toBe(0);
  });

  it('then glides close to where most patients are, with readable bubbles', async () => {
    const { page } = session;
    await cameraSettles(page, { overview: false });
    const camera = await cameraOf(page);
    expect(camera.zoom).toBeGreaterThan(camera.overviewZoom * 2);
    const figures = await worldFigures(page);
    console.log('laptop, busiest scene', figures);
    expect(figures.agentsOnScreen).toBeGreaterThanOrEqual(6);
    // Close enough for words: no bubble is a dot.
    await expect(page.locator('.bubble.compact').count()).resolves.toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'after-laptop-scene.png') });
  });

  it('"Whole hospital" returns to the overview, and the zoom buttons zoom', async () => {
    const { page } = session;
    await page.getByTestId('camera-overview').click();
    await cameraSettles(page, { overview: true });
    const overview = await cameraOf(page);
    expect(overview.zoom).toBeCloseTo(overview.overviewZoom, 2);
    await expect(page.getByTestId('camera-overview').getAttribute('aria-pressed')).resolves.toBe('true');
    await page.getByTestId('camera-zoom-in').click();
    await cameraSettles(page, { zoomAbove: overview.zoom * 1.2 });
    await page.getByTestId('camera-busiest').click();
    await cameraSettles(page, { overview: false, zoomAbove: overview.zoom * 2 });
  });

  it('works by keyboard alone: arrows pan the focused map, Enter inspects the person in the middle, F follows', async () => {
    const { page } = session;
    const stage = page.getByTestId('world-stage');
    await stage.focus();
    await expect(stage.getAttribute('aria-label')).resolves.toContain('Arrow keys');
    const before = await cameraOf(page);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((x) => (window as unknown as { __hospital: HospitalHook }).__hospital.camera().x > x + 10, before.x);
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="inspector"] .inspect').waitFor({ timeout: 5000 });
    await page.keyboard.press('f');
    await page.waitForFunction(() => (window as unknown as { __hospital: HospitalHook }).__hospital.camera().following !== undefined);
    // The map's own keys stay on the map: Tab moves on to the next control, and focus shows.
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { onMap: el.dataset['testid'] === 'world-stage', outline: parseFloat(style.outlineWidth), style: style.outlineStyle };
    });
    expect(focused.onMap).toBe(false);
    expect(focused.style).not.toBe('none');
    expect(focused.outline).toBeGreaterThanOrEqual(2);
    expect(session.consoleErrors).toEqual([]);
  });
});

describe('with prefers-reduced-motion the camera jumps instead of gliding', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    const { url } = await servePage();
    session = await openDevice('laptop', { reducedMotion: true });
    await openHospital(session.page, url);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('no camera move ever runs as a glide, and bubbles do not fade', async () => {
    const { page } = session;
    // Sample the camera every frame across the opening move and two button presses: never "moving".
    await page.evaluate(() => {
      const w = window as unknown as { __hospital: HospitalHook; __glided?: boolean };
      w.__glided = false;
      const sample = (): void => {
        if (w.__hospital.camera().moving) w.__glided = true;
        requestAnimationFrame(sample);
      };
      sample();
    });
    await cameraSettles(page, { overview: false });
    await page.getByTestId('camera-overview').click();
    await cameraSettles(page, { overview: true });
    await page.getByTestId('camera-busiest').click();
    await cameraSettles(page, { overview: false });
    await expect(page.evaluate(() => (window as unknown as { __glided: boolean }).__glided)).resolves.toBe(false);
    const opacities = await page.$$eval('.bubble', (els) => els.map((e) => (e as HTMLElement).style.opacity));
    expect(opacities.every((o) => o === '1')).toBe(true);
  });
});
