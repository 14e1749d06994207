import { describe, expect, it } from 'vitest';
import { defaultContext } from '../../src/cli/context';
import { voiceAnswer, voiceOpening } from '../../src/modes/voice';
import type { TermId } from '../../src/schema/ids';

const ctx = defaultContext();

describe('the patient’s voice', () => {
  it('every persona style answers in both languages with the symptom and its duration, and no slot left unfilled', () => {
    const styles = ctx.generator.people.personas.map((p) => p.id);
    expect(styles.length).toBeGreaterThanOrEqual(8);
    const chest = 'chest-pain' as TermId;
    for (const style of styles) {
      for (const lang of ['en', 'zh'] as const) {
        const name = ctx.kb.term(chest).name[lang].toLowerCase();
        const yes = voiceAnswer(ctx.kb, style, chest, true, 3, lang);
        const opening = voiceOpening(ctx.kb, style, chest, 3, lang);
        const no = voiceAnswer(ctx.kb, style, chest, false, undefined, lang);
        for (const text of [yes, opening, no]) expect(text, `${style} ${lang}`).not.toMatch(/[{}]|undefined/);
        expect(opening.toLowerCase(), `${style} ${lang}`).toContain(name);
        expect(yes + opening, `${style} ${lang}`).toContain(lang === 'zh' ? '3天' : '3 days');
      }
    }
  });
});
