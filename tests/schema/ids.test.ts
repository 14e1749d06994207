import { describe, expect, it } from 'vitest';
import { PatientId, patientIdIn, patientIdOf, patientSeedOf } from '../../src/schema/ids';

describe('patient ids', () => {
  it('are born from the generator seed and index, and give the seed back (an outbreak is told apart by it)', () => {
    expect(patientIdOf(7, 42)).toBe('P7-42');
    expect(patientSeedOf(patientIdOf(7, 42))).toBe(7);
    expect(patientSeedOf(patientIdOf(-3, 0))).toBe(-3);
  });

  it('are refused when they are not a patient id (a staff id, a word from a stored record)', () => {
    expect(PatientId.safeParse('nobody').success).toBe(false);
    expect(patientIdIn('doctor:consult-cardiology')).toBeUndefined();
    expect(patientIdIn(undefined)).toBeUndefined();
    expect(patientIdIn('P1-0')).toBe('P1-0');
  });
});
