import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { CHARACTER_IDS, drawCharacterSheet, FRAME_H, FRAME_W, FRAMES_PER_ROW, frameIndex } from '../../src/render/art/characters';
import { drawIcons } from '../../src/render/art/icons';
import { hex, Raster } from '../../src/render/art/raster';
import { drawTileset, gid, TILE_NAMES, TILE_SIZE, TILESET_COLUMNS } from '../../src/render/art/tiles';

const committed = (name: string) => PNG.sync.read(readFileSync(new URL(`../../assets/art/${name}`, import.meta.url)));

/** Opaque pixels in a rectangle of a raster. */
function opaque(r: Raster, x0: number, y0: number, w: number, h: number): number {
  let n = 0;
  for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) if (r.get(x, y)[3] > 128) n++;
  return n;
}

describe('the generated pixel art', () => {
  it('is the same bytes every time, and the committed PNGs are what the generator draws', () => {
    for (const [name, draw] of [
      ['tiles.png', drawTileset],
      ['characters.png', drawCharacterSheet],
      ['icons.png', drawIcons],
    ] as const) {
      const a = draw();
      const b = draw();
      expect(Buffer.from(a.data).equals(Buffer.from(b.data)), name).toBe(true);
      const png = committed(name);
      expect([png.width, png.height], name).toEqual([a.width, a.height]);
      expect(Buffer.from(png.data).equals(Buffer.from(a.data)), `${name} is stale: run npm run assets`).toBe(true);
    }
  });

  it('draws every tile of the tileset, none of them empty', () => {
    const t = drawTileset();
    expect(t.width).toBe(TILESET_COLUMNS * TILE_SIZE);
    TILE_NAMES.forEach((name, i) => {
      const x = (i % TILESET_COLUMNS) * TILE_SIZE;
      const y = Math.floor(i / TILESET_COLUMNS) * TILE_SIZE;
      expect(opaque(t, x, y, TILE_SIZE, TILE_SIZE), name).toBeGreaterThan(20);
    });
    expect(gid('floor-lobby')).toBe(1);
  });

  it('gives every character four directions of a three-frame walk, each frame a different picture', () => {
    const sheet = drawCharacterSheet();
    expect(sheet.width).toBe(FRAMES_PER_ROW * FRAME_W);
    expect(sheet.height).toBe(CHARACTER_IDS.length * FRAME_H);
    const frameKey = (f: number) => {
      const x0 = (f % FRAMES_PER_ROW) * FRAME_W;
      const y0 = Math.floor(f / FRAMES_PER_ROW) * FRAME_H;
      const out: number[] = [];
      for (let y = y0; y < y0 + FRAME_H; y++) for (let x = x0; x < x0 + FRAME_W; x++) out.push(...sheet.get(x, y));
      return out.join(',');
    };
    for (const id of CHARACTER_IDS) {
      const frames = (['down', 'left', 'right', 'up'] as const).flatMap((d) => [0, 1, 2].map((s) => frameKey(frameIndex(id, d, s))));
      expect(new Set(frames).size, id).toBe(12);
    }
    // Doctors wear white coats; patients do not.
    const white = hex('#f4f6f8');
    const whiteIn = (id: (typeof CHARACTER_IDS)[number]) => {
      const f = frameIndex(id, 'down', 0);
      let n = 0;
      for (let y = 12; y < 20; y++)
        for (let x = 0; x < FRAME_W; x++) {
          const c = sheet.get((f % FRAMES_PER_ROW) * FRAME_W + x, Math.floor(f / FRAMES_PER_ROW) * FRAME_H + y);
          if (c[0] === white[0] && c[1] === white[1] && c[2] === white[2]) n++;
        }
      return n;
    };
    expect(whiteIn('doctor-m')).toBeGreaterThan(20);
    expect(whiteIn('patient-man')).toBe(0);
  });

  it('refuses a malformed colour by name', () => {
    expect(() => hex('#12345')).toThrow(/not a colour: "#12345"/);
  });
});
