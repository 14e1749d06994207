import type { Stage, World } from './world';

/** What the views draw each frame: positions and states, no hidden truth. */
export interface Snapshot {
  time: number;
  patients: { id: string; x: number; y: number; stage: Stage['kind']; department?: string; visit: number; severe: boolean }[];
  staff: { id: string; role: string; x: number; y: number; department?: string }[];
  queues: Record<string, number>;
  stats: World['stats'] & { inside: number };
}

export function snapshotOf(w: World): Snapshot {
  const patients: Snapshot['patients'] = [];
  for (const a of w.patients.values()) {
    if (a.stage.kind === 'home' || a.stage.kind === 'discharged') continue;
    patients.push({
      id: a.id,
      x: a.pos.x,
      y: a.pos.y,
      stage: a.stage.kind,
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
