import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, servePage, type BrowserSession } from './harness';
import { coherent, startOpenAiServer, type Script, type TestServer } from '../support/openaiServer';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Markup that would run if any panel set it as HTML: each variant bumps window.__pwned. */
const PAYLOAD = `<img src=x onerror="window.__pwned=(window.__pwned||0)+1"><script>window.__pwned=1</script><b>bold</b>`;
const SHOWN = '<img src=x onerror=';

/** The coherent endpoint, with markup in every free text it writes: dialogue, reasoning, plans (first, so a bubble's cut-off keeps it). */
const hostile: Script = (req, n, task) => {
  const reply = coherent(req, n, task);
  if (reply.kind === 'text') return { kind: 'text', content: `${PAYLOAD} ${reply.content}` };
  if (reply.kind !== 'json') return reply;
  const v = reply.value as Record<string, unknown>;
  if (task === 'patient-roleplay')
    return {
      kind: 'json',
      value: { replies: (v['replies'] as { question: string; reply: string }[]).map((r) => ({ ...r, reply: `${PAYLOAD} ${r.reply}` })) },
    };
  if (task === 'doctor-diagnose')
    return { kind: 'json', value: { ...v, thought: (v['thought'] as string[]).map((t) => `${t} ${PAYLOAD}`) } };
  if (task === 'doctor-treat') return { kind: 'json', value: { ...v, plan: `${String(v['plan'])} ${PAYLOAD}` } };
  return reply;
};

describe('markup in names, dialogue, model answers and imported bases is shown as text', () => {
  let session: BrowserSession;
  let url: string;
  let endpoint: TestServer;

  beforeAll(async () => {
    url = (await servePage()).url;
    endpoint = await startOpenAiServer({ script: hostile });
    session = await openBrowser();
    session.page.on('dialog', (d) => {
      session.consoleErrors.push(`a dialog opened: ${d.message()}`);
      void d.dismiss();
    });
  });
  afterAll(async () => {
    await session?.close();
    await endpoint?.close();
  });

  /** Nothing ran: no flag set, no <img src=x> or <b>bold</b> element created anywhere in the page. */
  async function nothingRan(): Promise<void> {
    const { page } = session;
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(
      await page.evaluate(
        () =>
          document.querySelectorAll('img[src="x"]').length +
          [...document.querySelectorAll('b')].filter((b) => b.textContent === 'bold').length,
      ),
    ).toBe(0);
  }

  it('the bubbles show the model’s markup as text', async () => {
    const { page } = session;
    await page.goto(`${url}?lang=en&view=settings`);
    await page.waitForSelector('body[data-ready]', { timeout: 30_000 });
    await page.evaluate((baseURL) => {
      localStorage.setItem(
        'agent-hospital.llm.settings',
        JSON.stringify({ brain: 'llm', preset: 'custom', baseURL, model: 'test-model', remember: true, spendCapTokens: 0, concurrency: 4 }),
      );
      localStorage.setItem('agent-hospital.llm.key', 'sk-injection-test');
    }, endpoint.baseURL);
    await page.goto(`${url}?lang=en`);
    await page.waitForSelector('body[data-world="ready"]', { timeout: 90_000 });
    await page.evaluate(() => (window as unknown as { __hospital: { setSpeed: (m: number) => void } }).__hospital.setSpeed(30));
    await page.waitForFunction(
      () => [...document.querySelectorAll('.bubble')].some((b) => (b.textContent ?? '').startsWith('<img src=x')),
      undefined,
      { timeout: 90_000 },
    );

    // The event log and the inspector are built from the knowledge base's names and ids, so the
    // model's free text reaches the page only in the bubbles checked here.
    await nothingRan();
    expect(session.consoleErrors).toEqual([]);
  });

  it('an imported lesson and a learner’s name are shown as text, and typed markup runs nowhere', async () => {
    const { page } = session;
    const dir = mkdtempSync(join(tmpdir(), 'agent-hospital-injection-'));
    const file = join(dir, 'bundle.json');
    execFileSync(
      process.execPath,
      [join(ROOT, 'bin/agent-hospital.js'), 'simulate', '--consultations', '300', '--seed', '3', '--save', file, '--json'],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const bundle = JSON.parse(readFileSync(file, 'utf8')) as { doctors: { experiences: { text: { en: string; zh: string } }[] }[] };
    const taught = bundle.doctors.filter((d) => d.experiences.length > 0);
    expect(taught.length).toBeGreaterThan(0);
    for (const d of taught) for (const x of d.experiences) x.text = { en: PAYLOAD, zh: PAYLOAD };
    writeFileSync(file, JSON.stringify(bundle));
    await page.goto(`${url}?view=learning&lang=en`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    await page.setInputFiles('[data-testid="import-file"]', file);
    await page.click('[data-testid="import-replace"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="summary-consultations"]')?.textContent === '300');
    await expect(page.getByTestId('experience-list').textContent()).resolves.toContain(SHOWN);
    await nothingRan();

    await page.goto(`${url}?view=training&lang=en`);
    await page.getByTestId('training-case').waitFor({ timeout: 60_000 });
    await page.fill('[data-testid="learner-name"]', PAYLOAD);
    await page.locator('[data-testid="learner-name"]').blur();
    await page.fill('[data-testid="ask-input"]', `any fever? ${PAYLOAD}`);
    await page.click('[data-testid="ask-button"]');
    await page.fill('[data-testid="diagnosis-search"]', 'pneumonia');
    await page.locator('[data-testid="diagnosis-matches"] button').first().click();
    await page.check('[data-testid="treat-first-line"]');
    await page.click('[data-testid="submit"]');
    await page.getByTestId('debrief').waitFor();
    // The printable report escapes the name: the downloaded page holds no live markup.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-html"]')]);
    const html = readFileSync((await download.path()) as string, 'utf8');
    expect(html).toContain('&lt;img src=x onerror=');
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/<script/i);
    await nothingRan();

    await page.goto(`${url}?view=consult&lang=en`);
    await page.fill('[data-testid="consult-text"]', `sore throat ${PAYLOAD}`);
    await page.click('[data-testid="consult-start"]');
    // The consultation has begun: the doctor asks its first question or gives its advice.
    await page.locator('[data-testid="consult-question"], [data-testid="advice"]').first().waitFor({ timeout: 10_000 });
    await nothingRan();
    expect(session.consoleErrors).toEqual([]);
  });
});
