import { describe, expect, it } from 'vitest';
import { referenceRange, ageGroupOf, rescale } from '../../src/knowledge/referenceRanges';
import { loadDefaultKnowledge } from '../../src/knowledge/nodeFiles';

describe('reference ranges by age and sex (exams.json, byAge)', () => {
  const kb = loadDefaultKnowledge();
  const hr = kb.analyte('heart-rate').analyte;
  it('gives newborns, infants and adults their own ranges, and women their own haemoglobin', () => {
    expect(referenceRange(hr, ageGroupOf(0, 10), 'M').low).toBeGreaterThanOrEqual(100);
    expect(referenceRange(hr, ageGroupOf(0, 200), 'M').high).toBeGreaterThan(150);
    expect(referenceRange(hr, ageGroupOf(40), 'M')).toEqual({ low: 60, high: 100 });
    const hb = kb.analyte('haemoglobin').analyte;
    expect(referenceRange(hb, ageGroupOf(40), 'F').low).toBeLessThan(referenceRange(hb, ageGroupOf(40), 'M').low);
    // An analyte that age and sex do not change keeps the catalogue's range.
    expect(referenceRange(kb.analyte('sodium').analyte, ageGroupOf(2), 'F')).toEqual({ low: 137, high: 147 });
  });

  it('moves an adult abnormal value to the same place in the person’s range', () => {
    const infant = referenceRange(hr, ageGroupOf(0, 200), 'M');
    expect(rescale(130, hr, infant)).toBeGreaterThan(infant.high);
    expect(rescale(80, hr, infant)).toBeGreaterThan(infant.low);
    expect(rescale(80, hr, infant)).toBeLessThan(infant.high);
    expect(rescale(40, hr, infant)).toBeLessThan(infant.low);
    expect(rescale(40, hr, infant)).toBeGreaterThan(0);
  });
});
