/**
 * Bundles travel gzipped: 100,000 consultations' bases are 86.6 MB of JSON and 5.9 MB gzipped,
 * small enough for a teacher to send. The format and version inside are the same; a reader tells
 * a gzipped file from plain JSON by its first two bytes, never by its name. The page (and any
 * worker) uses the platform's CompressionStream; the CLI uses Node's zlib (src/cli/files.ts).
 */

/** Largest bundle accepted, inflated: about 1.5 million cases; anything larger is refused unread. */
export const MAX_BUNDLE_BYTES = 512 * 1024 * 1024;

/** Every gzip member starts with these two bytes (RFC 1952); JSON text never does. */
const GZIP_MAGIC = [0x1f, 0x8b] as const;

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
}

/** The one message for a gzip file that does not inflate, whichever reader met it. */
export function damagedGzipMessage(detail: string): string {
  return `the file is gzip-compressed but damaged or truncated (${detail}): nothing was read from it`;
}

/** The message for a file that inflates past what a bundle may hold (a gzip bomb or not a bundle). */
export function oversizedMessage(maxBytes: number): string {
  return `the file inflates to more than the ${maxBytes.toLocaleString('en-US')} bytes a bundle may have`;
}

async function drain(stream: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel();
      throw new RangeError(oversizedMessage(maxBytes));
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Gzips text with the platform's CompressionStream (browsers, workers, Node ≥ 18). */
export async function gzipText(text: string): Promise<Uint8Array> {
  const source = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return drain(source, Number.POSITIVE_INFINITY);
}

/**
 * Inflates gzip bytes, stopping at `maxBytes` of output. Throws RangeError past the limit and
 * Error with `damagedGzipMessage` for a damaged or truncated stream.
 */
export async function gunzipBytes(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  const source = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  try {
    return await drain(source, maxBytes);
  } catch (err) {
    if (err instanceof RangeError) throw err;
    throw new Error(damagedGzipMessage((err as Error).message || 'unexpected end of data'), { cause: err });
  }
}

/** A bundle file's text, whether it came gzipped or plain: the content decides, not the name. */
export async function bundleFileText(bytes: Uint8Array, maxBytes: number): Promise<string> {
  return new TextDecoder().decode(isGzip(bytes) ? await gunzipBytes(bytes, maxBytes) : bytes);
}
