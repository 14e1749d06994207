import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultContext } from '../../../src/cli/context';
import { LlmClient } from '../../../src/brain/llm/client';
import { parseLlmConfig } from '../../../src/brain/llm/config';
import { LlmDoctor, withinBudget } from '../../../src/brain/llm/doctor';
import { loadPromptBook } from '../../../src/brain/llm/nodePrompts';
import { newMeter } from '../../../src/brain/llm/stats';
import { estimateTokens } from '../../../src/brain/llm/client';
import { coherent, startOpenAiServer, type TestServer } from '../../support/openaiServer';

const { kb } = defaultContext();
let server: TestServer;
beforeAll(async () => {
  server = await startOpenAiServer();
});
afterAll(() => server.close());

const doctor = () => new LlmDoctor(kb, new LlmClient(parseLlmConfig({ baseURL: server.baseURL, model: 'm' })), loadPromptBook());

describe('LlmDoctor', () => {
  it('streams the patient’s spoken reply as it is written', async () => {
    server.setScript(coherent);
    const meter = newMeter();
    const parts: string[] = [];
    for await (const delta of doctor().streamReply(
      { lang: 'en', meter },
      { persona: '45-year-old teacher', facts: 'cough (3 days)', question: 'When did the cough start?' },
    ))
      parts.push(delta);
    expect(parts.length).toBeGreaterThan(2);
    expect(parts.join('')).toMatch(/^It started a few days ago/);
    expect(server.requests.at(-1)?.body.stream).toBe(true);
    expect(meter.calls).toBe(1);
  });

  it('reflects on a mistake: a lesson plus its structured form, mapped to the knowledge base', async () => {
    server.setScript(coherent);
    const truth = kb.diseases.find((d) => d.confusedWith.length > 0)!;
    const chosen = truth.confusedWith[0]!;
    const r = await doctor().reflect({ lang: 'zh' }, { chosen, truth: truth.id, presentation: '发热、咳嗽' });
    expect(r.lesson.en.length).toBeGreaterThan(10);
    expect(r.lesson.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(r.cues.length).toBeGreaterThan(0);
    for (const c of r.cues) expect(kb.hasTerm(c)).toBe(true);
    expect([...truth.keyExams, ...kb.disease(chosen).keyExams]).toContain(r.examine);
    expect(server.requests.at(-1)?.body.messages[0]?.content).toContain(truth.name.zh);
  });

  it('keeps the retrieved material within its token budget and says what was left out', () => {
    const lines = Array.from({ length: 20 }, (_, i) => `case ${i}: ${'fever and cough with wheeze '.repeat(3)}`);
    const text = withinBudget(lines, 100, 'en');
    expect(estimateTokens(text)).toBeLessThan(115);
    expect(text).toMatch(/\(\d+ more not shown\)$/);
    expect(withinBudget([], 100, 'zh')).toBe('无');
  });
});
