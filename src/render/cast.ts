import type { CharacterId } from './art/characters';

/** FNV-1a of a string: a stable pick of a look for an id, the same on every visit. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The look of a patient: children, adults and elders by sex, varied by id. */
export function patientLook(id: string, age: number, sex: 'M' | 'F'): CharacterId {
  const v = hashString(id) % 2;
  if (age < 14) return sex === 'M' ? 'patient-boy' : 'patient-girl';
  if (age >= 65) return sex === 'M' ? 'patient-old-man' : 'patient-old-woman';
  if (sex === 'M') return v === 0 ? 'patient-man' : 'patient-man2';
  return v === 0 ? 'patient-woman' : 'patient-woman2';
}

/** The look of a member of staff: white coats for doctors, scrubs for nurses, and so on. */
export function staffLook(id: string, role: string): CharacterId {
  const v = hashString(id) % 4;
  switch (role) {
    case 'doctor':
      return (['doctor-m', 'doctor-f', 'doctor-m2', 'doctor-f2'] as const)[v] as CharacterId;
    case 'triage-nurse':
    case 'registration-nurse':
      return v % 2 === 0 ? 'nurse-f' : 'nurse-m';
    case 'examiner':
      return 'examiner';
    case 'pharmacist':
      return 'pharmacist';
    default:
      return 'doctor-m';
  }
}
