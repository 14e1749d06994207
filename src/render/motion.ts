import type { Direction } from './art/characters';
import type { IconId } from './art/icons';
import type { Snapshot } from '../sim/snapshot';
import { TILE_SIZE } from './art/tiles';
import { parseService } from '../sim/services';

/** Tile coordinates (fractional) to the world pixel where a walker's feet are (2 px above the tile's bottom). */
export function feetOf(tx: number, ty: number): { x: number; y: number } {
  return { x: (tx + 0.5) * TILE_SIZE, y: (ty + 1) * TILE_SIZE - 2 };
}

/**
 * Which way a walker faces after moving by (dx, dy) tiles: the larger axis wins; standing
 * still keeps the previous facing so people do not snap to face the camera when they stop.
 */
export function facing(dx: number, dy: number, previous: Direction): Direction {
  if (Math.abs(dx) < 1e-6 && Math.abs(dy) < 1e-6) return previous;
  if (Math.abs(dx) >= Math.abs(dy)) return dx > 0 ? 'right' : 'left';
  return dy > 0 ? 'down' : 'up';
}

/** Tiles walked per step of the walk cycle: a stride of half a tile reads well at 16 px. */
export const STRIDE_TILES = 0.5;

/**
 * Frame within a direction for a walker that has covered `walked` tiles: the cycle is stand,
 * left step, stand, right step (frames 0, 1, 0, 2). A standing walker shows frame 0.
 */
export function walkFrame(walked: number, moving: boolean): 0 | 1 | 2 {
  if (!moving) return 0;
  const phase = Math.floor(walked / STRIDE_TILES) % 4;
  return phase === 1 ? 1 : phase === 3 ? 2 : 0;
}

type PatientView = Snapshot['patients'][number];

/**
 * The little icon over a patient: red when the doctor judged it severe, a pill on the way to or
 * at the pharmacy, a magnifier in an examination, an hourglass while waiting for a turn or a
 * result, nothing while walking elsewhere or with the doctor.
 */
export function stateIcon(p: Pick<PatientView, 'stage' | 'at' | 'severe'>): IconId | undefined {
  if (p.severe) return 'severe';
  if (p.at === 'pharmacy') return 'pharmacy';
  const service = p.at === undefined ? undefined : parseService(p.at).kind;
  if (service === 'exam' && (p.stage === 'in-service' || p.stage === 'to-service')) return 'exam';
  if (p.stage === 'consulting' || p.stage === 'awaiting-brain') return 'talking';
  if (p.stage === 'queued' || p.stage === 'waiting-result' || (p.stage === 'to-queue' && service === 'consult')) return 'waiting';
  return undefined;
}
