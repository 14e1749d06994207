import { describe, expect, it } from 'vitest';
import { BROWSER_PACKAGE, CJK_FONT_PACKAGE, planProvision, type Machine } from '../../scripts/ensure-browser';
import { CHROME_CANDIDATES, locateChrome } from '../browser/chrome';

const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n';
const UBUNTU = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n';

function machine(over: Partial<Machine> = {}): Machine {
  return {
    platform: 'linux',
    osRelease: DEBIAN,
    hasAptGet: true,
    isRoot: true,
    canSudo: false,
    browser: undefined,
    chromePath: undefined,
    isInstalled: () => false,
    ...over,
  };
}

describe('the pretest finds a browser or provisions one', () => {
  it('uses a browser already there and installs nothing when the CJK font is present', () => {
    expect(planProvision(machine({ browser: '/usr/bin/chromium', isInstalled: () => true }))).toEqual({
      kind: 'ready',
      browser: '/usr/bin/chromium',
    });
  });

  it('as root on Debian: apt-get update, then chromium and the CJK font', () => {
    const plan = planProvision(machine());
    expect(plan.kind).toBe('install');
    if (plan.kind !== 'install') return;
    expect(plan.packages).toEqual([BROWSER_PACKAGE, CJK_FONT_PACKAGE]);
    expect(plan.commands[0]).toEqual(['apt-get', 'update', '-qq']);
    expect(plan.commands[1]?.slice(-2)).toEqual([BROWSER_PACKAGE, CJK_FONT_PACKAGE]);
  });

  it('through sudo -n on Ubuntu when sudo needs no password; only what is missing', () => {
    const plan = planProvision(machine({ osRelease: UBUNTU, isRoot: false, canSudo: true, browser: '/usr/bin/google-chrome' }));
    expect(plan).toMatchObject({ kind: 'install', packages: [CJK_FONT_PACKAGE] });
    if (plan.kind === 'install') for (const c of plan.commands) expect(c.slice(0, 2)).toEqual(['sudo', '-n']);
  });

  it('without root or password-less sudo it stops with the exact apt command', () => {
    const plan = planProvision(machine({ isRoot: false }));
    expect(plan.kind).toBe('stop');
    if (plan.kind === 'stop')
      expect(plan.message).toContain(`sudo apt-get update && sudo apt-get install -y ${BROWSER_PACKAGE} ${CJK_FONT_PACKAGE}`);
  });

  it('elsewhere it stops with the command for that system', () => {
    const mac = planProvision(machine({ platform: 'darwin', osRelease: '', hasAptGet: false }));
    expect(mac.kind === 'stop' && mac.message).toContain('brew install --cask google-chrome');
    const fedora = planProvision(machine({ osRelease: 'ID=fedora\n', hasAptGet: false }));
    expect(fedora.kind === 'stop' && fedora.message).toContain('CHROME_PATH');
  });

  it('a CHROME_PATH naming no file is an error, not a reason to install', () => {
    const plan = planProvision(machine({ chromePath: '/nowhere/chrome' }));
    expect(plan.kind === 'stop' && plan.message).toContain('/nowhere/chrome');
  });

  it('a missing font alone never stops the tests', () => {
    const plan = planProvision(machine({ isRoot: false, browser: '/usr/bin/chromium' }));
    expect(plan).toMatchObject({ kind: 'ready', browser: '/usr/bin/chromium' });
  });
});

describe('one list of browser paths', () => {
  it('CHROME_PATH wins, then the first usual path that exists', () => {
    expect(locateChrome({ CHROME_PATH: '/opt/c' }, (p) => p === '/opt/c' || p === CHROME_CANDIDATES[0])).toBe('/opt/c');
    expect(locateChrome({}, (p) => p === CHROME_CANDIDATES[2])).toBe(CHROME_CANDIDATES[2]);
    expect(locateChrome({}, () => false)).toBeUndefined();
  });
});
