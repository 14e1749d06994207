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

const W = 100;
const H = 60;
const TILE = 16;
const FLOOR = 1;
const WALL = 2;

const walls = new Array<number>(W * H).fill(WALL);
const carve = (x0: number, y0: number, x1: number, y1: number): void => {
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) walls[y * W + x] = 0;
};

interface Prop { name: string; type: 'string' | 'int'; value: string | number }
let nextId = 1;
const rooms: object[] = [];
const spots: object[] = [];
const room = (name: string, kind: string, x: number, y: number, w: number, h: number, department?: string): void => {
  const properties: Prop[] = [{ name: 'kind', type: 'string', value: kind }];
  if (department) properties.push({ name: 'department', type: 'string', value: department });
  rooms.push({ id: nextId++, name, type: 'room', x: x * TILE, y: y * TILE, width: w * TILE, height: h * TILE, rotation: 0, visible: true, properties });
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
for (const [y0, doorBelow] of [[2, true], [14, false], [23, true], [35, false]] as const) {
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
  if (p.kind === 'exam') for (let q = 1; q <= 4; q++) spot(p.name, 'queue', x0 + 4 + (q % 2 === 1 ? -1 : 1) * Math.ceil(q / 2), corridorY, q);
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
  nextlayerid: 5,
  nextobjectid: nextId,
  tilesets: [{ firstgid: 1, name: 'hospital', tilewidth: TILE, tileheight: TILE, tilecount: 2, columns: 2, image: '../assets/tiles/hospital.png', imagewidth: 32, imageheight: 16, margin: 0, spacing: 0 }],
  layers: [
    { id: 1, name: 'floor', type: 'tilelayer', width: W, height: H, x: 0, y: 0, opacity: 1, visible: true, data: new Array<number>(W * H).fill(FLOOR) },
    { id: 2, name: 'walls', type: 'tilelayer', width: W, height: H, x: 0, y: 0, opacity: 1, visible: true, data: walls },
    { id: 3, name: 'rooms', type: 'objectgroup', x: 0, y: 0, opacity: 1, visible: true, draworder: 'topdown', objects: rooms },
    { id: 4, name: 'spots', type: 'objectgroup', x: 0, y: 0, opacity: 1, visible: true, draworder: 'topdown', objects: spots },
  ],
};
writeFileSync(new URL('../maps/hospital.tmj', import.meta.url), `${JSON.stringify(map)}\n`);
console.log(`maps/hospital.tmj: ${W}×${H} tiles, ${rooms.length} rooms, ${spots.length} spots`);
