/**
 * Baselines of bench/render.ts, bare Phaser pages with no sim, no knowledge and no panels:
 * - `render.frameRatio.300`: the same character sprites as the hospital, walking and animated.
 *   `?agents=N` sets how many; window.__bare.stepTimes() gives the frame times.
 * - `page.firstFrameRatio` (`?map=1`): the hospital's Tiled map, the same size and layers, drawn
 *   from the same tileset; the performance mark `bare:first-frame` is its first drawn frame.
 */
import Phaser from 'phaser';
import charactersUrl from '../assets/art/characters.png';
import tilesUrl from '../assets/art/tiles.png';
import mapUrl from '../maps/hospital.tmj?url';
import { CHARACTER_IDS, FRAME_H, FRAME_W, frameIndex } from '../src/render/art/characters';
import { facing, walkFrame } from '../src/render/motion';

const agents = Number(new URLSearchParams(location.search).get('agents') ?? 300);
const stepTimes: number[] = [];

class Bare extends Phaser.Scene {
  private walkers: {
    s: Phaser.GameObjects.Sprite;
    look: (typeof CHARACTER_IDS)[number];
    t: number;
    speed: number;
    walked: number;
    dir: 'down' | 'left' | 'right' | 'up';
  }[] = [];
  preload(): void {
    this.load.spritesheet('people', charactersUrl, { frameWidth: FRAME_W, frameHeight: FRAME_H });
  }
  create(): void {
    this.cameras.main.setZoom(2);
    this.cameras.main.centerOn(50 * 16, 50 * 16);
    for (let i = 0; i < agents; i++) {
      const look = CHARACTER_IDS[i % CHARACTER_IDS.length] as (typeof CHARACTER_IDS)[number];
      const s = this.add.sprite(0, 0, 'people', frameIndex(look, 'down', 0)).setOrigin(0.5, 1);
      this.walkers.push({ s, look, t: i * 0.37, speed: 0.5 + (i % 7) * 0.1, walked: 0, dir: 'down' });
    }
  }
  override update(_time: number, delta: number): void {
    for (const w of this.walkers) {
      // Each walks a rectangle of corridors around the lobby, like the patients do.
      w.t += (delta / 1000) * w.speed;
      const p = w.t % 4;
      const side = Math.floor(p);
      const f = p - side;
      const x0 = 30 * 16 + ((w.t * 13) % 200);
      const [x, y] =
        side === 0
          ? [x0 + f * 400, 40 * 16]
          : side === 1
            ? [x0 + 400, 40 * 16 + f * 250]
            : side === 2
              ? [x0 + 400 - f * 400, 40 * 16 + 250]
              : [x0, 40 * 16 + 250 - f * 250];
      const dx = x - w.s.x;
      const dy = y - w.s.y;
      w.dir = facing(dx, dy, w.dir);
      w.walked += Math.hypot(dx, dy) / 16;
      w.s
        .setPosition(x, y)
        .setDepth(100 + y)
        .setFrame(frameIndex(w.look, w.dir, walkFrame(w.walked, true)));
    }
  }
}

class BareMap extends Phaser.Scene {
  preload(): void {
    this.load.image('tiles', tilesUrl);
    this.load.tilemapTiledJSON('hospital', mapUrl);
  }
  create(): void {
    const map = this.make.tilemap({ key: 'hospital' });
    const tileset = map.addTilesetImage('hospital', 'tiles');
    if (!tileset) throw new Error('the tileset "hospital" is missing');
    for (const name of ['floor', 'walls', 'furniture']) map.createLayer(name, tileset, 0, 0);
    this.cameras.main.setZoom(2);
    this.cameras.main.centerOn(50 * 16, 50 * 16);
  }
  /** Marked where the hospital marks `world:first-frame`: the scene's first update after create. */
  override update(): void {
    if (performance.getEntriesByName('bare:first-frame').length === 0) performance.mark('bare:first-frame');
  }
}

const mapOnly = new URLSearchParams(location.search).get('map') === '1';
const game = new Phaser.Game({
  type: Phaser.AUTO,
  parent: 'stage',
  width: 1366,
  height: 900,
  pixelArt: true,
  banner: false,
  audio: { noAudio: true },
  scene: [mapOnly ? BareMap : Bare],
});
let start = 0;
game.events.on(Phaser.Core.Events.PRE_STEP, () => void (start = performance.now()));
game.events.on(Phaser.Core.Events.POST_RENDER, () => {
  stepTimes.push(performance.now() - start);
  if (stepTimes.length > 240) stepTimes.shift();
});
(window as unknown as { __bare: unknown }).__bare = { stepTimes: () => [...stepTimes] };
