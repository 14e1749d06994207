import { describe, expect, it } from 'vitest';
import { ckdEpi2021, creatinineForEgfr, paO2ForSaturation, saturationForPaO2 } from '../../src/patients/physiology';

describe('physiology', () => {
  it('follows the oxygen–haemoglobin dissociation curve both ways', () => {
    expect(saturationForPaO2(100)).toBeGreaterThan(97);
    expect(saturationForPaO2(60)).toBeGreaterThan(89);
    expect(saturationForPaO2(60)).toBeLessThan(92);
    expect(saturationForPaO2(27)).toBeLessThan(55);
    expect(paO2ForSaturation(88)).toBeLessThan(60);
    for (const s of [70, 85, 90, 95]) expect(saturationForPaO2(paO2ForSaturation(s))).toBeCloseTo(s, 1);
  });

  it('gives eGFR by CKD-EPI 2021 and the creatinine for an eGFR', () => {
    // A 50-year-old man with creatinine 1.0 mg/dL (88 μmol/L) has an eGFR near 90.
    expect(ckdEpi2021(88.4, 50, 'M')).toBeGreaterThan(85);
    expect(ckdEpi2021(88.4, 50, 'M')).toBeLessThan(95);
    expect(ckdEpi2021(300, 60, 'F')).toBeLessThan(20);
    expect(ckdEpi2021(88.4, 50, 'F')).toBeLessThan(ckdEpi2021(88.4, 50, 'M'));
    expect(ckdEpi2021(creatinineForEgfr(40, 70, 'M'), 70, 'M')).toBeCloseTo(40, 0);
  });
});
