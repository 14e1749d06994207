/**
 * Fetches a bundled JSON asset (the knowledge files, the people lists) for the page and the
 * fast-forward worker. A failure names the file and what went wrong.
 */
export async function fetchJson(url: string, name: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${name} could not be loaded (HTTP ${res.status} for ${url})`);
  try {
    return await res.json();
  } catch (err) {
    throw new Error(`${name} is not valid JSON: ${(err as Error).message}`, { cause: err });
  }
}
