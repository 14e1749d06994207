import mapUrl from '../../maps/hospital.tmj?url';

/**
 * The hospital's Tiled map as text. It is fetched as a static asset rather than bundled as a
 * script: it is data, cached with its hashed name, and read by both the world and the drill.
 */
export async function fetchMapText(): Promise<string> {
  const res = await fetch(mapUrl);
  if (!res.ok) throw new Error(`maps/hospital.tmj could not be loaded (HTTP ${res.status} for ${mapUrl})`);
  return res.text();
}
