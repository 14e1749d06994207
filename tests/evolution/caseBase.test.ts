import { describe, expect, it } from 'vitest';
import { CaseBase } from '../../src/evolution/caseBase';
import { Rng } from '../../src/sim/rng';

function randomCase(rng: Rng, diseases: number, terms: number) {
  const disease = rng.int(0, diseases - 1);
  // Cases of one disease share a core of features, as real presentations do.
  const present = [disease * 3, disease * 3 + 1, ...Array.from({ length: rng.int(2, 8) }, () => rng.int(0, terms - 1))];
  return { disease, present, absent: [rng.int(0, terms - 1)], ageBand: rng.int(0, 6), male: rng.chance(0.5), consultation: 0 };
}

describe('CaseBase', () => {
  it('stores cases compactly and gives them back as they were', () => {
    const base = new CaseBase(5);
    const id = base.add({ disease: 3, present: [9, 2, 2, 7], absent: [4], ageBand: 5, male: true, consultation: 42 });
    expect(base.size).toBe(1);
    const c = base.get(id);
    expect(Array.from(c.present)).toEqual([2, 7, 9]);
    expect(Array.from(c.absent)).toEqual([4]);
    expect(c).toMatchObject({ disease: 3, ageBand: 5, male: true, consultation: 42 });
    expect(base.countFor(3)).toBe(1);
  });

  it('retrieves the most similar cases first, across the diseases asked about', () => {
    const base = new CaseBase(3);
    base.add({ disease: 0, present: [1, 2, 3], absent: [], ageBand: 0, male: false, consultation: 1 });
    base.add({ disease: 1, present: [1, 2, 9], absent: [], ageBand: 0, male: false, consultation: 2 });
    base.add({ disease: 2, present: [7, 8], absent: [], ageBand: 0, male: false, consultation: 3 });
    const hits = base.retrieve(Int32Array.from([1, 2, 3]), [0, 1, 2], 3);
    expect(hits.map((h) => h.disease)).toEqual([0, 1, 2]);
    expect(hits[0]!.similarity).toBe(1);
    expect(hits[1]!.similarity).toBeCloseTo(0.5);
  });

  it('finds through its per-disease index what a full scan finds among those diseases', () => {
    const rng = Rng.seeded(5);
    const base = new CaseBase(40);
    for (let i = 0; i < 20_000; i++) base.add(randomCase(rng, 40, 200));
    for (let q = 0; q < 50; q++) {
      const query = Int32Array.from(new Set(randomCase(rng, 40, 200).present)).sort();
      const fast = base.retrieve(
        query,
        Array.from({ length: 40 }, (_, d) => d),
        3,
      );
      const brute = base.bruteForce(query, 3);
      expect(fast.map((h) => h.similarity)).toEqual(brute.map((h) => h.similarity));
    }
  });
});
