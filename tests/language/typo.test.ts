import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TypoCorrector } from '../../src/language/typo';
import { WordsFile } from '../../src/schema/language';

describe('the typo corrector', () => {
  it('corrects a misspelt lexicon word and leaves a real word near one as typed', () => {
    const typo = new TypoCorrector(['diabetic', 'choking', 'welding', 'vomiting'], ['diuretic', 'cooking', 'wedding']);
    expect(typo.correct('vomitting')).toBe('vomiting');
    expect(typo.correct('diabetik')).toBe('diabetic');
    expect(typo.correct('diuretic')).toBe('diuretic');
    expect(typo.correct('cooking')).toBe('cooking');
    expect(typo.correct('wedding')).toBe('wedding');
  });

  it('ships the everyday words that stand near the lexicon', () => {
    const words = WordsFile.parse(JSON.parse(readFileSync('assets/language/words.json', 'utf8')));
    for (const w of ['diuretic', 'cooking', 'wedding', 'powder', 'asian', 'teething', 'admitted']) expect(words.keep).toContain(w);
  });
});
