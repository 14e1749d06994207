import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { BundleError, parseBundle } from '../run/bundle';
import { bundleFileText, MAX_BUNDLE_BYTES } from '../run/bundleFile';
import { mergeBundle } from '../run/bundleMerge';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type Bundle } from '../schema/bundle';
import type { MetricPoint } from '../schema/store';
import type { HospitalDb } from './db';
import { listMetrics, loadSnapshot, metricFromCurve, saveSnapshot } from './staffStore';

/** Deepest nesting a bundle has is 7; a file nested far deeper is not a bundle. */
const MAX_DEPTH = 32;
/** Keys that could reach an object's prototype when a parsed file is copied around. */
const HOSTILE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** An empty bundle: the textbook doctors, as "start fresh" leaves them. */
export function emptyBundle(): Bundle {
  return { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, consultations: 0, nurse: { learned: [] }, doctors: [], curve: [] };
}

/** Refuses, with the path inside the file, a key that could pollute prototypes or nesting no bundle has. */
function checkShape(value: unknown, path: string, depth: number): void {
  if (depth > MAX_DEPTH) throw new BundleError([{ path, message: `nested deeper than ${MAX_DEPTH} levels: not a bundle` }]);
  if (Array.isArray(value)) {
    value.forEach((v, i) => checkShape(v, `${path}[${i}]`, depth + 1));
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      const at = path === '(root)' ? key : `${path}.${key}`;
      if (HOSTILE_KEYS.has(key)) throw new BundleError([{ path: at, message: `the key "${key}" is not allowed in a bundle` }]);
      checkShape((value as Record<string, unknown>)[key], at, depth + 1);
    }
  }
}

/**
 * Reads a bundle file's text: size, JSON syntax, hostile keys, then the bundle schema and every
 * id against the knowledge base. Throws BundleError naming the path inside the file.
 */
export function readBundleText(kb: KnowledgeBase, text: string, maxBytes = MAX_BUNDLE_BYTES): Bundle {
  // UTF-16 length understates UTF-8 bytes by at most 3x; counting exactly is what we refuse to spend time on.
  if (text.length > maxBytes)
    throw new BundleError([
      {
        path: '(root)',
        message: `the file is ${text.length.toLocaleString('en-US')} characters, more than the ${maxBytes.toLocaleString('en-US')} a bundle may have`,
      },
    ]);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new BundleError([{ path: '(root)', message: `not valid JSON (truncated or damaged?): ${(err as Error).message}` }]);
  }
  checkShape(data, '(root)', 0);
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    const head = data as { format?: unknown; version?: unknown };
    if (head.format === BUNDLE_FORMAT && head.version !== BUNDLE_VERSION) {
      throw new BundleError([
        {
          path: 'version',
          message: `version ${JSON.stringify(head.version)} is not supported: this hospital reads version ${BUNDLE_VERSION}`,
        },
      ]);
    }
  }
  return parseBundle(kb, data);
}

/**
 * Reads a bundle file's bytes, gzipped (`.json.gz`, as the page and the CLI write them) or plain
 * JSON, told apart by content. A damaged or truncated gzip, or one inflating past `maxBytes`, is
 * refused with a BundleError at (root) before anything is parsed or stored.
 */
export async function readBundleFile(kb: KnowledgeBase, bytes: Uint8Array, maxBytes = MAX_BUNDLE_BYTES): Promise<Bundle> {
  let text: string;
  try {
    text = await bundleFileText(bytes, maxBytes);
  } catch (err) {
    throw new BundleError([{ path: '(root)', message: (err as Error).message }]);
  }
  return readBundleText(kb, text, maxBytes);
}

export interface BundleCounts {
  consultations: number;
  cases: number;
  experiences: number;
  checkpoints: number;
  departments: number;
}

export function countBundle(b: Bundle): BundleCounts {
  return {
    consultations: b.consultations,
    cases: b.doctors.reduce((n, d) => n + d.cases.length, 0),
    experiences: b.doctors.reduce((n, d) => n + d.experiences.filter((e) => !e.retired).length, 0),
    checkpoints: b.curve.length,
    departments: b.doctors.filter((d) => d.consultations > 0).length,
  };
}

export type ImportMode = 'merge' | 'replace';

export interface ImportPreview {
  incoming: BundleCounts;
  current: BundleCounts;
  /** What the hospital would hold after the import in each mode. */
  after: Record<ImportMode, BundleCounts>;
}

/** The stored staff and checkpoints as one bundle: what "Export" downloads. Settings (and any key) stay out. */
export async function exportStored(db: HospitalDb): Promise<Bundle> {
  return (await loadSnapshot(db))?.bundle ?? emptyBundle();
}

export async function previewImport(db: HospitalDb, incoming: Bundle): Promise<ImportPreview> {
  const current = await exportStored(db);
  return {
    incoming: countBundle(incoming),
    current: countBundle(current),
    after: { merge: countBundle(mergeBundle(current, incoming)), replace: countBundle(incoming) },
  };
}

/**
 * Stores an imported (already parsed) bundle. `replace` puts it in place of the saved staff and
 * checkpoints; `merge` pools it with them. One transaction: a failure leaves the store as it was.
 * Returns the bundle now stored, for the page's staff to load.
 */
export async function applyImport(db: HospitalDb, incoming: Bundle, mode: ImportMode, now = 0): Promise<Bundle> {
  const runId = `import-${now}`;
  const current = mode === 'merge' ? await exportStored(db) : emptyBundle();
  const next = mode === 'merge' ? mergeBundle(current, incoming) : incoming;
  const offset = mode === 'merge' ? current.consultations : 0;
  const points = incoming.curve
    .map((p) => metricFromCurve({ ...p, consultations: (p['consultations'] ?? 0) + offset }, runId))
    .filter((p): p is MetricPoint => p !== undefined);
  const kept = mode === 'merge' ? await listMetrics(db) : [];
  await saveSnapshot(db, next, {
    mode: 'replace',
    metrics: [...kept, ...points],
    clearMetrics: true,
    now,
    nextSeed: 1 + next.consultations,
  });
  return next;
}
