import { defaultContext } from '../../src/cli/context';
import { exportBundle } from '../../src/run/bundle';
import { simulate } from '../../src/run/simulate';
import type { Bundle } from '../../src/schema/bundle';
import type { HospitalDb } from '../../src/store/db';

let counter = 0;
/** A database name no other test uses (fake-indexeddb keeps them in one process). */
export const freshName = (): string => `hospital-test-${++counter}-${process.pid}`;

const ctx = defaultContext();
export const kb = ctx.kb;

const cache = new Map<string, Bundle>();
/** What textbook doctors learned from `n` training patients of `seed` (with its exam curve). */
export function learnedBundle(n: number, seed: number): Bundle {
  const key = `${n}:${seed}`;
  let b = cache.get(key);
  if (!b) {
    const { staff, summary } = simulate(ctx.generator, ctx.reader, {
      consultations: n,
      seed,
      examPerDisease: 0,
      checkpoints: 0,
      clock: () => 0,
    });
    b = exportBundle(staff, summary.curve);
    cache.set(key, b);
  }
  return structuredClone(b);
}

/** Every record of every store, as JSON: two dumps are equal only if nothing stored changed. */
export async function dump(db: HospitalDb): Promise<string> {
  const out: Record<string, unknown> = {};
  for (const name of [...db.objectStoreNames].sort()) out[name] = await db.getAll(name);
  return JSON.stringify(out);
}
