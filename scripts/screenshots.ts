/**
 * Screenshots of the running site for the README and for looking at the pages as a user would:
 * `npm start` in one terminal, then `npm run screenshots [-- --base http://localhost:3000 --out DIR]`.
 * Each shot waits for a state on the page (a drawn frame, a ready demo), never for a fixed time.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium, INSTALL_HINT } from './find-chromium.mjs';

interface Shot {
  name: string;
  path: string;
  width: number;
  height: number;
  /** A selector that exists once the page shows what the shot is for. */
  ready: string;
  fullPage?: boolean;
}

const SHOTS: Shot[] = [
  { name: 'home', path: '/', width: 1280, height: 900, ready: '[data-testid="still-demo"][data-status="ready"]', fullPage: true },
  { name: 'home-phone', path: '/', width: 390, height: 844, ready: '[data-testid="still-demo"][data-status="ready"]', fullPage: true },
];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { base: { type: 'string', default: 'http://localhost:3000' }, out: { type: 'string', default: 'public/screenshots' }, only: { type: 'string' } },
  });
  const executablePath = findChromium();
  if (!executablePath) throw new Error(INSTALL_HINT);
  await mkdir(values.out, { recursive: true });
  const browser = await chromium.launch({
    executablePath,
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  });
  try {
    for (const shot of SHOTS.filter((candidate) => !values.only || candidate.name === values.only)) {
      const page = await browser.newPage({ viewport: { width: shot.width, height: shot.height } });
      await page.goto(new URL(shot.path, values.base).href);
      await page.waitForSelector(shot.ready, { timeout: 30_000 });
      const file = join(values.out, `${shot.name}.png`);
      await page.screenshot({ path: file, fullPage: shot.fullPage ?? false });
      console.log(`wrote ${file}`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
