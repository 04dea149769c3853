#!/usr/bin/env node
// `npm run build:static`: the site as plain files for any static host, in out/ (or $STATIC_OUT_DIR, a
// folder inside the project). The lab, the story and the embed work; POST /api/encrypt, which needs a
// Node server, is left out (next.config.js). BASE_PATH=/ecb-lens builds it for a sub-path. Static hosts
// send no headers of their own, so the security headers are written to out/_headers (Netlify,
// Cloudflare Pages); the README shows them for nginx.
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { embedFrameAncestors, formatHeadersFile, staticHeaderRules } from '../lib/http/security-headers.mjs';

const outDir = process.env.STATIC_OUT_DIR || 'out';
const env = { ...process.env, ECB_LENS_STATIC: '1', STATIC_OUT_DIR: outDir };
const build = spawnSync(process.execPath, [join('scripts', 'next.mjs'), 'build'], { stdio: 'inherit', env });
if (build.status !== 0) process.exit(build.status ?? 1);

// Next builds an export in `.next` whatever the distDir; that build cannot serve /api/encrypt, so it must
// not pass for a server build: without BUILD_ID, `npm start` rebuilds (and `next start` refuses).
rmSync(join('.next', 'BUILD_ID'), { force: true });

const entries = readdirSync(outDir, { withFileTypes: true }).map((entry) =>
  entry.isDirectory() ? `${entry.name}/` : entry.name,
);
const rules = staticHeaderRules({
  entries,
  embedFrameAncestors: embedFrameAncestors(process.env.EMBED_ALLOWED_ORIGINS),
  basePath: process.env.BASE_PATH ?? '',
});
writeFileSync(join(outDir, '_headers'), formatHeadersFile(rules));
// GitHub Pages runs Jekyll, which skips folders starting with "_" (such as _next) unless this file exists.
writeFileSync(join(outDir, '.nojekyll'), '');
console.log(`ECB Lens: static site in ${outDir}/ (security headers for the host in ${outDir}/_headers)`);
