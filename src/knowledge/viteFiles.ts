import type { KbFile } from './load';
import type { PeopleFile } from '../schema/people';
import { parsePeople } from '../patients/people';

/*
 * The knowledge files as the page loads them: Vite emits each JSON file as a static asset
 * (hashed, so cached for good), fetched in parallel after the first paint. Data stays data: it
 * is parsed by JSON.parse rather than compiled as script, and the page and the fast-forward
 * worker share the one cached copy instead of each bundling the knowledge base.
 * Runs in the page or a worker (anything Vite bundles); Node reads files with nodeFiles.ts.
 */
const kbUrls = import.meta.glob<string>('../../assets/kb/**/*.json', { query: '?url', import: 'default', eager: true });
const peopleUrls = import.meta.glob<string>('../../assets/people/people.json', { query: '?url', import: 'default', eager: true });

/** Reads one asset's JSON (the page and the worker pass `fetch` through ui/assetFiles.ts; this core knows no network). */
export type JsonGetter = (url: string, name: string) => Promise<unknown>;

export async function fetchKbFiles(fetchJson: JsonGetter): Promise<KbFile[]> {
  return Promise.all(
    Object.entries(kbUrls).map(async ([key, url]) => {
      const path = key.replace(/^.*assets\/kb\//, '');
      return { path, data: await fetchJson(url, `assets/kb/${path}`) };
    }),
  );
}

export async function fetchPeople(fetchJson: JsonGetter): Promise<PeopleFile> {
  const url = Object.values(peopleUrls)[0];
  if (!url) throw new Error('assets/people/people.json is missing from the build');
  return parsePeople(await fetchJson(url, 'assets/people/people.json'));
}
