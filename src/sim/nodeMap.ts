import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { ExamRoom } from '../schema/knowledge';
import { parseLayout, type Layout } from './layout';

export const DEFAULT_MAP_FILE = fileURLToPath(new URL('../../maps/hospital.tmj', import.meta.url));

/** The rooms every hospital map must have for this knowledge base: a consulting room per department, every examination room. */
export function requiredRooms(kb: KnowledgeBase): { consulting: string[]; exams: string[] } {
  return { consulting: kb.departments.map((d) => d.id), exams: ExamRoom.options.filter((r) => r !== 'consulting-room') };
}

export function loadLayout(kb: KnowledgeBase, file = DEFAULT_MAP_FILE): Layout {
  const { consulting, exams } = requiredRooms(kb);
  return parseLayout(JSON.parse(readFileSync(file, 'utf8')) as unknown, 'maps/hospital.tmj', consulting, exams);
}
