import type { Bundle, BundleDoctor } from '../schema/bundle';

/*
 * Merging what two hospitals' doctors learned. Counts add up (beliefs, case mix, severity
 * statistics are sums over patients); cases and lessons are pooled; value ranges widen. The
 * second bundle's consultations are counted after the first's, so its cases and lessons keep
 * their order in the merged history.
 */

function addCounts(a: readonly [string, number][], b: readonly [string, number][]): [string, number][] {
  const sum = new Map<string, number>();
  for (const [k, n] of [...a, ...b]) sum.set(k, (sum.get(k) ?? 0) + n);
  return [...sum];
}

const addVectors = (a: readonly number[], b: readonly number[]): number[] => a.map((v, i) => v + (b[i] ?? 0));

function mergeDoctor(a: BundleDoctor, b: BundleDoctor, offset: number): BundleDoctor {
  const perDisease = new Map<string, number[]>(a.severity.perDisease.map(([d, s]) => [d, [...s]]));
  for (const [d, s] of b.severity.perDisease) perDisease.set(d, perDisease.has(d) ? addVectors(perDisease.get(d) as number[], s) : [...s]);
  const ranges = new Map<string, [string, string, number, number]>(a.severity.ranges.map((r) => [`${r[0]}|${r[1]}`, [...r]]));
  for (const r of b.severity.ranges) {
    const key = `${r[0]}|${r[1]}`;
    const had = ranges.get(key);
    ranges.set(key, had ? [r[0], r[1], Math.min(had[2], r[2]), Math.max(had[3], r[3])] : [...r]);
  }
  const beliefs = new Map(a.beliefs.map((r) => [r.disease, r]));
  for (const r of b.beliefs) {
    const had = beliefs.get(r.disease);
    beliefs.set(
      r.disease,
      had
        ? {
            disease: r.disease,
            patients: had.patients + r.patients,
            male: had.male + r.male,
            bands: addVectors(had.bands, r.bands),
            observed: addCounts(had.observed, r.observed),
            present: addCounts(had.present, r.present),
            studied: had.studied || r.studied,
          }
        : r,
    );
  }
  const firstId = Math.max(0, ...a.experiences.map((e) => e.id));
  const known = new Set(a.experiences.map((e) => JSON.stringify([e.from, e.to, e.rule])));
  const experiences = [...a.experiences];
  let next = firstId + 1;
  for (const e of b.experiences) {
    // The same lesson learned twice is kept once, with the counts of both.
    const key = JSON.stringify([e.from, e.to, e.rule]);
    if (known.has(key)) {
      const i = experiences.findIndex((x) => JSON.stringify([x.from, x.to, x.rule]) === key);
      const x = experiences[i] as (typeof experiences)[number];
      experiences[i] = { ...x, uses: x.uses + e.uses, successes: x.successes + e.successes, retired: x.retired && e.retired };
      continue;
    }
    known.add(key);
    experiences.push({ ...e, id: next++, learnedAt: e.learnedAt + offset });
  }
  return {
    department: a.department,
    consultations: a.consultations + b.consultations,
    correct: a.correct + b.correct,
    caseMix: addCounts(a.caseMix, b.caseMix),
    severity: { perDisease: [...perDisease], pooled: addVectors(a.severity.pooled, b.severity.pooled), ranges: [...ranges.values()] },
    beliefs: [...beliefs.values()],
    cases: [...a.cases, ...b.cases.map((c) => ({ ...c, consultation: c.consultation + offset }))],
    experiences,
  };
}

/** The two bundles' learning as one. Both must have been parsed (and checked) first. */
export function mergeBundle(a: Bundle, b: Bundle): Bundle {
  const offset = a.consultations;
  const doctors = new Map(a.doctors.map((d) => [d.department, d]));
  for (const d of b.doctors) {
    const had = doctors.get(d.department);
    doctors.set(
      d.department,
      had
        ? mergeDoctor(had, d, offset)
        : mergeDoctor(
            {
              ...d,
              consultations: 0,
              correct: 0,
              caseMix: [],
              severity: { perDisease: [], pooled: d.severity.pooled.map(() => 0), ranges: [] },
              beliefs: [],
              cases: [],
              experiences: [],
            },
            d,
            offset,
          ),
    );
  }
  const nurse = new Map<string, [string, string, number]>();
  for (const [term, dep, n] of [...a.nurse.learned, ...b.nurse.learned]) {
    const key = `${term}|${dep}`;
    const had = nurse.get(key);
    nurse.set(key, [term, dep, (had?.[2] ?? 0) + n]);
  }
  const shifted = b.curve.map((p) => ({ ...p, consultations: (p['consultations'] ?? 0) + offset }));
  return {
    format: a.format,
    version: a.version,
    consultations: a.consultations + b.consultations,
    nurse: { learned: [...nurse.values()] },
    doctors: [...doctors.values()],
    curve: [...a.curve, ...shifted],
  };
}
