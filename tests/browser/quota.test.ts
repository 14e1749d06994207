import { describe, expect, it } from 'vitest';
import { pageSuite } from './harness';
import { auditStore, count } from './storeAudit';

describe('a fast-forward that fills the browser storage', () => {
  const suite = pageSuite();

  it('stops with a clear message, keeps whole batches and leaves nothing corrupt', { timeout: 240_000 }, async () => {
    const { page, context } = suite.session;
    await page.goto(`${suite.url}?view=learning&lang=en`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    const origin = new URL(suite.url).origin;
    const cdp = await context.newCDPSession(page);
    // A few megabytes: the first batches fit, a long replay does not.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 4 * 1024 * 1024 });

    await page.fill('[data-testid="replay-custom"]', '100000');
    await page.click('[data-testid="replay-custom-start"]');
    await page.waitForSelector('[data-testid="replay-status"][data-state="failed"]', { timeout: 180_000 });
    const status = (await page.getByTestId('replay-status').textContent()) ?? '';
    expect(status).toMatch(/^The fast-forward stopped: The browser's storage for this page is full/);
    expect(status).toContain('Nothing stored before was lost');

    const audit = await auditStore(page);
    console.info(`quota: ${audit.consultations} consultations kept when the storage filled`);
    expect(audit.problems).toEqual([]);
    // Batches of 5,000 (defaultBatchSize of 100,000): at least one fitted, whole ones only.
    expect(audit.consultations).toBeGreaterThan(0);
    expect(audit.consultations % 5_000).toBe(0);
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid="summary-consultations"]')?.textContent === n.toLocaleString('en-US'),
      audit.consultations,
    );

    // With room again the kept bases load and go on learning.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    suite.session.consoleErrors.length = 0;
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    expect(count(await page.getByTestId('summary-consultations').textContent())).toBe(audit.consultations);
    await page.fill('[data-testid="replay-custom"]', '300');
    await page.click('[data-testid="replay-custom-start"]');
    await page.waitForSelector('[data-testid="replay-status"][data-state="finished"]', { timeout: 120_000 });
    const after = await auditStore(page);
    expect(after.problems).toEqual([]);
    expect(after.consultations).toBe(audit.consultations + 300);
    expect(suite.session.consoleErrors).toEqual([]);
  });
});
