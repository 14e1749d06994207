import { DepartmentId, TermId } from '../../src/schema/ids';
import mitt from 'mitt';
import { describe, expect, it } from 'vitest';
import { defaultContext } from '../../src/cli/context';
import { ClinicalStaff } from '../../src/run/staff';
import { loadLayout } from '../../src/sim/nodeMap';
import type { AppContext, AppEvents } from '../../src/ui/appContext';
import { clockParts, HospitalRun, splitSteps, MAX_STEP_MINUTES } from '../../src/ui/world/hospitalRun';
import { describe as describeEvent, lineOf } from '../../src/ui/world/lines';
import { clockText, speedIndex } from '../../src/ui/world/timeControls';
import { accuracyOf } from '../../src/ui/world/hud';
import { passes } from '../../src/ui/world/eventLog';
import { VocabularyMatcher } from '../../src/language/matcher';

const ctx = defaultContext();
const layout = loadLayout(ctx.kb);
function app(): AppContext {
  const lang: 'en' | 'zh' = 'en';
  return {
    kb: ctx.kb,
    language: () => Promise.resolve(new VocabularyMatcher(ctx.kb)),
    generator: ctx.generator,
    reader: ctx.reader,
    staff: new ClinicalStaff(ctx.kb, ctx.reader),
    bus: mitt<AppEvents>(),
    lang: () => lang,
  };
}

describe('the world clock and steps', () => {
  it('shows day and time of day', () => {
    expect(clockParts(0)).toEqual({ day: 1, hh: '00', mm: '00' });
    expect(clockText(1440 + 9 * 60 + 5.7, 'en')).toBe('Day 2, 09:05');
    expect(clockText(1440 * 2 + 61, 'zh')).toBe('第3天 01:01');
  });

  it('splits a frame into sim steps no longer than a quarter minute', () => {
    expect(splitSteps(0)).toEqual({ count: 0, dt: 0 });
    expect(splitSteps(0.1)).toEqual({ count: 1, dt: 0.1 });
    const s = splitSteps(1.1);
    expect(s.count).toBe(5);
    expect(s.dt).toBeLessThanOrEqual(MAX_STEP_MINUTES);
    expect(s.dt * s.count).toBeCloseTo(1.1, 9);
  });

  it('picks the nearest speed button for a rate', () => {
    expect(speedIndex(0.1)).toBe(0);
    expect(speedIndex(0.55)).toBe(2);
    expect(speedIndex(100)).toBe(5);
    expect(accuracyOf({ followedUp: 0, correct: 0 })).toBeUndefined();
    expect(accuracyOf({ followedUp: 4, correct: 3 })).toBe(75);
  });
});

describe('the hospital run of the page', () => {
  it('opens on a busy morning, steps by real time and files each doctor’s diagnosis report', () => {
    const a = app();
    const run = new HospitalRun(a, layout, { arrivalsPerHour: 30 });
    expect(run.sim.world.time).toBeCloseTo(8.5 * 60, 6);
    run.minutesPerSecond = 6;
    let told = 0;
    for (let i = 0; i < 60 * 20; i++) told += run.advance(1000 / 60, i * 16).length;
    expect(run.sim.world.time).toBeCloseTo(8.5 * 60 + 120, 3);
    expect(told).toBeGreaterThan(50);
    const diagnosed = run.log.filter((e) => e.event.type === 'patient:diagnosed');
    expect(diagnosed.length).toBeGreaterThan(0);
    const last = diagnosed.at(-1)!.event;
    const filed = last.type === 'patient:diagnosed' ? run.reports.get(last.payload.department) : undefined;
    expect(filed?.report.differential.length).toBeGreaterThan(0);
    expect(run.journals.get(filed!.patient)?.report).toBe(filed!.report);
    // The doctors are the page's one shared staff.
    expect(run.staff).toBe(a.staff);
  });

  it('does not move while paused, except one tick at a time', () => {
    const run = new HospitalRun(app(), layout, {}, 60);
    run.paused = true;
    const t = run.sim.world.time;
    run.advance(1000, 0);
    expect(run.sim.world.time).toBe(t);
    run.stepOnce();
    expect(run.sim.world.time).toBeCloseTo(t + MAX_STEP_MINUTES, 9);
  });

  it('speaks events as bubbles in the reader’s language and re-speaks them after a switch', () => {
    const run = new HospitalRun(app(), layout, { arrivalsPerHour: 30 });
    run.minutesPerSecond = 3;
    let said = 0;
    for (let i = 0; i < 300 && said === 0; i++) {
      run.speak(run.advance(50, i * 50), 'en');
      said = run.bubbles.visible(i * 50).length;
    }
    expect(said).toBeGreaterThan(0);
    run.relabel('zh');
    for (const { bubble } of run.bubbles.visible(run.now)) expect(bubble.text).toMatch(/[\u4e00-\u9fff]/);
  });

  it('writes lines and log entries in both languages from the knowledge base', () => {
    const run = new HospitalRun(app(), layout, {}, 0);
    const id = run.admit();
    const voice = run.voice;
    const cardiology = DepartmentId.parse('cardiology');
    const asked = { type: 'doctor:asked', payload: { patient: id, department: cardiology, term: TermId.parse('chest-pain') } } as const;
    expect(lineOf(asked, voice, 'en')).toEqual({ speaker: 'doctor:consult-cardiology', text: 'Any chest pain?' });
    expect(lineOf(asked, voice, 'zh')?.text).toContain('胸痛');
    const triaged = { type: 'patient:triaged', payload: { patient: id, department: cardiology, redFlag: false } } as const;
    expect(describeEvent(triaged, voice, 'en')).toContain('Cardiology');
    expect(describeEvent(triaged, voice, 'zh')).toContain('心血管内科');
  });

  it('filters the event log by department and by the patient’s name', () => {
    const run = new HospitalRun(app(), layout, { arrivalsPerHour: 30 }, 10 * 60);
    const triaged = run.log.find((e) => e.event.type === 'patient:triaged')!.event;
    if (triaged.type !== 'patient:triaged') throw new Error('no patient was triaged');
    const { patient, department } = triaged.payload;
    const byDep = run.log.filter((e) => passes(e, run, { department, agent: '' }));
    expect(byDep.length).toBeGreaterThan(0);
    expect(byDep.length).toBeLessThan(run.log.length);
    for (const e of byDep) {
      const p = e.event.payload;
      expect('department' in p ? p.department : 'patient' in p ? run.sim.world.patients.get(p.patient)?.department : undefined).toBe(
        department,
      );
    }
    const name = run.sim.patientRecord(patient)!.persona.name.zh;
    const byName = run.log.filter((e) => passes(e, run, { department: '', agent: name }));
    expect(byName.length).toBeGreaterThan(1);
    for (const e of byName) {
      const p = e.event.payload;
      expect('patient' in p ? run.sim.patientRecord(p.patient)?.persona.name.zh : undefined).toContain(name);
    }
  });

  it('reopens with the new doctors when the page’s staff is replaced', () => {
    const a = app();
    const run = new HospitalRun(a, layout, {}, 60);
    const fresh = new ClinicalStaff(ctx.kb, ctx.reader);
    a.staff = fresh;
    run.start();
    expect(run.staff).toBe(fresh);
    expect(run.sim.world.time).toBeCloseTo(60, 6);
  });
});
