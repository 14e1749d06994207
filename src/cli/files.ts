import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { damagedGzipMessage, isGzip, MAX_BUNDLE_BYTES, oversizedMessage } from '../run/bundleFile';
import type { Bundle } from '../schema/bundle';
import { UsageError } from './io';

/** A file's text, inflated first when its content is gzip (a `.json.gz` bundle), whatever its name. */
function readText(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new UsageError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  if (!isGzip(bytes)) return bytes.toString('utf8');
  try {
    return gunzipSync(bytes, { maxOutputLength: MAX_BUNDLE_BYTES }).toString('utf8');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new UsageError(
      `${path}: ${e.code === 'ERR_BUFFER_TOO_LARGE' ? oversizedMessage(MAX_BUNDLE_BYTES) : damagedGzipMessage(e.message)}`,
    );
  }
}

/** Reads a JSON file named on the command line, plain or gzipped; a missing or malformed file is a clear usage error. */
export function readJsonFile(path: string): unknown {
  const text = readText(path);
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new UsageError(`${path} is not valid JSON: ${(err as Error).message}`);
  }
}

/**
 * Writes a bundle gzipped (what `--save` gives by default: a `.json.gz` a teacher can send), or as
 * plain JSON when the name asks for it by ending in `.json`. Same format and version either way.
 */
export function writeBundleFile(path: string, bundle: Bundle): void {
  const text = JSON.stringify(bundle);
  writeFileSync(path, path.endsWith('.json') ? text : gzipSync(text));
}
