#!/usr/bin/env node
// The Node programs that must not compile TypeScript at run time, bundled by esbuild into dist/
// (gitignored): the CLI (scripts/cli.ts) and the endpoint's worker (lib/http/encrypt-worker.ts), which
// `next start` loads from dist/ because Next does not bundle a worker thread's file. Each bundle records
// the files it was built from; `ensureBundle` rebuilds it when one of them (or this script, or
// package-lock.json) is newer, so `npm run cli` and `next build|dev|start` always run the current code,
// also on a fresh clone. `node scripts/node-bundles.mjs` builds both (npm runs it on install, as
// `prepare`).
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = join(ROOT, 'dist');

/** The bundles: entry (TypeScript) → output (one ES module each). */
export const BUNDLES = {
  cli: { entry: 'scripts/cli.ts', out: 'dist/cli.mjs' },
  'encrypt-worker': { entry: 'lib/http/encrypt-worker.ts', out: 'dist/encrypt-worker.mjs' },
};

/** Files whose change makes every bundle stale besides its own inputs. */
const ALWAYS = ['scripts/node-bundles.mjs', 'package-lock.json'];

// pngjs is CommonJS and calls require('zlib') and friends: give the ES module a require of its own.
const BANNER =
  "import { createRequire as ecbLensRequire } from 'node:module';\nconst require = ecbLensRequire(import.meta.url);";

function mtime(path) {
  try {
    return statSync(join(ROOT, path)).mtimeMs;
  } catch {
    return Infinity;
  }
}

function inputsFile(name) {
  return join(DIST, `${name}.inputs.json`);
}

/** Whether bundle `name` is missing or older than anything it was built from. */
export function isStale(name) {
  const { out } = BUNDLES[name];
  const outFile = join(ROOT, out);
  if (!existsSync(outFile) || !existsSync(inputsFile(name))) return true;
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(inputsFile(name), 'utf8'));
  } catch {
    return true;
  }
  const built = statSync(outFile).mtimeMs;
  return [...ALWAYS, ...inputs].some((path) => mtime(path) > built);
}

/** Builds bundle `name` now; the file appears whole or not at all (written beside it, then renamed). */
export async function buildBundle(name) {
  const { entry, out } = BUNDLES[name];
  const { build } = await import('esbuild');
  const outFile = join(ROOT, out);
  const temporary = `${outFile}.${process.pid}.tmp`;
  mkdirSync(dirname(outFile), { recursive: true });
  try {
    const result = await build({
      absWorkingDir: ROOT,
      entryPoints: [entry],
      outfile: temporary,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      banner: { js: BANNER },
      metafile: true,
      logLevel: 'warning',
      legalComments: 'none',
    });
    const inputs = Object.keys(result.metafile.inputs).map((path) => relative(ROOT, join(ROOT, path)));
    writeFileSync(`${inputsFile(name)}.${process.pid}.tmp`, `${JSON.stringify(inputs, null, 1)}\n`);
    renameSync(temporary, outFile);
    renameSync(`${inputsFile(name)}.${process.pid}.tmp`, inputsFile(name));
  } finally {
    rmSync(temporary, { force: true });
  }
  return outFile;
}

/** The path of bundle `name`, built first if it is stale. */
export async function ensureBundle(name) {
  if (isStale(name)) await buildBundle(name);
  return join(ROOT, BUNDLES[name].out);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const name of Object.keys(BUNDLES)) await buildBundle(name);
}
