import { describe, expect, it } from 'vitest';
import { parsePrompt, PromptBook } from '../../../src/brain/llm/prompts';
import { loadPromptBook } from '../../../src/brain/llm/nodePrompts';

const book = loadPromptBook();
const TASKS = [
  'doctor-diagnose',
  'doctor-examine',
  'doctor-inquiry',
  'doctor-reflect',
  'doctor-treat',
  'patient-dialogue',
  'patient-generate',
  'patient-roleplay',
  'triage',
];

describe('prompts/', () => {
  it('has every task, each in English and Chinese, with every slot declared', () => {
    expect(book.tasks).toEqual(TASKS);
    for (const task of TASKS) {
      const t = book.template(task);
      expect(t.version).toBeGreaterThanOrEqual(1);
      for (const lang of ['en', 'zh'] as const) {
        const slots = Object.fromEntries(t.slots.map((s) => [s, `<${s}>`]));
        const [system, user] = book.render(task, lang, slots);
        expect(system?.content.length).toBeGreaterThan(50);
        expect(`${system?.content}${user?.content}`).not.toMatch(/\{\{\w+\}\}/);
        if (lang === 'zh') expect(system?.content).toMatch(/[\u4e00-\u9fff]{10}/);
      }
    }
  });

  it('tells the patient never to name its disease, in both languages', () => {
    for (const task of ['patient-roleplay', 'patient-dialogue']) {
      expect(book.template(task).parts.en.system).toMatch(/never name/);
      expect(book.template(task).parts.zh.system).toContain('不要说出');
    }
  });

  it('refuses a missing slot, naming the prompt and the slot', () => {
    expect(() => book.render('triage', 'en', { patient: 'a 40-year-old man', complaint: 'cough' })).toThrow(/triage\.v1\.md.*departments/);
  });

  it('refuses malformed files by name and picks the latest version', () => {
    expect(() => parsePrompt('bad.md', '## en')).toThrow(/bad\.md.*<task>\.v<version>\.md/);
    expect(() => parsePrompt('x.v1.md', '---\nslots: a\n---\n## en\n### system\nhi {{a}}\n### user\nu\n')).toThrow(/x\.v1\.md.*## zh/);
    expect(() =>
      parsePrompt('x.v1.md', '---\nslots: a\n---\n## en\n### system\n{{b}}\n### user\nu\n## zh\n### system\ns\n### user\nu\n'),
    ).toThrow(/slot "\{\{b\}\}"/);
    const two = new PromptBook({
      'x.v1.md': '---\nslots:\n---\n## en\n### system\nold\n### user\nu\n## zh\n### system\n旧\n### user\nu\n',
      'x.v2.md': '---\nslots:\n---\n## en\n### system\nnew\n### user\nu\n## zh\n### system\n新\n### user\nu\n',
    });
    expect(two.render('x', 'en', {})[0]?.content).toBe('new');
    expect(two.render('x', 'zh', {}, 1)[0]?.content).toBe('旧');
  });
});
