import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBrowser, pageSuite, RESULTS_DIR } from './harness';

describe('the teaching and consultation modes in Chromium', () => {
  const suite = pageSuite();

  const open = async (query: string): Promise<void> => {
    await suite.session.page.goto(`${suite.url}?${query}`);
    await suite.session.page.waitForSelector('body[data-ready]', { timeout: 60_000 });
    expect(await suite.session.page.getAttribute('body', 'data-ready')).toBe('true');
  };

  it('a scripted learner completes a training case and gets a score and a debrief', async () => {
    const { page } = suite.session;
    await open('view=training&lang=en');
    await page.getByTestId('training-case').waitFor();
    await page.fill('[data-testid="ask-input"]', 'any fever or cough?');
    await page.click('[data-testid="ask-button"]');
    await page.selectOption('[data-testid="question-select"]', 'headache');
    await page.click('[data-testid="ask-picked"]');
    await expect.poll(() => page.locator('[data-testid="dialogue"] li').count()).toBeGreaterThanOrEqual(5);
    await page.click('[data-testid="order-bedside"]');
    await page.selectOption('[data-testid="exam-select"]', 'cbc');
    await page.click('[data-testid="order-button"]');
    await expect(page.getByTestId('exam-results').textContent()).resolves.toMatch(
      /Vital signs.*Physical examination.*Complete blood count/s,
    );
    await expect(page.getByTestId('case-cost').textContent()).resolves.toMatch(/¥\d+/);
    await page.fill('[data-testid="diagnosis-search"]', 'pneumonia');
    await page.locator('[data-testid="diagnosis-matches"] button').first().click();
    await page.check('[data-testid="treat-first-line"]');
    await page.click('[data-testid="submit"]');
    const debrief = page.getByTestId('debrief');
    await debrief.waitFor();
    const score = Number(await page.getByTestId('score').textContent());
    expect(score).toBeGreaterThanOrEqual(0);
    expect(score).toBeLessThanOrEqual(100);
    await expect(page.getByTestId('truth').textContent()).resolves.toMatch(/\([A-Z]\d{2}/);
    await expect(page.getByTestId('virtual-doctor').textContent()).resolves.toMatch(/Vital signs/);
    await expect(debrief.textContent()).resolves.toContain('Teaching point');
    await expect(page.getByTestId('session-report').textContent()).resolves.toContain('Session report');
    await page.screenshot({ path: join(RESULTS_DIR, 'modes-training-en.png'), fullPage: true });
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-csv"]')]);
    const csv = readFileSync((await download.path()) as string, 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^session,learner,caseIndex,role/);
    expect(csv.split('\r\n')[1]).toContain(String(score));
    // The summary reaches the hospital's own store (its export and dashboard read it from there).
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const req = indexedDB.open('agent-hospital');
              req.onsuccess = () => {
                const db = req.result;
                if (!db.objectStoreNames.contains('training')) return resolve(-1);
                const all = db.transaction('training').objectStore('training').getAll();
                all.onsuccess = () => {
                  db.close();
                  resolve((all.result as { mode: string }[]).filter((r) => r.mode === 'training').length);
                };
              };
            }),
        ),
      )
      .toBe(1);
    // The progress is kept: coming back resumes at the next case, with the report of the first.
    await open('view=training&lang=en');
    await expect(page.getByTestId('case-progress').textContent()).resolves.toBe('Case 2 of 5');
    await expect(page.getByTestId('session-report').textContent()).resolves.toContain('0/1 correct');
    expect(suite.session.consoleErrors).toEqual([]);
  });

  it('a class link gives another learner the same patient, and a damaged link is refused', async () => {
    const { page } = suite.session;
    await open('view=training&lang=zh');
    await page.locator('details summary').first().click();
    await page.fill('[data-testid="session-seed"]', '4242');
    await page.fill('[data-testid="session-cases"]', '3');
    await page.selectOption('[data-testid="session-departments"]', ['respiratory']);
    await page.click('[data-testid="session-start"]');
    const link = await page.getByTestId('session-link').inputValue();
    expect(link).toContain('session=');
    const name = await page.getByTestId('patient-name').textContent();
    await expect(page.getByTestId('case-progress').textContent()).resolves.toContain('共3例');
    await page.fill('[data-testid="ask-input"]', '发烧吗？咳嗽吗？');
    await page.click('[data-testid="ask-button"]');
    await page.screenshot({ path: join(RESULTS_DIR, 'modes-training-zh.png'), fullPage: true });
    const other = await suite.session.context.newPage();
    await other.goto(link);
    await other.waitForSelector('body[data-ready]', { timeout: 60_000 });
    await expect(other.getByTestId('patient-name').textContent()).resolves.toBe(name);
    await other.goto(link.replace(/session=[^&]+/, 'session=eyJ2IjoxLCJjYXNlcyI6OTk5fQ'));
    await other.waitForSelector('body[data-ready]', { timeout: 60_000 });
    await expect(other.getByTestId('session-error').textContent()).resolves.toMatch(/cases/);
    await other.close();
  });

  it('a timed case is handed in when the time is up', async () => {
    // A browser of its own: the fake clock is installed for a whole browser context.
    const own = await openBrowser();
    const page = own.page;
    await page.clock.install();
    const code = Buffer.from(JSON.stringify({ v: 1, cases: 2, seed: 9, timeLimitMinutes: 1 })).toString('base64url');
    await page.goto(`${suite.url}?view=training&lang=en&session=${code}`);
    await page.waitForSelector('[data-testid="training-case"]', { timeout: 60_000 });
    await expect(page.getByTestId('time-left').textContent()).resolves.toMatch(/Time left: [01]:\d\d/);
    await page.clock.runFor(65_000);
    await page.getByTestId('debrief').waitFor();
    await expect(page.getByRole('status').filter({ hasText: 'Time is up' }).count()).resolves.toBe(1);
    await expect(page.getByTestId('score').textContent()).resolves.toMatch(/^\d+$/);
    expect(own.consoleErrors).toEqual([]);
    await own.close();
  });

  it('the consultation flags crushing chest pain as an emergency, in English and Chinese', async () => {
    const { page } = suite.session;
    for (const [lang, text, expected] of [
      ['en', 'crushing chest pain for an hour', 'Seek emergency care now'],
      ['zh', '胸痛一小时，出冷汗', '请立即就医急诊'],
    ] as const) {
      await open(`view=consult&lang=${lang}`);
      await expect(page.getByTestId('consult-notice').textContent()).resolves.toMatch(
        lang === 'en' ? /not medical advice.*sends nothing anywhere/s : /不构成医疗建议/,
      );
      await page.fill('[data-testid="consult-age"]', '58');
      await page.selectOption('[data-testid="consult-sex"]', 'M');
      await page.fill('[data-testid="consult-text"]', text);
      await page.click('[data-testid="consult-start"]');
      await expect(page.getByTestId('emergency').textContent()).resolves.toContain(expected);
    }
    await page.screenshot({ path: join(RESULTS_DIR, 'modes-consult-zh.png'), fullPage: true });
  });

  it('the consultation interviews a person without a red flag and advises a department', async () => {
    const { page } = suite.session;
    await open('view=consult&lang=en');
    await page.fill('[data-testid="consult-text"]', 'sore throat and fever since yesterday, no cough');
    await page.click('[data-testid="consult-start"]');
    for (let i = 0; i < 12 && (await page.getByTestId('consult-question').count()) > 0; i++) await page.click('[data-testid="answer-no"]');
    await expect(page.getByTestId('department').textContent()).resolves.not.toBe('');
    expect(await page.locator('[data-testid="differential"] li').count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId('emergency').count()).toBe(0);
  });

  it('a triage trainee sends a patient to a department and is scored against the true one', async () => {
    const { page } = suite.session;
    await open('view=triage-training&lang=zh');
    await expect(page.locator('.view h2').first().textContent()).resolves.toBe('分诊培训');
    await page.click('[data-testid="training-case"] [data-department="emergency"]');
    await expect(page.getByTestId('score').textContent()).resolves.toMatch(/^(0|100)$/);
    await expect(page.getByTestId('debrief').textContent()).resolves.toContain('医院的分诊护士选择了');
    await page.screenshot({ path: join(RESULTS_DIR, 'modes-triage-zh.png'), fullPage: true });
  });

  it('the doctor’s assistant returns a differential for a written case', async () => {
    const { page } = suite.session;
    await open('view=assistant&lang=en');
    await page.fill('[data-testid="assistant-age"]', '67');
    await page.fill('[data-testid="assistant-complaint"]', 'productive cough and fever for 3 days');
    await page.fill('[data-testid="assistant-history"]', 'chills\nno haemoptysis');
    await page.fill('[data-testid="assistant-findings"]', 'chest X-ray: lobar consolidation\nCRP: 120 mg/L');
    await page.click('[data-testid="assistant-assess"]');
    await expect(page.getByTestId('assistant-differential').textContent()).resolves.toContain('pneumonia');
    await page.screenshot({ path: join(RESULTS_DIR, 'modes-assistant-en.png'), fullPage: true });
  });

  it('the drill’s fever clinic lowers the waiting that the surge raised', async () => {
    const { page } = suite.session;
    await open('view=drill&lang=en');
    await page.check('[data-testid="drill-fever-clinic"]');
    await page.check('[data-testid="drill-fever-triage"]');
    await page.locator('[data-testid="drill-run"]:not([disabled])').waitFor({ timeout: 30_000 });
    await page.click('[data-testid="drill-run"]');
    await page.getByTestId('drill-results').waitFor({ timeout: 60_000 });
    const minutes = async (id: string): Promise<number> => Number.parseFloat((await page.getByTestId(id).textContent()) ?? 'NaN');
    const base = await minutes('wait-baseline');
    const surge = await minutes('wait-surge');
    const clinic = await minutes('wait-drill');
    expect(surge).toBeGreaterThan(base);
    expect(clinic).toBeLessThan(surge);
    expect(await page.locator('[data-testid="drill-chart"] polyline').count()).toBe(3);
    await page.click('[data-lang="zh"]');
    await expect(page.locator('.view h2').first().textContent()).resolves.toBe('公共卫生演练');
    await page.screenshot({ path: join(RESULTS_DIR, 'modes-drill-zh.png'), fullPage: true });
    expect(suite.session.consoleErrors).toEqual([]);
  });

  it('the drill plays on the animated map: the surge arrives and the fever clinic is open', async () => {
    const { page } = suite.session;
    await open('view=drill&lang=en');
    await page.selectOption('[data-testid="drill-outbreak"]', 'norovirus');
    await page.check('[data-testid="drill-fever-clinic"]');
    await page.click('[data-testid="drill-watch"]');
    await page.waitForSelector('body[data-world="ready"]', { timeout: 90_000 });
    expect(new URL(page.url()).searchParams.get('drill')).toBe('norovirus');
    const banner = page.getByTestId('world-drill');
    await expect(banner.textContent()).resolves.toMatch(/Norovirus gastroenteritis \(A08\.1\): surge from \d\d:\d\d, peaking at \d\d:\d\d/);
    await expect(banner.textContent()).resolves.toContain('Fever clinic open (Infectious Diseases: 4 doctors');
    await page.evaluate(() => (window as unknown as { __hospital: { setSpeed: (m: number) => void } }).__hospital.setSpeed(60));
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="world-drill"]')?.getAttribute('data-arrived')) >= 5,
      undefined,
      { timeout: 60_000 },
    );
    // The outbreak's patients are in the building, with the outbreak's disease.
    type Snap = { patients: { id: string }[] };
    const inside = await page.evaluate(() =>
      (window as unknown as { __hospital: { snapshot: () => Snap } }).__hospital.snapshot().patients.map((p) => p.id),
    );
    expect(inside.some((id) => id.startsWith('P7920-'))).toBe(true);
    await page.click('[data-lang="zh"]');
    await expect(banner.textContent()).resolves.toContain('诺如病毒胃肠炎 (A08.1)');
    await page.screenshot({ path: join(RESULTS_DIR, 'world-drill-zh.png') });

    await page.goto(`${suite.url}?lang=en&drill=plague`);
    await page.waitForSelector('body[data-world="ready"]', { timeout: 90_000 });
    await expect(page.getByTestId('world-notice').textContent()).resolves.toBe(
      'The drill in the address could not start: ?drill=plague: expected one of influenza, norovirus, measles, novel',
    );
    expect(await page.getByTestId('world-drill').count()).toBe(0);
    expect(suite.session.consoleErrors).toEqual([]);
  });
});
