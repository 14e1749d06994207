import { describe, expect, it } from 'vitest';
import { SeverityJudge } from '../../../src/brain/offline/severity';
import { buildTextbook } from '../../../src/knowledge/textbook';
import { loadDefaultKnowledge } from '../../../src/knowledge/nodeFiles';

const kb = loadDefaultKnowledge();
const textbook = buildTextbook(kb);

describe('SeverityJudge', () => {
  it('learns from follow-ups to escalate severe courses and not mild ones', () => {
    const judge = new SeverityJudge(kb, textbook);
    const d = 0;
    const none = new Map<number, boolean>();
    // Follow-ups: severe illness comes with high burden ratings, mild with low ones.
    for (let i = 0; i < 20; i++) {
      judge.learn(d, { deviation: 0, values: [], burden: 7 + (i % 3) }, 3, 'severe');
      judge.learn(d, { deviation: 0, values: [], burden: 2 + (i % 3) }, 3, 'mild');
    }
    const severe = judge.signal(d, { deviation: 0, values: [], burden: 8.5 }, 3);
    const mild = judge.signal(d, { deviation: 0, values: [], burden: 2.5 }, 3);
    expect(judge.judge(d, severe, none)).toBe(true);
    expect(judge.judge(d, mild, none)).toBe(false);
  });

  it('round-trips what it learned through export and import', () => {
    const a = new SeverityJudge(kb, textbook);
    const analyte = kb.exams.flatMap((e) => e.analytes ?? [])[0];
    expect(analyte).toBeDefined();
    for (let i = 0; i < 8; i++)
      a.learn(
        3,
        { deviation: 1, values: [{ analyte: analyte!.id, value: analyte!.high * (1.5 + i / 4) }], burden: 6 },
        2,
        i % 2 ? 'severe' : 'mild',
      );
    const b = new SeverityJudge(kb, textbook);
    b.import(a.export());
    expect(b.export()).toEqual(a.export());
  });
});
