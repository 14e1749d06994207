import { OpenWorldReasoner } from '../brain/offline/openWorld';
import type { ClinicalStaff } from './staff';

const reasoners = new WeakMap<ClinicalStaff, OpenWorldReasoner>();

/**
 * The open-world differential of a hospital's staff, for people and written cases: over the whole
 * knowledge base, refined by what each department's doctor has learned. Built on first use and
 * kept beside the staff (not in it, so the fast-forward worker, which never reads a written case,
 * does not carry it).
 */
export function openWorldOf(staff: ClinicalStaff): OpenWorldReasoner {
  let reasoner = reasoners.get(staff);
  if (!reasoner) {
    reasoner = new OpenWorldReasoner(staff.kb, (department) => staff.doctors.get(department)?.beliefs);
    reasoners.set(staff, reasoner);
  }
  return reasoner;
}
