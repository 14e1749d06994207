import { describe, expect, it } from 'vitest';
import { defaultContext } from '../../src/cli/context';
import { loadLayout } from '../../src/sim/nodeMap';
import { placeStaff } from '../../src/sim/places';
import {
  consultService,
  departmentOfDoctor,
  departmentOfService,
  doctorIdOf,
  examService,
  parseService,
  roomNameOf,
  roomOfStaff,
  serviceOfRoom,
} from '../../src/sim/services';

const layout = loadLayout(defaultContext().kb);

describe('service ids, made and read in one place', () => {
  it('reads what a service id means', () => {
    expect(parseService(consultService('cardiology'))).toEqual({ kind: 'consult', department: 'cardiology' });
    expect(parseService(examService('laboratory'))).toEqual({ kind: 'exam', room: 'laboratory' });
    expect(parseService('pharmacy')).toEqual({ kind: 'desk', desk: 'pharmacy' });
    expect(departmentOfService(consultService('ent'))).toBe('ent');
    expect(departmentOfService('triage')).toBeUndefined();
  });

  it('names each service’s room as the map does, and back', () => {
    for (const at of [consultService('respiratory'), examService('laboratory'), 'triage', 'registration', 'pharmacy'] as const) {
      expect(layout.rooms.has(roomNameOf(at)), roomNameOf(at)).toBe(true);
      expect(serviceOfRoom(roomNameOf(at))).toBe(at);
    }
    expect(serviceOfRoom('waiting')).toBeUndefined();
  });

  it('finds each department’s doctor on the map by the id it makes', () => {
    const staff = placeStaff(layout.rooms);
    const doctor = staff.find((s) => s.id === doctorIdOf('cardiology'));
    expect(doctor?.role).toBe('doctor');
    expect(doctor?.department).toBe('cardiology');
    expect(departmentOfDoctor(doctor!.id)).toBe('cardiology');
    expect(roomOfStaff(doctor!.id)).toBe(roomNameOf(consultService('cardiology')));
    expect(departmentOfDoctor('pharmacist:pharmacy')).toBeUndefined();
  });
});
