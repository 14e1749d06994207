import type { Patient } from '../patients/types';
import type { ClinicalStaff } from '../run/staff';
import type { Confusion } from '../schema/store';

/**
 * The department confusion table on the exam: for each department, which true diseases its
 * doctor took for which others, and how often. Sits the exam without learning from it.
 */
export function examConfusions(staff: ClinicalStaff, patients: readonly Patient[]): Confusion[] {
  const counts = new Map<string, number>();
  for (const patient of patients) {
    const o = staff.consult(patient, false);
    if (o.correct) continue;
    const key = `${staff.kb.disease(o.truth).department}|${o.truth}|${o.report.diagnosis}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => [...key.split('|'), n] as Confusion).sort((a, b) => b[3] - a[3] || a.join().localeCompare(b.join()));
}
