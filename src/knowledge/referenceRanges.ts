import type { Sex } from '../schema/common';
import { AGE_GROUPS, type Analyte } from '../schema/knowledge';

/**
 * Reference ranges by age and sex. The catalogue's range (exams.json) is the adult one; an
 * analyte whose normal values change with age or differ between the sexes lists its other ranges
 * (`byAge`, from paediatric and adult laboratory references). A newborn's heart rate of 140 is
 * normal; an adult's is not.
 */

/** The age group (index into AGE_GROUPS) of a person: newborns are under 28 days, infants under a year. */
export function ageGroupOf(ageYears: number, ageDays?: number): number {
  if (ageYears < 1) return ageDays !== undefined && ageDays < 28 ? 0 : 1;
  if (ageYears < 3) return 2;
  if (ageYears < 6) return 3;
  if (ageYears < 12) return 4;
  if (ageYears < 18) return 5;
  return ageYears < 65 ? 6 : 7;
}

/** The reference range of an analyte for a person: the catalogue's adult range where age and sex change nothing. */
export function referenceRange(analyte: Pick<Analyte, 'low' | 'high' | 'byAge'>, group: number, sex: Sex): { low: number; high: number } {
  const entry = analyte.byAge?.[AGE_GROUPS[group] ?? 'adult'];
  if (!entry) return { low: analyte.low, high: analyte.high };
  const [low, high] = Array.isArray(entry) ? entry : entry[sex];
  return { low, high };
}

/** Every analyte's reference range for one age group and sex, as columns. */
export interface RangeColumns {
  low: Float64Array;
  high: Float64Array;
}

const rangeColumns = new WeakMap<object, RangeColumns[]>();

/**
 * The reference ranges of a fixed list of analytes (the patient's analyte slots) for a person:
 * the same as `referenceRange` of each, worked out once per list, age group and sex rather than
 * once per analyte of every patient generated or examined.
 */
export function rangesFor(analytes: readonly Pick<Analyte, 'low' | 'high' | 'byAge'>[], group: number, sex: Sex): RangeColumns {
  let all = rangeColumns.get(analytes);
  if (!all) {
    all = [];
    rangeColumns.set(analytes, all);
  }
  const key = group * 2 + (sex === 'M' ? 1 : 0);
  let columns = all[key];
  if (!columns) {
    columns = { low: new Float64Array(analytes.length), high: new Float64Array(analytes.length) };
    analytes.forEach((a, i) => {
      const { low, high } = referenceRange(a, group, sex);
      (columns as RangeColumns).low[i] = low;
      (columns as RangeColumns).high[i] = high;
    });
    all[key] = columns;
  }
  return columns;
}

/**
 * A value written against the catalogue's adult range, moved to the same place in the person's
 * range: a child's tachycardia is faster than an adult's, a woman's anaemia reads against hers.
 * Inside the range the position is kept; outside it the ratio to the nearer limit is.
 */
export function rescale(value: number, adult: { low: number; high: number }, own: { low: number; high: number }): number {
  if (adult.low === own.low && adult.high === own.high) return value;
  if (value > adult.high) return own.high * (adult.high > 0 ? value / adult.high : 1) + (adult.high > 0 ? 0 : value - adult.high);
  if (value < adult.low) return adult.low > 0 ? own.low * (value / adult.low) : own.low - (adult.low - value);
  return own.low + ((value - adult.low) * (own.high - own.low)) / (adult.high - adult.low);
}
