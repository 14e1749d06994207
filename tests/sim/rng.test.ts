import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/sim/rng';

describe('Rng', () => {
  it('replays the same sequence from the same seed and from a saved state', () => {
    const a = Rng.seeded(42);
    const b = Rng.seeded(42);
    const first = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(first);
    const saved = a.state();
    const ahead = Array.from({ length: 3 }, () => a.next());
    const restored = Rng.fromState(saved);
    expect(Array.from({ length: 3 }, () => restored.next())).toEqual(ahead);
  });

  it('gives item streams that do not depend on draws made before them', () => {
    const x = Rng.forItem(7, 3).next();
    Rng.forItem(7, 2).next();
    expect(Rng.forItem(7, 3).next()).toBe(x);
    expect(Rng.forItem(7, 4).next()).not.toBe(x);
    expect(Rng.forItem(8, 3).next()).not.toBe(x);
  });

  it('draws integers inside the bounds and weighted indexes in proportion', () => {
    const rng = Rng.seeded(1);
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i++) {
      const n = rng.int(3, 5);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(5);
      counts[rng.weightedIndex([1, 2, 0])]! += 1;
    }
    expect(counts[2]).toBe(0);
    expect(counts[1]! / counts[0]!).toBeGreaterThan(1.8);
    expect(counts[1]! / counts[0]!).toBeLessThan(2.2);
  });

  it('refuses impossible draws with a clear message', () => {
    expect(() => Rng.seeded(1).pick([])).toThrow(/no items/);
    expect(() => Rng.seeded(1).weightedIndex([0, 0])).toThrow(/positive/);
  });
});

describe('Rng streams for items', () => {
  it('gives independent draws inside one item stream (no clumping of extremes)', () => {
    // With 10 independent uniforms, "5 or more above 0.8" is Binomial(10, 0.2) ≥ 5: probability 0.0328.
    let clumped = 0;
    const streams = 50_000;
    for (let i = 0; i < streams; i++) {
      const rng = Rng.forItem(1, i);
      let high = 0;
      for (let k = 0; k < 10; k++) if (rng.next() > 0.8) high++;
      if (high >= 5) clumped++;
    }
    expect(clumped / streams).toBeGreaterThan(0.029);
    expect(clumped / streams).toBeLessThan(0.037);
  });

  it('gives first draws spread evenly over [0, 1) across consecutive items', () => {
    const bins = new Array<number>(10).fill(0);
    for (let i = 0; i < 20_000; i++) bins[Math.floor(Rng.forItem(3, i).next() * 10)]! += 1;
    for (const b of bins) expect(Math.abs(b - 2000)).toBeLessThan(200);
  });
});
