import { PatientId } from '../../src/schema/ids';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultContext } from '../../src/cli/context';
import { OfflineBrainPort } from '../../src/run/brainPort';
import { ClinicalStaff } from '../../src/run/staff';
import { parseLayout, MapError, type Room } from '../../src/sim/layout';
import { DEFAULT_MAP_FILE, loadLayout, requiredRooms } from '../../src/sim/nodeMap';
import { Simulation } from '../../src/sim/simulation';
import type { SimEvents } from '../../src/sim/events';

const ctx = defaultContext();
const layout = loadLayout(ctx.kb);

function hospital(config: Record<string, unknown> = {}) {
  const sim = new Simulation({ kb: ctx.kb, generator: ctx.generator, reader: ctx.reader, layout, config });
  const port = new OfflineBrainPort(new ClinicalStaff(ctx.kb, ctx.reader), sim);
  const log: { type: keyof SimEvents; payload: Record<string, unknown>; time: number; pos?: { x: number; y: number } }[] = [];
  sim.events.on('*', (type, payload) => {
    const p = payload as Record<string, unknown>;
    const patient = PatientId.safeParse(p['patient']);
    const agent = patient.success ? sim.world.patients.get(patient.data) : undefined;
    log.push({ type, payload: p, time: sim.world.time, ...(agent ? { pos: { ...agent.pos } } : {}) });
  });
  const run = (minutes: number, dt = 0.25) => {
    for (let t = 0; t < minutes; t += dt) {
      sim.step(dt);
      port.answer();
    }
  };
  return { sim, port, log, run };
}

const inside = (room: Room | undefined, p?: { x: number; y: number }) =>
  !!room && !!p && p.x >= room.x - 1 && p.x <= room.x + room.width && p.y >= room.y - 1 && p.y <= room.y + room.height;

describe('the hospital map', () => {
  it('has a consulting room for every department and every examination room', () => {
    const { consulting, exams } = requiredRooms(ctx.kb);
    for (const d of consulting) expect(layout.rooms.get(`consult-${d}`)?.service, d).toBeDefined();
    for (const e of exams) expect(layout.rooms.get(`exam-${e}`)?.queue.length, e).toBeGreaterThan(0);
  });

  it('refuses a map with a spot inside a wall or a missing room, naming where', () => {
    const map = JSON.parse(readFileSync(DEFAULT_MAP_FILE, 'utf8')) as {
      layers: { name: string; objects?: { name: string; x: number; y: number }[] }[];
    };
    const spots = map.layers.find((l) => l.name === 'spots')!;
    spots.objects![0]!.x = 0;
    spots.objects![0]!.y = 0;
    const { consulting, exams } = requiredRooms(ctx.kb);
    expect(() => parseLayout(map, 'hospital.tmj', [...consulting, 'dragon-medicine'], exams)).toThrow(MapError);
    expect(() => parseLayout(map, 'hospital.tmj', [...consulting, 'dragon-medicine'], exams)).toThrow(
      /layers\[3\]\.objects\[0\]: spot ".*" at tile \(0, 0\) is not on a floor tile/,
    );
    expect(() => parseLayout(map, 'hospital.tmj', [...consulting, 'dragon-medicine'], exams)).toThrow(
      /room "consult-dragon-medicine" is missing/,
    );
    expect(() => parseLayout({ type: 'map' }, 'x.tmj')).toThrow(/x\.tmj cannot be used/);
  });
});

