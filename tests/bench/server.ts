/**
 * The production site for the browser bench: builds it when asked or when there is no build, serves it
 * with `next start` on a free port, and stops it (its whole process group) afterwards. The build goes to
 * $NEXT_DIST_DIR (default `.next`), so a bench build need not clash with other builds in the checkout;
 * $BASE_PATH, when the site is built under a sub-path, is part of the URL handed back.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is tests/bench/server.ts). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const NEXT = join(ROOT, 'scripts', 'next.mjs');
const SOURCES = ['app', 'lib', 'public', 'next.config.js', 'package.json', 'postcss.config.mjs'];
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

/** A running `next start`. */
export interface SiteServer {
  url: string;
  distDir: string;
  /** Whether this run built the site. */
  built: boolean;
  /** Set when the build looks older than the sources. */
  staleWarning: string | null;
  /** The server's process id, also its process group (all its processes and threads). */
  pid: number;
  stop(): Promise<void>;
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestMtime(join(path, entry))), stat.mtimeMs);
}

/** `next build` rewrites tsconfig.json's include list for a non-default dist dir; put it back as it was. */
function build(distDir: string, log: (line: string) => void): void {
  const tsconfig = join(ROOT, 'tsconfig.json');
  const before = readFileSync(tsconfig, 'utf8');
  log(`bench: building the site into ${distDir} …`);
  const result = spawnSync(process.execPath, [NEXT, 'build'], {
    cwd: ROOT,
    env: { ...process.env, NEXT_DIST_DIR: distDir },
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (readFileSync(tsconfig, 'utf8') !== before) writeFileSync(tsconfig, before);
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status ?? result.signal})`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no free port')),
      );
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function waitUntilServing(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`next start did not answer ${url} within ${READY_TIMEOUT_MS / 1000} s:\n${output()}`);
}

/**
 * Builds if needed and starts the site.
 * @example const server = await startSite({ build: false }); … await server.stop();
 */
export async function startSite(options: { build: boolean; log?: (line: string) => void }): Promise<SiteServer> {
  const log = options.log ?? (() => {});
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  const buildId = join(ROOT, distDir, 'BUILD_ID');
  const mustBuild = options.build || !existsSync(buildId);
  if (mustBuild) build(distDir, log);
  const builtAt = statSync(buildId).mtimeMs;
  const stale = SOURCES.filter((source) => newestMtime(join(ROOT, source)) > builtAt);
  const staleWarning = stale.length
    ? `the build in ${distDir} is older than ${stale.join(', ')}: pass --build to measure the current sources`
    : null;

  const port = await freePort();
  const url = `http://127.0.0.1:${port}${process.env.BASE_PATH ?? ''}`;
  const child = spawn(process.execPath, [NEXT, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...process.env, NEXT_DIST_DIR: distDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    const pid = child.pid;
    const gone = exited(child);
    process.kill(-pid, 'SIGTERM');
    const timer = setTimeout(() => {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, STOP_TIMEOUT_MS);
    await gone;
    clearTimeout(timer);
  };

  try {
    await waitUntilServing(url, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  log(`bench: serving ${distDir} at ${url}`);
  return { url, distDir, built: mustBuild, staleWarning, pid: child.pid ?? -1, stop };
}
