import { describe, expect, it } from 'vitest';
import { parseLanguageData } from '../../src/language/data';
import { KbError } from '../../src/knowledge/errors';
import { loadDefaultKnowledge } from '../../src/knowledge/nodeFiles';

const kb = loadDefaultKnowledge();

/** The issues a language file set is refused with (none when it is taken). */
function issuesOf(files: { path: string; data: unknown }[]): { file: string; path: string; message: string }[] {
  try {
    parseLanguageData(files, kb);
    return [];
  } catch (e) {
    if (e instanceof KbError) return [...e.issues];
    throw e;
  }
}

describe('parseLanguageData', () => {
  it('takes a lay phrase that tells several terms at once', () => {
    const lay = [{ term: 'diarrhoea', also: ['vomiting'], phrases: ['d&v'] }];
    expect(issuesOf([{ path: 'lay.en.json', data: lay }])).toEqual([]);
  });

  it('refuses an unknown term, in a lay entry or among the terms it also tells, naming the file and the path', () => {
    const lay = [
      { term: 'diarrhoea', also: ['vomiting', 'tummy-rumble'], phrases: ['d&v'] },
      { term: 'belly-wobble', phrases: ['wobbly belly'] },
    ];
    const issues = issuesOf([{ path: 'lay.en.json', data: lay }]);
    expect(issues).toContainEqual({ file: 'assets/language/lay.en.json', path: '[0].also[1]', message: 'unknown term "tummy-rumble"' });
    expect(issues).toContainEqual({ file: 'assets/language/lay.en.json', path: '[1].term', message: 'unknown term "belly-wobble"' });
  });

  it('refuses a malformed entry with the place it is in', () => {
    const issues = issuesOf([{ path: 'lay.zh.json', data: [{ term: 'fever', also: [], phrases: ['发烧'] }] }]);
    expect(issues[0]?.file).toBe('assets/language/lay.zh.json');
    expect(issues[0]?.path).toContain('also');
  });
});