describe('the patient’s way through the hospital', () => {
  it('walks from the entrance through triage, a department and an examination room to the pharmacy', () => {
    // This walk waits for every result (a slow report sending the patient home is tested on its own).
    const h = hospital({ arrivalsPerHour: 0, maxWaitForResultMinutes: 3 * 24 * 60 });
    const id = h.sim.admit().id;
    h.run(30 * 60);
    const mine = h.log.filter((e) => e.payload['patient'] === id);
    const kinds: (keyof SimEvents)[] = mine.map((e) => e.type).filter((t) => t !== 'brain:requested');
    const order: (keyof SimEvents)[] = [
      'patient:arrived',
      'patient:triaged',
      'patient:registered',
      'consultation:started',
      'doctor:asked',
      'exam:ordered',
      'exam:started',
      'exam:reported',
      'patient:diagnosed',
      'patient:dispensed',
      'patient:left',
    ];
    let at = -1;
    for (const k of order) {
      const next = kinds.indexOf(k, at + 1);
      expect(next, `${k} after ${order[order.indexOf(k) - 1]}: ${kinds.join(' ')}`).toBeGreaterThan(at);
      at = next;
    }
    const event = (t: string) => mine.find((e) => e.type === t)!;
    expect(inside(layout.rooms.get('triage'), event('patient:triaged').pos)).toBe(true);
    const department = event('patient:triaged').payload['department'] as string;
    expect(inside(layout.rooms.get(`consult-${department}`), event('doctor:asked').pos)).toBe(true);
    const examRoom = event('exam:started').payload['room'] as string;
    if (examRoom !== 'consulting-room') expect(inside(layout.rooms.get(`exam-${examRoom}`), event('exam:started').pos)).toBe(true);
    expect(inside(layout.rooms.get('pharmacy'), event('patient:dispensed').pos)).toBe(true);
    expect(event('patient:left').pos).toEqual(layout.exit);
    // The diagnosis event names the consultation; the brain that answered it holds the report behind it.
    const diagnosed = event('patient:diagnosed').payload as { patient: string; request: number; disease: string };
    const report = h.port.reportOf(PatientId.parse(diagnosed.patient), diagnosed.request);
    expect(report?.diagnosis).toBe(diagnosed.disease);
    expect(report?.differential.length).toBeGreaterThan(0);
  });

  it('follows patients up: the truth is revealed, the doctors learn, the misdiagnosed come back', () => {
    const h = hospital({ arrivalsPerHour: 30, followUpDays: [0.5, 1] });
    h.run(3 * 24 * 60, 0.5);
    const followUps = h.log.filter((e) => e.type === 'patient:followed-up');
    expect(followUps.length).toBeGreaterThan(50);
    // A referred patient's two doctors both learn from its follow-up.
    const referred = new Set(h.log.filter((e) => e.type === 'patient:referred').map((e) => e.payload['patient']));
    const referredFollowedUp = followUps.filter((e) => referred.has(e.payload['patient'])).length;
    expect(h.port.staff.consultations).toBe(followUps.length + referredFollowedUp);
    const wrong = followUps.filter((e) => !e.payload['correct']).map((e) => e.payload['patient']);
    expect(wrong.length).toBeGreaterThan(0);
    const returned = new Set(h.log.filter((e) => e.type === 'patient:returned').map((e) => e.payload['patient']));
    for (const p of wrong) expect(returned.has(p)).toBe(true);
    expect(h.sim.snapshot().stats.followedUp).toBe(followUps.length);
  });

  it('refers a patient whose illness belongs to another department: the patient walks there, that doctor diagnoses, and both learn', () => {
    const h = hospital({ arrivalsPerHour: 30, followUpDays: [0.5, 1] });
    const learned: string[] = [];
    const followUp = h.port.staff.followUp.bind(h.port.staff);
    h.port.staff.followUp = (record, interview, department, report) => {
      learned.push(`${record.id} ${department}`);
      return followUp(record, interview, department, report);
    };
    h.run(3 * 24 * 60, 0.5);
    const referrals = h.log.filter((e) => e.type === 'patient:referred');
    expect(referrals.length).toBeGreaterThan(0);
    for (const r of referrals) {
      const { patient, from, to } = r.payload as { patient: string; from: string; to: string };
      expect(to).not.toBe(from);
      const after = h.log.slice(h.log.indexOf(r)).filter((e) => e.payload['patient'] === patient);
      const seen = after.find((e) => e.type === 'consultation:started');
      if (!seen) continue; // still walking when the run ended
      expect(seen.payload['department']).toBe(to);
      expect(inside(layout.rooms.get(`consult-${to}`), seen.pos)).toBe(true);
      const diagnosed = after.find((e) => e.type === 'patient:diagnosed');
      if (diagnosed) expect(diagnosed.payload['department']).toBe(to);
      if (after.some((e) => e.type === 'patient:followed-up')) {
        expect(learned).toContain(`${patient} ${to}`);
        expect(learned).toContain(`${patient} ${from}`);
      }
    }
    expect(h.log.some((e) => e.type === 'command:refused')).toBe(false);
  });

  it('replays the same event log from the same seed, and a different one from another', () => {
    const a = hospital({ seed: 5, patientSeed: 5 });
    const b = hospital({ seed: 5, patientSeed: 5 });
    const c = hospital({ seed: 6, patientSeed: 6 });
    for (const x of [a, b, c]) x.run(14 * 60, 0.5);
    expect(a.log.length).toBeGreaterThan(200);
    expect(a.sim.eventLogHash).toBe(b.sim.eventLogHash);
    expect(a.sim.eventLogHash).not.toBe(c.sim.eventLogHash);
  });

  it('refuses a malformed command and leaves the world as it was', () => {
    const h = hospital();
    const before = JSON.stringify(h.sim.snapshot());
    const r = h.sim.dispatch('consult.answered', { request: 1, patient: 'nobody', dialogue: [] } as never);
    expect(r).toEqual({ ok: false, reason: expect.stringContaining('one of an examination order, a diagnosis or a referral') });
    expect(h.sim.dispatch('hospital.setArrivalRate', { perHour: -5 }).ok).toBe(false);
    expect(JSON.stringify(h.sim.snapshot())).toBe(before);
  });

  it('answers a refusal the world finds (a stale brain answer, a missing room) with its reason, and changes nothing', () => {
    const h = hospital();
    const before = JSON.stringify(h.sim.snapshot());
    // A well-formed id of a patient the world never admitted.
    const nobody = 'P1-999999';
    expect(h.sim.dispatch('triage.decided', { request: 999, patient: nobody, department: 'cardiology', redFlag: false })).toEqual({
      ok: false,
      reason: `no patient ${nobody} waits for request 999`,
    });
    // An id that is no patient id at all is refused when the command's arguments are parsed.
    expect(h.sim.dispatch('triage.decided', { request: 999, patient: 'nobody', department: 'cardiology', redFlag: false })).toEqual({
      ok: false,
      reason: expect.stringContaining('patient: a patient id'),
    });
    expect(
      h.sim.dispatch('consult.answered', {
        request: 999,
        patient: nobody,
        dialogue: [],
        diagnosis: { disease: 'influenza', probability: 0.5, severe: false },
      }),
    ).toEqual({ ok: false, reason: expect.stringContaining(`no patient ${nobody}`) });
    expect(JSON.stringify(h.sim.snapshot())).toBe(before);
    // A patient who waits for triage, sent to a department the map has no room for.
    const id = h.sim.admit().id;
    let request: { id: number; patient: string } | undefined;
    for (let t = 0; t < 120 && !request; t++) {
      h.sim.step(0.5);
      request = h.sim.takeRequests().find((r) => r.kind === 'triage' && r.patient === id);
    }
    expect(request).toBeDefined();
    expect(h.sim.dispatch('triage.decided', { request: request!.id, patient: id, department: 'dragon-medicine', redFlag: false })).toEqual({
      ok: false,
      reason: 'no consulting room for department "dragon-medicine"',
    });
    expect(h.sim.dispatch('triage.decided', { request: request!.id, patient: id, department: 'cardiology', redFlag: false })).toEqual({
      ok: true,
    });
  });
});
