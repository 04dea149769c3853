#!/usr/bin/env node
// Runs the Next.js CLI with telemetry off: the site and its tooling talk to no one. Before `build`,
// `start` and `dev` it brings the endpoint's worker bundle (dist/encrypt-worker.mjs) up to date: the
// route handler starts its worker threads from that file (scripts/node-bundles.mjs).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { ensureBundle } from './node-bundles.mjs';

const require = createRequire(import.meta.url);
const nextBin = require.resolve('next/dist/bin/next');
if (['build', 'start', 'dev'].includes(process.argv[2])) await ensureBundle('encrypt-worker');
const child = spawn(process.execPath, [nextBin, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
