/**
 * Writes maps/hospital.tmj, the hospital's logical layout as a Tiled map: walls, floors, and
 * object layers for rooms and spots (staff posts, service points, queues, seats, doors).
 * The map is the source of truth once written — open it in Tiled to move things around; this
 * script is how the first layout was made and can make it again.
 * Usage: npx tsx scripts/build-map.ts
 */
import { writeFileSync } from 'node:fs';
import { loadDefaultKnowledge } from '../src/knowledge/nodeFiles';
import { ExamRoom } from '../src/schema/knowledge';
import { drawTileset, gid, TILE_NAMES, TILESET_COLUMNS, type TileName } from '../src/render/art/tiles';

const W = 100;
const H = 60;
const TILE = 16;
/** Any non-zero gid blocks walking; the pass at the end picks wall tops, faces and windows. */
const WALL = gid('wall-top');

const walls = new Array<number>(W * H).fill(WALL);
const carve = (x0: number, y0: number, x1: number, y1: number): void => {
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) walls[y * W + x] = 0;
};

const floorTiles = new Array<number>(W * H).fill(gid('floor-corridor'));
const furniture = new Array<number>(W * H).fill(0);
const paint = (x0: number, y0: number, x1: number, y1: number, tile: TileName): void => {
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) floorTiles[y * W + x] = gid(tile);
};
const put = (x: number, y: number, tile: TileName): void => void (furniture[y * W + x] = gid(tile));

interface Prop {
  name: string;
  type: 'string' | 'int';
  value: string | number;
}
let nextId = 1;
const rooms: object[] = [];
const spots: object[] = [];
const room = (name: string, kind: string, x: number, y: number, w: number, h: number, department?: string): void => {
  const properties: Prop[] = [{ name: 'kind', type: 'string', value: kind }];
  if (department) properties.push({ name: 'department', type: 'string', value: department });
  rooms.push({
    id: nextId++,
    name,
    type: 'room',
    x: x * TILE,
    y: y * TILE,
    width: w * TILE,
    height: h * TILE,
    rotation: 0,
    visible: true,
    properties,
  });
};
const spot = (roomName: string, kind: string, x: number, y: number, order = 0): void => {
  spots.push({
    id: nextId++,
    name: `${roomName}:${kind}${order ? `:${order}` : ''}`,
    type: 'spot',
    point: true,
    x: x * TILE + TILE / 2,
    y: y * TILE + TILE / 2,
    width: 0,
    height: 0,
    rotation: 0,
    visible: true,
    properties: [
      { name: 'kind', type: 'string', value: kind },
      { name: 'room', type: 'string', value: roomName },
      { name: 'order', type: 'int', value: order },
    ],
  });
};

const labels: object[] = [];
/** A sign over a room: a Tiled text object (English for Tiled), `key` for the renderer. */
const label = (key: string, text: string, x: number, y: number, w = 7, h = 1): void => {
  labels.push({
    id: nextId++,
    name: key,
    type: 'sign',
    x: x * TILE,
    y: y * TILE,
    width: w * TILE,
    height: h * TILE,
    rotation: 0,
    visible: true,
    text: { text, wrap: true, pixelsize: 8, halign: 'center' },
    properties: [{ name: 'key', type: 'string', value: key }],
  });
};

/**
 * Furniture that says what a room is for. Rooms are 7×7 inside; the door is in the middle of
 * the wall next to the corridor, the patient's service spot three tiles in and the clinician's
 * post two beyond it, so the desk goes between them and the rest stands along the walls.
 */
