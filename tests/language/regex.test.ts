import { describe, expect, it } from 'vitest';
import { matchesOf } from '../../src/language/regex';

/** What matchAll gives, as plain data: each match's text, groups and place. */
const plain = (ms: Iterable<RegExpMatchArray>): unknown[] => [...ms].map((m) => [[...m], m.index]);

describe('matchesOf', () => {
  it('finds the matches matchAll finds, empty ones and astral characters included, and leaves the pattern ready for the next text', () => {
    const cases: [RegExp, string][] = [
      [/(\d+)\s*(days?|weeks?)/gi, 'for 3 days, then 2 Weeks, 10days'],
      [/a*/g, 'baaac'],
      [/(?:)/gu, 'a😀b'],
      [/昨天|今天/g, '昨天开始，今天更痛'],
      [/(?<![a-z])k\s*(\d)/giu, 'work k 3 K4'],
    ];
    for (const [re, text] of cases) {
      expect(plain(matchesOf(re, text))).toEqual(plain(text.matchAll(re)));
      expect(re.lastIndex).toBe(0);
      expect(plain(matchesOf(re, text))).toEqual(plain(text.matchAll(re)));
    }
  });
});
