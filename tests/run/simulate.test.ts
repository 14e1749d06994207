import { describe, expect, it } from 'vitest';
import { defaultContext } from '../../src/cli/context';
import { EXAM_SEED } from '../../src/run/exam';
import { simulate } from '../../src/run/simulate';
import { exportBundle, loadBundle, parseBundle, BundleError } from '../../src/run/bundle';
import { ClinicalStaff } from '../../src/run/staff';

const ctx = defaultContext();
let tick = 0;
const clock = () => (tick += 0.001);
const run = (consultations: number, seed: number, staff?: ClinicalStaff) =>
  simulate(ctx.generator, ctx.reader, { consultations, seed, examPerDisease: 1, checkpoints: 1, clock, ...(staff ? { staff } : {}) });

describe('simulate (headless hospital with MedAgent-Zero learning)', () => {
  const first = run(3000, 11);

  it('gets measurably better at diagnosis and examination from its own follow-ups', () => {
    const { before, after } = first.summary.exam;
    expect(after.diagnosisTop1 - before.diagnosisTop1).toBeGreaterThan(0.1);
    expect(after.examination).toBeGreaterThan(before.examination);
    expect(after.treatment).toBeGreaterThan(before.treatment);
    expect(first.summary.caseBase).toBeGreaterThan(2000);
    expect(first.summary.experienceBase).toBeGreaterThan(10);
    expect(first.summary.curve.map((p) => p.consultations)).toEqual([0, 1500, 3000]);
  });

  it('replays exactly from the same seed, and differently from another', () => {
    expect(run(400, 11).summary.eventLogHash).toBe(run(400, 11).summary.eventLogHash);
    expect(run(400, 12).summary.eventLogHash).not.toBe(run(400, 11).summary.eventLogHash);
  });

  it('refuses to train on the exam seed', () => {
    expect(() => run(10, EXAM_SEED)).toThrow(/reserved for the exam/);
  });

  it('saves the bases to a bundle and loads them back with the same exam score', () => {
    const bundle = JSON.parse(JSON.stringify(exportBundle(first.staff, first.summary.curve))) as unknown;
    const staff = new ClinicalStaff(ctx.kb, ctx.reader);
    loadBundle(staff, parseBundle(ctx.kb, bundle));
    expect(staff.caseBaseSize).toBe(first.staff.caseBaseSize);
    expect(staff.experienceBaseSize).toBe(first.staff.experienceBaseSize);
    const again = run(0, 11, staff);
    expect(again.summary.exam.before.diagnosisTop1).toBeCloseTo(first.summary.exam.after.diagnosisTop1, 10);
  });

  it('refuses a bundle with unknown ids or a wrong version, naming the path, and changes nothing', () => {
    const good = JSON.parse(JSON.stringify(exportBundle(first.staff))) as { doctors: { cases: { disease: string }[] }[]; version: number };
    const doctor = good.doctors.find((d) => d.cases.length > 0)!;
    doctor.cases[0]!.disease = 'dragon-pox';
    expect(() => parseBundle(ctx.kb, good)).toThrow(BundleError);
    expect(() => parseBundle(ctx.kb, good)).toThrow(/doctors\[\d+\]\.cases\[0\]\.disease: unknown disease "dragon-pox"/);
    expect(() => parseBundle(ctx.kb, { ...good, version: 99 })).toThrow(/version/);
    expect(() => parseBundle(ctx.kb, { format: 'something-else' })).toThrow(/format/);
  });
});