function furnishRoom(r: { kind: string; department: string | undefined; rx: number; ry: number; doorBelow: boolean }): void {
  const cx = r.rx + 3;
  const far = r.doorBelow ? r.ry : r.ry + 6; // the wall opposite the door
  const near = r.doorBelow ? r.ry + 6 : r.ry; // the door wall
  const toward = r.doorBelow ? 1 : -1; // one step from the far wall into the room
  const desk = (): void => {
    put(cx - 1, r.ry + 3, 'desk-left');
    put(cx, r.ry + 3, 'desk-computer');
    put(cx + 1, r.ry + 3, 'desk-right');
  };
  const couch = (x: number): void => {
    put(x, far + (r.doorBelow ? 1 : -2), 'couch-head');
    put(x, far + (r.doorBelow ? 2 : -1), 'couch-foot');
  };
  put(r.rx + 6, near, 'plant');
  if (r.kind === 'ward') {
    for (const x of [r.rx + 1, r.rx + 2, r.rx + 5, r.rx + 6]) {
      put(x, r.doorBelow ? r.ry : r.ry + 4, 'bed-head');
      put(x, r.doorBelow ? r.ry + 1 : r.ry + 5, 'bed-foot');
    }
    put(r.rx, near, 'cabinet');
    return;
  }
  if (r.kind === 'consulting') {
    desk();
    couch(r.rx);
    put(r.rx + 5, far, 'bookshelf');
    put(r.rx + 6, far, 'sink');
    put(r.rx + 1, far, 'cabinet');
    put(r.rx, near, 'bin');
    return;
  }
  const room = r.department ?? '';
  const side = r.rx + 5;
  const mid = far + toward * 2;
  switch (room) {
    case 'laboratory':
    case 'pathology':
      for (let x = r.rx; x <= r.rx + 6; x++) put(x, far, x % 2 === 0 ? 'lab-bench' : 'lab-microscope');
      put(r.rx, mid, 'chair');
      put(r.rx + 6, mid, 'chair');
      put(r.rx + 1, near, 'sink');
      break;
    case 'radiology':
    case 'dental-imaging':
      put(side, mid - toward, r.doorBelow ? 'xray-head' : 'xray-foot');
      put(side, mid, r.doorBelow ? 'xray-foot' : 'xray-head');
      put(r.rx + 1, far, 'screen-xray');
      put(r.rx, far, 'lead-apron');
      if (room === 'dental-imaging') put(r.rx + 1, mid, 'dental-chair');
      break;
    case 'ct':
    case 'mri':
    case 'nuclear-medicine':
      put(r.rx + 4, mid, 'scanner-left');
      put(r.rx + 5, mid, 'scanner-right');
      put(r.rx + 1, far, 'desk-computer');
      put(r.rx, far, 'cabinet');
      break;
    case 'ultrasound':
    case 'ecg':
    case 'endoscopy':
    case 'neurophysiology':
    case 'cath-lab':
      couch(side);
      put(side + 1, far + toward, room === 'ultrasound' ? 'ultrasound' : room === 'endoscopy' ? 'endoscopy-tower' : 'ecg-cart');
      put(r.rx, far, 'cabinet');
      put(r.rx + 1, far, 'sink');
      if (room === 'cath-lab') put(r.rx + 2, far, 'screen-xray');
      break;
    case 'eye-clinic':
      put(cx, far, 'eye-chart');
      put(r.rx + 1, mid, 'chair');
      put(r.rx + 6, far, 'cabinet');
      break;
    case 'audiology':
      for (let x = r.rx + 4; x <= r.rx + 6; x++) put(x, far, 'curtain');
      put(r.rx + 5, mid, 'chair');
      put(r.rx, far, 'desk-computer');
      break;
    case 'pulmonary-function':
      put(side, mid, 'chair');
      put(side + 1, mid, 'ecg-cart');
      put(r.rx, far, 'desk-computer');
      break;
    default:
      put(r.rx, far, 'cabinet');
  }
  desk();
}

// Corridors: two east–west corridors and a north–south spine down to the lobby.
carve(2, 11, 97, 13);
carve(2, 32, 97, 34);
carve(47, 11, 52, 47);
// Lobby and the entrance in the south wall.
carve(2, 47, 97, 58);
carve(49, 59, 50, 59);

// Four rows of rooms, five each side of the spine: 40 slots of 9×9 tiles (7×7 inside).
const kb = loadDefaultKnowledge();
const slots: { x0: number; y0: number; doorBelow: boolean }[] = [];
for (const [y0, doorBelow] of [
  [2, true],
  [14, false],
  [23, true],
  [35, false],
] as const) {
  for (let i = 0; i < 5; i++) slots.push({ x0: 2 + 9 * i, y0, doorBelow });
  for (let i = 0; i < 5; i++) slots.push({ x0: 53 + 9 * i, y0, doorBelow });
}
const examRooms = ExamRoom.options.filter((r) => r !== 'consulting-room');
const plan: { name: string; kind: string; department?: string }[] = [
  ...kb.departments.map((d) => ({ name: `consult-${d.id}`, kind: 'consulting', department: d.id as string })),
  ...examRooms.map((r) => ({ name: `exam-${r}`, kind: 'exam', department: r as string })),
];
while (plan.length < slots.length) plan.push({ name: `ward-${plan.length - kb.departments.length - examRooms.length + 1}`, kind: 'ward' });

