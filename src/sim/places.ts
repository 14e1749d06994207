import type { PatientId } from '../schema/ids';
import type { Layout, Point, Room } from './layout';
import type { ServiceId, StaffAgent } from './world';
import { roomNameOf, staffIdOf } from './services';

/*
 * Where things happen on the map: the room of a service, where the n-th in line stands, and who
 * works at each post. Read from the layout only; the simulation keeps who is where.
 */

/** A room of the map by name; a map without it cannot run the hospital. */
export function roomNamed(rooms: ReadonlyMap<string, Room>, name: string): Room {
  const r = rooms.get(name);
  if (!r) throw new Error(`the map has no room "${name}"`);
  return r;
}

/** The room a service is given in: a department's consulting room, an examination room, or the place itself. */
export function roomOfService(rooms: ReadonlyMap<string, Room>, at: ServiceId): Room {
  return roomNamed(rooms, roomNameOf(at));
}

/** Where the n-th in line stands: queue spots, or the first free waiting-room seat for consultations. */
export function queueSpot(layout: Layout, seatsTaken: readonly (PatientId | undefined)[], at: ServiceId, n: number): Point {
  const room = roomOfService(layout.rooms, at);
  if (room.queue.length > 0) return room.queue[Math.min(n, room.queue.length - 1)] as Point;
  const waiting = roomNamed(layout.rooms, 'waiting');
  const free = seatsTaken.findIndex((x) => x === undefined);
  return (waiting.seats[free >= 0 ? free : 0] ?? layout.entrance) as Point;
}

/** One member of staff at every post of the map, by the kind of room. */
export function placeStaff(rooms: ReadonlyMap<string, Room>): StaffAgent[] {
  const staff: StaffAgent[] = [];
  for (const room of rooms.values()) {
    if (!room.post) continue;
    const role: StaffAgent['role'] | undefined =
      room.kind === 'triage'
        ? 'triage-nurse'
        : room.kind === 'registration'
          ? 'registration-nurse'
          : room.kind === 'consulting'
            ? 'doctor'
            : room.kind === 'exam'
              ? 'examiner'
              : room.kind === 'pharmacy'
                ? 'pharmacist'
                : undefined;
    if (role)
      staff.push({
        id: staffIdOf(role, room.name),
        role,
        room: room.name,
        ...(room.department ? { department: room.department } : {}),
        pos: room.post,
      });
  }
  return staff;
}

/** The list kept under `key`, created empty on first use (queues and who is being served). */
export function listOf<K, V>(lists: Map<K, V[]>, key: K): V[] {
  let list = lists.get(key);
  if (!list) {
    list = [];
    lists.set(key, list);
  }
  return list;
}
