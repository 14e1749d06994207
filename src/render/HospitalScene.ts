import Phaser from 'phaser';
import type { Lang } from '../schema/common';
import type { Snapshot } from '../sim/snapshot';
import type { Room } from '../sim/layout';
import { CHARACTER_IDS, FRAME_H, FRAME_W, frameIndex, type CharacterId, type Direction } from './art/characters';
import { ICONS, ICON_SIZE } from './art/icons';
import { TILE_SIZE } from './art/tiles';
import { facing, feetOf, stateIcon, walkFrame } from './motion';
import type { BubbleQueue } from './bubbles';

/** What the scene needs from the page: the world to draw and where to report clicks. */
export interface SceneBridge {
  map: object;
  urls: { tiles: string; characters: string; icons: string };
  /** Advances the world by a frame; the scene draws the snapshot that follows (nobody, until the world has arrived). */
  frame(deltaMs: number, nowMs: number): void;
  snapshot(): Pick<Snapshot, 'patients' | 'staff'>;
  bubbles: BubbleQueue;
  rooms: ReadonlyMap<string, Room>;
  lang(): Lang;
  /** The words on a room sign (`key` from the map's labels layer) in a language. */
  signText(key: string, lang: Lang): string;
  patientLook(id: string): CharacterId;
  staffLook(id: string, role: string): CharacterId;
  /** Click on an agent (or on nothing). */
  select(id: string | undefined): void;
  /** Where the speech bubbles go: an element laid over the canvas. */
  overlay: HTMLElement;
}

interface Walker {
  id: string;
  kind: 'patient' | 'staff';
  sprite: Phaser.GameObjects.Sprite;
  icon?: Phaser.GameObjects.Image;
  look: CharacterId;
  dir: Direction;
  walked: number;
  x: number;
  y: number;
  /** What the sprite shows now: set on the sprite only when it changes (see place). */
  frame: number;
  iconFrame: number;
  /** Frame counter of the last snapshot it was in (sprites not seen are recycled). */
  seen: number;
}

/** Texture pixels per map pixel of the baked map and signs: sharp at the default zoom of 2. */
const BAKE_SCALE = 2;
const MIN_ZOOM = 0.5;
const MAX_ZOOM = 5;
const DOUBLE_CLICK_MS = 350;
const DRAG_THRESHOLD_PX = 5;
/** The page's Chinese subset font (declared in src/ui/style.css); Latin text falls through to system-ui. */
const SIGN_FONT = '"Agent Hospital Sans SC", system-ui, "Noto Sans CJK SC", sans-serif';

/**
 * The hospital drawn with Phaser: the Tiled map's floor, walls and furniture, room signs in the
 * reader's language, and everyone in the building walking the sim's routes. It reads snapshots
 * and sends nothing but selections; the page's panels do the rest.
 */
export class HospitalScene extends Phaser.Scene {
  private bridge!: SceneBridge;
  private readonly walkers = new Map<string, Walker>();
  private signs: { key: string; text: Phaser.GameObjects.Text }[] = [];
  private frameNo = 0;
  private signLang: Lang | undefined;
  private layers: (Phaser.Tilemaps.TilemapLayer | Phaser.Tilemaps.TilemapGPULayer)[] = [];
  private baked!: Phaser.GameObjects.RenderTexture;
  private following: string | undefined;
  private lastClick = { id: '', at: 0 };
  private drag: { x: number; y: number; scrollX: number; scrollY: number; moved: boolean } | undefined;
  private readonly bubbleEls = new Map<string, { el: HTMLDivElement; born: number; text: string }>();
  /** Milliseconds of the last frames' update (sim included) and of the sim alone, for the bench and the test hook. */
  readonly frameTimes: number[] = [];
  readonly simTimes: number[] = [];

  constructor() {
    super('hospital');
  }

  init(bridge: SceneBridge): void {
    this.bridge = bridge;
  }

  preload(): void {
    this.load.image('tiles', this.bridge.urls.tiles);
    this.load.spritesheet('people', this.bridge.urls.characters, { frameWidth: FRAME_W, frameHeight: FRAME_H });
    this.load.spritesheet('icons', this.bridge.urls.icons, { frameWidth: ICON_SIZE, frameHeight: ICON_SIZE });
    this.load.tilemapTiledJSON('hospital', this.bridge.map);
  }

