import { describe, expect, it } from 'vitest';
import { referenceRange, ageGroupOf, rescale } from '../../src/knowledge/referenceRanges';

describe('reference ranges by age and sex', () => {
  const hr = { id: 'heart-rate', low: 60, high: 100 };
  it('gives newborns, infants and adults their own ranges, and women their own haemoglobin', () => {
    expect(referenceRange(hr, ageGroupOf(0, 10), 'M').low).toBeGreaterThanOrEqual(100);
    expect(referenceRange(hr, ageGroupOf(0, 200), 'M').high).toBeGreaterThan(150);
    expect(referenceRange(hr, ageGroupOf(40), 'M')).toEqual({ low: 60, high: 100 });
    const hb = { id: 'haemoglobin', low: 120, high: 160 };
    expect(referenceRange(hb, ageGroupOf(40), 'F').low).toBeLessThan(referenceRange(hb, ageGroupOf(40), 'M').low);
    // An analyte that age and sex do not change keeps the catalogue's range.
    expect(referenceRange({ id: 'sodium', low: 137, high: 147 }, ageGroupOf(2), 'F')).toEqual({ low: 137, high: 147 });
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
