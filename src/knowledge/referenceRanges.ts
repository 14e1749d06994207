import type { Sex } from '../schema/common';

/**
 * Reference ranges by age and sex. The catalogue's range (exams.json) is the adult one; the
 * analytes whose normal values change with age or differ between the sexes have their ranges
 * here, from paediatric (PALS, Harriet Lane) and adult laboratory references (WS/T 404, WS/T 405
 * Chinese adult reference intervals). A newborn's heart rate of 140 is normal; an adult's is not.
 */

/** Age groups in which reference ranges are given. */
export const AGE_GROUPS = ['newborn', 'infant', 'toddler', 'preschool', 'school', 'adolescent', 'adult', 'older'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

/** The age group of a person: newborns are under 28 days, infants under a year. */
export function ageGroupOf(ageYears: number, ageDays?: number): number {
  if (ageYears < 1) return ageDays !== undefined && ageDays < 28 ? 0 : 1;
  if (ageYears < 3) return 2;
  if (ageYears < 6) return 3;
  if (ageYears < 12) return 4;
  if (ageYears < 18) return 5;
  return ageYears < 65 ? 6 : 7;
}

type Range = readonly [number, number];
/** Per age group (AGE_GROUPS order), the range for both sexes or [male, female]. */
type Row = readonly (Range | readonly [Range, Range])[];

const RANGES: Readonly<Record<string, Row>> = {
  'heart-rate': [
    [100, 180],
    [100, 160],
    [90, 150],
    [80, 140],
    [70, 120],
    [60, 100],
    [60, 100],
    [60, 100],
  ],
  'respiratory-rate': [
    [30, 60],
    [30, 50],
    [24, 40],
    [22, 34],
    [18, 30],
    [12, 20],
    [12, 20],
    [12, 20],
  ],
  'systolic-bp': [
    [60, 90],
    [72, 104],
    [86, 106],
    [89, 112],
    [97, 120],
    [110, 131],
    [90, 139],
    [90, 139],
  ],
  'diastolic-bp': [
    [30, 60],
    [37, 56],
    [42, 63],
    [46, 72],
    [57, 80],
    [64, 83],
    [60, 89],
    [60, 89],
  ],
  haemoglobin: [
    [145, 225],
    [95, 140],
    [105, 135],
    [115, 135],
    [115, 155],
    [
      [130, 160],
      [120, 155],
    ],
    [
      [130, 175],
      [115, 150],
    ],
    [
      [120, 170],
      [110, 150],
    ],
  ],
  creatinine: [
    [27, 77],
    [14, 34],
    [15, 37],
    [21, 46],
    [27, 62],
    [
      [44, 88],
      [40, 75],
    ],
    [
      [57, 111],
      [41, 81],
    ],
    [
      [57, 120],
      [41, 95],
    ],
  ],
  ferritin: [
    [25, 600],
    [30, 300],
    [7, 140],
    [7, 140],
    [7, 140],
    [
      [13, 150],
      [10, 120],
    ],
    [
      [30, 400],
      [13, 150],
    ],
    [
      [30, 400],
      [13, 250],
    ],
  ],
  'uric-acid': [
    [120, 340],
    [120, 340],
    [120, 340],
    [120, 340],
    [120, 340],
    [
      [200, 420],
      [150, 350],
    ],
    [
      [208, 428],
      [155, 357],
    ],
    [
      [208, 428],
      [155, 357],
    ],
  ],
  alp: [
    [70, 380],
    [80, 470],
    [100, 400],
    [100, 400],
    [120, 420],
    [
      [130, 525],
      [60, 300],
    ],
    [45, 125],
    [45, 125],
  ],
  egfr: [
    [20, 60],
    [40, 110],
    [90, 130],
    [90, 130],
    [90, 130],
    [90, 130],
    [90, 130],
    [60, 120],
  ],
  bmi: [
    [10, 15],
    [13, 19],
    [14, 18.5],
    [13.5, 18],
    [13.5, 21],
    [16, 24],
    [18.5, 23.9],
    [20, 26.9],
  ],
};

/** The reference range of an analyte for a person: the catalogue's adult range where age and sex change nothing. */
export function referenceRange(analyte: { id: string; low: number; high: number }, group: number, sex: Sex): { low: number; high: number } {
  const row = RANGES[analyte.id];
  const entry = row?.[group];
  if (!entry) return { low: analyte.low, high: analyte.high };
  const range = (Array.isArray(entry[0]) ? (sex === 'M' ? entry[0] : entry[1]) : entry) as Range;
  return { low: range[0], high: range[1] };
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
