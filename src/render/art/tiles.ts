import { hex, noise, Raster, shade, type Rgba } from './raster';

/** Size of a map tile in pixels (the map's tilewidth/tileheight). */
export const TILE_SIZE = 16;
/** Tiles per row of the tileset image. */
export const TILESET_COLUMNS = 8;

/**
 * Every tile of the hospital tileset, in image order: the map refers to a tile by its index + 1
 * (Tiled's gid with firstgid 1). Appending is safe; reordering breaks maps/hospital.tmj.
 */
export const TILE_NAMES = [
  // floors
  'floor-lobby',
  'floor-corridor',
  'floor-consult',
  'floor-exam',
  'floor-ward',
  'floor-pharmacy',
  'floor-waiting',
  'doormat',
  // walls: the top seen from above, the front face with a skirting board, a face with a window, a doorway
  'wall-top',
  'wall-face',
  'wall-window',
  'doorway',
  'wall-cross',
  'wall-board',
  'floor-triage',
  'floor-lab',
  // furniture
  'desk-left',
  'desk-mid',
  'desk-right',
  'desk-computer',
  'chair',
  'bed-head',
  'bed-foot',
  'plant',
  'shelf-drugs',
  'shelf-boxes',
  'lab-bench',
  'lab-microscope',
  'xray-head',
  'xray-foot',
  'scanner-left',
  'scanner-right',
  'ecg-cart',
  'sink',
  'cabinet',
  'counter',
  'curtain',
  'eye-chart',
  'dental-chair',
  'water-cooler',
  'bookshelf',
  'ultrasound',
  'endoscopy-tower',
  'couch-head',
  'couch-foot',
  'screen-xray',
  'lead-apron',
  'bin',
] as const;
export type TileName = (typeof TILE_NAMES)[number];

/** Tiled gid of a tile (firstgid 1). */
export function gid(name: TileName): number {
  return TILE_NAMES.indexOf(name) + 1;
}

const OUT = hex('#2a2333');
const P = {
  wood: hex('#b9804a'),
  woodDark: hex('#8a5a32'),
  white: hex('#f4f6f8'),
  steel: hex('#b8c2cc'),
  steelDark: hex('#7d8894'),
  screen: hex('#3d6e8f'),
  glow: hex('#8fe3ff'),
  blue: hex('#4f86c6'),
  teal: hex('#3fa7a0'),
  green: hex('#5fae5a'),
  red: hex('#d9534f'),
  yellow: hex('#f2c14e'),
  pink: hex('#e98fb0'),
  sheet: hex('#e8f1f8'),
  pillow: hex('#ffffff'),
  leaf: hex('#4e9a44'),
  leafLight: hex('#78c25f'),
  pot: hex('#c0643b'),
};

type Painter = (r: Raster, x: number, y: number) => void;

/** A floor: base colour, a faint grout grid every `grid` pixels and deterministic speckle. */
function floor(base: string, grid: number, salt: number, accent?: string): Painter {
  const c = hex(base);
  const line = shade(c, 0.9);
  const light = shade(c, 1.04);
  return (r, x0, y0) => {
    for (let y = 0; y < 16; y++)
      for (let x = 0; x < 16; x++) {
        let col: Rgba = noise(x, y, salt) < 0.12 ? light : c;
        if (x % grid === 0 || y % grid === 0) col = line;
        r.px(x0 + x, y0 + y, col);
      }
    if (accent) {
      const a = hex(accent);
      r.px(x0 + grid / 2, y0 + grid / 2, a);
    }
  };
}

function wallTop(r: Raster, x0: number, y0: number): void {
  r.rect(x0, y0, 16, 16, hex('#5b6b7a'));
  for (let x = 0; x < 16; x++) if (noise(x, 3, 9) < 0.2) r.px(x0 + x, y0 + 3 + Math.floor(noise(x, 1, 2) * 10), hex('#667788'));
}

