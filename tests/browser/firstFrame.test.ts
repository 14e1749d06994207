import { describe, expect, it } from 'vitest';
import { pageSuite } from './harness';

type Hook = { signs(): string[]; snapshot(): { patients: unknown[] }; setSpeed(m: number): void };
const startOf = (name: string): number => performance.getEntriesByName(name)[0]?.startTime ?? NaN;

describe('the hospital paints its building before the knowledge base arrives', () => {
  const suite = pageSuite();

  it('draws the first frame from the map and the art, then the departments and the patients join it', async () => {
    const { page } = suite.session;
    await page.goto(`${suite.url}?view=world&lang=en&reset=1`);
    await page.waitForSelector('body[data-world="ready"]', { timeout: 90_000 });
    const [firstFrame, contextReady, runReady] = await Promise.all(
      ['world:first-frame', 'app:context-ready', 'world:run-ready'].map((n) => page.evaluate(startOf, n)),
    );
    // The building was on screen before the knowledge base had been read, let alone the doctors built.
    expect(firstFrame).toBeLessThan(contextReady as number);
    expect(contextReady).toBeLessThan(runReady as number);
    // Once it arrived, the departments' signs carry their names and patients walk in.
    const signs = await page.evaluate(() => (window as unknown as { __hospital: Hook }).__hospital.signs());
    expect(signs).toContain('Cardiology');
    await page.evaluate(() => (window as unknown as { __hospital: Hook }).__hospital.setSpeed(60));
    await page.waitForFunction(() => (window as unknown as { __hospital: Hook }).__hospital.snapshot().patients.length > 0, undefined, {
      timeout: 30_000,
    });
    expect(suite.session.consoleErrors.filter((e) => !/favicon|404/.test(e))).toEqual([]);
  });

  it('a view switched to before the knowledge base loads replaces the building cleanly', async () => {
    const { page } = suite.session;
    await page.goto(`${suite.url}?view=world&lang=en`);
    await page.click('[data-view="knowledge"]');
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    await expect(page.locator('[data-testid="world-stage"]').count()).resolves.toBe(0);
    await expect(page.locator('canvas').count()).resolves.toBe(0);
    expect(new URL(page.url()).searchParams.get('view')).toBe('knowledge');
  });
});
