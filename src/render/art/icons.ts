import { hex, Raster } from './raster';

/** Patient state icons, 8 × 8, drawn over a patient's head. */
export const ICON_SIZE = 8;
export const ICONS = ['waiting', 'exam', 'pharmacy', 'severe', 'talking', 'doctor'] as const;
export type IconId = (typeof ICONS)[number];

const OUT = hex('#2a2333');
const WHITE = hex('#ffffff');

function badge(r: Raster, x: number, bg: string): void {
  r.ellipse(x, 0, 8, 8, hex(bg));
}

/** The icon strip: ICONS in order, left to right. */
export function drawIcons(): Raster {
  const r = new Raster(ICONS.length * ICON_SIZE, ICON_SIZE);
  // waiting: an hourglass on amber
  badge(r, 0, '#f2c14e');
  r.hline(2, 5, 1, OUT);
  r.hline(2, 5, 6, OUT);
  r.hline(3, 4, 2, WHITE);
  r.hline(3, 4, 3, OUT);
  r.hline(3, 4, 4, OUT);
  r.hline(3, 4, 5, WHITE);
  // exam: a magnifier on blue
  badge(r, 8, '#4f86c6');
  r.rect(10, 2, 3, 3, WHITE);
  r.px(13, 5, WHITE);
  r.px(14, 6, WHITE);
  // pharmacy: a pill on green
  badge(r, 16, '#3f9d6a');
  r.rect(18, 3, 2, 2, WHITE);
  r.rect(20, 3, 2, 2, hex('#e98fb0'));
  // severe: a white exclamation mark on red
  badge(r, 24, '#d9534f');
  r.vline(27, 1, 4, WHITE);
  r.vline(28, 1, 4, WHITE);
  r.rect(27, 6, 2, 1, WHITE);
  // talking: three dots on white
  badge(r, 32, '#ffffff');
  r.px(34, 4, OUT);
  r.px(36, 4, OUT);
  r.px(38, 4, OUT);
  // doctor: a red cross on white
  badge(r, 40, '#ffffff');
  r.rect(43, 2, 2, 4, hex('#d9534f'));
  r.rect(42, 3, 4, 2, hex('#d9534f'));
  return r;
}
