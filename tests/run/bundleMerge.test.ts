import { describe, expect, it } from 'vitest';
import { defaultContext } from '../../src/cli/context';
import { exportBundle, loadBundle, parseBundle } from '../../src/run/bundle';
import { mergeBundle } from '../../src/run/bundleMerge';
import { ClinicalStaff } from '../../src/run/staff';
import { simulate } from '../../src/run/simulate';

const ctx = defaultContext();
const learned = (n: number, seed: number) =>
  exportBundle(simulate(ctx.generator, ctx.reader, { consultations: n, seed, examPerDisease: 0, checkpoints: 0, clock: () => 0 }).staff);

describe('merging bundles', () => {
  const a = learned(300, 41);
  const b = learned(250, 42);
  const merged = mergeBundle(a, b);

  it('adds the consultations, cases and per-doctor counts of both', () => {
    expect(merged.consultations).toBe(550);
    const cases = (x: typeof a) => x.doctors.reduce((n, d) => n + d.cases.length, 0);
    expect(cases(merged)).toBe(cases(a) + cases(b));
    for (const d of merged.doctors) {
      const da = a.doctors.find((x) => x.department === d.department);
      const db = b.doctors.find((x) => x.department === d.department);
      expect(d.consultations).toBe((da?.consultations ?? 0) + (db?.consultations ?? 0));
      expect(d.correct).toBe((da?.correct ?? 0) + (db?.correct ?? 0));
      expect(d.severity.pooled[0]).toBeCloseTo((da?.severity.pooled[0] ?? 0) + (db?.severity.pooled[0] ?? 0));
    }
  });

  it('gives every lesson a distinct id and loads into fresh staff', () => {
    for (const d of merged.doctors) expect(new Set(d.experiences.map((e) => e.id)).size).toBe(d.experiences.length);
    const staff = new ClinicalStaff(ctx.kb, ctx.reader);
    loadBundle(staff, parseBundle(ctx.kb, merged));
    expect(staff.consultations).toBe(550);
    expect(staff.caseBaseSize).toBe(merged.doctors.reduce((n, d) => n + d.cases.length, 0));
  });

  it('merging with itself keeps one copy of each lesson with the counts of both', () => {
    const twice = mergeBundle(a, a);
    for (const [i, d] of twice.doctors.entries()) {
      const orig = a.doctors[i];
      expect(d.experiences.length).toBe(orig?.experiences.length);
      d.experiences.forEach((e, j) => expect(e.uses).toBe(2 * (orig?.experiences[j]?.uses ?? 0)));
    }
  });
});
