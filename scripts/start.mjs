#!/usr/bin/env node
// `npm start`: builds the site when there is no build or the sources are newer than it, then serves
// it with `next start` on $PORT (default 3000). Also rebuilds when BASE_PATH or EMBED_ALLOWED_ORIGINS differ
// from the build's, since next.config.js reads them at build time. Telemetry is off (scripts/next.mjs).
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['app', 'lib', 'public', 'next.config.js', 'package.json', 'postcss.config.mjs', 'tsconfig.json'];
const DIST = process.env.NEXT_DIST_DIR || '.next';
const BUILD_MARK = join(DIST, 'BUILD_ID');
// Settings read at build time (next.config.js): a change means the build no longer matches.
const BUILD_ENV_FILE = join(DIST, 'ecb-lens-build-env.json');
const buildEnv = JSON.stringify({
  BASE_PATH: process.env.BASE_PATH ?? '',
  EMBED_ALLOWED_ORIGINS: process.env.EMBED_ALLOWED_ORIGINS ?? '',
});

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
  if (!existsSync(BUILD_ENV_FILE) || readFileSync(BUILD_ENV_FILE, 'utf8') !== buildEnv) return true;
  const built = statSync(BUILD_MARK).mtimeMs;
  return SOURCES.some((source) => newestMtime(source) > built);
}

const next = [join('scripts', 'next.mjs')];
if (buildIsStale()) {
  console.log('ECB Lens: building the site (first start or sources changed)…');
  const build = spawnSync(process.execPath, [...next, 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  writeFileSync(BUILD_ENV_FILE, buildEnv);
}

const port = process.env.PORT ?? '3000';
const server = spawn(process.execPath, [...next, 'start', '-p', port, ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