function wallFace(r: Raster, x0: number, y0: number): void {
  r.rect(x0, y0, 16, 16, hex('#e9e4da'));
  r.rect(x0, y0, 16, 3, hex('#5b6b7a'));
  r.hline(x0, x0 + 15, y0 + 3, hex('#c9c2b4'));
  r.rect(x0, y0 + 12, 16, 4, hex('#7aa6a0'));
  r.hline(x0, x0 + 15, y0 + 12, hex('#5d8a84'));
}

const PAINTERS: Record<TileName, Painter> = {
  'floor-lobby': floor('#e8dcc6', 8, 1),
  'floor-corridor': floor('#d9dde0', 16, 2),
  'floor-consult': floor('#d8e6f0', 8, 3),
  'floor-exam': floor('#d6ece0', 8, 4),
  'floor-ward': floor('#e6dcef', 8, 5),
  'floor-pharmacy': floor('#e0efd6', 8, 6),
  'floor-waiting': floor('#bcd9d6', 4, 7),
  doormat: (r, x, y) => {
    r.rect(x, y, 16, 16, hex('#6b5a4a'));
    for (let i = 1; i < 16; i += 3) r.hline(x + 1, x + 14, y + i, hex('#7d6b59'));
  },
  'wall-top': wallTop,
  'wall-face': wallFace,
  'wall-window': (r, x, y) => {
    wallFace(r, x, y);
    r.rect(x + 3, y + 5, 10, 6, hex('#9fd3f0'));
    r.rect(x + 3, y + 5, 10, 1, hex('#ffffff'));
    r.vline(x + 8, y + 5, y + 10, hex('#ffffff'));
    r.outline(OUT, { x: x + 2, y: y + 4, w: 12, h: 8 });
  },
  doorway: (r, x, y) => {
    floor('#d9dde0', 16, 2)(r, x, y);
    r.rect(x, y, 2, 16, hex('#8a9aa8'));
    r.rect(x + 14, y, 2, 16, hex('#8a9aa8'));
  },
  'wall-cross': (r, x, y) => {
    wallFace(r, x, y);
    r.rect(x + 6, y + 4, 4, 8, P.red);
    r.rect(x + 4, y + 6, 8, 4, P.red);
  },
  'wall-board': (r, x, y) => {
    wallFace(r, x, y);
    r.rect(x + 2, y + 4, 12, 7, hex('#f7f3e8'));
    r.hline(x + 3, x + 10, y + 6, P.blue);
    r.hline(x + 3, x + 8, y + 8, P.steelDark);
    r.outline(OUT, { x: x + 1, y: y + 3, w: 14, h: 9 });
  },
  'floor-triage': floor('#f3e0d6', 8, 8),
  'floor-lab': floor('#e4eef2', 4, 10),
  'desk-left': (r, x, y) => desk(r, x, y, true, false),
  'desk-mid': (r, x, y) => {
    desk(r, x, y, false, false);
    r.rect(x + 4, y + 4, 6, 4, P.white);
    r.hline(x + 5, x + 8, y + 5, P.steelDark);
  },
  'desk-right': (r, x, y) => desk(r, x, y, false, true),
  'desk-computer': (r, x, y) => {
    desk(r, x, y, false, false);
    r.rect(x + 4, y + 1, 8, 6, hex('#2f3a44'));
    r.rect(x + 5, y + 2, 6, 4, P.screen);
    r.px(x + 6, y + 3, P.glow);
    r.rect(x + 7, y + 7, 2, 1, hex('#2f3a44'));
  },
  chair: (r, x, y) => {
    r.rect(x + 3, y + 2, 10, 5, P.blue);
    r.rect(x + 3, y + 7, 10, 5, shade(P.blue, 1.15));
    r.rect(x + 4, y + 12, 1, 3, P.steelDark);
    r.rect(x + 11, y + 12, 1, 3, P.steelDark);
    r.outline(OUT, { x: x + 1, y, w: 14, h: 16 });
  },
  'bed-head': (r, x, y) => {
    r.rect(x + 2, y + 1, 12, 3, P.steel);
    r.rect(x + 2, y + 4, 12, 12, P.sheet);
    r.rect(x + 4, y + 5, 8, 4, P.pillow);
    r.outline(OUT, { x: x + 1, y, w: 14, h: 16 });
  },
  'bed-foot': (r, x, y) => {
    r.rect(x + 2, y, 12, 12, hex('#9cc7e8'));
    r.hline(x + 2, x + 13, y, P.white);
    r.rect(x + 2, y + 12, 12, 2, P.steel);
    r.outline(OUT, { x: x + 1, y, w: 14, h: 16 });
  },
  plant: (r, x, y) => {
    r.rect(x + 5, y + 10, 6, 5, P.pot);
    r.ellipse(x + 2, y + 1, 12, 10, P.leaf);
    r.px(x + 5, y + 3, P.leafLight);
    r.px(x + 9, y + 5, P.leafLight);
    r.px(x + 7, y + 2, P.leafLight);
    r.outline(OUT, { x, y, w: 16, h: 16 });
  },
  'shelf-drugs': (r, x, y) => shelf(r, x, y, [P.red, P.white, P.blue, P.yellow, P.green, P.pink]),
  'shelf-boxes': (r, x, y) => shelf(r, x, y, [P.white, P.teal, P.white, P.yellow, P.white, P.blue]),
  'lab-bench': (r, x, y) => {
    bench(r, x, y);
    for (let i = 0; i < 4; i++) {
      r.rect(x + 3 + i * 3, y + 2, 2, 5, [P.red, P.yellow, P.blue, P.green][i] as Rgba);
      r.px(x + 3 + i * 3, y + 2, P.white);
    }
  },
  'lab-microscope': (r, x, y) => {
    bench(r, x, y);
    r.rect(x + 6, y + 1, 3, 6, hex('#3d4a56'));
    r.rect(x + 5, y + 7, 6, 1, hex('#3d4a56'));
    r.px(x + 7, y + 1, P.glow);
  },
  'xray-head': (r, x, y) => {
    r.rect(x + 1, y + 2, 14, 14, P.steel);
    r.rect(x + 3, y + 4, 10, 8, hex('#e0e6ec'));
    r.rect(x + 5, y, 6, 4, hex('#59636e'));
    r.outline(OUT, { x, y, w: 16, h: 16 });
  },
  'xray-foot': (r, x, y) => {
    r.rect(x + 1, y, 14, 12, hex('#e0e6ec'));
    r.rect(x + 1, y + 12, 14, 2, P.steelDark);
    r.outline(OUT, { x, y, w: 16, h: 16 });
  },
  'scanner-left': (r, x, y) => {
    r.ellipse(x + 2, y + 1, 24, 14, hex('#e7ecf1'));
    r.ellipse(x + 8, y + 4, 12, 8, hex('#3d4a56'));
    r.rect(x + 2, y + 13, 14, 2, P.steel);
    r.outline(OUT, { x, y, w: 16, h: 16 });
  },
  'scanner-right': (r, x, y) => {
    r.rect(x, y + 6, 14, 5, P.white);
    r.rect(x, y + 11, 14, 3, P.steel);
    r.rect(x + 2, y + 7, 8, 2, P.teal);
    r.outline(OUT, { x, y, w: 16, h: 16 });
  },
  'ecg-cart': (r, x, y) => {
    r.rect(x + 3, y + 5, 10, 9, P.steel);
    r.rect(x + 4, y + 1, 8, 6, hex('#23303a'));
    const wave = [4, 4, 3, 1, 5, 4, 4, 4];
    wave.forEach((dy, i) => r.px(x + 4 + i, y + dy, hex('#7dff8a')));
    r.px(x + 4, y + 15, OUT);
    r.px(x + 11, y + 15, OUT);
    r.outline(OUT, { x: x + 1, y, w: 14, h: 15 });
  },
  sink: (r, x, y) => {
    r.rect(x + 2, y + 4, 12, 8, P.white);
    r.ellipse(x + 4, y + 5, 8, 5, hex('#b9d6e6'));
    r.rect(x + 7, y + 2, 2, 3, P.steelDark);
    r.outline(OUT, { x: x + 1, y: y + 1, w: 14, h: 12 });
  },
  cabinet: (r, x, y) => {
    r.rect(x + 2, y + 2, 12, 13, hex('#dfe5ea'));
    r.hline(x + 2, x + 13, y + 8, P.steelDark);
    r.px(x + 7, y + 5, P.steelDark);
    r.px(x + 7, y + 11, P.steelDark);
    r.outline(OUT, { x: x + 1, y: y + 1, w: 14, h: 15 });
  },
  counter: (r, x, y) => {
    r.rect(x, y + 4, 16, 10, hex('#cfe3e0'));
    r.rect(x, y + 2, 16, 3, P.wood);
    r.hline(x, x + 15, y + 13, hex('#7aa6a0'));
    r.hline(x, x + 15, y + 1, OUT);
    r.hline(x, x + 15, y + 14, OUT);
  },
  curtain: (r, x, y) => {
    for (let i = 0; i < 16; i++) r.vline(x + i, y + 1, y + 14, i % 3 === 0 ? hex('#7fb8c9') : hex('#9fd0de'));
    r.hline(x, x + 15, y, P.steelDark);
  },
  'eye-chart': (r, x, y) => {
    r.rect(x + 3, y + 1, 10, 14, P.white);
    r.hline(x + 6, x + 9, y + 3, OUT);
    r.hline(x + 5, x + 10, y + 6, OUT);
    r.hline(x + 5, x + 10, y + 9, P.steelDark);
    r.hline(x + 5, x + 10, y + 12, P.steel);
    r.outline(OUT, { x: x + 2, y, w: 12, h: 16 });
  },
  'dental-chair': (r, x, y) => {
    r.rect(x + 4, y + 1, 8, 5, hex('#6fb7d8'));
    r.rect(x + 3, y + 6, 10, 8, hex('#5aa3c6'));
    r.rect(x + 12, y + 2, 3, 2, P.yellow);
    r.outline(OUT, { x: x + 1, y, w: 15, h: 16 });
  },
  'water-cooler': (r, x, y) => {
    r.rect(x + 5, y + 1, 6, 5, hex('#8fd0f0'));
    r.rect(x + 4, y + 6, 8, 9, P.white);
    r.px(x + 6, y + 9, P.blue);
    r.px(x + 9, y + 9, P.red);
    r.outline(OUT, { x: x + 2, y, w: 12, h: 16 });
  },
  bookshelf: (r, x, y) => {
    r.rect(x + 1, y + 1, 14, 14, P.woodDark);
    const books = [P.red, P.blue, P.green, P.yellow, P.teal, P.pink, P.white];
    for (let row = 0; row < 3; row++)
      for (let i = 0; i < 6; i++) r.rect(x + 2 + i * 2, y + 2 + row * 4, 2, 3, books[(i + row * 2) % books.length] as Rgba);
    r.outline(OUT, { x, y, w: 16, h: 16 });
  },
  ultrasound: (r, x, y) => {
    r.rect(x + 3, y + 6, 9, 8, P.steel);
    r.rect(x + 4, y + 1, 8, 6, hex('#23303a'));
    r.ellipse(x + 5, y + 2, 6, 4, hex('#8a9aa8'));
    r.px(x + 13, y + 7, hex('#3d4a56'));
    r.outline(OUT, { x: x + 1, y, w: 15, h: 16 });
  },
  'endoscopy-tower': (r, x, y) => {
    r.rect(x + 4, y + 1, 8, 14, hex('#cfd6de'));
    r.rect(x + 5, y + 2, 6, 4, hex('#23303a'));
    r.px(x + 7, y + 3, hex('#ff8f8f'));
    r.hline(x + 5, x + 10, y + 8, P.steelDark);
    r.hline(x + 5, x + 10, y + 11, P.steelDark);
    r.outline(OUT, { x: x + 2, y, w: 12, h: 16 });
  },
  'couch-head': (r, x, y) => {
    r.rect(x + 3, y + 2, 10, 14, hex('#7ab5a6'));
    r.rect(x + 4, y + 3, 8, 3, P.white);
    r.outline(OUT, { x: x + 2, y: y + 1, w: 12, h: 15 });
  },
  'couch-foot': (r, x, y) => {
    r.rect(x + 3, y, 10, 12, hex('#7ab5a6'));
    r.rect(x + 4, y + 12, 1, 3, P.steelDark);
    r.rect(x + 11, y + 12, 1, 3, P.steelDark);
    r.outline(OUT, { x: x + 2, y, w: 12, h: 16 });
  },
  'screen-xray': (r, x, y) => {
    r.rect(x + 2, y + 2, 12, 10, hex('#dff3ff'));
    r.ellipse(x + 5, y + 3, 6, 8, hex('#9bb0c0'));
    r.vline(x + 7, y + 3, y + 10, hex('#ffffff'));
    r.outline(OUT, { x: x + 1, y: y + 1, w: 14, h: 12 });
  },
  'lead-apron': (r, x, y) => {
    r.rect(x + 4, y + 2, 8, 12, hex('#4a6fa5'));
    r.rect(x + 6, y + 1, 4, 2, P.steelDark);
    r.outline(OUT, { x: x + 3, y, w: 10, h: 15 });
  },
  bin: (r, x, y) => {
    r.rect(x + 5, y + 7, 6, 7, hex('#e2c044'));
    r.rect(x + 4, y + 6, 8, 2, hex('#c9a52f'));
    r.outline(OUT, { x: x + 3, y: y + 5, w: 10, h: 10 });
  },
};

