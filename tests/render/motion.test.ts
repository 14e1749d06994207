import { describe, expect, it } from 'vitest';
import { facing, feetOf, stateIcon, walkFrame, STRIDE_TILES } from '../../src/render/motion';
import { patientLook, staffLook } from '../../src/render/cast';

describe('walking animation', () => {
  it('faces the way of the larger move and keeps facing when standing', () => {
    expect(facing(1, 0.2, 'down')).toBe('right');
    expect(facing(-0.5, 0, 'down')).toBe('left');
    expect(facing(0.1, -1, 'down')).toBe('up');
    expect(facing(0, 2, 'up')).toBe('down');
    expect(facing(0, 0, 'left')).toBe('left');
  });

  it('cycles stand, left step, stand, right step along the way, and stands when still', () => {
    const frames = [0, 1, 2, 3, 4].map((i) => walkFrame(i * STRIDE_TILES + 0.01, true));
    expect(frames).toEqual([0, 1, 0, 2, 0]);
    expect(walkFrame(1.5 * STRIDE_TILES, false)).toBe(0);
  });

  it('sets the state icon by what the patient is doing', () => {
    expect(stateIcon({ stage: 'queued', at: 'pharmacy', severe: true })).toBe('severe');
    expect(stateIcon({ stage: 'to-queue', at: 'pharmacy', severe: false })).toBe('pharmacy');
    expect(stateIcon({ stage: 'in-service', at: 'exam:ct', severe: false })).toBe('exam');
    expect(stateIcon({ stage: 'queued', at: 'consult:cardiology', severe: false })).toBe('waiting');
    expect(stateIcon({ stage: 'waiting-result', severe: false })).toBe('waiting');
    expect(stateIcon({ stage: 'consulting', severe: false })).toBe('talking');
    expect(stateIcon({ stage: 'to-exit', severe: false })).toBeUndefined();
  });

  it('dresses people by who they are, the same way every time', () => {
    expect(patientLook('P1-1', 7, 'F')).toBe('patient-girl');
    expect(patientLook('P1-2', 80, 'M')).toBe('patient-old-man');
    expect(patientLook('P1-3', 40, 'F')).toMatch(/^patient-woman/);
    expect(patientLook('P1-3', 40, 'F')).toBe(patientLook('P1-3', 40, 'F'));
    expect(staffLook('doctor:consult-cardiology', 'doctor')).toMatch(/^doctor-/);
    expect(staffLook('triage-nurse:triage', 'triage-nurse')).toMatch(/^nurse-/);
    expect(staffLook('pharmacist:pharmacy', 'pharmacist')).toBe('pharmacist');
    expect(feetOf(0, 0)).toEqual({ x: 8, y: 14 });
  });
});
