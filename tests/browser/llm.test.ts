import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, RESULTS_DIR, servePage, type BrowserSession } from './harness';
import { startOpenAiServer, type TestServer } from '../support/openaiServer';

const KEY = 'sk-browser-secret-0123456789abcdef';

describe('the brain settings in Chromium', () => {
  let session: BrowserSession;
  let url: string;
  let endpoint: TestServer;

  beforeAll(async () => {
    url = (await servePage()).url;
    endpoint = await startOpenAiServer({ latencyMs: 20 });
    session = await openBrowser();
  });
  afterAll(async () => {
    await session?.close();
    await endpoint?.close();
  });

  it('tests the connection from the page, sends the key only to the endpoint, and stores it only when asked', async () => {
    const { page } = session;
    await page.goto(`${url}?lang=en&view=settings`);
    await page.waitForSelector('body[data-ready]', { timeout: 30_000 });
    await page.getByTestId('llm-settings').waitFor();
    expect(await page.getByTestId('brain-offline').isChecked()).toBe(true);
    await page.getByTestId('brain-llm').check();
    expect(await page.getByTestId('key').getAttribute('type')).toBe('password');
    await expect(page.getByTestId('privacy').textContent()).resolves.toContain('sent from this browser directly to the endpoint you chose');
    await page.getByTestId('preset').selectOption('custom');
    await page.getByTestId('baseURL').fill(endpoint.baseURL);
    await page.getByTestId('model').fill('test-model');
    await page.getByTestId('key').fill(KEY);
    await page.getByTestId('test').click();
    await page.waitForFunction(
      () => /Connected|Could not/.test(document.querySelector('[data-testid="status"]')?.textContent ?? ''),
      undefined,
      { timeout: 20_000 },
    );
    const status = (await page.getByTestId('status').textContent()) ?? '';
    expect(status).toMatch(/^Connected: test-model, \d+ ms; structured output \(json_schema\): supported$/);
    const call = endpoint.requests.find((r) => r.task === 'connection-check');
    expect(call?.authorization).toBe(`Bearer ${KEY}`);
    expect(call?.url).not.toContain(KEY);

    await page.getByTestId('save').click();
    const stored = await page.evaluate(() =>
      Object.keys(localStorage)
        .map((k) => `${k}=${localStorage.getItem(k) ?? ''}`)
        .join('\n'),
    );
    expect(stored).toContain('agent-hospital.llm.settings');
    expect(stored).not.toContain(KEY);
    await page.getByTestId('remember').check();
    await page.getByTestId('save').click();
    expect(await page.evaluate(() => localStorage.getItem('agent-hospital.llm.key'))).toBe(KEY);

    await page.locator('button[data-lang="zh"]').click();
    await expect(page.getByTestId('privacy').textContent()).resolves.toContain('密钥会随每次请求从本浏览器直接发送');
    expect(await page.content()).not.toContain(KEY);
    await page.screenshot({ path: join(RESULTS_DIR, 'llm-settings.png') });
    expect(session.consoleErrors).toEqual([]);
  });

  it('runs the hospital on the model once chosen: its words in the bubbles, streamed, its spend in the HUD', async () => {
    const { page } = session;
    // Its own settings: the language model at this endpoint, the key remembered.
    await page.goto(`${url}?lang=en&view=settings`);
    await page.getByTestId('llm-settings').waitFor({ timeout: 30_000 });
    await page.getByTestId('brain-llm').check();
    await page.getByTestId('preset').selectOption('custom');
    await page.getByTestId('baseURL').fill(endpoint.baseURL);
    await page.getByTestId('model').fill('test-model');
    await page.getByTestId('key').fill(KEY);
    await page.getByTestId('remember').check();
    await page.getByTestId('save').click();
    await page.waitForFunction((key) => localStorage.getItem('agent-hospital.llm.key') === key, KEY);
    const before = endpoint.requests.length;
    await page.goto(`${url}?lang=en`);
    await page.waitForSelector('body[data-world="ready"]', { timeout: 90_000 });
    await page.evaluate(() => (window as unknown as { __hospital: { setSpeed: (m: number) => void } }).__hospital.setSpeed(30));
    await page.waitForFunction(
      () => /[1-9]\d* calls/.test(document.querySelector('[data-testid="hud-llm"]')?.textContent ?? ''),
      undefined,
      { timeout: 60_000 },
    );
    // The patient's answers are the model's role-play, not the offline templates.
    await page.waitForFunction(
      () => [...document.querySelectorAll('.bubble')].some((b) => /It worries me/.test(b.textContent ?? '')),
      undefined,
      { timeout: 60_000 },
    );
    // The doctor's greeting is answered by the model's patient in a bubble that fills as it streams.
    type Streamed = { count: number; last?: { text: string; updates: number } };
    await page.waitForFunction(
      () => (window as unknown as { __hospital: { streamed: () => Streamed } }).__hospital.streamed().count > 0,
      undefined,
      { timeout: 60_000 },
    );
    const streamed = await page.evaluate(() => (window as unknown as { __hospital: { streamed: () => Streamed } }).__hospital.streamed());
    expect(streamed.last?.text).toBe('It started a few days ago, doctor, and it has been getting worse since.');
    // The test server sends the reply in 12-character pieces: the bubble grew piece by piece.
    expect(streamed.last?.updates).toBeGreaterThan(3);
    expect(endpoint.requests.slice(before).some((r) => r.task === 'patient-dialogue' && r.reply === 'stream')).toBe(true);
    const tasks = new Set(endpoint.requests.slice(before).map((r) => r.task));
    expect(tasks).toContain('doctor-inquiry');
    expect(endpoint.requests.slice(before).every((r) => r.authorization === `Bearer ${KEY}`)).toBe(true);
    await expect(page.getByTestId('hud-llm').textContent()).resolves.toMatch(/^Language model — This run: [1-9]\d* calls/);
    await page.screenshot({ path: join(RESULTS_DIR, 'world-llm.png') });
    expect(session.consoleErrors).toEqual([]);
  });
});
