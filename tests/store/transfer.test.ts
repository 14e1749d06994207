import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { BundleError } from '../../src/run/bundle';
import { openHospitalDb } from '../../src/store/db';
import { saveSnapshot } from '../../src/store/staffStore';
import { putSetting } from '../../src/store/records';
import { gzipSync } from 'node:zlib';
import { applyImport, countBundle, exportStored, previewImport, readBundleFile, readBundleText } from '../../src/store/transfer';
import { dump, freshName, kb, learnedBundle } from './fixtures';

async function storedHospital() {
  const db = await openHospitalDb({ name: freshName() });
  await saveSnapshot(db, learnedBundle(300, 31), { mode: 'replace', metrics: [], now: 1 });
  await putSetting(db, 'llm', { baseUrl: 'https://example.org/v1', model: 'm', apiKey: 'sk-secret-123' });
  return db;
}

/** Imports `text` and expects it refused with `path` named; the store must be byte-identical after. */
async function expectRefused(text: string, path: RegExp): Promise<void> {
  const db = await storedHospital();
  const before = await dump(db);
  let error: unknown;
  try {
    await applyImport(db, readBundleText(kb, text, 4_000_000), 'replace');
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(BundleError);
  expect((error as Error).message).toMatch(path);
  expect(await dump(db)).toBe(before);
  db.close();
}

describe('export and import', () => {
  it('round-trips: export, import into an empty hospital, export again gives the same bundle', async () => {
    const db = await storedHospital();
    const exported = await exportStored(db);
    const text = JSON.stringify(exported);
    expect(text).not.toContain('sk-secret-123');
    const other = await openHospitalDb({ name: freshName() });
    await applyImport(other, readBundleText(kb, text), 'replace');
    expect(JSON.stringify(await exportStored(other))).toBe(text);
    db.close();
    other.close();
  });

  it('imports a gzipped bundle (.json.gz) the same as its JSON', async () => {
    const db = await storedHospital();
    const text = JSON.stringify(await exportStored(db));
    const other = await openHospitalDb({ name: freshName() });
    await applyImport(other, await readBundleFile(kb, gzipSync(text)), 'replace');
    expect(JSON.stringify(await exportStored(other))).toBe(text);
    db.close();
    other.close();
  });

  it('refuses a truncated gzip and leaves the store byte-identical', async () => {
    const db = await storedHospital();
    const before = await dump(db);
    const gz = gzipSync(JSON.stringify(learnedBundle(300, 33)));
    const refused = readBundleFile(kb, gz.subarray(0, gz.length - 40)).then((b) => applyImport(db, b, 'replace'));
    await expect(refused).rejects.toThrow(BundleError);
    await expect(refused).rejects.toThrow(/\(root\): the file is gzip-compressed but damaged or truncated/);
    expect(await dump(db)).toBe(before);
    db.close();
  });

  it('imports the curve of a CLI bundle as checkpoints', async () => {
    const db = await openHospitalDb({ name: freshName() });
    const bundle = learnedBundle(300, 32);
    bundle.curve = [
      { consultations: 0, diagnosisTop1: 0.4, diagnosisTop3: 0.6, examination: 0.5, treatment: 0.5 },
      { consultations: 300, diagnosisTop1: 0.5, diagnosisTop3: 0.7, examination: 0.6, treatment: 0.6 },
    ];
    await applyImport(db, readBundleText(kb, JSON.stringify(bundle)), 'replace', 99);
    const curve = (await exportStored(db)).curve;
    expect(curve.map((p) => [p['consultations'], p['diagnosisTop1']])).toEqual([
      [0, 0.4],
      [300, 0.5],
    ]);
    db.close();
  });

  it('previews the counts and merges two hospitals\u2019 learning', async () => {
    const db = await storedHospital();
    const incoming = learnedBundle(300, 33);
    const preview = await previewImport(db, incoming);
    const current = countBundle(learnedBundle(300, 31));
    expect(preview.current).toEqual({ ...current, checkpoints: 0 });
    expect(preview.incoming).toEqual(countBundle(incoming));
    expect(preview.after.merge.consultations).toBe(600);
    expect(preview.after.merge.cases).toBe(current.cases + preview.incoming.cases);
    expect(preview.after.replace).toEqual(preview.incoming);
    const merged = await applyImport(db, incoming, 'merge');
    expect(countBundle(await exportStored(db))).toEqual(countBundle(merged));
    expect(merged.consultations).toBe(600);
    db.close();
  });

  it('refuses a bundle of another version, naming the field', async () => {
    const b = { ...learnedBundle(300, 31), version: 2 };
    await expectRefused(JSON.stringify(b), /version: version 2 is not supported/);
  });

  it('refuses a truncated file', async () => {
    const text = JSON.stringify(learnedBundle(300, 31));
    await expectRefused(text.slice(0, Math.floor(text.length / 2)), /\(root\): not valid JSON/);
  });

  it('refuses prototype-pollution keys, naming where they are', async () => {
    const text = JSON.stringify(learnedBundle(300, 31)).replace('"nurse":{', '"nurse":{"__proto__":{"polluted":true},');
    await expectRefused(text, /nurse\.__proto__: the key "__proto__" is not allowed/);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const curve = JSON.stringify({ ...learnedBundle(300, 31), curve: [{ constructor: 1 }] });
    await expectRefused(curve, /curve\[0\]\.constructor/);
  });

  it('refuses an oversized file before reading it', async () => {
    await expectRefused(' '.repeat(4_000_001), /more than the 4,000,000/);
  });

  it('refuses an API key or any field a bundle does not have, naming the path', async () => {
    const b = learnedBundle(300, 31) as unknown as Record<string, unknown>;
    await expectRefused(JSON.stringify({ ...b, apiKey: 'sk-x' }), /\(root\): Unrecognized key: "apiKey"/);
  });

  it('refuses a disease the knowledge base does not know, naming the case', async () => {
    const b = learnedBundle(300, 31);
    const i = b.doctors.findIndex((d) => d.cases.length > 0);
    (b.doctors[i]?.cases[0] as { disease: string }).disease = 'dragon-pox';
    await expectRefused(JSON.stringify(b), new RegExp(`doctors\\[${i}\\]\\.cases\\[0\\]\\.disease: unknown disease "dragon-pox"`));
  });
});
