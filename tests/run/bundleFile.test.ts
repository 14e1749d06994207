import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bundleFileText, gunzipBytes, gzipText, isGzip } from '../../src/run/bundleFile';

const text = JSON.stringify({ format: 'agent-hospital.bundle', version: 1, note: '心血管内科 '.repeat(2_000) });

describe('bundle files, gzipped or plain', () => {
  it('gzips to bytes zlib reads back, much smaller, starting with the gzip magic', async () => {
    const gz = await gzipText(text);
    expect(isGzip(gz)).toBe(true);
    expect(gz.length).toBeLessThan(text.length / 10);
    expect(gunzipSync(gz).toString('utf8')).toBe(text);
  });

  it('tells gzip from JSON by content, not by name, and reads both to the same text', async () => {
    expect(isGzip(new TextEncoder().encode(text))).toBe(false);
    expect(await bundleFileText(new TextEncoder().encode(text), 1e9)).toBe(text);
    expect(await bundleFileText(gzipSync(text), 1e9)).toBe(text);
  });

  it('refuses a truncated or damaged gzip with a clear message', async () => {
    const gz = gzipSync(text);
    await expect(gunzipBytes(gz.subarray(0, Math.floor(gz.length / 2)), 1e9)).rejects.toThrow(/gzip-compressed but damaged or truncated/);
    const flipped = Uint8Array.from(gz);
    flipped[20] = (flipped[20] ?? 0) ^ 0xff;
    flipped[21] = (flipped[21] ?? 0) ^ 0xff;
    await expect(gunzipBytes(flipped, 1e9)).rejects.toThrow(/damaged or truncated/);
  });

  it('stops inflating at the size a bundle may have (a gzip bomb is refused, not read)', async () => {
    const bomb = gzipSync(Buffer.alloc(5_000_000, 0x20));
    expect(bomb.length).toBeLessThan(10_000);
    await expect(gunzipBytes(bomb, 1_000_000)).rejects.toThrow(/inflates to more than the 1,000,000 bytes/);
  });
});
