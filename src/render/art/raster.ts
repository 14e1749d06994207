/**
 * A tiny RGBA raster for drawing the hospital's pixel art in code. Pure: no canvas, no DOM, no
 * randomness, so `npm run assets` writes byte-identical images on every machine.
 */
export type Rgba = readonly [number, number, number, number];

/** '#rrggbb' or '#rrggbbaa' to a colour; throws on anything else so a typo in a palette is caught. */
export function hex(code: string): Rgba {
  const m = /^#([0-9a-f]{6})([0-9a-f]{2})?$/i.exec(code);
  if (!m) throw new Error(`not a colour: "${code}" (expected #rrggbb or #rrggbbaa)`);
  const n = parseInt(m[1] as string, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, m[2] ? parseInt(m[2], 16) : 255];
}

/** Darker or lighter by a factor (0.8 = 20% darker), alpha kept. */
export function shade(c: Rgba, factor: number): Rgba {
  const f = (v: number): number => Math.max(0, Math.min(255, Math.round(v * factor)));
  return [f(c[0]), f(c[1]), f(c[2]), c[3]];
}

/** Deterministic per-pixel noise in [0, 1): floor speckle without a random generator. */
export function noise(x: number, y: number, salt = 0): number {
  let h = (x * 374761393 + y * 668265263 + salt * 2147483647) | 0;
  h = Math.imul(h ^ (h >>> 13), 1274126177);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

export class Raster {
  readonly data: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.data = new Uint8Array(width * height * 4);
  }

  get(x: number, y: number): Rgba {
    const i = (y * this.width + x) * 4;
    return [this.data[i] ?? 0, this.data[i + 1] ?? 0, this.data[i + 2] ?? 0, this.data[i + 3] ?? 0];
  }

  /** Sets a pixel, blending by alpha; pixels outside the raster are ignored (shapes may overhang). */
  px(x: number, y: number, c: Rgba): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    const i = (y * this.width + x) * 4;
    const a = c[3] / 255;
    if (a >= 1) {
      this.data[i] = c[0];
      this.data[i + 1] = c[1];
      this.data[i + 2] = c[2];
      this.data[i + 3] = 255;
      return;
    }
    const d = this.data;
    const da = (d[i + 3] ?? 0) / 255;
    const oa = a + da * (1 - a);
    if (oa === 0) return;
    for (let k = 0; k < 3; k++) d[i + k] = Math.round(((c[k] as number) * a + (d[i + k] ?? 0) * da * (1 - a)) / oa);
    d[i + 3] = Math.round(oa * 255);
  }

  rect(x: number, y: number, w: number, h: number, c: Rgba): void {
    for (let yy = y; yy < y + h; yy++) for (let xx = x; xx < x + w; xx++) this.px(xx, yy, c);
  }

  hline(x0: number, x1: number, y: number, c: Rgba): void {
    for (let x = x0; x <= x1; x++) this.px(x, y, c);
  }

  vline(x: number, y0: number, y1: number, c: Rgba): void {
    for (let y = y0; y <= y1; y++) this.px(x, y, c);
  }

  /** A filled ellipse inside the box (x, y, w, h). */
  ellipse(x: number, y: number, w: number, h: number, c: Rgba): void {
    const cx = x + w / 2 - 0.5;
    const cy = y + h / 2 - 0.5;
    for (let yy = y; yy < y + h; yy++)
      for (let xx = x; xx < x + w; xx++) {
        const dx = (xx - cx) / (w / 2);
        const dy = (yy - cy) / (h / 2);
        if (dx * dx + dy * dy <= 1.0) this.px(xx, yy, c);
      }
  }

  /**
   * Outlines every opaque shape inside the box: each clear pixel next to an opaque one (four
   * neighbours) gets `c`. This is what gives every sprite the same crisp dark edge.
   */
  outline(c: Rgba, box: { x: number; y: number; w: number; h: number } = { x: 0, y: 0, w: this.width, h: this.height }): void {
    const edge: [number, number][] = [];
    const solid = (x: number, y: number): boolean =>
      x >= box.x && y >= box.y && x < box.x + box.w && y < box.y + box.h && (this.get(x, y)[3] ?? 0) > 128;
    for (let y = box.y; y < box.y + box.h; y++)
      for (let x = box.x; x < box.x + box.w; x++) {
        if (solid(x, y)) continue;
        if (solid(x - 1, y) || solid(x + 1, y) || solid(x, y - 1) || solid(x, y + 1)) edge.push([x, y]);
      }
    for (const [x, y] of edge) this.px(x, y, c);
  }

  /** Copies `src` in at (dx, dy), blending. */
  blit(src: Raster, dx: number, dy: number): void {
    for (let y = 0; y < src.height; y++)
      for (let x = 0; x < src.width; x++) {
        const c = src.get(x, y);
        if (c[3] > 0) this.px(dx + x, dy + y, c);
      }
  }

  /** Mirror image left–right (a walk to the right is a walk to the left, mirrored). */
  mirrored(): Raster {
    const out = new Raster(this.width, this.height);
    for (let y = 0; y < this.height; y++)
      for (let x = 0; x < this.width; x++) {
        const c = this.get(this.width - 1 - x, y);
        if (c[3] > 0) out.px(x, y, c);
      }
    return out;
  }
}
