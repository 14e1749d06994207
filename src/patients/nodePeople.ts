import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PeopleFile } from '../schema/people';
import { parsePeople } from './people';

export const DEFAULT_PEOPLE_FILE = fileURLToPath(new URL('../../assets/people/people.json', import.meta.url));

export function loadDefaultPeople(): PeopleFile {
  return parsePeople(JSON.parse(readFileSync(DEFAULT_PEOPLE_FILE, 'utf8')) as unknown);
}
