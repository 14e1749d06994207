import type { KbFile } from './load';
import type { PeopleFile } from '../schema/people';
import { parsePeople } from '../patients/people';

/*
 * The knowledge files as the page loads them: Vite turns each JSON file into its own lazy
 * chunk, fetched in parallel after the first paint (they are the largest part of the app).
 * Runs in the page or a worker (anything Vite bundles); Node reads files with nodeFiles.ts.
 */
const kbModules = import.meta.glob<unknown>('../../assets/kb/**/*.json', { import: 'default' });
const peopleModule = import.meta.glob<unknown>('../../assets/people/people.json', { import: 'default' });

export async function fetchKbFiles(): Promise<KbFile[]> {
  return Promise.all(
    Object.entries(kbModules).map(async ([key, load]) => ({ path: key.replace(/^.*assets\/kb\//, ''), data: await load() })),
  );
}

export async function fetchPeople(): Promise<PeopleFile> {
  const load = Object.values(peopleModule)[0];
  if (!load) throw new Error('assets/people/people.json is missing from the build');
  return parsePeople(await load());
}
