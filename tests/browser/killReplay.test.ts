import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Rng } from '../../src/sim/rng';
import { SOAK } from '../soak';
import { pageSuite } from './harness';
import { auditStore, count } from './storeAudit';

/** The dashboard's replay of 20,000 stores a batch every 1,000 consultations (defaultBatchSize). */
const REPLAY = 20_000;
const BATCH = 1_000;
const ROUNDS = SOAK ? 20 : 3;

describe('closing the page in the middle of a fast-forward', () => {
  const suite = pageSuite();

  /** Opens the learning view in a new tab of the same profile; console errors are collected per tab. */
  async function open(): Promise<{ page: Page; errors: string[] }> {
    const page = await suite.session.context.newPage();
    const errors: string[] = [];
    page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
    page.on('pageerror', (err) => errors.push(String(err)));
    await page.goto(`${suite.url}?view=learning&lang=en`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    await page.getByTestId('learning-dashboard').waitFor();
    return { page, errors };
  }

  it(`loses at most one batch and leaves the bases consistent, ${ROUNDS} times`, { timeout: ROUNDS * 60_000 }, async () => {
    await suite.session.page.close();
    const rng = Rng.seeded(20_261_205);
    let stored = 0;
    let shown = 0;
    const kills: string[] = [];
    for (let round = 0; round <= ROUNDS; round++) {
      const { page, errors } = await open();
      const audit = await auditStore(page);
      expect(audit.problems, `round ${round}`).toEqual([]);
      const gained = audit.consultations - stored;
      expect(gained % BATCH, `round ${round}: only whole batches are stored`).toBe(0);
      // Everything up to the last whole batch before the figure shown at the close survived.
      expect(gained, `round ${round}: ${shown} were done when the page closed`).toBeGreaterThan(shown - BATCH - 1);
      expect(count(await page.getByTestId('summary-consultations').textContent())).toBe(audit.consultations);
      expect(errors, `round ${round}: console errors on reopening`).toEqual([]);
      if (round > 0) kills.push(`${shown} shown, ${gained} kept`);
      stored = audit.consultations;
      if (round === ROUNDS) {
        await page.close();
        break;
      }

      await page.fill('[data-testid="replay-custom"]', String(REPLAY));
      await page.click('[data-testid="replay-custom-start"]');
      await page.waitForSelector('[data-testid="replay-status"][data-state="running"]', { timeout: 60_000 });
      // Closed at a random point of the replay: once it has shown a random number of consultations.
      const target = rng.int(200, REPLAY / 4);
      await page.waitForFunction(
        (n) => {
          const text = document.querySelector('[data-testid="replay-status"]')?.textContent ?? '';
          return Number((/^([\d,]+) \//.exec(text)?.[1] ?? '0').replace(/,/g, '')) >= n;
        },
        target,
        { polling: 50, timeout: 120_000 },
      );
      const status = (await page.getByTestId('replay-status').textContent()) ?? '';
      expect(
        await page.getByTestId('replay-status').getAttribute('data-state'),
        `round ${round}: the replay is still running when the page closes`,
      ).toBe('running');
      shown = count(/^([\d,]+) \//.exec(status)?.[1] ?? '0');
      await page.close();
    }

    console.info(`kills: ${kills.join('; ')}`);

    // The bases the kills left behind still learn: a short run completes and is stored.
    const { page, errors } = await open();
    const before = await auditStore(page);
    await page.fill('[data-testid="replay-custom"]', '300');
    await page.click('[data-testid="replay-custom-start"]');
    await page.waitForSelector('[data-testid="replay-status"][data-state="finished"]', { timeout: 120_000 });
    const final = await auditStore(page);
    expect(final.problems).toEqual([]);
    expect(final.consultations).toBe(before.consultations + 300);
    expect(final.cases).toBeGreaterThan(before.cases);
    expect(count(await page.getByTestId('summary-consultations').textContent())).toBe(final.consultations);
    expect(errors).toEqual([]);
  });
});
