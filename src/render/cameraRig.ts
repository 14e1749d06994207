import Phaser from 'phaser';
import { fitZoom } from './camera';

/** Zooming out stops a little past the overview (or at 0.5 on a large screen). */
const MIN_ZOOM = 0.5;
const MAX_ZOOM = 5;
/** A camera glide to the overview or the busiest scene: long enough to keep one's bearings. */
export const GLIDE_MS = 900;
/** Floor shown around the building when panning to its edge (world pixels). */
const MARGIN_PX = 200;

type CameraSpot = { x: number; y: number; zoom: number };

/**
 * The camera's moves: the overview that fits the building, glides (timed by the page's clock,
 * not Phaser's smoothed frame delta, so a glide takes the same time on a slow device), zooming
 * about a point and panning. It remembers whether the visitor has taken the camera, which ends
 * the opening overview's wait for its glide.
 */
export class CameraRig {
  /** The visitor moved the camera (drag, pinch, wheel, a room, a follow): the opening glide is off. */
  touched = false;
  /** The camera shows the overview (the whole building). */
  onOverview = true;
  private glide: { from: CameraSpot; to: CameraSpot; start: number; ms: number } | undefined;

  constructor(
    private readonly cam: Phaser.Cameras.Scene2D.Camera,
    private readonly world: { width: number; height: number },
    private readonly options: { reducedMotion(): boolean; following(): boolean },
  ) {}

  overviewZoom(): number {
    return fitZoom(this.cam.width, this.cam.height, this.world.width, this.world.height);
  }

  private minZoom(): number {
    return Math.min(MIN_ZOOM, this.overviewZoom() * 0.9);
  }

  /** Bounds with a margin of floor; at least the screen's size at the smallest zoom, so the overview can centre the building. */
  setBounds(): void {
    const { width, height } = this.world;
    const z = this.minZoom();
    const w = Math.max(width + 2 * MARGIN_PX, this.cam.width / z);
    const h = Math.max(height + 2 * MARGIN_PX, this.cam.height / z);
    this.cam.setBounds(width / 2 - w / 2, height / 2 - h / 2, w, h);
  }

  /** The whole building, centred. */
  fitOverview(animate: boolean): void {
    this.setBounds();
    this.move(this.world.width / 2, this.world.height / 2, this.overviewZoom(), animate);
    this.onOverview = true;
  }

  /** Moves the camera's centre and zoom; a glide unless asked not to or the visitor wants less motion. */
  move(x: number, y: number, zoom: number, animate: boolean, ms = GLIDE_MS): void {
    const cam = this.cam;
    const z = Phaser.Math.Clamp(zoom, this.minZoom(), MAX_ZOOM);
    this.onOverview = false;
    this.glide = undefined;
    if (!animate || this.options.reducedMotion()) {
      cam.setZoom(z);
      cam.centerOn(x, y);
      return;
    }
    this.glide = { from: { x: cam.midPoint.x, y: cam.midPoint.y, zoom: cam.zoom }, to: { x, y, zoom: z }, start: performance.now(), ms };
  }

  /** One frame of a glide. A followed agent keeps the centre: the glide then only zooms. */
  step(now: number): void {
    const g = this.glide;
    if (!g) return;
    const t = Math.min(1, (now - g.start) / g.ms);
    const e = 0.5 - Math.cos(Math.PI * t) / 2; // sine ease in and out
    this.cam.setZoom(g.from.zoom + (g.to.zoom - g.from.zoom) * e);
    if (!this.options.following()) this.cam.centerOn(g.from.x + (g.to.x - g.from.x) * e, g.from.y + (g.to.y - g.from.y) * e);
    if (t >= 1) this.glide = undefined;
  }

  get moving(): boolean {
    return this.glide !== undefined;
  }

  /** The zoom the camera is at, or is gliding to. */
  targetZoom(): number {
    return this.glide?.to.zoom ?? this.cam.zoom;
  }

  /** The visitor took the camera: no opening glide, no overview, no glide under way. */
  take(): void {
    this.touched = true;
    this.onOverview = false;
    this.glide = undefined;
  }

  /** Zooms keeping the world point under (x, y) on the canvas where it was. */
  zoomAt(x: number, y: number, zoom: number): void {
    const cam = this.cam;
    this.take();
    // The camera zooms about its centre: the world point under (x, y) is scroll + half + (x − half) / zoom.
    const halfW = cam.width / 2;
    const halfH = cam.height / 2;
    const worldX = cam.scrollX + halfW + (x - halfW) / cam.zoom;
    const worldY = cam.scrollY + halfH + (y - halfH) / cam.zoom;
    cam.setZoom(Phaser.Math.Clamp(zoom, this.minZoom(), MAX_ZOOM));
    if (!this.options.following()) cam.setScroll(worldX - halfW - (x - halfW) / cam.zoom, worldY - halfH - (y - halfH) / cam.zoom);
  }

  /** Pans by a share of the screen (keyboard arrows). */
  panBy(dxScreens: number, dyScreens: number): void {
    const cam = this.cam;
    this.take();
    cam.setScroll(cam.scrollX + (dxScreens * cam.width) / cam.zoom, cam.scrollY + (dyScreens * cam.height) / cam.zoom);
  }
}
