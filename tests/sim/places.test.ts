import { PatientId } from '../../src/schema/ids';
import { describe, expect, it } from 'vitest';
import { defaultContext } from '../../src/cli/context';
import { loadLayout } from '../../src/sim/nodeMap';
import { listOf, placeStaff, queueSpot, roomNamed, roomOfService } from '../../src/sim/places';

const ctx = defaultContext();
const layout = loadLayout(ctx.kb);

describe('places on the map', () => {
  it('finds the room of each kind of service, and names a room the map lacks', () => {
    expect(roomOfService(layout.rooms, 'consult:cardiology').name).toBe('consult-cardiology');
    expect(roomOfService(layout.rooms, 'triage').kind).toBe('triage');
    expect(() => roomNamed(layout.rooms, 'helipad')).toThrow('the map has no room "helipad"');
  });

  it('lines patients up on queue spots, and seats consultation queues in the waiting room', () => {
    const triage = roomNamed(layout.rooms, 'triage');
    expect(queueSpot(layout, [], 'triage', 0)).toEqual(triage.queue[0]);
    // Far down the line, the last spot is shared rather than off the map.
    expect(queueSpot(layout, [], 'triage', 10_000)).toEqual(triage.queue.at(-1));
    const seats = roomNamed(layout.rooms, 'waiting').seats;
    expect(queueSpot(layout, [PatientId.parse('P1-0'), undefined], 'consult:cardiology', 0)).toEqual(seats[1]);
  });

  it('puts one member of staff at every post, with the role of the room', () => {
    const staff = placeStaff(layout.rooms);
    const posts = [...layout.rooms.values()].filter(
      (r) => r.post && ['triage', 'registration', 'consulting', 'exam', 'pharmacy'].includes(r.kind),
    );
    expect(staff).toHaveLength(posts.length);
    expect(staff.filter((s) => s.role === 'doctor')).toHaveLength(ctx.kb.departments.length);
    expect(staff.find((s) => s.room === 'consult-cardiology')).toMatchObject({ role: 'doctor', department: 'cardiology' });
  });

  it('keeps one list per key, created on first use', () => {
    const lists = new Map<string, string[]>();
    listOf(lists, 'pharmacy').push('P1-0');
    expect(listOf(lists, 'pharmacy')).toEqual(['P1-0']);
    expect(lists.size).toBe(1);
  });
});
