/**
 * `npm run soak` sets SOAK=1: the reliability suites then run their long forms (10,000 chaotic
 * consultations, twenty kills, a compressed hour of the kiosk) instead of the short ones `npm test` runs.
 */
export const SOAK = process.env['SOAK'] === '1';
