import Phaser from 'phaser';
import { CHARACTER_IDS, FRAME_H, FRAME_W, frameIndex, type CharacterId, type Direction } from './art/characters';
import { ICONS, ICON_SIZE } from './art/icons';
import { TILE_SIZE } from './art/tiles';
import { facing, feetOf, stateIcon, walkFrame } from './motion';
import { busiestSpot, READABLE_ZOOM, sceneZoom } from './camera';
import { CameraRig } from './cameraRig';
import { BAKE_SCALE, RoomSigns } from './roomSigns';
import type { CameraView, SceneBridge } from './sceneBridge';

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

const DOUBLE_CLICK_MS = 350;
const DRAG_THRESHOLD_PX = 5;
/** A glide to a room the visitor picked: quicker than the others, they know where they are going. */
const ROOM_GLIDE_MS = 600;
/** A patient counts for this many staff when looking for the busiest scene: patients move and talk, staff wait at posts. */
const PATIENT_WEIGHT = 4;

/**
 * The hospital drawn with Phaser: the Tiled map's floor, walls and furniture, room signs in the
 * reader's language, and everyone in the building walking the sim's routes. It reads snapshots
 * and sends nothing but selections; the page's panels do the rest.
 */
export class HospitalScene extends Phaser.Scene {
  private bridge!: SceneBridge;
  private readonly walkers = new Map<string, Walker>();
  private signs!: RoomSigns;
  private rig!: CameraRig;
  private frameNo = 0;
  private pinch: { distance: number; zoom: number } | undefined;
  private lastView = '';
  /** When (page clock, ms) the opening overview gives way to the busiest scene, unless the visitor took the camera first. */
  private openingGlideAt: number | undefined;
  /** How long the opening overview holds, counted from the first frame with patients in it (the building is drawn before them). */
  private openingHold: number | undefined;
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
    // The map does not change: its three tile layers are drawn into one texture, so a frame
    // pays for one textured quad instead of thousands of tiles. The texture has BAKE_SCALE pixels
    // per map pixel so it stays sharp when zoomed in.
    this.layers = ['floor', 'walls', 'furniture'].map((name) => map.createLayer(name, tileset, 0, 0)).filter((l) => l !== null);
    for (const l of this.layers) l.setScale(BAKE_SCALE).setVisible(false);
    const bake = (): Phaser.GameObjects.RenderTexture =>
      this.add
        .renderTexture(0, 0, map.widthInPixels * BAKE_SCALE, map.heightInPixels * BAKE_SCALE)
        .setOrigin(0, 0)
        .setScale(1 / BAKE_SCALE)
        .setDepth(0);
    this.baked = bake();
    this.baked.draw(this.layers);
    (this.baked.texture as Phaser.Textures.DynamicTexture).render();
    // The signs have a texture of their own: redrawn when the language or the sign size changes.
    this.signs = new RoomSigns(this, map, bake().setDepth(1));

