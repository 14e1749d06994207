#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so the command works from a fresh clone without a build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
process.exitCode = runCli(process.argv.slice(2));
