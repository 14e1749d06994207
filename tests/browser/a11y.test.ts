import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servePage, type BrowserSession } from './harness';
import { openDevice, type DeviceName } from './devices';
import { axeViolations, openView, VIEW_IDS } from './axe';

/** Serious and critical findings fail; moderate and minor ones are printed to be looked at. */
const BLOCKING = new Set(['serious', 'critical']);

for (const device of ['laptop', 'phone'] as DeviceName[])
  describe(`axe-core finds no serious or critical accessibility fault in any view (${device})`, () => {
    let session: BrowserSession;
    let url: string;

    beforeAll(async () => {
      url = (await servePage()).url;
      session = await openDevice(device);
    });
    afterAll(async () => {
      await session?.close();
    });

    for (const view of VIEW_IDS)
      for (const lang of ['en', 'zh'])
        it(`${view} (${lang})`, async () => {
          const { page } = session;
          await openView(page, url, view, lang);
          const found = await axeViolations(page);
          const blocking = found.filter((v) => BLOCKING.has(v.impact ?? ''));
          const other = found.filter((v) => !BLOCKING.has(v.impact ?? ''));
          if (other.length > 0)
            console.log(`${view} (${lang}, ${device}) minor:`, other.map((v) => `${v.id} ×${v.nodes.length}`).join(', '));
          expect(blocking.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 4).join(' | ')}`)).toEqual([]);
        });

    it('world with someone inspected (chosen by keyboard) and the menu open', async () => {
      const { page } = session;
      await openView(page, url, 'world');
      await page.getByTestId('world-stage').focus();
      await page.keyboard.press('Enter');
      await page.locator('[data-testid="inspector"] .inspect').waitFor({ timeout: 5000 });
      if (await page.getByTestId('menu-toggle').isVisible()) await page.getByTestId('menu-toggle').click();
      const blocking = (await axeViolations(page)).filter((v) => BLOCKING.has(v.impact ?? ''));
      expect(blocking.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 4).join(' | ')}`)).toEqual([]);
    });
  });
