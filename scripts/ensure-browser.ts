/**
 * `npm test`'s pretest: makes sure the browser tests have a browser, the way Playwright's
 * `install --with-deps` does. It looks for CHROME_PATH, then the usual paths (the one list in
 * tests/browser/chrome.ts). On Debian or Ubuntu it installs what is missing from Debian's
 * packages — `chromium`, and a CJK font so screenshots of the Chinese page show glyphs — as
 * root, or through `sudo -n` when that may run without a password; elsewhere it stops with the
 * exact command to run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { locateChrome } from '../tests/browser/chrome';

/** Debian's browser package (Ubuntu's `chromium` is the same name, served as a snap). */
export const BROWSER_PACKAGE = 'chromium';
/** WenQuanYi Zen Hei: a complete CJK font at 7.5 MB, against Noto CJK's 56 MB; the page ships its own subset font. */
export const CJK_FONT_PACKAGE = 'fonts-wqy-zenhei';

/** What the pretest needs to know of the machine; gathered by `inspectMachine`, injected by tests. */
export interface Machine {
  platform: NodeJS.Platform;
  /** Contents of /etc/os-release, if any. */
  osRelease: string;
  hasAptGet: boolean;
  isRoot: boolean;
  /** `sudo -n true` succeeds: sudo will run without asking for a password. */
  canSudo: boolean;
  /** Where the browser is, if anywhere. */
  browser: string | undefined;
  /** CHROME_PATH, when set (a wrong one is an error, not a reason to install). */
  chromePath: string | undefined;
  isInstalled(pkg: string): boolean;
}

export type Plan =
  | { kind: 'ready'; browser: string; note?: string }
  | { kind: 'install'; packages: string[]; commands: string[][] }
  | { kind: 'stop'; message: string };

export function isDebianLike(osRelease: string): boolean {
  return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(osRelease);
}

/** The command a person runs where the pretest may not install anything itself. */
function manualCommand(m: Machine, packages: string[]): string {
  if (m.hasAptGet && isDebianLike(m.osRelease)) return `sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`;
  if (m.platform === 'darwin') return 'brew install --cask google-chrome';
  if (m.platform === 'win32') return 'winget install Google.Chrome';
  return 'install Chrome or Chromium with your package manager, then set CHROME_PATH to its executable';
}

export function planProvision(m: Machine): Plan {
  if (m.chromePath && !m.browser) return { kind: 'stop', message: `CHROME_PATH is set to "${m.chromePath}", but no file is there.` };
  const debian = m.hasAptGet && isDebianLike(m.osRelease);
  const missing = [...(m.browser ? [] : [BROWSER_PACKAGE]), ...(debian && !m.isInstalled(CJK_FONT_PACKAGE) ? [CJK_FONT_PACKAGE] : [])];
  if (missing.length === 0 && m.browser) return { kind: 'ready', browser: m.browser };
  if (debian && (m.isRoot || m.canSudo)) {
    const sudo = m.isRoot ? [] : ['sudo', '-n'];
    return {
      kind: 'install',
      packages: missing,
      commands: [
        [...sudo, 'apt-get', 'update', '-qq'],
        [...sudo, 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'install', '-y', '-qq', ...missing],
      ],
    };
  }
  const command = manualCommand(m, missing.length > 0 ? missing : [BROWSER_PACKAGE]);
  // Without the font the tests still run (the page brings its own Chinese font); without a browser they cannot.
  if (m.browser) return { kind: 'ready', browser: m.browser, note: `no CJK system font; for screenshots with every glyph run: ${command}` };
  return {
    kind: 'stop',
    message: `No Chrome or Chromium found for the browser tests. Run:\n  ${command}\nor set CHROME_PATH to a Chrome or Chromium executable.`,
  };
}

function succeeds(cmd: string, args: string[]): boolean {
  return spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
}

export function inspectMachine(): Machine {
  const isRoot = process.getuid?.() === 0;
  const hasAptGet = existsSync('/usr/bin/apt-get');
  return {
    platform: process.platform,
    osRelease: existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '',
    hasAptGet,
    isRoot,
    canSudo: !isRoot && existsSync('/usr/bin/sudo') && succeeds('sudo', ['-n', 'true']),
    browser: locateChrome(),
    chromePath: process.env['CHROME_PATH'] || undefined,
    isInstalled: (pkg) =>
      hasAptGet && spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' }).stdout === 'install ok installed',
  };
}

function main(): number {
  const plan = planProvision(inspectMachine());
  switch (plan.kind) {
    case 'ready':
      console.log(`pretest: browser tests will use ${plan.browser}`);
      if (plan.note) console.log(`pretest: ${plan.note}`);
      return 0;
    case 'stop':
      console.error(`pretest: ${plan.message}`);
      return 1;
    case 'install': {
      console.log(`pretest: installing Debian's ${plan.packages.join(' and ')} for the browser tests`);
      for (const command of plan.commands) {
        console.log(`pretest: ${command.join(' ')}`);
        const [cmd, ...args] = command as [string, ...string[]];
        if (spawnSync(cmd, args, { stdio: 'inherit' }).status !== 0) {
          console.error(`pretest: "${command.join(' ')}" failed`);
          return 1;
        }
      }
      const browser = locateChrome();
      if (!browser) {
        console.error(`pretest: ${BROWSER_PACKAGE} was installed, but no browser is at the usual paths; set CHROME_PATH`);
        return 1;
      }
      console.log(`pretest: browser tests will use ${browser}`);
      return 0;
    }
    default:
      return plan satisfies never;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main();
