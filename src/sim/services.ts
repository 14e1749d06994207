import { DepartmentId, ExamId } from '../schema/ids';

/*
 * A service has one spelling in the world (`consult:cardiology`, `exam:lab`, `triage`) and the
 * map names its room another way (`consult-cardiology`, `exam-lab`), its doctor a third
 * (`doctor:consult-cardiology`). They are made and read here only, never by slicing strings.
 */

/** Where a patient is served, one at a time: a desk, a consulting room, an examination room. */
export type ServiceId = 'triage' | 'registration' | 'pharmacy' | `consult:${string}` | `exam:${string}`;

export type Service =
  | { kind: 'desk'; desk: 'triage' | 'registration' | 'pharmacy' }
  | { kind: 'consult'; department: DepartmentId }
  | { kind: 'exam'; room: string };

/** The department patients go to when nobody has said where (and red flags send them). */
export const EMERGENCY: DepartmentId = DepartmentId.parse('emergency');

/** The bedside examination a consultation resumes with when nothing else was ordered. */
export const PHYSICAL_EXAM: ExamId = ExamId.parse('physical-exam');

export const consultService = (department: DepartmentId | string): ServiceId => `consult:${department}`;
export const examService = (room: string): ServiceId => `exam:${room}`;

const CONSULT = 'consult:';
const EXAM = 'exam:';
const DOCTOR_AT = 'doctor:consult-';

/** What a service id means. */
export function parseService(id: ServiceId): Service {
  if (id.startsWith(CONSULT)) return { kind: 'consult', department: id.slice(CONSULT.length) as DepartmentId };
  if (id.startsWith(EXAM)) return { kind: 'exam', room: id.slice(EXAM.length) };
  return { kind: 'desk', desk: id as 'triage' | 'registration' | 'pharmacy' };
}

/** The department a service is a consulting room of, if it is one. */
export function departmentOfService(id: ServiceId): DepartmentId | undefined {
  const s = parseService(id);
  return s.kind === 'consult' ? s.department : undefined;
}

/** The map's room a department is consulted in. */
export const consultRoomName = (department: DepartmentId | string): string => `consult-${department}`;

/** The map's room of a service: a department's consulting room, an examination room, or the place itself. */
export function roomNameOf(id: ServiceId): string {
  const s = parseService(id);
  return s.kind === 'consult' ? consultRoomName(s.department) : s.kind === 'exam' ? `exam-${s.room}` : s.desk;
}

/** The staff id of a department's doctor (the post in its consulting room). */
export const doctorIdOf = (department: DepartmentId | string): string => staffIdOf('doctor', consultRoomName(department));

/** The department whose doctor a staff id names, if it names one. */
export function departmentOfDoctor(staffId: string): DepartmentId | undefined {
  return staffId.startsWith(DOCTOR_AT) ? (staffId.slice(DOCTOR_AT.length) as DepartmentId) : undefined;
}

/** A member of staff's id: their role at the post of a room of the map. */
export const staffIdOf = (role: string, room: string): string => `${role}:${room}`;

/** The room a member of staff works in, read from their id. */
export function roomOfStaff(staffId: string): string {
  return staffId.slice(staffId.indexOf(':') + 1);
}

/** The service given in a room of the map, by the room's name (the inverse of `roomNameOf`). */
export function serviceOfRoom(room: string): ServiceId | undefined {
  if (room.startsWith('consult-')) return consultService(room.slice('consult-'.length));
  if (room.startsWith('exam-')) return examService(room.slice('exam-'.length));
  return room === 'triage' || room === 'registration' || room === 'pharmacy' ? room : undefined;
}

/** The department whose consulting room a map's room is, if it is one. */
export function departmentOfRoom(room: string): DepartmentId | undefined {
  const service = serviceOfRoom(room);
  return service && departmentOfService(service);
}