plan.forEach((p, i) => {
  const { x0, y0, doorBelow } = slots[i] as (typeof slots)[number];
  carve(x0 + 1, y0 + 1, x0 + 7, y0 + 7);
  const doorY = doorBelow ? y0 + 8 : y0;
  carve(x0 + 4, doorY, x0 + 4, doorY);
  room(p.name, p.kind, x0 + 1, y0 + 1, 7, 7, p.department);
  const inner = doorBelow ? -1 : 1; // direction from the door into the room
  spot(p.name, 'door', x0 + 4, doorY);
  spot(p.name, 'service', x0 + 4, doorY + inner * 3);
  spot(p.name, 'post', x0 + 4, doorY + inner * 5);
  if (p.kind === 'ward') for (let b = 0; b < 4; b++) spot(p.name, 'seat', x0 + 2 + b * 1 + (b > 1 ? 2 : 0), doorY + inner * 6, b + 1);
  // Examination queues stand along the corridor beside the door.
  const corridorY = doorBelow ? doorY + 1 : doorY - 1;
  if (p.kind === 'exam')
    for (let q = 1; q <= 4; q++) spot(p.name, 'queue', x0 + 4 + (q % 2 === 1 ? -1 : 1) * Math.ceil(q / 2), corridorY, q);
  furnishRoom({ kind: p.kind, department: p.department, rx: x0 + 1, ry: y0 + 1, doorBelow });
  label(
    p.kind === 'consulting' ? `department:${p.department}` : p.kind === 'exam' ? `exam:${p.department}` : 'place:ward',
    p.kind === 'consulting' || p.kind === 'exam' ? (p.department as string) : 'ward',
    x0 + 1,
    y0 + 1,
  );
  paint(
    x0 + 1,
    y0 + 1,
    x0 + 7,
    y0 + 7,
    p.kind === 'consulting'
      ? 'floor-consult'
      : p.kind === 'ward'
        ? 'floor-ward'
        : p.department === 'laboratory' || p.department === 'pathology'
          ? 'floor-lab'
          : 'floor-exam',
  );
  paint(x0 + 4, doorY, x0 + 4, doorY, 'doorway');
});

// The lobby: entrance, triage desk, registration, waiting seats, pharmacy.
room('lobby', 'lobby', 2, 47, 96, 12);
spot('lobby', 'entrance', 49, 58);
spot('lobby', 'exit', 50, 58);
const desk = (name: string, kind: string, x: number): void => {
  room(name, kind, x - 3, 48, 7, 4);
  spot(name, 'post', x, 48);
  spot(name, 'service', x, 50);
  for (let q = 1; q <= 8; q++) spot(name, 'queue', x, 50 + q, q);
};
desk('triage', 'triage', 42);
desk('registration', 'registration', 57);
room('waiting', 'waiting', 10, 50, 26, 8);
let seat = 1;
for (let y = 51; y <= 57; y += 2) for (let x = 11; x <= 34; x += 2) spot('waiting', 'seat', x, y, seat++);
room('pharmacy', 'pharmacy', 72, 48, 20, 10);
spot('pharmacy', 'post', 82, 48);
spot('pharmacy', 'service', 82, 50);
for (let q = 1; q <= 7; q++) spot('pharmacy', 'queue', 82, 50 + q, q);

