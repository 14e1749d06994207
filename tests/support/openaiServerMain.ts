/**
 * Runs the test endpoint in a process of its own (`node --import tsx tests/support/openaiServerMain.ts
 * --latency-ms 200`): prints its base URL on the first line of stdout and serves until killed.
 * The benchmark uses it so the endpoint's work does not share the hospital's thread, as with a
 * real server.
 */
import { startOpenAiServer } from './openaiServer';

const at = process.argv.indexOf('--latency-ms');
const latencyMs = at >= 0 ? Number(process.argv[at + 1]) : 0;
if (!Number.isFinite(latencyMs) || latencyMs < 0) {
  process.stderr.write(`--latency-ms must be a number of milliseconds, got "${process.argv[at + 1]}"\n`);
  process.exit(2);
}
const server = await startOpenAiServer({ latencyMs });
process.stdout.write(`${server.baseURL}\n`);
const stop = (): void => void server.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
