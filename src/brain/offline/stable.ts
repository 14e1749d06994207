/**
 * JavaScript engines may differ in the last bit of Math.log, Math.exp and fractional powers
 * (Node's V8 and the browser's do), and a doctor's choices between near-equal options would then
 * differ between the page's worker and the command line. Every transcendental result the doctor
 * decides by is kept to 2⁻³⁰ (about 1e-9): far finer than any clinical difference, coarse enough
 * that both engines land on the same value. Same seed, same event log, everywhere.
 */
const GRID = 2 ** 30;

export function stable(x: number): number {
  return Number.isFinite(x) ? Math.round(x * GRID) / GRID : x;
}
