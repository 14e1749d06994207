/**
 * Where the camera looks: pure arithmetic over the snapshot and the screen, so the scene stays
 * thin and the choices can be tested in Node.
 */

/** Below this zoom the signs are redrawn larger and bubbles shrink to dots, so neither piles up. */
export const READABLE_ZOOM = 1.2;
/** Share of the screen the whole building fills in the overview: a thin margin of floor around it. */
const OVERVIEW_FILL = 0.96;
/**
 * Zoom of a close look (the busiest scene, a room, someone followed): people are 24×36 screen
 * pixels and bubbles show their words (above the scene's readable zoom, 1.2), yet a consulting
 * room, its corridor and the next rooms fit a laptop's canvas.
 */
const SCENE_ZOOM = 1.5;
/** The busiest scene shows at least this many tiles across, so a queue and its doctor fit. */
const SCENE_MIN_TILES = 14;

/** The zoom at which a world of `worldW` × `worldH` pixels fits a screen of `viewW` × `viewH`. */
export function fitZoom(viewW: number, viewH: number, worldW: number, worldH: number): number {
  if (viewW <= 0 || viewH <= 0 || worldW <= 0 || worldH <= 0) return 1;
  return Math.min(viewW / worldW, viewH / worldH) * OVERVIEW_FILL;
}

/** Zoom of the busiest scene on this screen: close, but never so close that fewer than SCENE_MIN_TILES show across. */
export function sceneZoom(viewW: number, viewH: number, tilePx: number): number {
  const fitsTiles = Math.min(viewW, viewH) / (SCENE_MIN_TILES * tilePx);
  return Math.max(Math.min(SCENE_ZOOM, fitsTiles), 0.5);
}

/**
 * The busiest scene: the window of `spanX` × `spanY` tiles that holds the most weight of people
 * (patients are the story and weigh more than staff at their posts), and their weighted centre
 * (in tiles). Ties go to the earlier person, so the same snapshot always gives the same place.
 * Undefined when nobody is inside.
 */
export function busiestSpot(
  people: readonly { fx: number; fy: number; weight?: number }[],
  spanX: number,
  spanY: number,
): { x: number; y: number; score: number } | undefined {
  let best: { x: number; y: number; score: number } | undefined;
  for (const centre of people) {
    let n = 0;
    let sx = 0;
    let sy = 0;
    for (const p of people)
      if (Math.abs(p.fx - centre.fx) <= spanX / 2 && Math.abs(p.fy - centre.fy) <= spanY / 2) {
        const w = p.weight ?? 1;
        n += w;
        sx += p.fx * w;
        sy += p.fy * w;
      }
    if (n > 0 && (!best || n > best.score)) best = { x: sx / n, y: sy / n, score: n };
  }
  return best;
}

/** Screen pixels the overview's sign text aims for (it shrinks to fit its room when a name is long). */
const OVERVIEW_SIGN_PX = 11;
/** Sign sizes beyond the map's own (1): a few steps, so zooming redraws the signs a handful of times, not every frame. */
const SIGN_STEPS = [1.25, 1.5, 2, 2.5, 3];

/** The sign size for a zoom: as drawn on the map when close; when far, the step whose text is about OVERVIEW_SIGN_PX on screen. */
export function signScale(zoom: number): number {
  if (zoom >= READABLE_ZOOM) return 1;
  const wanted = OVERVIEW_SIGN_PX / 8 / zoom;
  return SIGN_STEPS.find((s) => s >= wanted) ?? (SIGN_STEPS.at(-1) as number);
}
