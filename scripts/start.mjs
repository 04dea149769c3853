#!/usr/bin/env node
// `npm start`: builds the site when there is no build or the sources are newer than it, then serves
// it with `next start` on $PORT (default 3000). Telemetry is off (scripts/next.mjs).
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['app', 'lib', 'public', 'next.config.js', 'package.json', 'postcss.config.mjs', 'tsconfig.json'];
const BUILD_MARK = join(process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID');

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function buildIsStale() {
  if (!existsSync(BUILD_MARK)) return true;
  const built = statSync(BUILD_MARK).mtimeMs;
  return SOURCES.some((source) => newestMtime(source) > built);
}

const next = [join('scripts', 'next.mjs')];
if (buildIsStale()) {
  console.log('ECB Lens: building the site (first start or sources changed)…');
  const build = spawnSync(process.execPath, [...next, 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = process.env.PORT ?? '3000';
const server = spawn(process.execPath, [...next, 'start', '-p', port, ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