  create(): void {
    const map = this.make.tilemap({ key: 'hospital' });
    const tileset = map.addTilesetImage('hospital', 'tiles');
    if (!tileset) throw new Error('maps/hospital.tmj: the tileset "hospital" could not be matched to assets/art/tiles.png');
    // The map does not change: its three tile layers and the room signs are drawn into one
    // texture, so a frame pays for one textured quad instead of thousands of tiles and dozens of
    // text textures. The texture has BAKE_SCALE pixels per map pixel so signs stay sharp when
    // zoomed in; it is drawn again only when the language changes.
    this.layers = ['floor', 'walls', 'furniture'].map((name) => map.createLayer(name, tileset, 0, 0)).filter((l) => l !== null);
    for (const l of this.layers) l.setScale(BAKE_SCALE).setVisible(false);
    this.baked = this.add
      .renderTexture(0, 0, map.widthInPixels * BAKE_SCALE, map.heightInPixels * BAKE_SCALE)
      .setOrigin(0, 0)
      .setScale(1 / BAKE_SCALE)
      .setDepth(0);
    const labels = map.getObjectLayer('labels');
    for (const o of labels?.objects ?? []) {
      const key = String((o.properties as { name: string; value: unknown }[] | undefined)?.find((p) => p.name === 'key')?.value ?? o.name);
      const text = this.add
        .text(((o.x ?? 0) + (o.width ?? 0) / 2) * BAKE_SCALE, ((o.y ?? 0) + 1) * BAKE_SCALE, '', {
          fontFamily: SIGN_FONT,
          fontSize: `${8 * BAKE_SCALE}px`,
          color: '#1d2a33',
          backgroundColor: '#fffbeecc',
          padding: { x: 2 * BAKE_SCALE, y: BAKE_SCALE },
          resolution: 2,
          align: 'center',
          wordWrap: { width: Math.max(40, (o.width ?? 0) - 6) * BAKE_SCALE },
        })
        .setOrigin(0.5, 0)
        .setVisible(false);
      this.signs.push({ key, text });
    }
    this.refreshSigns();

    const cam = this.cameras.main;
    cam.setBounds(-200, -200, map.widthInPixels + 400, map.heightInPixels + 400);
    cam.setBackgroundColor('#3b4654');
    cam.setZoom(2);
    cam.centerOn(50 * TILE_SIZE, 50 * TILE_SIZE);
    cam.setRoundPixels(true);
    this.wireInput();
  }

  /** Room signs in the reader's language; redrawn only when the language changes. */
  private refreshSigns(): void {
    const lang = this.bridge.lang();
    if (lang === this.signLang) return;
    this.signLang = lang;
    const texts = this.signs.map((s) => this.bridge.signText(s.key, lang));
    this.bakeSigns(texts);
    // Canvas text does not wait for a web font: draw the signs now in what is there, and again
    // once the Chinese font (fetched only for Chinese text) has arrived.
    const font = `${8 * BAKE_SCALE}px ${SIGN_FONT}`;
    const all = texts.join('');
    if (!document.fonts.check(font, all))
      document.fonts.load(font, all).then(
        () => void (this.signLang === lang && this.baked.scene && this.bakeSigns(texts)), // unless the scene has closed
        () => undefined, // no font: the signs keep the system's
      );
  }

  /** Draws the signs again, e.g. once the knowledge base has brought the departments' names. */
  relabelSigns(): void {
    this.signLang = undefined;
    this.refreshSigns();
  }

  private bakeSigns(texts: string[]): void {
    this.signs.forEach((s, i) => s.text.setText(texts[i] ?? '').updateText());
    this.baked.clear();
    // A sign with no words yet (a department before the knowledge base) is not drawn at all.
    this.baked.draw([...this.layers, ...this.signs.filter((s) => s.text.text !== '').map((s) => s.text)]);
    (this.baked.texture as Phaser.Textures.DynamicTexture).render();
  }

