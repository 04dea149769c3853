#!/usr/bin/env node
// `npm run cli -- …`: runs the CLI from its esbuild bundle (dist/cli.mjs), built first when missing or
// older than its sources, so no TypeScript is compiled on a normal run.
import { pathToFileURL } from 'node:url';
import { ensureBundle } from './node-bundles.mjs';

await import(pathToFileURL(await ensureBundle('cli')).href);
