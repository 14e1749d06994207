import PF from 'pathfinding';
import type { Layout, Point } from './layout';

/**
 * Walking routes on the hospital grid: A* from PathFinding.js (synchronous, deterministic), four
 * directions so agents walk corridors rather than cut corners. Routes between fixed spots are
 * cached: the same few hundred journeys are walked over and over.
 */
export class Paths {
  private readonly grid: PF.Grid;
  private readonly finder = new PF.AStarFinder({ diagonalMovement: PF.DiagonalMovement.Never });
  private readonly cache = new Map<string, readonly Point[]>();

  constructor(readonly layout: Layout) {
    const matrix: number[][] = [];
    for (let y = 0; y < layout.height; y++) {
      const row: number[] = [];
      for (let x = 0; x < layout.width; x++) row.push(layout.blocked[y * layout.width + x] as number);
      matrix.push(row);
    }
    this.grid = new PF.Grid(matrix);
  }

  /** Tiles from `from` to `to`, both included; empty when there is no way through. */
  route(from: Point, to: Point): readonly Point[] {
    const key = `${from.x},${from.y}>${to.x},${to.y}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const raw = this.finder.findPath(from.x, from.y, to.x, to.y, this.grid.clone());
    const path = raw.map(([x, y]) => ({ x: x as number, y: y as number }));
    this.cache.set(key, path);
    return path;
  }
}
