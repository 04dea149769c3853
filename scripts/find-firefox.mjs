#!/usr/bin/env node
// Finds a Firefox for the Firefox smoke suite (tests/firefox): $FIREFOX_PATH, then the system packages
// (Debian's firefox-esr first). Run directly it prints the path, or an install hint and exits 1.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SYSTEM_PATHS = ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/local/bin/firefox'];

export const INSTALL_HINT =
  'No Firefox found. Install one with `apt-get install -y firefox-esr` (Debian), ' +
  'or point $FIREFOX_PATH at a Firefox 129 or later (the suite drives it over WebDriver BiDi).';

/** @returns {string | undefined} the first Firefox binary that exists */
export function findFirefox(env = process.env) {
  if (env.FIREFOX_PATH) {
    if (existsSync(env.FIREFOX_PATH)) return env.FIREFOX_PATH;
    throw new Error(`FIREFOX_PATH is set to ${env.FIREFOX_PATH}, but no file is there`);
  }
  return SYSTEM_PATHS.find((path) => existsSync(path));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const path = findFirefox();
    if (!path) {
      console.error(INSTALL_HINT);
      process.exit(1);
    }
    console.log(path);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
