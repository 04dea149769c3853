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
  /** A key to press once ready, then a selector to wait for after it. */
  press?: { key: string; ready: string };
  /** Shoot only this element (scrolled into view) rather than the page. */
  element?: string;
  /** Buttons to click once ready, each with a selector to wait for after it. */
  clicks?: { selector: string; ready: string }[];
}

const FRAME = '[data-testid="panel-ecb"][data-frame]';
const KEYS =
  'ecbKey=2b7e151628aed2a6abf7158809cf4f3c&gcmKey=feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308';

/** The attack lab has drawn its last receivers: the CTR rewrite and the GCM refusal beside it. */
const ATTACKS_READY = '[data-testid="rewrite-gcm-view"][data-verdict="refused"]';
/** Run the two demos that wait for a button: the forgery and the width search. */
const ATTACKS_RUN = [
  {
    selector: '[data-testid="forbidden-run"]',
    ready: '[data-testid="forbidden-received-view"][data-verdict="accepted"]',
  },
  { selector: '[data-testid="width-run"]', ready: '[data-testid="width-found"]' },
];

/** /traffic after the sample call has played through and every packet is sealed. */
const TRAFFIC_PLAY = [
  {
    selector: '[data-testid="traffic-sample"]:not([disabled])',
    ready: '[data-testid="traffic-lab"][data-running="false"]:not([data-source=""])',
  },
];

const SHOTS: Shot[] = [
  { name: 'lab', path: `/?start=6&${KEYS}`, width: 1440, height: 900, ready: FRAME },
  { name: 'lab-full', path: `/?start=1&${KEYS}`, width: 1440, height: 900, ready: FRAME, fullPage: true },
  { name: 'lab-phone', path: `/?start=6&${KEYS}`, width: 390, height: 844, ready: FRAME, fullPage: true },
  {
    name: 'presenter',
    path: `/?start=6&${KEYS}`,
    width: 1600,
    height: 900,
    ready: FRAME,
    press: { key: 'f', ready: `[data-presenter="true"] ${FRAME}` },
  },
  {
    // Frame 75 → 76: the speaker talks, so the ECB motion map lights up the head and nothing else.
    name: 'analytics',
    path: `/?start=2.5&${KEYS}`,
    width: 1440,
    height: 900,
    ready: '[data-testid="panel-motion"][data-frame="75"]',
    press: { key: 'ArrowRight', ready: '[data-testid="metrics-table"][data-frame="76"]' },
    element: '[data-testid="analytics"]',
  },
  { name: 'story', path: '/story#step-3', width: 1440, height: 900, ready: FRAME },
  {
    name: 'attacks',
    path: '/attacks',
    width: 1440,
    height: 900,
    ready: ATTACKS_READY,
    fullPage: true,
    clicks: ATTACKS_RUN,
  },
  {
    name: 'attacks-phone',
    path: '/attacks',
    width: 390,
    height: 844,
    ready: ATTACKS_READY,
    fullPage: true,
    clicks: ATTACKS_RUN,
  },
  {
    name: 'traffic',
    path: '/traffic',
    width: 1440,
    height: 900,
    ready: '[data-testid="traffic-sample"]',
    fullPage: true,
    clicks: TRAFFIC_PLAY,
  },
  {
    name: 'traffic-phone',
    path: '/traffic',
    width: 390,
    height: 844,
    ready: '[data-testid="traffic-sample"]',
    fullPage: true,
    clicks: TRAFFIC_PLAY,
  },
  {
    name: 'embed-builder',
    path: '/embed-builder',
    width: 1440,
    height: 900,
    ready: '[data-testid="snippet"]:not(:empty)',
  },
  {
    name: 'embed',
    path: `/embed?panels=original,ecb,gcm&start=6&controls=minimal&${KEYS}`,
    width: 1000,
    height: 700,
    ready: FRAME,
  },
];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      base: { type: 'string', default: 'http://localhost:3000' },
      out: { type: 'string', default: 'public/screenshots' },
      only: { type: 'string' },
    },
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
      if (shot.press) {
        await page.keyboard.press(shot.press.key);
        await page.waitForSelector(shot.press.ready, { timeout: 30_000 });
      }
      for (const click of shot.clicks ?? []) {
        await page.click(click.selector);
        await page.waitForSelector(click.ready, { timeout: 60_000 });
      }
      const file = join(values.out, `${shot.name}.png`);
      if (shot.element) await page.locator(shot.element).screenshot({ path: file });
      else await page.screenshot({ path: file, fullPage: shot.fullPage ?? false });
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
