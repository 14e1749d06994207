import type { PatientId } from '../schema/ids';
import type { Lang } from '../schema/common';
import type { Snapshot } from '../sim/snapshot';
import type { Room } from '../sim/layout';
import type { CharacterId } from './art/characters';
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
  patientLook(id: PatientId): CharacterId;
  staffLook(id: string, role: string): CharacterId;
  /** Click on an agent (or on nothing). */
  select(id: string | undefined): void;
  /** Where the speech bubbles go: an element laid over the canvas. */
  overlay: HTMLElement;
  /** The visitor asked for less motion: the camera jumps instead of gliding, bubbles do not fade. */
  reducedMotion(): boolean;
  /** Milliseconds the opening overview holds before the camera glides to the busiest scene; none: it stays. */
  openingGlideMs?: number;
  /** The camera moved or zoomed (its zoom and whether it shows the whole building), for the page's controls. */
  cameraChanged?(view: CameraView): void;
}

/** What the camera shows, for the page's controls and the test hook. */
export interface CameraView {
  zoom: number;
  /** Zoom at which the whole building fits the canvas. */
  overviewZoom: number;
  /** The camera is on the overview (the whole building), not on a scene the visitor or the opening glide chose. */
  overview: boolean;
  following: string | undefined;
  /** The world point (pixels) at the centre of the canvas. */
  x: number;
  y: number;
  /** A glide (pan or zoom) is under way. */
  moving: boolean;
}
