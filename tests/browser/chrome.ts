import { existsSync } from 'node:fs';

/**
 * Where a local Chrome or Chromium usually lives; CHROME_PATH wins over all of them. The one list:
 * the browser tests, the bench and `npm test`'s pretest (scripts/ensure-browser.ts) all look here.
 */
export const CHROME_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** The browser to drive: CHROME_PATH when it names a file, else the first usual path that exists. */
export function locateChrome(env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync): string | undefined {
  const fromEnv = env['CHROME_PATH'];
  if (fromEnv) return exists(fromEnv) ? fromEnv : undefined;
  return CHROME_CANDIDATES.find((p) => exists(p));
}

export function findChrome(): string {
  const fromEnv = process.env['CHROME_PATH'];
  if (fromEnv && !existsSync(fromEnv)) throw new Error(`CHROME_PATH is set to "${fromEnv}", but no file is there.`);
  const found = locateChrome();
  if (found) return found;
  throw new Error(
    'No Chrome or Chromium found for the browser tests. `npm test` installs one on Debian or Ubuntu; ' +
      'otherwise run `npm run pretest` for the command, or set CHROME_PATH to its executable.',
  );
}

/** Flags for a quiet headless Chromium on a machine with no GPU and no outside network. */
export const CHROME_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