  private wireInput(): void {
    const cam = this.cameras.main;
    this.input.on('pointerdown', (p: Phaser.Input.Pointer) => {
      this.drag = { x: p.x, y: p.y, scrollX: cam.scrollX, scrollY: cam.scrollY, moved: false };
    });
    this.input.on('pointermove', (p: Phaser.Input.Pointer) => {
      if (!this.drag || !p.isDown) return;
      const dx = p.x - this.drag.x;
      const dy = p.y - this.drag.y;
      if (Math.abs(dx) + Math.abs(dy) > DRAG_THRESHOLD_PX) {
        this.drag.moved = true;
        this.following = undefined;
        cam.stopFollow();
      }
      if (this.drag.moved) cam.setScroll(this.drag.scrollX - dx / cam.zoom, this.drag.scrollY - dy / cam.zoom);
    });
    this.input.on('pointerup', (p: Phaser.Input.Pointer) => {
      const wasDrag = this.drag?.moved ?? false;
      this.drag = undefined;
      if (wasDrag) return;
      const id = this.agentAt(p.worldX, p.worldY);
      const now = this.time.now;
      if (id && this.lastClick.id === id && now - this.lastClick.at < DOUBLE_CLICK_MS) this.follow(id);
      this.lastClick = { id: id ?? '', at: now };
      this.bridge.select(id);
    });
    this.input.on('wheel', (p: Phaser.Input.Pointer, _over: unknown, _dx: number, dy: number) => {
      const before = cam.getWorldPoint(p.x, p.y);
      const zoom = Phaser.Math.Clamp(cam.zoom * (dy > 0 ? 0.85 : 1 / 0.85), MIN_ZOOM, MAX_ZOOM);
      cam.setZoom(zoom);
      // Keep the point under the pointer where it was: zoom toward the pointer.
      const after = cam.getWorldPoint(p.x, p.y);
      if (!this.following) cam.setScroll(cam.scrollX + before.x - after.x, cam.scrollY + before.y - after.y);
    });
  }

  /** The agent whose sprite covers a world point (the front-most one). */
  private agentAt(x: number, y: number): string | undefined {
    let best: Walker | undefined;
    for (const w of this.walkers.values()) {
      const b = w.sprite;
      if (x >= b.x - FRAME_W / 2 && x <= b.x + FRAME_W / 2 && y >= b.y - FRAME_H && y <= b.y)
        if (!best || b.depth > best.sprite.depth) best = w;
    }
    return best?.id;
  }

  /** Camera follows an agent until the visitor drags. */
  follow(id: string | undefined): void {
    this.following = id;
    const w = id ? this.walkers.get(id) : undefined;
    if (w) this.cameras.main.startFollow(w.sprite, true, 0.15, 0.15);
    else this.cameras.main.stopFollow();
  }

  /** Pans to a room (the room list). */
  showRoom(name: string): void {
    const room = this.bridge.rooms.get(name);
    if (!room) return;
    this.follow(undefined);
    this.cameras.main.pan((room.x + room.width / 2) * TILE_SIZE, (room.y + room.height / 2) * TILE_SIZE, 600, 'Sine.easeInOut');
  }

  zoomTo(zoom: number): void {
    this.cameras.main.setZoom(Phaser.Math.Clamp(zoom, MIN_ZOOM, MAX_ZOOM));
  }

  override update(time: number, delta: number): void {
    const started = performance.now();
    this.bridge.frame(delta, time);
    this.simTimes.push(performance.now() - started);
    if (this.simTimes.length > 120) this.simTimes.shift();
    this.refreshSigns();
    const snap = this.bridge.snapshot();
    this.frameNo++;
    for (const s of snap.staff) this.place(s.id, 'staff', s.x, s.y, s.role);
    for (const p of snap.patients) {
      const w = this.place(p.id, 'patient', p.fx, p.fy);
      const icon = stateIcon(p);
      const iconFrame = icon ? ICONS.indexOf(icon) : -1;
      if (iconFrame >= 0) {
        w.icon ??= this.add.image(0, 0, 'icons', iconFrame).setDepth(9500);
        if (iconFrame !== w.iconFrame) w.icon.setFrame(iconFrame);
        if (w.icon.x !== w.sprite.x || w.icon.y !== w.sprite.y - FRAME_H - 3 || w.iconFrame < 0)
          w.icon.setPosition(w.sprite.x, w.sprite.y - FRAME_H - 3).setVisible(true);
      } else if (w.iconFrame >= 0) w.icon?.setVisible(false);
      w.iconFrame = iconFrame;
    }
    for (const [id, w] of this.walkers) {
      if (w.seen === this.frameNo) continue;
      w.sprite.destroy();
      w.icon?.destroy();
      this.walkers.delete(id);
      if (this.following === id) this.follow(undefined);
    }
    this.drawBubbles(time);
    // The first drawn world, for page.firstFrameMs (bench/render.ts).
    if (this.frameNo === 1) performance.mark('world:first-frame');
    this.frameTimes.push(performance.now() - started);
    if (this.frameTimes.length > 120) this.frameTimes.shift();
  }