// Lobby floors and furniture.
paint(2, 47, 97, 58, 'floor-lobby');
paint(10, 50, 35, 57, 'floor-waiting');
paint(72, 48, 91, 57, 'floor-pharmacy');
paint(39, 48, 45, 51, 'floor-triage');
paint(54, 48, 60, 51, 'floor-triage');
paint(49, 58, 50, 59, 'doormat');
for (const x of [40, 41, 43, 44]) put(x, 49, x === 40 ? 'desk-left' : x === 44 ? 'desk-right' : 'desk-mid');
put(42, 49, 'desk-computer');
for (const x of [55, 56, 58, 59]) put(x, 49, x === 55 ? 'desk-left' : x === 59 ? 'desk-right' : 'desk-mid');
put(57, 49, 'desk-computer');
for (let x = 73; x <= 91; x++) put(x, 47, x % 3 === 0 ? 'shelf-boxes' : 'shelf-drugs');
for (let x = 76; x <= 88; x++) put(x, 49, x === 82 ? 'desk-computer' : x === 76 ? 'desk-left' : x === 88 ? 'desk-right' : 'counter');
for (let y = 51; y <= 57; y += 2) for (let x = 11; x <= 34; x += 2) put(x, y, 'chair');
for (const [x, y] of [
  [10, 50],
  [35, 50],
  [3, 57],
  [96, 57],
  [46, 48],
  [53, 48],
  [71, 48],
  [92, 48],
  [3, 48],
] as const)
  put(x, y, 'plant');
put(36, 57, 'water-cooler');
put(9, 57, 'bin');
put(96, 48, 'water-cooler');
label('place:triage', 'triage', 39, 47, 7);
label('place:registration', 'registration', 54, 47, 7);
label('place:waiting', 'waiting', 10, 50, 26);
label('place:pharmacy', 'pharmacy', 72, 46, 20, 1);

// Walls: a face where the floor is below (the wall seen from the front), else the top.
for (let y = 0; y < H; y++)
  for (let x = 0; x < W; x++) {
    if (!walls[y * W + x]) continue;
    const below = y + 1 < H && !walls[(y + 1) * W + x];
    if (!below) continue;
    const inLobby = y === 46;
    const decor: TileName =
      inLobby && x % 12 === 6
        ? 'wall-window'
        : inLobby && x % 24 === 0
          ? 'wall-cross'
          : inLobby && x % 24 === 12
            ? 'wall-board'
            : y === 10 || y === 31
              ? x % 9 === 0
                ? 'wall-window'
                : 'wall-face'
              : 'wall-face';
    walls[y * W + x] = gid(decor);
  }

const tileset = drawTileset();
const map = {
  type: 'map',
  version: '1.10',
  tiledversion: '1.10.2',
  orientation: 'orthogonal',
  renderorder: 'right-down',
  width: W,
  height: H,
  tilewidth: TILE,
  tileheight: TILE,
  infinite: false,
  nextlayerid: 7,
  nextobjectid: nextId,
  // Embedded tileset: the image npm run assets draws (scripts/build-assets.ts).
  tilesets: [
    {
      firstgid: 1,
      name: 'hospital',
      tilewidth: TILE,
      tileheight: TILE,
      tilecount: TILE_NAMES.length,
      columns: TILESET_COLUMNS,
      image: '../assets/art/tiles.png',
      imagewidth: tileset.width,
      imageheight: tileset.height,
      margin: 0,
      spacing: 0,
    },
  ],
  layers: [
    { id: 1, name: 'floor', type: 'tilelayer', width: W, height: H, x: 0, y: 0, opacity: 1, visible: true, data: floorTiles },
    { id: 2, name: 'walls', type: 'tilelayer', width: W, height: H, x: 0, y: 0, opacity: 1, visible: true, data: walls },
    { id: 3, name: 'rooms', type: 'objectgroup', x: 0, y: 0, opacity: 1, visible: true, draworder: 'topdown', objects: rooms },
    { id: 4, name: 'spots', type: 'objectgroup', x: 0, y: 0, opacity: 1, visible: true, draworder: 'topdown', objects: spots },
    // Drawn above the floor and below people; decoration only (walking is decided by walls).
    { id: 5, name: 'furniture', type: 'tilelayer', width: W, height: H, x: 0, y: 0, opacity: 1, visible: true, data: furniture },
    // Room signs: `key` names what the sign says; the renderer writes it in the reader's language.
    { id: 6, name: 'labels', type: 'objectgroup', x: 0, y: 0, opacity: 1, visible: true, draworder: 'topdown', objects: labels },
  ],
};
writeFileSync(new URL('../maps/hospital.tmj', import.meta.url), `${JSON.stringify(map)}\n`);
console.log(`maps/hospital.tmj: ${W}×${H} tiles, ${rooms.length} rooms, ${spots.length} spots`);
