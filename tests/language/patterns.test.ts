import { describe, expect, it } from 'vitest';
import { PatternIndex, type Entry } from '../../src/language/patterns';

const entry = (id: string): Entry => ({ kind: 'term', id, rank: 0 });
const found = (index: PatternIndex, text: string): [string, number, number][] => {
  const keys = text.split(' ');
  return index
    .find(
      keys,
      keys.map(() => 0),
    )
    .map((c) => [c.entry.id, c.first, c.last]);
};

describe('the pattern index', () => {
  it('finds plain and gapped phrases, and a phrase added after a search', () => {
    const index = new PatternIndex(3, new Set(['not']));
    index.add([['burn'], ['pee']], entry('dysuria'));
    index.add([['chest', 'pain']], entry('chest-pain'));
    expect(found(index, 'it burn when i pee')).toEqual([['dysuria', 1, 4]]);
    expect(found(index, 'it burn when i go')).toEqual([]);
    expect(found(index, 'burn but not when i pee')).toEqual([]);
    expect(found(index, 'chest pain')).toEqual([['chest-pain', 0, 1]]);
    index.add([['pain']], entry('pain'));
    expect(found(index, 'chest pain')).toEqual([
      ['chest-pain', 0, 1],
      ['pain', 1, 1],
    ]);
  });
});
