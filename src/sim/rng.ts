import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

const TWO_POW_32 = 4294967296;

/**
 * The hospital's only source of randomness: a seeded xoroshiro128+ (pure-rand) with the few
 * draws the simulation needs. Its state can be saved and restored, so a world replays exactly.
 */
export class Rng {
  private constructor(private readonly gen: RandomGenerator) {}

  /**
   * pure-rand's own seeding fills the 128-bit state as (-1, ~seed, seed, 0): the first outputs of
   * nearby seeds are then correlated (a patient would lose all of its features at once too
   * often). The state is filled from SplitMix32 instead, as the xoroshiro authors recommend.
   */
  static seeded(seed: number): Rng {
    let x = seed | 0;
    const word = (): number => {
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) | 0;
    };
    const state: number[] = [word(), word(), word(), word()];
    if (!state.some((w) => w !== 0)) state[0] = 1; // the all-zero state is the generator's one fixed point
    return new Rng(xoroshiro128plusFromState(state));
  }

  /**
   * An independent stream for item `index` of a run seeded with `seed`: patient 7 of seed 1 is
   * the same patient however many patients were drawn before it, or on which worker.
   */
  static forItem(seed: number, index: number): Rng {
    return Rng.seeded(mix32(mix32(seed) ^ Math.imul(index + 1, 0x9e3779b9)));
  }

  static fromState(state: readonly number[]): Rng {
    return new Rng(xoroshiro128plusFromState(state));
  }

  state(): number[] {
    return [...this.gen.getState()];
  }

  /** Uniform in [0, 1). 32 bits of resolution are plenty for clinical probabilities. */
  next(): number {
    return (this.gen.next() >>> 0) / TWO_POW_32;
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Integer uniform in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Real uniform in [min, max). */
  uniform(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Rng.pick: no items to pick from');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Index drawn in proportion to non-negative weights; at least one must be positive. */
  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    if (!(total > 0)) throw new Error('Rng.weightedIndex: weights must sum to a positive number');
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i] as number;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }
}

/** Murmur3's 32-bit finaliser: spreads nearby seeds (1, 2, 3…) into unrelated generator seeds. */
function mix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}
