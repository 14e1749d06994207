/** fontverter (subset-font's format converter) ships no types: the one call the tests make. */
declare module 'fontverter' {
  export function convert(font: Uint8Array, toFormat: 'sfnt' | 'truetype' | 'woff' | 'woff2'): Promise<Buffer>;
}