    const cam = this.cameras.main;
    cam.setBackgroundColor('#3b4654');
    cam.setRoundPixels(true);
    this.rig = new CameraRig(
      cam,
      { width: map.widthInPixels, height: map.heightInPixels },
      { reducedMotion: () => this.bridge.reducedMotion(), following: () => this.following !== undefined },
    );
    this.rig.fitOverview(false);
    this.refreshSigns();
    this.scale.on(Phaser.Scale.Events.RESIZE, () => {
      // The canvas changed size (a rotated phone, a resized window): the overview refits.
      this.rig.setBounds();
      if (this.rig.onOverview) this.rig.fitOverview(false);
    });
    this.openingHold = this.bridge.openingGlideMs;
    this.wireInput();
  }

  /** Room signs in the reader's language, sized for the zoom (during a glide, for where it ends: one redraw per glide). */
  private refreshSigns(): void {
    this.signs.refresh(this.bridge.lang(), this.rig.targetZoom(), this.bridge.signText);
  }

  /** Draws the signs again, e.g. once the knowledge base has brought the departments' names. */
  relabelSigns(): void {
    this.signs.invalidate();
    this.refreshSigns();
  }

  /** The whole building, centred (the visitor's choice: the opening glide is off). */
  overview(animate = true): void {
    this.rig.touched = true;
    this.follow(undefined);
    this.rig.fitOverview(animate);
  }

  /** Glides to where most patients are (the busiest scene), close enough to see them talk. */
  showBusiest(): void {
    const cam = this.cameras.main;
    const zoom = sceneZoom(cam.width, cam.height, TILE_SIZE);
    const snap = this.bridge.snapshot();
    const people = [
      ...snap.patients.map((p) => ({ fx: p.fx, fy: p.fy, weight: PATIENT_WEIGHT })),
      ...snap.staff.map((s) => ({ fx: s.x, fy: s.y })),
    ];
    const spot = busiestSpot(people, cam.width / zoom / TILE_SIZE, cam.height / zoom / TILE_SIZE);
    if (!spot) return;
    this.follow(undefined);
    this.rig.move((spot.x + 0.5) * TILE_SIZE, (spot.y + 0.5) * TILE_SIZE, zoom, true);
  }

  /** What the camera shows, for the page's controls and the test hook. */
  cameraView(): CameraView {
    const cam = this.cameras.main;
    return {
      zoom: cam.zoom,
      overviewZoom: this.rig.overviewZoom(),
      overview: this.rig.onOverview,
      following: this.following,
      x: cam.midPoint.x,
      y: cam.midPoint.y,
      moving: this.rig.moving,
    };
  }

  private wireInput(): void {
    const cam = this.cameras.main;
    // A second touch point, for pinching (Phaser makes the mouse and one touch by default).
    this.input.addPointer(1);
    this.input.on('pointerdown', (p: Phaser.Input.Pointer) => {
      if (this.pinch || this.twoDown()) return;
      this.drag = { x: p.x, y: p.y, scrollX: cam.scrollX, scrollY: cam.scrollY, moved: false };
    });
    this.input.on('pointermove', (p: Phaser.Input.Pointer) => {
      if (this.twoDown()) return this.pinchMove();
      if (!this.drag || !p.isDown) return;
      const dx = p.x - this.drag.x;
      const dy = p.y - this.drag.y;
      if (Math.abs(dx) + Math.abs(dy) > DRAG_THRESHOLD_PX && !this.drag.moved) {
        this.drag.moved = true;
        this.rig.take();
        this.follow(undefined);
      }
      if (this.drag.moved) cam.setScroll(this.drag.scrollX - dx / cam.zoom, this.drag.scrollY - dy / cam.zoom);
    });
    this.input.on('pointerup', (p: Phaser.Input.Pointer) => {
      if (this.pinch) {
        // A pinch ends when the last finger lifts; lifting one finger is no tap.
        if (!this.input.pointer1.isDown && !this.input.pointer2.isDown) this.pinch = undefined;
        this.drag = undefined;
        return;
      }
      const wasDrag = this.drag?.moved ?? false;
      this.drag = undefined;
      if (wasDrag) return;
      const id = this.agentAt(p.worldX, p.worldY);
      // The event's own time, not the frame's: on a slow device two taps can land in frames far apart.
      const now = p.upTime;
      if (id && this.lastClick.id === id && now - this.lastClick.at < DOUBLE_CLICK_MS) this.follow(id);
      this.lastClick = { id: id ?? '', at: now };
      this.bridge.select(id);
    });
    this.input.on('wheel', (p: Phaser.Input.Pointer, _over: unknown, _dx: number, dy: number) => {
      this.zoomAt(p.x, p.y, cam.zoom * (dy > 0 ? 0.85 : 1 / 0.85));
    });
  }

  private twoDown(): boolean {
    return this.input.pointer1.isDown && this.input.pointer2.isDown;
  }

  /** Two fingers: the zoom follows the distance between them, about the point between them. */
  private pinchMove(): void {
    const a = this.input.pointer1;
    const b = this.input.pointer2;
    const distance = Math.max(1, Math.hypot(a.x - b.x, a.y - b.y));
    this.drag = undefined;
    if (!this.pinch) {
      this.pinch = { distance, zoom: this.cameras.main.zoom };
      this.rig.take();
      this.follow(undefined);
      return;
    }
    this.zoomAt((a.x + b.x) / 2, (a.y + b.y) / 2, (this.pinch.zoom * distance) / this.pinch.distance);
  }

  /** Zooms keeping the world point under (x, y) on the canvas where it was. */
  zoomAt(x: number, y: number, zoom: number): void {
    this.rig.zoomAt(x, y, zoom);
  }

  /** Pans by a share of the screen (keyboard arrows). */
  panBy(dxScreens: number, dyScreens: number): void {
    this.follow(undefined);
    this.rig.panBy(dxScreens, dyScreens);
  }

  /** The agent drawn nearest the centre of the canvas (keyboard inspection), within a screen's reach. */
  agentNearCentre(): string | undefined {
    const cam = this.cameras.main;
    const cx = cam.midPoint.x;
    const cy = cam.midPoint.y;
    let best: { id: string; d: number } | undefined;
    for (const w of this.walkers.values()) {
      if (!cam.worldView.contains(w.sprite.x, w.sprite.y)) continue;
      const d = Math.hypot(w.sprite.x - cx, w.sprite.y - FRAME_H / 2 - cy);
      if (!best || d < best.d) best = { id: w.id, d };
    }
    return best?.id;
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

  /** Camera follows an agent until the visitor drags, coming close enough to see them. */
  follow(id: string | undefined): void {
    this.following = id;
    const w = id ? this.walkers.get(id) : undefined;
    const cam = this.cameras.main;
    if (!w) return void cam.stopFollow();
    this.rig.take();
    const lerp = this.bridge.reducedMotion() ? 1 : 0.15;
    cam.startFollow(w.sprite, true, lerp, lerp);
    const close = sceneZoom(cam.width, cam.height, TILE_SIZE);
    if (cam.zoom < close) this.rig.move(w.sprite.x, w.sprite.y, close, true);
  }

  /** Glides to a room (the room list), close enough to see who is in it. */
  showRoom(name: string): void {
    const room = this.bridge.rooms.get(name);
    if (!room) return;
    this.rig.take();
    this.follow(undefined);
    const cam = this.cameras.main;
    const zoom = Math.max(cam.zoom, sceneZoom(cam.width, cam.height, TILE_SIZE));
    this.rig.move((room.x + room.width / 2) * TILE_SIZE, (room.y + room.height / 2) * TILE_SIZE, zoom, true, ROOM_GLIDE_MS);
  }

  zoomTo(zoom: number): void {
    const cam = this.cameras.main;
    this.zoomAt(cam.width / 2, cam.height / 2, zoom);
  }

  override update(time: number, delta: number): void {
    const started = performance.now();
    if (this.openingGlideAt !== undefined && started >= this.openingGlideAt) {
      this.openingGlideAt = undefined;
      if (!this.rig.touched) this.showBusiest();
    }
    this.rig.step(started);
    this.bridge.frame(delta, time);
    this.simTimes.push(performance.now() - started);
    if (this.simTimes.length > 120) this.simTimes.shift();
    this.refreshSigns();
    const snap = this.bridge.snapshot();
    if (this.openingHold !== undefined && snap.patients.length > 0) {
      // The page's clock, like the glides: Phaser's frame clock runs slow when frames are slow.
      this.openingGlideAt = performance.now() + this.openingHold;
      this.openingHold = undefined;
    }
    this.frameNo++;
    for (const s of snap.staff) this.place(s.id, 'staff', s.x, s.y, () => this.bridge.staffLook(s.id, s.role));
    for (const p of snap.patients) {
      const w = this.place(p.id, 'patient', p.fx, p.fy, () => this.bridge.patientLook(p.id));
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
    this.reportCamera();
    // The first drawn world, for page.firstFrameMs (bench/render.ts).
    if (this.frameNo === 1) performance.mark('world:first-frame');
    this.frameTimes.push(performance.now() - started);
    if (this.frameTimes.length > 120) this.frameTimes.shift();
  }

  /** `lookOf` is asked once, when the walker first appears. */
  private place(id: string, kind: Walker['kind'], tx: number, ty: number, lookOf: () => CharacterId): Walker {
    let w = this.walkers.get(id);
    const { x, y } = feetOf(tx, ty);
    if (!w) {
      const look = lookOf();
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

  /** Tells the page when the camera's zoom or overview state changed (not every frame's scroll). */
  private reportCamera(): void {
    const v = this.cameraView();
    const sig = `${v.zoom.toFixed(2)}|${v.overview}|${v.following ?? ''}|${v.moving}`;
    if (sig === this.lastView) return;
    this.lastView = sig;
    this.bridge.cameraChanged?.(v);
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
    // Far out, a bubble is a dot that says someone is talking: a crowd of full bubbles would hide the hospital.
    const compact = cam.zoom < READABLE_ZOOM;
    const steady = this.bridge.reducedMotion();
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
      b.el.style.opacity = String(steady ? 1 : alpha);
      if (b.el.classList.contains('compact') !== compact) b.el.classList.toggle('compact', compact);
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
    return this.signs.texts();
  }

  static readonly characters = CHARACTER_IDS;
}
