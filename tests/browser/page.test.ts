import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageSuite, RESULTS_DIR } from './harness';

describe('the page in Chromium', () => {
  const suite = pageSuite();

  it('paints the title and disclaimer, then opens the hospital view by default', async () => {
    const { page } = suite.session;
    await page.goto(`${suite.url}?lang=en`);
    await page.waitForSelector('body[data-ready]', { timeout: 30_000 });
    await expect(page.locator('h1').textContent()).resolves.toBe('Agent Hospital');
    await expect(page.getByTestId('disclaimer').textContent()).resolves.toContain('not medical advice');
    await expect(page.locator('nav.view-switch button.active').getAttribute('data-view')).resolves.toBe('world');
    expect(new URL(page.url()).searchParams.get('view')).toBe('world');
  });

  it('loads the knowledge view from ?view=knowledge with no console errors', async () => {
    const { page } = suite.session;
    await page.goto(`${suite.url}?lang=en&view=knowledge`);
    await page.waitForSelector('body[data-ready]', { timeout: 30_000 });
    const problem = (await page.locator('.error').count()) > 0 ? await page.locator('.error').textContent() : '';
    expect(await page.getAttribute('body', 'data-ready'), problem ?? '').toBe('true');
    await expect(page.title()).resolves.toContain('Agent Hospital');
    await expect(page.getByTestId('disclaimer').textContent()).resolves.toContain('not medical advice');
    const diseases = await page.locator('[data-testid="disease-list"] li').count();
    expect(diseases).toBeGreaterThanOrEqual(300);
    await page.screenshot({ path: join(RESULTS_DIR, 'page-en.png'), fullPage: false });
    expect(suite.session.consoleErrors).toEqual([]);
  });

  it('browses a department and opens a disease entry', async () => {
    const { page } = suite.session;
    await page.click('[data-department="cardiology"]');
    const items = page.locator('[data-testid="disease-list"] li button');
    expect(await items.count()).toBeGreaterThanOrEqual(8);
    await items.first().click();
    const card = page.locator('.disease-card');
    await expect(card.locator('.icd').textContent()).resolves.toMatch(/^I\d{2}/);
    await expect(card.textContent()).resolves.toContain('First-line treatment');
  });

  it('filters the list as the visitor types', async () => {
    const { page } = suite.session;
    await page.click('.departments button:first-child');
    await page.fill('input.search', 'I21');
    const visible = page.locator('[data-testid="disease-list"] li:not([hidden])');
    expect(await visible.count()).toBeGreaterThanOrEqual(1);
    expect(await visible.count()).toBeLessThan(5);
  });

  it('switches views with the view switcher and keeps the choice in the URL', async () => {
    const { page } = suite.session;
    await page.click('[data-view="world"]');
    await page.waitForSelector('[data-testid="world-stage"]');
    expect(new URL(page.url()).searchParams.get('view')).toBe('world');
    await page.click('[data-view="knowledge"]');
    await page.waitForSelector('[data-testid="disease-list"]');
    expect(new URL(page.url()).searchParams.get('view')).toBe('knowledge');
  });

  it('switches the whole page to Chinese', async () => {
    const { page } = suite.session;
    await page.click('[data-lang="zh"]');
    await expect(page.locator('h1').textContent()).resolves.toBe('智能体医院');
    await expect(page.getByTestId('disclaimer').textContent()).resolves.toContain('不构成医疗建议');
    await expect(page.locator('[data-department="cardiology"]').textContent()).resolves.toContain('心血管内科');
    await page.screenshot({ path: join(RESULTS_DIR, 'page-zh.png') });
  });

  it('understands a lay description and shows text as text', async () => {
    const { page } = suite.session;
    await page.click('[data-lang="en"]');
    await page.fill('.matcher-input', '<img src=x onerror="window.__pwned=1"> tummy ache, no fever');
    const chips = page.getByTestId('matcher-chips');
    await expect(chips.locator('li[data-term="abdominal-pain"]').textContent()).resolves.toContain('Abdominal pain');
    await expect(chips.locator('li[data-term="fever"][data-present="false"]').textContent()).resolves.toContain('Fever');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('generates a patient whose disease stays hidden until revealed', async () => {
    const { page } = suite.session;
    const patient = page.getByTestId('patient');
    await expect(patient.locator('.truth').isVisible()).resolves.toBe(false);
    await patient.locator('button').click();
    await expect(patient.locator('.truth').isVisible()).resolves.toBe(true);
    expect(suite.session.consoleErrors).toEqual([]);
  });
});
