import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { pageSuite, RESULTS_DIR } from './harness';

/** The chips' terms, read from the page: "term" or "-term" for a denial. */
const chips = (page: Page, testId: string): Promise<string[]> =>
  page
    .locator(`[data-testid="${testId}-chips"] li[data-term]`)
    .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-present') === 'false' ? '-' : ''}${e.getAttribute('data-term')}`));

describe('real words in the consultation, the assistant and the training interview', () => {
  const suite = pageSuite();
  const open = async (query: string): Promise<void> => {
    await suite.session.page.goto(`${suite.url}?${query}`);
    await suite.session.page.waitForSelector('body[data-ready]', { timeout: 60_000 });
  };

  const SENTENCES: [string, 'en' | 'zh', string[]][] = [
    ['It burns when I pee and I keep needing to go, even though only a little comes out', 'en', ['dysuria', 'urinary-frequency']],
    ['My big toe is suddenly red, hot, swollen and extremely painful since last night', 'en', ['joint-pain', 'joint-swelling']],
    [
      "The pain started around my belly button and has moved to the lower right side of my belly. I feel sick and don't want to eat",
      'en',
      ['right-lower-quadrant-pain', 'nausea', 'loss-of-appetite'],
    ],
    ["I get wheezy and tight in the chest, worse at night and when I exercise or it's cold", 'en', ['wheeze']],
    ["I've been throwing up and have had watery diarrhoea since last night, with stomach cramps", 'en', ['vomiting', 'diarrhoea']],
    ['小便的时候烧灼痛，总想上厕所，每次只尿一点', 'zh', ['dysuria', 'urinary-frequency']],
    ['肚子疼，拉肚子两天了，没有发烧', 'zh', ['abdominal-pain', 'diarrhoea', '-fever']],
  ];

  it('shows what it understood of ordinary words as chips, and a wrong reading goes with one click', async () => {
    const { page } = suite.session;
    for (const [text, lang, expected] of SENTENCES) {
      await open(`view=consult&lang=${lang}`);
      await page.fill('[data-testid="consult-text"]', text);
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="consult-chips"] li[data-term]').length > 0);
      const read = await chips(page, 'consult');
      expect(read, text).toEqual(expect.arrayContaining(expected));
      expect(read, text).not.toContain('burn-injury');
    }
    // The reading of "it burns when I pee" is removable, and the consultation then asks in plain words.
    await open('view=consult&lang=en');
    await page.fill('[data-testid="consult-text"]', 'It burns when I pee and my tummy hurts');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="consult-chips"] li[data-term]').length >= 2);
    await page.locator('[data-testid="consult-chips"] li[data-term="abdominal-pain"] [data-testid="chip-remove"]').click();
    expect(await chips(page, 'consult')).not.toContain('abdominal-pain');
    await page.click('[data-testid="consult-start"]');
    await page.waitForSelector('[data-testid="consult-understood"]');
    const understood = await page
      .locator('[data-testid="consult-understood"] li')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-term')));
    expect(understood).toEqual(['dysuria']);
    const question = page.getByTestId('consult-question');
    if (await question.count()) {
      const asked = (await question.locator('p').first().textContent()) ?? '';
      // Plain words, not the catalogue's: no "dysuria", "haematuria", "pyrexia" put to a person.
      expect(asked).not.toMatch(/\b(dysuria|haematuria|pyrexia|polyuria|nocturia|dyspnoea|myalgia)\b/i);
      expect(asked).toMatch(/\?/);
    }
    await page.screenshot({ path: join(RESULTS_DIR, 'language-consult-en.png'), fullPage: true });
    expect(suite.session.consoleErrors).toEqual([]);
  });

  it('says what it did not understand and suggests words, and survives hostile text', async () => {
    const { page } = suite.session;
    await open('view=consult&lang=en');
    await page.fill('[data-testid="consult-text"]', 'the weather has been lovely <img src=x onerror="window.__pwned=1">');
    await page.waitForFunction(() => (document.querySelector('[data-testid="consult-unread"]')?.textContent ?? '').length > 0);
    await expect(page.getByTestId('consult-unread').textContent()).resolves.toMatch(/another way/);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.fill('[data-testid="consult-text"]', '😀 '.repeat(3000));
    await page.fill('[data-testid="consult-text"]', 'cough');
    await page.waitForFunction(() => document.querySelector('[data-testid="consult-chips"] li[data-term="cough"]') !== null);
    expect(suite.session.consoleErrors).toEqual([]);
  });

  it('the assistant reads lay words, denials and values, and assesses the case', async () => {
    const { page } = suite.session;
    await open('view=assistant&lang=en');
    await page.fill('[data-testid="assistant-complaint"]', 'it burns when I pee');
    await page.fill('[data-testid="assistant-history"]', 'temp 102 F, no blood in the urine');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="assistant-chips"] li[data-term]').length >= 3);
    const read = await chips(page, 'assistant');
    expect(read).toEqual(expect.arrayContaining(['dysuria', '-haematuria']));
    await page.click('[data-testid="assistant-assess"]');
    await page.getByTestId('assistant-answer').waitFor();
    expect(suite.session.consoleErrors).toEqual([]);
  });

  const QUESTIONS: Record<'en' | 'zh', string[]> = {
    en: [
      'What brings you in today?',
      'When did it start?',
      'Have you had any tummy pain?',
      'Any bleeding down below?',
      'Could you be pregnant?',
      'Does it hurt when you pee?',
      'Are you on any medication?',
      'Any fever or chills?',
    ],
    zh: ['今天哪里不舒服？', '什么时候开始的？', '肚子疼不疼？', '有没有发烧？', '平时吃什么药吗？', '家里人有什么病吗？', '抽烟喝酒吗？'],
  };

  for (const lang of ['en', 'zh'] as const) {
    it(`the training patient answers a learner's ordinary questions (${lang})`, async () => {
      const { page } = suite.session;
      await open(`view=training&lang=${lang}`);
      await page.getByTestId('training-case').waitFor();
      for (const q of QUESTIONS[lang]) {
        const before = await page.locator('[data-testid="dialogue"] li').count();
        await page.fill('[data-testid="ask-input"]', q);
        await page.click('[data-testid="ask-button"]');
        // Each question gets the learner's line and at least one answer, never "not understood".
        await page.waitForFunction(
          (n) =>
            document.querySelectorAll('[data-testid="dialogue"] li').length >= n + 2 ||
            (document.querySelector('[data-testid="ask-hint"]')?.textContent ?? '') !== '',
          before,
        );
        await expect(page.getByTestId('ask-hint').textContent(), q).resolves.toBe('');
      }
      await page.screenshot({ path: join(RESULTS_DIR, `language-training-${lang}.png`), fullPage: true });
      expect(suite.session.consoleErrors).toEqual([]);
    });
  }
});