  private place(id: string, kind: Walker['kind'], tx: number, ty: number, role?: string): Walker {
    let w = this.walkers.get(id);
    const { x, y } = feetOf(tx, ty);
    if (!w) {
      const look = kind === 'patient' ? this.bridge.patientLook(id) : this.bridge.staffLook(id, role ?? '');
      const sprite = this.add.sprite(x, y, 'people', frameIndex(look, 'down', 0)).setOrigin(0.5, 1);
      w = {
        id,
        kind,
        sprite,
        look,
        dir: kind === 'staff' ? this.staffFacing(id) : 'down',
        walked: 0,
        x,
        y,
        frame: -1,
        iconFrame: -1,
        seen: 0,
      };
      sprite.setDepth(100 + y);
      this.walkers.set(id, w);
    }
    const dx = x - w.x;
    const dy = y - w.y;
    const dist = Math.hypot(dx, dy) / TILE_SIZE;
    // A jump of several tiles in one frame is a teleport (home and back), not a walk.
    const moving = dist > 1e-4 && dist < 4;
    if (moving) {
      w.dir = facing(dx, dy, w.dir);
      w.walked += dist;
    }
    w.seen = this.frameNo;
    // Most agents stand still (queues, waiting rooms) most of the time. Setting an unchanged
    // depth would still make Phaser re-sort the whole display list, and an unchanged frame
    // would still be looked up: only what changed is set.
    if (x !== w.x || y !== w.y) {
      if (y !== w.y) w.sprite.setDepth(100 + y);
      w.sprite.setPosition(x, y);
      w.x = x;
      w.y = y;
    }
    const frame = frameIndex(w.look, w.dir, walkFrame(w.walked, moving));
    if (frame !== w.frame) {
      w.sprite.setFrame(frame);
      w.frame = frame;
    }
    return w;
  }

  /** Staff stand at their post facing the patient's service spot. */
  private staffFacing(id: string): Direction {
    const room = this.bridge.rooms.get(id.slice(id.indexOf(':') + 1));
    if (!room?.post || !room.service) return 'down';
    return facing(room.service.x - room.post.x, room.service.y - room.post.y, 'down');
  }

  /** Speech bubbles as DOM elements over the canvas: crisp text in any script at any zoom. */
  private drawBubbles(now: number): void {
    const cam = this.cameras.main;
    const alive = new Set<string>();
    for (const { bubble, alpha } of this.bridge.bubbles.visible(now)) {
      const w = this.walkers.get(bubble.speaker);
      if (!w) continue;
      alive.add(bubble.speaker);
      let b = this.bubbleEls.get(bubble.speaker);
      if (!b) {
        const el = document.createElement('div');
        el.className = 'bubble';
        el.dataset['speaker'] = bubble.speaker;
        this.bridge.overlay.append(el);
        b = { el, born: -1, text: '' };
        this.bubbleEls.set(bubble.speaker, b);
      }
      if (b.born !== bubble.born || b.text !== bubble.text) {
        b.el.textContent = bubble.lines.join('\n');
        b.born = bubble.born;
        b.text = bubble.text;
      }
      const sx = (w.sprite.x - cam.worldView.x) * cam.zoom;
      const sy = (w.sprite.y - FRAME_H - 4 - cam.worldView.y) * cam.zoom;
      b.el.style.transform = `translate(${Math.round(sx)}px, ${Math.round(sy)}px) translate(-50%, -100%)`;
      b.el.style.opacity = String(alpha);
    }
    for (const [speaker, b] of this.bubbleEls) {
      if (alive.has(speaker)) continue;
      b.el.remove();
      this.bubbleEls.delete(speaker);
    }
  }

  /** Where agents are drawn, in world pixels (the test hook reads this). */
  spritePositions(): { id: string; kind: string; x: number; y: number; tileX: number; tileY: number; frame: number }[] {
    return [...this.walkers.values()].map((w) => ({
      id: w.id,
      kind: w.kind,
      x: w.sprite.x,
      y: w.sprite.y,
      tileX: Math.floor(w.sprite.x / TILE_SIZE),
      tileY: Math.floor((w.sprite.y - 1) / TILE_SIZE),
      frame: Number(w.sprite.frame.name),
    }));
  }

  /** An agent's position on the page (client pixels), for clicks in tests. */
  screenOf(id: string): { x: number; y: number } | undefined {
    const w = this.walkers.get(id);
    if (!w) return undefined;
    const cam = this.cameras.main;
    const rect = this.game.canvas.getBoundingClientRect();
    return {
      x: rect.left + (w.sprite.x - cam.worldView.x) * cam.zoom,
      y: rect.top + (w.sprite.y - FRAME_H / 2 - cam.worldView.y) * cam.zoom,
    };
  }

  signTexts(): string[] {
    return this.signs.map((s) => s.text.text);
  }

  static readonly characters = CHARACTER_IDS;
}
