import type { Sex } from '../schema/common';
import { referenceRange } from '../knowledge/referenceRanges';
import type { AnalyteSlot } from './model';

/** The analytes physiology ties together; `kb validate` checks the catalogue declares each of them. */
export const LINKED_ANALYTES: readonly (readonly string[])[] = [
  ['spo2', 'pao2'],
  ['creatinine', 'egfr', 'urea'],
];

/**
 * Values that physiology ties together are drawn apart (each from the disease's entry) and then
 * made to agree: oxygen saturation with arterial oxygen tension along the dissociation curve, and
 * creatinine with eGFR (CKD-EPI 2021) and urea. A patient whose saturation is 84% has a PaO2
 * near 50 mmHg, and one whose creatinine is 300 μmol/L has an eGFR far below 60.
 */
export function linkValues(
  slotIndex: ReadonlyMap<string, number>,
  slots: readonly AnalyteSlot[],
  values: Float64Array,
  person: { age: number; sex: Sex; group: number },
  /** Slots the disease's entry gives values for (what drives a link when only one side is abnormal). */
  driven: ReadonlySet<number>,
): void {
  const at = (id: string): number | undefined => slotIndex.get(id);
  const round = (slot: number, v: number): number => {
    const f = 10 ** (slots[slot] as AnalyteSlot).decimals;
    return Math.round(v * f) / f;
  };
  const spo2 = at('spo2');
  const pao2 = at('pao2');
  if (spo2 !== undefined && pao2 !== undefined) {
    const sat = values[spo2] as number;
    const tension = values[pao2] as number;
    const satLow = sat < referenceRange(slots[spo2] as AnalyteSlot, person.group, person.sex).low;
    const tensionLow = tension < referenceRange(slots[pao2] as AnalyteSlot, person.group, person.sex).low;
    if (satLow && (!tensionLow || !driven.has(pao2))) values[pao2] = round(pao2, Math.min(tension, paO2ForSaturation(sat)));
    else if (tensionLow && !satLow) values[spo2] = round(spo2, Math.min(sat, saturationForPaO2(tension)));
  }
  const creatinine = at('creatinine');
  const egfr = at('egfr');
  if (creatinine !== undefined && egfr !== undefined && person.age >= 18) {
    const egfrLow = (values[egfr] as number) < 60 && driven.has(egfr);
    const creatinineHigh = (values[creatinine] as number) > referenceRange(slots[creatinine] as AnalyteSlot, person.group, person.sex).high;
    // The entry drove eGFR down and left creatinine normal: creatinine follows eGFR; otherwise eGFR follows creatinine.
    if (egfrLow && !creatinineHigh)
      values[creatinine] = round(creatinine, creatinineForEgfr(values[egfr] as number, person.age, person.sex));
    values[egfr] = round(egfr, Math.min(130, ckdEpi2021(values[creatinine] as number, person.age, person.sex)));
  } else if (creatinine !== undefined && egfr !== undefined) {
    // Children: eGFR falls as creatinine rises above the child's range (no height for the Schwartz formula).
    const high = referenceRange(slots[creatinine] as AnalyteSlot, person.group, person.sex).high;
    const c = values[creatinine] as number;
    if (c > high) values[egfr] = round(egfr, Math.min(values[egfr] as number, (90 * high) / c));
  }
  const urea = at('urea');
  if (urea !== undefined && creatinine !== undefined) {
    const c = values[creatinine] as number;
    const high = referenceRange(slots[creatinine] as AnalyteSlot, person.group, person.sex).high;
    // Urea climbs with creatinine in renal failure (about 1 mmol/L per 16 μmol/L).
    if (c > high) values[urea] = round(urea, Math.max(values[urea] as number, c / 16));
  }
}

/** Severinghaus's oxygen–haemoglobin dissociation curve: saturation (%) at a PaO2 (mmHg). */
export function saturationForPaO2(pao2: number): number {
  const p = Math.max(1, pao2);
  // Products, not \`**\`: a power's last bit differs between JavaScript engines, and the page's worker must draw the same patients as Node.
  return 100 / (23400 / (p * p * p + 150 * p) + 1);
}

/** The PaO2 (mmHg) at which the curve reaches a saturation (%), by bisection. */
export function paO2ForSaturation(spo2: number): number {
  const target = Math.min(99.5, Math.max(1, spo2));
  let lo = 1;
  let hi = 600;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (saturationForPaO2(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** eGFR (mL/min/1.73 m²) by the CKD-EPI 2021 creatinine equation, without race; creatinine in μmol/L. */
export function ckdEpi2021(creatinineUmol: number, age: number, sex: Sex): number {
  const scr = creatinineUmol / 88.4;
  const female = sex === 'F';
  const k = female ? 0.7 : 0.9;
  const a = female ? -0.241 : -0.302;
  const r = scr / k;
  const egfr = 142 * Math.min(r, 1) ** a * Math.max(r, 1) ** -1.2 * 0.9938 ** age * (female ? 1.012 : 1);
  // Fractional powers differ in their last bits between JavaScript engines: kept to a millionth, the
  // page's worker and Node draw the same patients.
  return Math.round(egfr * 1e6) / 1e6;
}

/** The creatinine (μmol/L) that gives an eGFR, by bisection on the (decreasing) equation. */
export function creatinineForEgfr(egfr: number, age: number, sex: Sex): number {
  let lo = 10;
  let hi = 3000;
  for (let i = 0; i < 50; i++) {
    const mid = (lo + hi) / 2;
    if (ckdEpi2021(mid, age, sex) > egfr) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
