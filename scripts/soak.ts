import { spawnSync } from 'node:child_process';

/*
 * The reliability suites' long forms: 10,000 consultations against the chaotic endpoint, twenty
 * kills in the middle of a fast-forward and a compressed hour of the kiosk. The same tests run
 * in their short forms in `npm test`; SOAK=1 lengthens them. Extra arguments go to vitest.
 */
const SUITES = ['tests/brain/llm/chaos.test.ts', 'tests/browser/killReplay.test.ts', 'tests/browser/worldKiosk.test.ts'];
const started = Date.now();
const run = spawnSync('npx', ['vitest', 'run', ...SUITES, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, SOAK: '1' },
});
console.log(`soak finished in ${Math.round((Date.now() - started) / 1000)} s`);
process.exit(run.status ?? 1);
