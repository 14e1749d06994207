import { TiledMap, type TiledObject } from '../schema/map';
import { formatPath } from '../knowledge/errors';
import { consultRoomName } from './services';

export interface Point {
  x: number;
  y: number;
}

export type SpotKind = 'post' | 'service' | 'queue' | 'seat' | 'door' | 'entrance' | 'exit';
const SPOT_KINDS: readonly SpotKind[] = ['post', 'service', 'queue', 'seat', 'door', 'entrance', 'exit'];

export type RoomKind = 'consulting' | 'exam' | 'ward' | 'lobby' | 'triage' | 'registration' | 'waiting' | 'pharmacy';
const ROOM_KINDS: readonly RoomKind[] = ['consulting', 'exam', 'ward', 'lobby', 'triage', 'registration', 'waiting', 'pharmacy'];

export interface Room {
  name: string;
  kind: RoomKind;
  /** Department id for consulting rooms, examination room kind for exam rooms. */
  department?: string;
  /** In tiles. */
  x: number;
  y: number;
  width: number;
  height: number;
  post?: Point;
  service?: Point;
  door?: Point;
  /** Queue spots in order (first is next to be served) and seats. */
  queue: Point[];
  seats: Point[];
}

/** The hospital as the sim sees it: which tiles can be walked and where everything is. */
export interface Layout {
  width: number;
  height: number;
  /** 1 where a wall stands, row-major. */
  blocked: Uint8Array;
  rooms: Map<string, Room>;
  entrance: Point;
  exit: Point;
}

/** A map that cannot be used: names the path inside the .tmj and what was expected. */
export class MapError extends Error {
  constructor(
    readonly file: string,
    readonly issues: readonly { path: string; message: string }[],
  ) {
    super([`${file} cannot be used as the hospital map:`, ...issues.slice(0, 12).map((i) => `  ${i.path}: ${i.message}`)].join('\n'));
    this.name = 'MapError';
  }
}

function prop(o: TiledObject, name: string): string | number | boolean | undefined {
  return o.properties.find((p) => p.name === name)?.value;
}

/**
 * Reads a Tiled map into a Layout. The map must have a `walls` tile layer, a `rooms` object
 * layer (property `kind`, and `department` for consulting and exam rooms) and a `spots` object
 * layer (points with `kind`, `room` and `order`). Every spot must stand on a floor tile.
 */
