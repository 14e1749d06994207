import { hex, Raster, shade, type Rgba } from './raster';

/** One character frame: 16 × 24 pixels, feet at the bottom. */
export const FRAME_W = 16;
export const FRAME_H = 24;
/** Directions in sheet order; each has FRAMES_PER_DIRECTION frames: standing, left step, right step. */
export const DIRECTIONS = ['down', 'left', 'right', 'up'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const FRAMES_PER_DIRECTION = 3;
export const FRAMES_PER_ROW = DIRECTIONS.length * FRAMES_PER_DIRECTION;

type Outfit = 'coat' | 'scrubs' | 'gown' | 'pharmacist';
interface Look {
  outfit: Outfit;
  /** Main cloth colour (scrubs, gown) and the shirt under a coat. */
  cloth: string;
  skin: string;
  hair: string;
  long: boolean;
  child: boolean;
  cap?: boolean;
  mask?: boolean;
  bald?: boolean;
}

const SKIN = ['#f6d3b3', '#e8b88f', '#c98e62', '#8d5a3b'] as const;

/**
 * The cast, one sheet row each. Staff first (the renderer picks by role), then patients in
 * gowns by age and sex, with skin and hair varied so a crowded waiting room looks like people.
 */
export const CHARACTERS = {
  'doctor-m': { outfit: 'coat', cloth: '#5b8dd6', skin: SKIN[1], hair: '#2b2222', long: false, child: false },
  'doctor-f': { outfit: 'coat', cloth: '#c45b7a', skin: SKIN[0], hair: '#6b4226', long: true, child: false },
  'doctor-m2': { outfit: 'coat', cloth: '#6aa84f', skin: SKIN[3], hair: '#1c1515', long: false, child: false },
  'doctor-f2': { outfit: 'coat', cloth: '#8e6cc9', skin: SKIN[2], hair: '#2b2222', long: true, child: false },
  'nurse-f': { outfit: 'scrubs', cloth: '#e98fb0', skin: SKIN[0], hair: '#2b2222', long: true, child: false, cap: true },
  'nurse-m': { outfit: 'scrubs', cloth: '#4fb3b0', skin: SKIN[2], hair: '#1c1515', long: false, child: false, cap: true },
  examiner: { outfit: 'scrubs', cloth: '#6cbf6a', skin: SKIN[1], hair: '#4a3322', long: false, child: false, mask: true },
  pharmacist: { outfit: 'pharmacist', cloth: '#3f9d6a', skin: SKIN[0], hair: '#d9b15f', long: true, child: false },
  'patient-man': { outfit: 'gown', cloth: '#9cc7e8', skin: SKIN[1], hair: '#2b2222', long: false, child: false },
  'patient-woman': { outfit: 'gown', cloth: '#f0b8c8', skin: SKIN[0], hair: '#6b4226', long: true, child: false },
  'patient-man2': { outfit: 'gown', cloth: '#a8d8b0', skin: SKIN[3], hair: '#1c1515', long: false, child: false },
  'patient-woman2': { outfit: 'gown', cloth: '#c7b8f0', skin: SKIN[2], hair: '#2b2222', long: true, child: false },
  'patient-old-man': { outfit: 'gown', cloth: '#9cc7e8', skin: SKIN[0], hair: '#c9c9d0', long: false, child: false, bald: true },
  'patient-old-woman': { outfit: 'gown', cloth: '#f3d29b', skin: SKIN[1], hair: '#dcdce2', long: true, child: false },
  'patient-boy': { outfit: 'gown', cloth: '#9cc7e8', skin: SKIN[1], hair: '#2b2222', long: false, child: true },
  'patient-girl': { outfit: 'gown', cloth: '#f7c6d9', skin: SKIN[0], hair: '#6b4226', long: true, child: true },
} as const satisfies Record<string, Look>;
export type CharacterId = keyof typeof CHARACTERS;
export const CHARACTER_IDS = Object.keys(CHARACTERS) as CharacterId[];

const OUT = hex('#2a2333');
const EYE = hex('#2a2333');
const SHOE = hex('#3a2e2e');
const TROUSERS = hex('#3b4a6b');
const COAT = hex('#f4f6f8');

/** Draws one facing-left or facing-down/up frame; right is the left frame mirrored. */
function drawFrame(look: Look, dir: Exclude<Direction, 'right'>, step: number): Raster {
  const r = new Raster(FRAME_W, FRAME_H);
  const skin = hex(look.skin);
  const hair = hex(look.hair);
  const cloth = hex(look.cloth);
  const top = look.child ? 6 : 2; // children are shorter: everything starts lower
  const headY = top;
  const bodyY = top + 8;
  const bodyH = look.child ? 6 : 8;
  const legY = bodyY + bodyH;
  const legH = FRAME_H - 2 - legY;
  const main: Rgba = look.outfit === 'coat' || look.outfit === 'pharmacist' ? COAT : cloth;
  const side = dir === 'left';

  // legs first (the body overlaps their top)
  const legColour: Rgba = look.outfit === 'gown' ? skin : look.outfit === 'scrubs' ? shade(cloth, 0.85) : TROUSERS;
  if (side) {
    const fwd = step === 1 ? -1 : step === 2 ? 1 : 0;
    r.rect(6 + fwd, legY, 2, legH, legColour);
    r.rect(8 - fwd, legY, 2, legH, shade(legColour, 0.85));
    r.rect(5 + fwd, legY + legH, 3, 1, SHOE);
    r.rect(8 - fwd, legY + legH, 3, 1, SHOE);
  } else {
    const lift = (leg: number): number => (step === leg ? 1 : 0);
    r.rect(5, legY, 2, legH - lift(1), legColour);
    r.rect(9, legY, 2, legH - lift(2), legColour);
    r.rect(5, legY + legH - lift(1), 2, 1, SHOE);
    r.rect(9, legY + legH - lift(2), 2, 1, SHOE);
  }

  // body
  const bodyX = side ? 5 : 4;
  const bodyW = side ? 6 : 8;
  const hem = look.outfit === 'coat' || look.outfit === 'gown' || look.outfit === 'pharmacist' ? 2 : 0;
  r.rect(bodyX, bodyY, bodyW, bodyH + hem, main);
  r.hline(bodyX, bodyX + bodyW - 1, bodyY + bodyH + hem - 1, shade(main, 0.85));
  if ((look.outfit === 'coat' || look.outfit === 'pharmacist') && dir === 'down') {
    r.rect(7, bodyY, 2, 4, cloth); // shirt or tie between the lapels
    if (look.outfit === 'coat') {
      r.px(5, bodyY + 1, hex('#4a4f57')); // stethoscope
      r.px(10, bodyY + 1, hex('#4a4f57'));
      r.px(6, bodyY + 3, hex('#4a4f57'));
      r.px(9, bodyY + 3, hex('#4a4f57'));
      r.px(9, bodyY + 4, hex('#9aa3ad'));
    } else r.rect(5, bodyY + 4, 2, 1, hex('#3f9d6a')); // name badge
  }
  if (look.outfit === 'gown' && dir !== 'up') {
    r.px(bodyX + 1, bodyY + 3, shade(main, 0.8)); // gown print
    r.px(bodyX + bodyW - 2, bodyY + 5, shade(main, 0.8));
  }
  if (look.outfit === 'scrubs' && dir === 'down') r.rect(7, bodyY, 2, 2, shade(cloth, 0.8)); // V-neck

  // arms, swinging opposite the legs
  const armColour = main;
  if (side) {
    const swing = step === 1 ? 1 : step === 2 ? -1 : 0;
    r.rect(7 + swing, bodyY + 1, 2, bodyH - 2, shade(armColour, 0.92));
    r.px(7 + swing, bodyY + bodyH - 1, skin);
    r.px(8 + swing, bodyY + bodyH - 1, skin);
  } else {
    const up = (arm: number): number => (step === arm ? 1 : 0);
    r.rect(3, bodyY + 1 - up(2), 1, bodyH - 2, armColour);
    r.rect(12, bodyY + 1 - up(1), 1, bodyH - 2, armColour);
    r.px(3, bodyY + bodyH - 1 - up(2), skin);
    r.px(12, bodyY + bodyH - 1 - up(1), skin);
  }

  // head
  r.rect(4, headY, 8, 8, skin);
  if (dir === 'up') r.rect(4, headY, 8, look.long ? 9 : 7, hair);
  else if (look.bald) {
    r.rect(4, headY + 2, 1, 4, hair);
    r.rect(11, headY + 2, 1, 4, hair);
  } else {
    r.rect(4, headY, 8, 2, hair);
    if (dir === 'down') {
      r.rect(4, headY + 2, 1, look.long ? 7 : 2, hair);
      r.rect(11, headY + 2, 1, look.long ? 7 : 2, hair);
      r.px(5, headY + 2, hair);
    } else {
      r.rect(8, headY + 1, 4, look.long ? 8 : 5, hair); // back of the head
    }
  }
  if (dir === 'down') {
    r.px(6, headY + 4, EYE);
    r.px(9, headY + 4, EYE);
    r.px(5, headY + 5, shade(skin, 0.92));
    r.px(10, headY + 5, shade(skin, 0.92));
    if (look.mask) r.rect(5, headY + 5, 6, 3, hex('#b9e0f0'));
    else r.hline(7, 8, headY + 6, shade(skin, 0.8));
  } else if (dir === 'left') {
    r.px(5, headY + 4, EYE);
    r.px(3, headY + 5, skin); // nose
    if (look.mask) r.rect(3, headY + 5, 4, 3, hex('#b9e0f0'));
  }
  if (look.cap) {
    r.rect(4, headY - 1, 8, 2, COAT);
    if (dir === 'down') r.px(7, headY - 1, hex('#d9534f'));
  }

  r.outline(OUT);
  // a soft shadow on the floor, under the outline
  const shadow = new Raster(FRAME_W, FRAME_H);
  shadow.ellipse(3, FRAME_H - 3, 10, 3, [0, 0, 0, 70]);
  shadow.blit(r, 0, 0);
  return shadow;
}

function frameOf(look: Look, dir: Direction, step: number): Raster {
  return dir === 'right' ? drawFrame(look, 'left', step).mirrored() : drawFrame(look, dir, step);
}

/** The character sheet: one row per CHARACTER_IDS entry, FRAMES_PER_ROW frames of FRAME_W × FRAME_H. */
export function drawCharacterSheet(): Raster {
  const sheet = new Raster(FRAMES_PER_ROW * FRAME_W, CHARACTER_IDS.length * FRAME_H);
  CHARACTER_IDS.forEach((id, row) => {
    DIRECTIONS.forEach((dir, d) => {
      for (let step = 0; step < FRAMES_PER_DIRECTION; step++)
        sheet.blit(frameOf(CHARACTERS[id], dir, step), (d * FRAMES_PER_DIRECTION + step) * FRAME_W, row * FRAME_H);
    });
  });
  return sheet;
}

/** Index of a frame in the sheet (Phaser's spritesheet frame numbering: left to right, top to bottom). */
export function frameIndex(character: CharacterId, dir: Direction, step: number): number {
  return CHARACTER_IDS.indexOf(character) * FRAMES_PER_ROW + DIRECTIONS.indexOf(dir) * FRAMES_PER_DIRECTION + step;
}
