import { describe, expect, it } from 'vitest';
import { cuesOnly } from '../helpers/language';
import { englishTokens } from '../../src/language/english';
import { VocabularyMatcher } from '../../src/language/matcher';
import { miniHospital } from '../helpers/kb';

const { kb } = miniHospital();
const matcher = new VocabularyMatcher(kb, cuesOnly());
const ids = (text: string) => matcher.match(text).map((m) => (m.negated ? `-${m.term}` : m.term));

describe('VocabularyMatcher', () => {
  it('maps lay and clinical English onto the same terms', () => {
    expect(ids('tummy ache')).toEqual(['abdominal-pain']);
    expect(ids('Abdominal pain with vomiting')).toEqual(['abdominal-pain', 'vomiting']);
    expect(ids("I've been throwing up and have the runs")).toEqual(['vomiting', 'diarrhoea']);
  });

  it('folds British and American spellings and plurals', () => {
    expect(englishTokens('Haemoptysis')[0]?.key).toBe(englishTokens('hemoptysis')[0]?.key);
    expect(ids('hemoptysis')).toEqual(['haemoptysis']);
    expect(ids('swollen ankles')).toEqual(['ankle-swelling']);
  });

  it('maps colloquial Chinese and reads denials in both languages', () => {
    expect(ids('肚子疼，拉肚子两天')).toEqual(['abdominal-pain', 'diarrhoea']);
    expect(ids('发烧三天，无咳嗽、咳痰')).toEqual(['fever', '-cough', '-productive-cough']);
    expect(ids('chest pain, no fever or cough')).toEqual(['chest-pain', '-fever', '-cough']);
    expect(ids('denies chest pain but has palpitations')).toEqual(['-chest-pain', 'palpitations']);
  });

  it('prefers the longest phrase and maps findings too', () => {
    expect(ids('sudden worst-ever headache')).toEqual(['sudden-severe-headache']);
    expect(ids('raised CRP and leukocytosis')).toEqual(['raised-crp', 'leukocytosis']);
    expect(ids('胸片示肺实变')).toEqual(['chest-xray-lobar-consolidation']);
  });

  it('finds nothing in text without symptoms', () => {
    expect(ids('the weather is nice today')).toEqual([]);
    expect(ids('今天天气很好')).toEqual([]);
  });
});

describe('VocabularyMatcher.matchLoosely: paraphrases no phrase matches exactly', () => {
  const loose = (text: string) => {
    const m = matcher.matchLoosely(text);
    return m && (m.negated ? `-${m.term}` : m.term);
  };

  it('finds the term whose name the paraphrase covers, in any order and among other words', () => {
    expect(ids('pain in the abdominal region')).toEqual([]);
    expect(loose('pain in the abdominal region')).toBe('abdominal-pain');
    expect(loose('breath shortness on exertion')).toBe('shortness-of-breath');
    expect(loose('consolidation seen on the chest x-ray')).toBe('chest-xray-lobar-consolidation');
  });

  it('reads a denial in the paraphrase', () => {
    expect(loose('there is no pain in the abdominal region')).toBe('-abdominal-pain');
  });

  it('refuses a paraphrase that shares too little of any name', () => {
    expect(loose('pain')).toBeUndefined();
    expect(loose('a pain')).toBeUndefined();
    expect(loose('lobar consolidation')).toBeUndefined();
    expect(loose('the weather is nice today')).toBeUndefined();
  });

  it('keeps the most telling word of a name, and reads neither numbered nor self-denying names', () => {
    // "Toothache worse at night" shares two words with this, but not "toothache".
    expect(loose('worse at night')).toBeUndefined();
    // "14-3-3 positive" is an assay, not any positive test.
    expect(loose('Rinne positive bilaterally')).toBeUndefined();
    // "Can't stand the heat" turns on its denial: a bag of words cannot tell it from this.
    expect(loose('can’t stand on tiptoe')).toBeUndefined();
  });

  it('reads a denial only next to the words it matched', () => {
    expect(loose('trouble with pain in the abdominal region, nothing I ate did not help')).toBe('abdominal-pain');
    expect(loose('pain in the abdominal region: none')).toBe('-abdominal-pain');
  });
});
