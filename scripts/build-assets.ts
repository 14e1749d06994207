/**
 * Writes the hospital's pixel art into assets/art/: the tileset and the character sheet, drawn
 * in code (src/render/art) so the art is ours and the same bytes come out on every machine.
 * Usage: npm run assets
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { drawCharacterSheet } from '../src/render/art/characters';
import { drawIcons } from '../src/render/art/icons';
import type { Raster } from '../src/render/art/raster';
import { drawTileset } from '../src/render/art/tiles';

function toPng(r: Raster): Buffer {
  const png = new PNG({ width: r.width, height: r.height });
  png.data = Buffer.from(r.data);
  return PNG.sync.write(png, { colorType: 6 });
}

const dir = new URL('../assets/art/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const [name, raster] of [
  ['tiles.png', drawTileset()],
  ['characters.png', drawCharacterSheet()],
  ['icons.png', drawIcons()],
] as const) {
  writeFileSync(new URL(name, dir), toPng(raster));
  console.log(`assets/art/${name}: ${raster.width}×${raster.height}`);
}
