import type { HospitalScene } from '../../render/HospitalScene';
import type { HospitalRun } from './hospitalRun';

/**
 * `window.__hospital`: a read-only window on the running world for the end-to-end tests
 * (tests/browser/world.test.ts) and the render benchmark. Everything it returns is plain data
 * copied out of the world; the only levers are the ones the time controls already offer
 * (speed, pause) plus admitting a patient, as a drill would.
 *
 * - events(since?)  sim events so far: { seq, time, type, payload }
 * - snapshot()      the sim snapshot (positions, stages, queues, stats)
 * - sprites()       where each agent is drawn: { id, kind, x, y, tileX, tileY, frame }
 * - rooms()         room rectangles in tiles: { name, kind, department, x, y, width, height }
 * - screenOf(id)    page coordinates of an agent, to click it
 * - signs()         the room signs' text; bubbles(): the speech bubbles' text
 * - setSpeed(m)     sim minutes per real second; pause(), play(), admit(); streamed()
 * - frameTimes()    the scene's recent update times in ms; stepTimes(): whole frames (update and render)
 * - track(id), trail(id)  start recording where an agent is drawn every animation frame, and read it
 * - camera()        the camera's zoom, the zoom that fits the whole building, and whether it shows the overview
 */
export interface HospitalHook {
  events(since?: number): { seq: number; time: number; type: string; payload: unknown }[];
  snapshot(): unknown;
  sprites(): ReturnType<HospitalScene['spritePositions']>;
  rooms(): { name: string; kind: string; department?: string; x: number; y: number; width: number; height: number }[];
  screenOf(id: string): { x: number; y: number } | undefined;
  signs(): string[];
  bubbles(): { speaker: string; text: string }[];
  setSpeed(minutesPerSecond: number): void;
  pause(): void;
  play(): void;
  admit(): string;
  /** Patient replies the model streamed into bubbles: how many, and the last (with how many times it grew). */
  streamed(): { count: number; last: { patient: string; text: string; updates: number } | undefined };
  frameTimes(): number[];
  stepTimes(): number[];
  simTimes(): number[];
  renderer(): string;
  follow(id: string | undefined): void;
  track(id: string): void;
  trail(id: string): { tileX: number; tileY: number; x: number; y: number }[];
  camera(): ReturnType<HospitalScene['cameraView']>;
}

declare global {
  interface Window {
    __hospital?: HospitalHook;
  }
}

/** Samples kept per tracked agent (a journey at test speed is a few hundred frames). */
const TRAIL_LIMIT = 20_000;

export function installHook(run: HospitalRun, scene: HospitalScene, overlay: HTMLElement, stepTimes: readonly number[] = []): () => void {
  const trails = new Map<string, { tileX: number; tileY: number; x: number; y: number }[]>();
  let raf = 0;
  const sample = (): void => {
    for (const s of scene.spritePositions()) {
      const t = trails.get(s.id);
      if (t && t.length < TRAIL_LIMIT) t.push({ tileX: s.tileX, tileY: s.tileY, x: s.x, y: s.y });
    }
    raf = requestAnimationFrame(sample);
  };
  const hook: HospitalHook = {
    events: (since = 0) =>
      run.log
        .filter((e) => e.seq > since)
        .map((e) => ({ seq: e.seq, time: e.time, type: e.event.type, payload: structuredClone(e.event.payload) })),
    snapshot: () => structuredClone(run.sim.snapshot()),
    sprites: () => scene.spritePositions(),
    rooms: () =>
      [...run.sim.world.layout.rooms.values()].map((r) => ({
        name: r.name,
        kind: r.kind,
        ...(r.department ? { department: r.department } : {}),
        x: r.x,
        y: r.y,
        width: r.width,
        height: r.height,
      })),
    screenOf: (id) => scene.screenOf(id),
    signs: () => scene.signTexts(),
    bubbles: () =>
      [...overlay.querySelectorAll<HTMLElement>('.bubble')].map((b) => ({
        speaker: b.dataset['speaker'] ?? '',
        text: b.textContent ?? '',
      })),
    setSpeed: (m) => void (run.minutesPerSecond = Math.max(0, Math.min(600, m))),
    pause: () => void (run.paused = true),
    play: () => void (run.paused = false),
    admit: () => run.admit(),
    streamed: () => ({ count: run.streamedReplies, last: run.lastStreamed }),
    frameTimes: () => [...scene.frameTimes],
    stepTimes: () => [...stepTimes],
    simTimes: () => [...scene.simTimes],
    renderer: () => (scene.game.renderer.type === 2 ? 'webgl' : 'canvas'),
    follow: (id) => scene.follow(id),
    track: (id) => {
      trails.set(id, []);
      if (!raf) raf = requestAnimationFrame(sample);
    },
    trail: (id) => [...(trails.get(id) ?? [])],
    camera: () => scene.cameraView(),
  };
  window.__hospital = hook;
  return () => {
    cancelAnimationFrame(raf);
    if (window.__hospital === hook) delete window.__hospital;
  };
}