export function parseLayout(
  data: unknown,
  file = 'maps/hospital.tmj',
  requiredConsulting: readonly string[] = [],
  requiredExamRooms: readonly string[] = [],
): Layout {
  const parsed = TiledMap.safeParse(data);
  if (!parsed.success)
    throw new MapError(
      file,
      parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
    );
  const map = parsed.data;
  const issues: { path: string; message: string }[] = [];
  const layerIndex = (name: string): number => map.layers.findIndex((l) => 'name' in l && l.name === name);
  const wallsAt = layerIndex('walls');
  const roomsAt = layerIndex('rooms');
  const spotsAt = layerIndex('spots');
  const walls = map.layers[wallsAt];
  const roomLayer = map.layers[roomsAt];
  const spotLayer = map.layers[spotsAt];
  if (!walls || walls.type !== 'tilelayer') issues.push({ path: 'layers', message: 'a tile layer named "walls" is required' });
  if (!roomLayer || roomLayer.type !== 'objectgroup') issues.push({ path: 'layers', message: 'an object layer named "rooms" is required' });
  if (!spotLayer || spotLayer.type !== 'objectgroup') issues.push({ path: 'layers', message: 'an object layer named "spots" is required' });
  if (
    issues.length > 0 ||
    !walls ||
    walls.type !== 'tilelayer' ||
    !roomLayer ||
    roomLayer.type !== 'objectgroup' ||
    !spotLayer ||
    spotLayer.type !== 'objectgroup'
  )
    throw new MapError(file, issues);
  if (walls.data.length !== map.width * map.height) {
    throw new MapError(file, [
      { path: `layers[${wallsAt}].data`, message: `expected ${map.width * map.height} tiles, found ${walls.data.length}` },
    ]);
  }

  const blocked = Uint8Array.from(walls.data, (gid) => (gid === 0 ? 0 : 1));
  const tw = map.tilewidth;
  const th = map.tileheight;
  const rooms = new Map<string, Room>();
  roomLayer.objects.forEach((o, i) => {
    const kind = prop(o, 'kind');
    if (!ROOM_KINDS.includes(kind as RoomKind))
      return void issues.push({
        path: `layers[${roomsAt}].objects[${i}].properties`,
        message: `kind must be one of ${ROOM_KINDS.join(', ')}, got ${JSON.stringify(kind)}`,
      });
    if (!o.name || rooms.has(o.name))
      return void issues.push({
        path: `layers[${roomsAt}].objects[${i}].name`,
        message: o.name ? `duplicate room "${o.name}"` : 'a room needs a name',
      });
    const department = prop(o, 'department');
    rooms.set(o.name, {
      name: o.name,
      kind: kind as RoomKind,
      ...(typeof department === 'string' ? { department } : {}),
      x: Math.floor(o.x / tw),
      y: Math.floor(o.y / th),
      width: Math.round(o.width / tw),
      height: Math.round(o.height / th),
      queue: [],
      seats: [],
    });
  });
  let entrance: Point | undefined;
  let exit: Point | undefined;
  const queues = new Map<string, { order: number; p: Point }[]>();
  const seats = new Map<string, { order: number; p: Point }[]>();
  spotLayer.objects.forEach((o, i) => {
    const at = `layers[${spotsAt}].objects[${i}]`;
    const kind = prop(o, 'kind') as SpotKind;
    const roomName = String(prop(o, 'room') ?? '');
    const p = { x: Math.floor(o.x / tw), y: Math.floor(o.y / th) };
    if (!SPOT_KINDS.includes(kind))
      return void issues.push({ path: `${at}.properties`, message: `kind must be one of ${SPOT_KINDS.join(', ')}` });
    if (p.x < 0 || p.y < 0 || p.x >= map.width || p.y >= map.height || blocked[p.y * map.width + p.x])
      return void issues.push({ path: at, message: `spot "${o.name}" at tile (${p.x}, ${p.y}) is not on a floor tile` });
    if (kind === 'entrance') return void (entrance = p);
    if (kind === 'exit') return void (exit = p);
    const room = rooms.get(roomName);
    if (!room) return void issues.push({ path: `${at}.properties`, message: `unknown room "${roomName}"` });
    const order = Number(prop(o, 'order') ?? 0);
    if (kind === 'queue') queues.set(roomName, [...(queues.get(roomName) ?? []), { order, p }]);
    else if (kind === 'seat') seats.set(roomName, [...(seats.get(roomName) ?? []), { order, p }]);
    else room[kind as 'post' | 'service' | 'door'] = p;
  });
  for (const [name, list] of queues) (rooms.get(name) as Room).queue = list.sort((a, b) => a.order - b.order).map((q) => q.p);
  for (const [name, list] of seats) (rooms.get(name) as Room).seats = list.sort((a, b) => a.order - b.order).map((q) => q.p);

  if (!entrance) issues.push({ path: `layers[${spotsAt}]`, message: 'an entrance spot is required' });
  if (!exit) issues.push({ path: `layers[${spotsAt}]`, message: 'an exit spot is required' });
  const needs = (name: string, what: ('post' | 'service' | 'door' | 'queue' | 'seats')[]): void => {
    const room = rooms.get(name);
    if (!room) return void issues.push({ path: `layers[${roomsAt}]`, message: `room "${name}" is missing` });
    for (const w of what) {
      const has = w === 'queue' ? room.queue.length > 0 : w === 'seats' ? room.seats.length > 0 : room[w] !== undefined;
      if (!has) issues.push({ path: `layers[${spotsAt}]`, message: `room "${name}" needs a ${w === 'seats' ? 'seat' : w} spot` });
    }
  };
  needs('triage', ['post', 'service', 'queue']);
  needs('registration', ['post', 'service', 'queue']);
  needs('waiting', ['seats']);
  needs('pharmacy', ['post', 'service', 'queue']);
  for (const dep of requiredConsulting) needs(consultRoomName(dep), ['post', 'service', 'door']);
  for (const exam of requiredExamRooms) needs(`exam-${exam}`, ['post', 'service', 'door', 'queue']);
  if (issues.length > 0 || !entrance || !exit) throw new MapError(file, issues);
  return { width: map.width, height: map.height, blocked, rooms, entrance, exit };
}
