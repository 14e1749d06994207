import Phaser from 'phaser';
import type { Lang } from '../schema/common';
import { signScale } from './camera';
import { TILE_SIZE } from './art/tiles';

/** Texture pixels per map pixel of the baked map and signs: sharp at a zoom of 2. */
export const BAKE_SCALE = 2;
/** A sign in the overview may spread over the label's width plus the corridor beside it (tiles). */
const OVERVIEW_SIGN_EXTRA_TILES = 1.5;
/** The page's Chinese subset font (declared in src/ui/style.css); Latin text falls through to system-ui. */
const SIGN_FONT = '"Agent Hospital Sans SC", system-ui, "Noto Sans CJK SC", sans-serif';
/**
 * The room signs of the map's labels layer, in the reader's language, at a size readable at the
 * zoom: as drawn on the map when close; larger when far, shrunk to fit beside their neighbours.
 * They are drawn into one texture of their own (one quad a frame), again only when the language
 * or the size step changes, when the Chinese font arrives, or when asked (`invalidate`: the
 * knowledge base has brought the departments' names). A sign with no words yet is not drawn.
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
          fontFamily: SIGN_FONT,
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
    const texts = this.signs.map((s) => words(s.key, lang));
    this.draw(texts, level);
    // Canvas text does not wait for a web font: draw the signs now in what is there, and again
    // once the Chinese font (fetched only for Chinese text) has arrived.
    const font = `${level > 1 ? 'bold ' : ''}${8 * level * BAKE_SCALE}px ${SIGN_FONT}`;
    const all = texts.join('');
    if (!document.fonts.check(font, all))
      document.fonts.load(font, all).then(
        // Unless the signs have changed since, or the scene has closed.
        () => void (this.lang === lang && this.level === level && this.layer.scene && this.draw(texts, level)),
        () => undefined, // no font: the signs keep the system's
      );
  }

  /** The next refresh draws the signs again whatever it is asked for. */
  invalidate(): void {
    this.lang = undefined;
  }

  private draw(texts: string[], level: number): void {
    this.signs.forEach((s, i) => {
      const maxWidth = (s.width + (level > 1 ? OVERVIEW_SIGN_EXTRA_TILES * TILE_SIZE : -6)) * BAKE_SCALE;
      s.text
        .setFontSize(8 * level * BAKE_SCALE)
        .setFontStyle(level > 1 ? 'bold' : '')
        .setPadding(2 * BAKE_SCALE, BAKE_SCALE)
        .setWordWrapWidth(Math.max(40 * BAKE_SCALE, maxWidth))
        .setText(texts[i] ?? '')
        .setScale(1)
        .updateText(); // measured again: the font may have arrived since the words were last set
      // A long name in a large font: shrink it to its room rather than over the next one.
      if (s.text.width > maxWidth) s.text.setScale(maxWidth / s.text.width);
      s.text.setPosition(s.x, s.y);
    });
    this.layer.clear();
    // A sign with no words yet (a department before the knowledge base) is not drawn at all.
    this.layer.draw(this.signs.filter((s) => s.text.text !== '').map((s) => s.text));
    (this.layer.texture as Phaser.Textures.DynamicTexture).render();
  }

  texts(): string[] {
    return this.signs.map((s) => s.text.text);
  }
}
