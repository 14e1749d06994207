import { describe, expect, it } from 'vitest';
import { BubbleQueue, DEFAULT_BUBBLES, wrap } from '../../src/render/bubbles';

describe('speech bubble wrapping', () => {
  it('wraps English at spaces within the width', () => {
    const lines = wrap('Do you have pain in your chest when you climb the stairs?', 20, 5);
    expect(lines.join(' ')).toBe('Do you have pain in your chest when you climb the stairs?');
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(20);
    expect(lines.length).toBeGreaterThan(2);
  });

  it('wraps Chinese between characters, counting each as two columns', () => {
    const lines = wrap('有没有胸痛或者上楼梯时气短的情况？', 10, 5);
    expect(lines.join('')).toBe('有没有胸痛或者上楼梯时气短的情况？');
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(5);
  });

  it('cuts long text to the line limit with an ellipsis', () => {
    const lines = wrap('one two three four five six seven eight nine ten eleven twelve', 9, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith('…')).toBe(true);
  });
});

describe('the bubble queue', () => {
  it('keeps one bubble per speaker: a new line replaces the old', () => {
    const q = new BubbleQueue();
    q.say('doctor', 'Do you have fever?', 0);
    q.say('doctor', 'Do you have a cough?', 100);
    const v = q.visible(200);
    expect(v).toHaveLength(1);
    expect(v[0]!.bubble.text).toBe('Do you have a cough?');
  });

  it('never shows more than the maximum, dropping the oldest', () => {
    const q = new BubbleQueue({ ...DEFAULT_BUBBLES, max: 3 });
    for (let i = 0; i < 10; i++) q.say(`p${i}`, 'hello', i);
    const v = q.visible(20);
    expect(v.map((b) => b.bubble.speaker)).toEqual(['p7', 'p8', 'p9']);
  });

  it('fades out at the end of its life and is then gone', () => {
    const q = new BubbleQueue({ ...DEFAULT_BUBBLES, minLifeMs: 1000, msPerChar: 0, fadeMs: 400 });
    q.say('a', 'hi', 0);
    expect(q.visible(100)[0]!.alpha).toBe(1);
    expect(q.visible(800)[0]!.alpha).toBeCloseTo(0.5, 5);
    expect(q.visible(1000)).toHaveLength(0);
    expect(q.size).toBe(0);
  });

  it('longer lines stay longer so they can be read', () => {
    const q = new BubbleQueue();
    const short = q.say('a', 'Yes.', 0);
    const long = q.say('b', 'Oh yes, a cough for three weeks now, and it keeps me up at night.', 0);
    expect(long.life).toBeGreaterThan(short.life);
  });

  it('rewrites the words of the bubbles on screen (a language switch)', () => {
    const q = new BubbleQueue();
    q.say('a', 'Yes.', 0, { answer: true });
    q.retext((b) => ((b.source as { answer: boolean }).answer ? '有。' : '没有。'));
    expect(q.visible(10)[0]!.bubble.lines).toEqual(['有。']);
  });

  it('grows a bubble as its words stream in, and stops when the bubble was replaced', () => {
    const q = new BubbleQueue();
    const b = q.say('p', 'It', 0);
    const life = b.life;
    expect(q.grow(b, 'It started a few days ago, doctor, and it has been getting worse.', 1000)).toBe(true);
    expect(q.visible(1000)[0]!.bubble.lines.join(' ')).toContain('getting worse');
    expect(b.life).toBeGreaterThan(life);
    q.say('p', 'Yes.', 1100);
    expect(q.grow(b, 'too late', 1200)).toBe(false);
    expect(q.visible(1200)[0]!.bubble.text).toBe('Yes.');
  });
});
