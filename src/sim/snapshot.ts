import type { DepartmentId, PatientId } from '../schema/ids';
import type { ServiceId, Stage, World } from './world';

/** What the views draw each frame: positions and states, no hidden truth. */
export interface Snapshot {
  time: number;
  /** `x`, `y`: the tile a patient is on; `fx`, `fy`: where along its walk, in fractional tiles (for smooth drawing). */
  patients: {
    id: PatientId;
    x: number;
    y: number;
    fx: number;
    fy: number;
    stage: Stage['kind'];
    at?: ServiceId;
    department?: DepartmentId;
    visit: number;
    severe: boolean;
  }[];
  staff: { id: string; role: string; x: number; y: number; department?: string }[];
  queues: Record<string, number>;
  stats: World['stats'] & { inside: number };
}

export function snapshotOf(w: World): Snapshot {
  const patients: Snapshot['patients'] = [];
  for (const a of w.patients.values()) {
    if (a.stage.kind === 'home' || a.stage.kind === 'discharged') continue;
    // Between two tiles of the route: routeAt is fractional, pos is the tile already reached.
    const i = Math.floor(a.routeAt);
    const next = a.route.length > 0 ? a.route[Math.min(i + 1, a.route.length - 1)] : undefined;
    const f = next ? a.routeAt - i : 0;
    patients.push({
      id: a.id,
      x: a.pos.x,
      y: a.pos.y,
      fx: a.pos.x + ((next?.x ?? a.pos.x) - a.pos.x) * f,
      fy: a.pos.y + ((next?.y ?? a.pos.y) - a.pos.y) * f,
      stage: a.stage.kind,
      ...('at' in a.stage ? { at: a.stage.at } : {}),
      ...(a.department ? { department: a.department } : {}),
      visit: a.visit,
      // What staff can see of severity: the doctor's judgement once made.
      severe: a.diagnosis?.severe ?? false,
    });
  }
  const queues: Record<string, number> = {};
  for (const [at, q] of w.queues) queues[at] = q.length;
  return {
    time: w.time,
    patients,
    staff: w.staff.map((s) => ({ id: s.id, role: s.role, x: s.pos.x, y: s.pos.y, ...(s.department ? { department: s.department } : {}) })),
    queues,
    stats: { ...w.stats, inside: patients.length },
  };
}
