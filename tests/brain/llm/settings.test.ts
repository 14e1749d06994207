import { describe, expect, it } from 'vitest';
import { figuresLine, LlmSettings, llmConfigOf, loadLlmSettings, saveLlmSettings } from '../../../src/ui/llmSettings';
import { newRunStats } from '../../../src/brain/llm/stats';
import { publicConfig } from '../../../src/brain/llm/config';

function memoryStorage() {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
    m,
  };
}

const KEY = 'sk-settings-secret-1234567890';

describe('LLM settings storage', () => {
  it('keeps the key out of storage unless "remember" is ticked', () => {
    const s = memoryStorage();
    const settings = LlmSettings.parse({
      brain: 'llm',
      preset: 'deepseek',
      baseURL: 'https://api.deepseek.com/v1',
      model: 'deepseek-chat',
    });
    saveLlmSettings(s, settings, KEY);
    expect([...s.m.values()].join('\n')).not.toContain(KEY);
    expect(loadLlmSettings(s).settings.model).toBe('deepseek-chat');
    saveLlmSettings(s, { ...settings, remember: true }, KEY);
    expect(s.m.get('agent-hospital.llm.key')).toBe(KEY);
    expect(s.m.get('agent-hospital.llm.settings')).not.toContain(KEY);
    saveLlmSettings(s, { ...settings, remember: false }, KEY);
    expect([...s.m.values()].join('\n')).not.toContain(KEY);
  });

  it('sets unreadable saved settings aside with a message and uses the defaults', () => {
    const s = memoryStorage();
    s.setItem('agent-hospital.llm.settings', '{"brain":"quantum","concurrency":-3}');
    const r = loadLlmSettings(s);
    expect(r.settings.brain).toBe('offline');
    expect(r.problem).toMatch(/brain.*concurrency|concurrency.*brain/s);
    expect(s.m.get('agent-hospital.llm.settings.unreadable')).toContain('quantum');
  });

  it('builds a client config, naming a bad field; the public form hides the key', () => {
    const config = llmConfigOf(LlmSettings.parse({ brain: 'llm' }), KEY);
    expect(config.baseURL).toBe('http://127.0.0.1:11434/v1');
    expect(JSON.stringify(publicConfig(config))).not.toContain(KEY);
    expect(() => llmConfigOf(LlmSettings.parse({ baseURL: 'nowhere' }), '')).toThrow(/baseURL/);
  });

  it('shows the run figures in both languages, the spend cap when reached', () => {
    const f = { ...newRunStats(), calls: 12, promptTokens: 3000, completionTokens: 400, retries: 2, fallbacks: 1, spendCapReached: true };
    expect(figuresLine(f, 'en')).toBe(
      'This run: 12 calls, 3000+400 tokens, 2 retries, 1 offline fallbacks; spend cap reached: the offline brain answers',
    );
    expect(figuresLine(f, 'zh')).toContain('离线回退1次');
  });
});