function desk(r: Raster, x: number, y: number, leftEnd: boolean, rightEnd: boolean): void {
  r.rect(x, y + 3, 16, 8, P.wood);
  r.hline(x, x + 15, y + 3, shade(P.wood, 1.15));
  r.rect(x, y + 11, 16, 3, P.woodDark);
  if (leftEnd) r.rect(x + 1, y + 14, 2, 2, P.woodDark);
  if (rightEnd) r.rect(x + 13, y + 14, 2, 2, P.woodDark);
  r.hline(x + (leftEnd ? 0 : 0), x + 15, y + 2, OUT);
  r.hline(x, x + 15, y + 14, OUT);
  if (leftEnd) r.vline(x, y + 2, y + 14, OUT);
  if (rightEnd) r.vline(x + 15, y + 2, y + 14, OUT);
}

function bench(r: Raster, x: number, y: number): void {
  r.rect(x, y + 7, 16, 4, hex('#e7ecf1'));
  r.rect(x, y + 11, 16, 4, hex('#9fb3c3'));
  r.hline(x, x + 15, y + 6, OUT);
  r.hline(x, x + 15, y + 15, OUT);
}

function shelf(r: Raster, x: number, y: number, colours: Rgba[]): void {
  r.rect(x, y + 1, 16, 14, hex('#e8e2d4'));
  for (let row = 0; row < 3; row++) {
    r.hline(x, x + 15, y + 5 + row * 4, P.woodDark);
    for (let i = 0; i < 5; i++) r.rect(x + 1 + i * 3, y + 2 + row * 4, 2, 3, colours[(i + row) % colours.length] as Rgba);
  }
  r.hline(x, x + 15, y, OUT);
  r.hline(x, x + 15, y + 15, OUT);
}

/** Draws the whole tileset image: TILESET_COLUMNS tiles per row, in TILE_NAMES order. */
export function drawTileset(): Raster {
  const rows = Math.ceil(TILE_NAMES.length / TILESET_COLUMNS);
  const r = new Raster(TILESET_COLUMNS * TILE_SIZE, rows * TILE_SIZE);
  TILE_NAMES.forEach((name, i) => {
    // Each tile is drawn on its own raster so a shape that overhangs cannot bleed into a neighbour.
    const tile = new Raster(TILE_SIZE, TILE_SIZE);
    PAINTERS[name](tile, 0, 0);
    r.blit(tile, (i % TILESET_COLUMNS) * TILE_SIZE, Math.floor(i / TILESET_COLUMNS) * TILE_SIZE);
  });
  return r;
}
