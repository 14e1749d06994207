import { describe, expect, it } from 'vitest';
import { defaultContext } from '../../src/cli/context';
import { loadLayout } from '../../src/sim/nodeMap';
import { Simulation } from '../../src/sim/simulation';

const ctx = defaultContext();
const layout = loadLayout(ctx.kb);

describe('positions between ticks (snapshot fx, fy)', () => {
  it('move a walker smoothly along its route, never off the corridor between two route tiles', () => {
    const sim = new Simulation({ kb: ctx.kb, generator: ctx.generator, reader: ctx.reader, layout, config: { arrivalsPerHour: 0 } });
    const id = sim.admit().id;
    let last: { fx: number; fy: number } | undefined;
    let moves = 0;
    for (let i = 0; i < 200; i++) {
      sim.step(0.005); // a third of a tile per step at the default walking speed
      const p = sim.snapshot().patients.find((x) => x.id === id)!;
      // On a 4-way route one coordinate is always whole: the walker is between two adjacent tiles.
      const whole = (v: number) => Math.abs(v - Math.round(v)) < 1e-9;
      expect(whole(p.fx) || whole(p.fy), `(${p.fx}, ${p.fy})`).toBe(true);
      expect(Math.abs(p.fx - p.x) + Math.abs(p.fy - p.y)).toBeLessThanOrEqual(1 + 1e-9);
      if (last) {
        const d = Math.abs(p.fx - last.fx) + Math.abs(p.fy - last.fy);
        expect(d).toBeLessThanOrEqual(0.3 + 1e-9);
        if (d > 0) moves++;
      }
      last = p;
    }
    expect(moves).toBeGreaterThan(20);
  });
});
