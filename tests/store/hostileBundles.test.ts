import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BundleError } from '../../src/run/bundle';
import { openHospitalDb } from '../../src/store/db';
import { saveSnapshot } from '../../src/store/staffStore';
import { applyImport, readBundleText } from '../../src/store/transfer';
import { dump, freshName, kb, learnedBundle } from './fixtures';

/*
 * Hostile bundles, generated: 1,000 malformed, truncated, oversized, wrong-version and
 * prototype-pollution variants of a real bundle. Every one must be refused with a message that
 * names where in the file the problem is, and the stored hospital must be byte-identical after.
 */

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = (string | number)[];

const base = learnedBundle(80, 5) as unknown as Json;
const baseText = JSON.stringify(base);
/** Small enough that the oversized variants are cheap to build. */
const LIMIT = baseText.length * 2;

function paths(v: Json, at: Path = [], out: { path: Path; value: Json }[] = []): { path: Path; value: Json }[] {
  out.push({ path: at, value: v });
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
  return out;
}
const all = paths(base);
const objects = all.filter((p) => p.value !== null && typeof p.value === 'object' && !Array.isArray(p.value));
/** The exam curve is optional metadata (a bundle may carry none, and a point any of its scores): every other key is required. */
const required = objects
  .filter((p) => p.path[0] !== 'curve')
  .map((p) => ({ path: p.path, keys: Object.keys(p.value as object).filter((k) => !(p.path.length === 0 && k === 'curve')) }))
  .filter((p) => p.keys.length > 0);
const leaves = all.filter((p) => p.path.length > 0 && (p.value === null || typeof p.value !== 'object'));

function edit(root: Json, path: Path, f: (parent: Record<string | number, Json>, key: string | number) => void): Json {
  const copy = structuredClone(root);
  let node = copy as Record<string | number, Json>;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, Json>;
  f(node, path[path.length - 1] as string | number);
  return copy;
}

/** A value of a different JSON type from `v`, so the change can never be harmless. */
function otherType(v: Json, pick: number): Json {
  const options: Json[] = [
    typeof v === 'string' ? 12345 : 'x',
    v === null ? 0 : null,
    Array.isArray(v) ? {} : [],
    typeof v === 'boolean' ? 'yes' : true,
  ];
  return options[pick % options.length] as Json;
}

const hostile = fc.oneof(
  // Truncated anywhere.
  fc.integer({ min: 0, max: baseText.length - 1 }).map((n) => ({ kind: 'truncated', text: baseText.slice(0, n) })),
  // Another version, or no version.
  fc
    .oneof(
      fc.integer().filter((v) => v !== 1),
      fc.string(),
      fc.constant(null),
    )
    .map((v) => ({ kind: 'version', text: JSON.stringify({ ...(base as object), version: v }) })),
  // Prototype pollution at any object.
  fc.tuple(fc.nat(objects.length - 1), fc.constantFrom('__proto__', 'constructor', 'prototype')).map(([i, key]) => {
    const at = objects[i]!.path;
    const name: string = key === '__proto__' ? '\u0001' : key;
    const text = JSON.stringify(
      edit({ root: base }, ['root', ...at, '\u0000'], (parent) => void ((parent as Record<string, Json>)[name] = { polluted: true })),
    );
    // JSON.stringify drops a real __proto__ key, so it is spelled into the text instead.
    return { kind: 'pollution', text: text.slice('{"root":'.length, -1).replace('"\\u0001":', '"__proto__":') };
  }),
  // A field of the wrong type anywhere.
  fc.tuple(fc.nat(leaves.length - 1), fc.nat()).map(([i, pick]) => ({
    kind: 'wrong-type',
    text: JSON.stringify(edit(base, leaves[i]!.path, (parent, key) => void (parent[key] = otherType(parent[key] as Json, pick)))),
  })),
  // A required field missing.
  fc.tuple(fc.nat(required.length - 1), fc.nat()).map(([i, k]) => {
    const { path, keys } = required[i]!;
    const key = keys[k % keys.length] as string;
    return { kind: 'missing', text: JSON.stringify(edit(base, [...path, key], (parent, name) => void delete parent[name])) };
  }),
  // Oversized: padding past the limit.
  fc.integer({ min: 1, max: 1000 }).map((extra) => ({ kind: 'oversized', text: baseText + ' '.repeat(LIMIT - baseText.length + extra) })),
);

describe('hostile bundles (generated)', () => {
  it('refuses 1,000 of them, each with the path of the problem, and leaves the stored hospital byte-identical', async () => {
    const db = await openHospitalDb({ name: freshName() });
    await saveSnapshot(db, learnedBundle(120, 7), { mode: 'replace', metrics: [], now: 1 });
    const before = await dump(db);
    const kinds = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(hostile, async ({ kind, text }) => {
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
        let error: unknown;
        try {
          await applyImport(db, readBundleText(kb, text, LIMIT), 'merge');
        } catch (err) {
          error = err;
        }
        expect(error, `${kind} variant was accepted`).toBeInstanceOf(BundleError);
        const issues = (error as BundleError).issues;
        expect(issues.length).toBeGreaterThan(0);
        // Every issue names a place: "(root)" or a path such as doctors[3].cases[0].disease.
        for (const issue of issues) expect(issue.path).toMatch(/^(\(root\)|[A-Za-z_]\w*(\[\d+\]|\.[A-Za-z_][\w-]*)*)$/);
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      }),
      { numRuns: 1000, seed: 20261205 },
    );
    expect(await dump(db)).toBe(before);
    for (const kind of ['truncated', 'version', 'pollution', 'wrong-type', 'missing', 'oversized'])
      expect(kinds.get(kind) ?? 0, kind).toBeGreaterThan(50);
    db.close();
  });
});
