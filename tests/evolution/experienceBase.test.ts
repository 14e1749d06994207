import { describe, expect, it } from 'vitest';
import { cuesMatch, ExperienceBase, RETIRE_AFTER_USES } from '../../src/evolution/experienceBase';

const lesson = {
  from: 1,
  to: 2,
  rule: {
    kind: 'prefer' as const,
    cues: [
      { term: 5, present: true },
      { term: 6, present: false },
    ],
  },
  text: { en: 'x', zh: 'x' },
  learnedAt: 0,
};

describe('ExperienceBase', () => {
  it('applies a lesson only when every cue matches what was observed', () => {
    expect(
      cuesMatch(
        lesson.rule,
        new Map([
          [5, true],
          [6, false],
        ]),
      ),
    ).toBe(true);
    expect(cuesMatch(lesson.rule, new Map([[5, true]]))).toBe(false);
    expect(
      cuesMatch(
        lesson.rule,
        new Map([
          [5, true],
          [6, true],
        ]),
      ),
    ).toBe(false);
  });

  it('retires a lesson that keeps misleading, and keeps one that helps', () => {
    const base = new ExperienceBase();
    const bad = base.add(lesson);
    const good = base.add({ ...lesson, from: 3 });
    for (let i = 0; i < RETIRE_AFTER_USES; i++) {
      base.recordOutcome(bad, i % 4 === 0);
      base.recordOutcome(good, i % 4 !== 0);
    }
    expect(bad.retired).toBe(true);
    expect(good.retired).toBe(false);
    expect(base.about(1)).toEqual([]);
    expect(base.about(3)).toEqual([good]);
    expect(base.active).toBe(1);
  });

  it('takes back a lesson that failed validation', () => {
    const base = new ExperienceBase();
    const e = base.add(lesson);
    base.remove(e);
    expect(base.size).toBe(0);
    expect(base.about(1)).toEqual([]);
    expect(base.add(lesson).id).not.toBe(e.id);
  });
});
