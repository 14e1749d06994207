import { describe, expect, it } from 'vitest';
import { defaultContext } from '../../src/cli/context';
import { loadLayout } from '../../src/sim/nodeMap';
import { DrillRun, runDrill, OUTBREAKS } from '../../src/modes/drill';
import { surgeRate, OutbreakSpec } from '../../src/sim/outbreak';
import { Simulation } from '../../src/sim/simulation';

const ctx = defaultContext();
const world = { ...ctx, layout: loadLayout(ctx.kb) };

describe('public-health drill', () => {
  it('every outbreak is carried by a knowledge-base disease with its ICD-10 code', () => {
    for (const o of Object.values(OUTBREAKS)) for (const d of o.diseases) expect(ctx.kb.disease(d).icd10).toBe(o.icd10);
  });

  it('the surge curve rises to its peak and falls to nothing', () => {
    const s = OutbreakSpec.parse({ diseases: ['influenza'], peakPerHour: 30, startHour: 6, peakHour: 12, endHour: 24, patientSeed: 9 });
    expect(surgeRate(s, 5 * 60)).toBe(0);
    expect(surgeRate(s, 12 * 60)).toBeCloseTo(30);
    expect(surgeRate(s, 9 * 60)).toBeGreaterThan(0);
    expect(surgeRate(s, 9 * 60)).toBeLessThan(30);
    expect(surgeRate(s, 24 * 60)).toBe(0);
    expect(OutbreakSpec.safeParse({ ...s, peakHour: 30 }).success).toBe(false);
  });

  it('a surge raises the mean wait, a fever clinic lowers it again, and the same seed replays the same drill', () => {
    const base = runDrill(world, { seed: 3 });
    const surge = runDrill(world, { seed: 3, outbreak: 'influenza', surgePeakPerHour: 20 });
    const clinic = runDrill(world, { seed: 3, outbreak: 'influenza', surgePeakPerHour: 20, feverClinic: true, feverTriage: true });
    expect(surge.outbreakArrived).toBeGreaterThan(100);
    expect(surge.meanWait).toBeGreaterThan(base.meanWait * 5);
    expect(clinic.meanWait).toBeLessThan(surge.meanWait / 2);
    expect(clinic.outbreakDiagnosed).toBeGreaterThan(surge.outbreakDiagnosed);
    expect(Math.max(...surge.waitingByHour)).toBeGreaterThan(Math.max(...base.waitingByHour));
    const again = runDrill(world, { seed: 3, outbreak: 'influenza', surgePeakPerHour: 20, feverClinic: true, feverTriage: true });
    expect(again.eventLogHash).toBe(clinic.eventLogHash);
    expect(again.meanWait).toBe(clinic.meanWait);
    expect(runDrill(world, { seed: 4, outbreak: 'influenza', feverClinic: true, feverTriage: true }).eventLogHash).not.toBe(
      clinic.eventLogHash,
    );
  });

  it('watched an hour at a time, a drill comes out exactly as when run at once', () => {
    const spec = { seed: 6, hours: 12, outbreak: 'novel', surgePeakPerHour: 15, feverTriage: true } as const;
    const run = new DrillRun(world, spec);
    const hours: number[] = [];
    while (!run.done) hours.push(run.runHours(1).hour);
    expect(hours).toEqual([...Array(12).keys()].map((h) => h + 1));
    expect(run.result()).toEqual(runDrill(world, spec));
  });

  it('extra doctors in the busiest department shorten its queue', () => {
    const surge = runDrill(world, { seed: 5, outbreak: 'measles', surgePeakPerHour: 12 });
    // Triage sends measles by its presenting complaint: the busiest department is wherever it went.
    const [dep] = Object.entries(surge.waitByDepartment).sort((a, b) => b[1].meanWait - a[1].meanWait)[0]!;
    const staffed = runDrill(world, { seed: 5, outbreak: 'measles', surgePeakPerHour: 12, extraDoctors: { [dep]: 3 } });
    expect(surge.waitByDepartment[dep]!.meanWait).toBeGreaterThan(30);
    expect(staffed.waitByDepartment[dep]!.meanWait).toBeLessThan(surge.waitByDepartment[dep]!.meanWait / 2);
    expect(() => runDrill(world, { extraDoctors: { 'dragon-medicine': 1 } })).toThrow(/no department "dragon-medicine"/);
  });

  it('a triage rule sends matching complaints to its department at the desk, without asking the nurse', () => {
    const sim = new Simulation({ ...world, config: { patientSeed: 8, arrivalsPerHour: 0 } });
    expect(sim.dispatch('hospital.setTriageRules', { rules: [{ complaints: ['fever'], department: 'infectious-diseases' }] }).ok).toBe(
      true,
    );
    const triaged: { patient: string; department: string }[] = [];
    sim.events.on('patient:triaged', (e) => triaged.push(e));
    const fever = [...Array(50).keys()]
      .map((i) => ctx.generator.generateWith('influenza' as never, 999, i))
      .find((p) => p.symptoms[0]!.term === 'fever')!;
    sim.admit(fever);
    for (let t = 0; t < 30; t++) sim.step(1);
    expect(triaged).toEqual([{ patient: fever.id, department: 'infectious-diseases', redFlag: false }]);
    expect(sim.takeRequests().filter((r) => r.kind === 'triage')).toEqual([]);
  });

  it('the world refuses bad drill commands by name and changes nothing', () => {
    const sim = new Simulation({ ...world, config: { patientSeed: 4 } });
    expect(sim.dispatch('hospital.setCapacity', { service: 'canteen', count: 3 }).ok).toBe(false);
    expect(sim.dispatch('hospital.setCapacity', { service: 'triage', count: 0 }).ok).toBe(false);
    const refused: string[] = [];
    sim.events.on('command:refused', (e) => refused.push(e.message));
    const answers = [
      sim.dispatch('hospital.startOutbreak', {
        diseases: ['made-up-itis'],
        peakPerHour: 5,
        startHour: 0,
        peakHour: 1,
        endHour: 2,
        patientSeed: 99,
      }),
      sim.dispatch('hospital.startOutbreak', {
        diseases: ['influenza'],
        peakPerHour: 5,
        startHour: 0,
        peakHour: 1,
        endHour: 2,
        patientSeed: 4,
      }),
      sim.dispatch('hospital.setTriageRules', { rules: [{ complaints: ['fever'], department: 'dragon-medicine' }] }),
    ];
    // The command answers the refusal itself, and the event says the same.
    expect(answers).toEqual([
      { ok: false, reason: expect.stringContaining('made-up-itis') },
      { ok: false, reason: expect.stringContaining('patientSeed') },
      { ok: false, reason: expect.stringContaining('"dragon-medicine"') },
    ]);
    expect(refused).toEqual(answers.map((a) => (a.ok ? '' : a.reason)));
    expect(sim.config.triageRules).toEqual([]);
    sim.dispatch('hospital.setArrivalRate', { perHour: 0 });
    for (let t = 0; t < 180; t++) sim.step(1);
    expect(sim.world.stats.arrived).toBe(0);
  });
});
