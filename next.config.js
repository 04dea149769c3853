import { PHASE_DEVELOPMENT_SERVER } from 'next/constants.js';
import { commonHeaders, embedFrameAncestors, framingHeaders, NO_FRAMING } from './lib/http/security-headers.mjs';

// `npm run build:static` (scripts/build-static.mjs) sets ECB_LENS_STATIC=1: a static export, no server.
const STATIC = process.env.ECB_LENS_STATIC === '1';

// BASE_PATH=/ecb-lens serves the site under a sub-path; the client reads it as NEXT_PUBLIC_BASE_PATH.
const BASE_PATH = process.env.BASE_PATH ?? '';
if (BASE_PATH !== '' && !/^(\/[\w.~-]+)+$/.test(BASE_PATH)) {
  throw new RangeError(`BASE_PATH must look like /ecb-lens (a leading slash, no trailing one), got "${BASE_PATH}"`);
}

// Read here so that a bad EMBED_ALLOWED_ORIGINS stops `next build`, `next start` and `next dev` at once.
const EMBED_FRAME_ANCESTORS = embedFrameAncestors(process.env.EMBED_ALLOWED_ORIGINS);

/** @type {(phase: string) => import('next').NextConfig} */
export default function nextConfig(phase) {
  const dev = phase === PHASE_DEVELOPMENT_SERVER;
  return {
    reactStrictMode: true,
    poweredByHeader: false,
    basePath: BASE_PATH,
    env: { NEXT_PUBLIC_BASE_PATH: BASE_PATH },
    // app/api/encrypt/route.node.ts needs a Node server: only the server build lists `node.ts`.
    pageExtensions: STATIC ? ['tsx', 'ts'] : ['tsx', 'ts', 'node.ts'],
    // piscina finds its own worker script next to its files: load it from node_modules, unbundled.
    serverExternalPackages: ['piscina'],
    ...(STATIC
      ? // With output 'export', a distDir other than `.next` names the export's folder (the build itself
        // still goes to `.next`); trailing slashes give story/index.html, which every static host serves.
        { output: 'export', distDir: process.env.STATIC_OUT_DIR || 'out', trailingSlash: true }
      : {
          // Lets parallel local builds (e.g. a second checkout's tests) keep apart; `.next` by default.
          distDir: process.env.NEXT_DIST_DIR || '.next',
          // Static hosts cannot run this: scripts/build-static.mjs writes the same headers as `_headers`.
          async headers() {
            return [
              { source: '/:path*', headers: commonHeaders() },
              { source: '/embed', headers: framingHeaders({ frameAncestors: EMBED_FRAME_ANCESTORS, dev }) },
              { source: '/:path((?!embed$).*)', headers: framingHeaders({ frameAncestors: NO_FRAMING, dev }) },
            ];
          },
        }),
  };
}
