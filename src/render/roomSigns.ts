import Phaser from 'phaser';
import type { Lang } from '../schema/common';
import { signScale } from './camera';
import { TILE_SIZE } from './art/tiles';

/** Texture pixels per map pixel of the baked map and signs: sharp at a zoom of 2. */
export const BAKE_SCALE = 2;
/** A sign in the overview may spread over the label's width plus the corridor beside it (tiles). */
const OVERVIEW_SIGN_EXTRA_TILES = 1.5;
/**
 * The room signs of the map's labels layer, in the reader's language, at a size readable at the
 * zoom: as drawn on the map when close; larger when far, shrunk to fit beside their neighbours.
 * They are drawn into one texture of their own (one quad a frame), again only when the language
 * or the size step changes.
 */
export class RoomSigns {
  private readonly signs: { key: string; text: Phaser.GameObjects.Text; x: number; y: number; width: number }[] = [];
  private lang: Lang | undefined;
  private level = -1;

  constructor(
    scene: Phaser.Scene,
    map: Phaser.Tilemaps.Tilemap,
    private readonly layer: Phaser.GameObjects.RenderTexture,
  ) {
    for (const o of map.getObjectLayer('labels')?.objects ?? []) {
      const key = String((o.properties as { name: string; value: unknown }[] | undefined)?.find((p) => p.name === 'key')?.value ?? o.name);
      const x = ((o.x ?? 0) + (o.width ?? 0) / 2) * BAKE_SCALE;
      const y = ((o.y ?? 0) + 1) * BAKE_SCALE;
      const text = scene.add
        .text(x, y, '', {
          fontFamily: 'system-ui, "Noto Sans CJK SC", sans-serif',
          color: '#1d2a33',
          backgroundColor: '#fffbeecc',
          resolution: 2,
          align: 'center',
        })
        .setOrigin(0.5, 0)
        .setVisible(false);
      this.signs.push({ key, text, x, y, width: o.width ?? 0 });
    }
  }

  refresh(lang: Lang, zoom: number, words: (key: string, lang: Lang) => string): void {
    const level = signScale(zoom);
    if (lang === this.lang && level === this.level) return;
    this.lang = lang;
    this.level = level;
    for (const s of this.signs) {
      const maxWidth = (s.width + (level > 1 ? OVERVIEW_SIGN_EXTRA_TILES * TILE_SIZE : -6)) * BAKE_SCALE;
      s.text
        .setFontSize(8 * level * BAKE_SCALE)
        .setFontStyle(level > 1 ? 'bold' : '')
        .setPadding(2 * BAKE_SCALE, BAKE_SCALE)
        .setWordWrapWidth(Math.max(40 * BAKE_SCALE, maxWidth))
        .setText(words(s.key, lang))
        .setScale(1);
      // A long name in a large font: shrink it to its room rather than over the next one.
      if (s.text.width > maxWidth) s.text.setScale(maxWidth / s.text.width);
      s.text.setPosition(s.x, s.y);
    }
    this.layer.clear();
    this.layer.draw(this.signs.map((s) => s.text));
    (this.layer.texture as Phaser.Textures.DynamicTexture).render();
  }

  texts(): string[] {
    return this.signs.map((s) => s.text.text);
  }
}
