/**
 * The site in Firefox: a smoke test of each user path, on the production build (served by the suite on
 * its own port, FIREFOX_PORT, default 3110) in a headless Firefox driven over WebDriver BiDi. Exactness
 * lives in the unit tests and the Chromium suite; here each path must work, with no page errors.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'puppeteer-core';
import type { LabController } from '../../lib/lab/lab-controller';
import { startOtherSite, type OtherSite } from '../e2e/fixtures/embed-host';
import { ECB_KEY, GCM_KEY } from '../e2e/fixtures/keys';
import { sample } from '../e2e/fixtures/media';
import {
  blockPatternMismatches,
  blocksInPlace,
  pixelDifference,
  repeatedBlockShare,
  rgbBytes,
} from '../e2e/support/pixels';
import { byTestId, FirefoxPage, launchFirefox, withDeadline } from './support/firefox-page';
import { startSite, type Site } from './support/site';

const PORT = Number(process.env.FIREFOX_PORT ?? 3110);
const PANELS = ['original', 'ecb', 'gcm', 'decrypted'] as const;

let site: Site;
let otherSite: OtherSite;
let browser: Browser;
const pages: FirefoxPage[] = [];

/** A new tab for one test; closed, with the browser, when the suite ends. */
async function newPage(): Promise<FirefoxPage> {
  const page = await FirefoxPage.open(browser, site.origin);
  pages.push(page);
  return page;
}

/** Fails with every page error and console error the page has raised so far. */
function expectNoErrors(page: FirefoxPage): void {
  assert.deepEqual(page.errors, [], `the page raised errors:\n${page.errors.join('\n')}`);
}

/** Opens the lab on `/` and waits until the sample's first frame is on all four panels. */
async function openLab(page: FirefoxPage, source: 'meeting' | 'penguin'): Promise<void> {
  await page.goto(`/?source=${source}&width=320&ecbKey=${ECB_KEY}&gcmKey=${GCM_KEY}`);
  const { title, width, height } = sample(source);
  await page.until(
    `the source line to name ${title}`,
    ({ selector, expected }) => document.querySelector(selector)?.textContent?.includes(expected),
    { selector: byTestId('source-status'), expected: `${title} · ${width}×${height}` },
  );
  for (const panel of PANELS) await page.untilAttribute(`panel-${panel}`, 'data-frame', /^\d+$/);
}

describe('Firefox', { timeout: 8 * 60_000 }, () => {
  before(async () => {
    // All three start together; if one fails, the others are still kept, so that `after` stops them.
    const started = await Promise.allSettled([
      startSite(PORT).then((started) => (site = started)),
      startOtherSite().then((started) => (otherSite = started)),
      launchFirefox().then((started) => (browser = started)),
    ]);
    for (const result of started) if (result.status === 'rejected') throw result.reason;
  });

  after(async () => {
    if (browser) {
      for (const page of pages) await withDeadline(page.close(), 10_000, 'closing a tab').catch(() => undefined);
      await withDeadline(browser.close(), 20_000, 'closing Firefox').catch(() => browser.process()?.kill('SIGKILL'));
    }
    await Promise.all([site?.close(), otherSite?.close()]);
  });

  test('the penguin is encrypted in all four panels: ECB keeps its repeats, GCM has none', async () => {
    const page = await newPage();
    await openLab(page, 'penguin');
    const [original, ecb, gcm, decrypted] = await page.readCanvases(PANELS.map((panel) => `panel-${panel}`));
    assert.deepEqual(
      [original, ecb, gcm, decrypted].map((panel) => panel.frame),
      [0, 0, 0, 0],
      'all four panels show frame 0',
    );
    const plain = rgbBytes(original.rgba);
    const ecbBytes = rgbBytes(ecb.rgba);
    const gcmBytes = rgbBytes(gcm.rgba);
    // The penguin is drawn in flat colours: a large share of its 16-byte blocks repeat.
    assert.ok(repeatedBlockShare(plain) > 0.5, `repeated blocks in the original: ${repeatedBlockShare(plain)}`);
    assert.equal(blockPatternMismatches(plain, ecbBytes), 0, 'blocks equal in the original ⇔ equal in ECB');
    assert.equal(repeatedBlockShare(ecbBytes), repeatedBlockShare(plain));
    assert.equal(blocksInPlace(plain, ecbBytes), 0, 'ECB blocks that are still the original');
    assert.equal(repeatedBlockShare(gcmBytes), 0, 'GCM blocks that repeat');
    assert.equal(blocksInPlace(plain, gcmBytes), 0, 'GCM blocks that are still the original');
    assert.equal(pixelDifference(decrypted.rgba, original.rgba, original.width), null, 'decrypted = original');
    expectNoErrors(page);
  });

  test('the sample call plays: the frames advance on all four panels', async (t) => {
    const page = await newPage();
    await openLab(page, 'meeting');
    await page.untilAttribute('play-toggle', 'data-state', 'paused');
    await page.click('play-toggle');
    await page.untilAttribute('play-toggle', 'data-state', 'playing');
    const frames = await page.until(
      'all four panels to reach frame 15',
      (selectors) => {
        const frames = selectors.map((selector) =>
          Number(document.querySelector(selector)?.getAttribute('data-frame')),
        );
        return frames.every((frame) => frame >= 15) && frames;
      },
      PANELS.map((panel) => byTestId(`panel-${panel}`)),
    );
    assert.equal(frames.length, 4);
    // How the worker took the video's pixels: 'copy' (VideoFrame.copyTo as RGBA) or 'read' (drawn on a canvas).
    const paths = await page.page.evaluate(() => {
      const lab = (window as Window & { ecbLens?: LabController }).ecbLens;
      return Object.keys(lab?.clock.get().timings.primary ?? {}).filter(
        (stage) => stage === 'copy' || stage === 'read',
      );
    });
    assert.equal(paths.length, 1, `one way of reading frames, got ${paths.join(', ') || 'none'}`);
    t.diagnostic(
      `video frames reached the worker by ${paths[0] === 'copy' ? 'VideoFrame.copyTo' : 'drawing on a canvas'}`,
    );
    await page.click('play-toggle');
    await page.untilAttribute('play-toggle', 'data-state', 'paused');
    expectNoErrors(page);
  });

  test('the embed, framed by a page on another origin, tells it that it is ready', async () => {
    const page = await newPage();
    const embed = `${site.origin}/embed?source=meeting&panels=original,ecb,gcm&controls=minimal`;
    await page.goto(`${otherSite.origin}/course.html?embed=${encodeURIComponent(embed)}`);
    // The course page (public/embed-example.js) logs each message it accepts from the embed's origin.
    const line = await page.until(
      'the course page to log the embed’s ready event',
      (selector) =>
        document
          .querySelector(selector)
          ?.textContent?.split('\n')
          .find((line) => line.startsWith('← ') && line.includes('"event":"ready"')),
      byTestId('log'),
    );
    const { duration, ...ready } = JSON.parse(line.slice(2));
    assert.deepEqual(ready, {
      type: 'ecb-lens',
      v: 1,
      event: 'ready',
      source: 'A video meeting',
      panels: ['original', 'ecb', 'gcm'],
    });
    assert.ok(duration > 0, `the ready event carries the sample’s duration: ${duration}`);
    expectNoErrors(page);
  });

  test('the story steps forward with the arrow key and the Next button', async () => {
    const page = await newPage();
    await page.goto('/story');
    await page.untilAttribute('story', 'data-live', 'true');
    await page.untilAttribute('story-step', 'data-step', '1');
    await page.page.keyboard.press('ArrowRight');
    await page.untilAttribute('story-step', 'data-step', '2');
    await page.page.click('[aria-label="Next step"]');
    await page.untilAttribute('story-step', 'data-step', '3');
    assert.equal(await page.page.evaluate(() => location.hash), '#step-3');
    expectNoErrors(page);
  });

  test('/attacks takes the meeting’s frames', async () => {
    const page = await newPage();
    await page.goto('/attacks');
    await page.untilAttribute('attack-lab', 'data-ready', 'true', 60_000);
    assert.equal(await page.text('attack-source'), 'Frames from A video meeting');
    assert.equal(await page.text('attack-error'), null, 'an error is on the page');
    expectNoErrors(page);
  });

  test('/traffic encodes the sample call with WebCodecs, and says plainly why the webcam cannot be used', async () => {
    const page = await newPage();
    await page.goto('/traffic');
    await page.until(
      'the sample call button to be enabled',
      (selector) => document.querySelector<HTMLButtonElement>(selector)?.disabled === false,
      byTestId('traffic-sample'),
      60_000,
    );
    await page.click('traffic-sample');
    await page.untilAttribute('traffic-lab', 'data-running', 'true');
    await page.untilAttribute('traffic-lab', 'data-running', 'false', 120_000);
    assert.equal(await page.text('traffic-error'), null, 'an error is on the page');
    assert.equal(await page.attribute('traffic-lab', 'data-source'), 'A video meeting');
    for (const track of ['audio', 'video']) {
      const packets = Number(await page.attribute(`timeline-${track}`, 'data-packets'));
      assert.ok(packets > 50, `${track} packets on the timeline: ${packets}`);
    }

    // Firefox reads no camera frames directly (no MediaStreamTrackProcessor on the page): the page says so.
    assert.equal(await page.page.evaluate(() => 'MediaStreamTrackProcessor' in window), false);
    await page.click('traffic-webcam');
    const error = await page.until(
      'the page to say why the webcam cannot be used',
      (selector) => document.querySelector(selector)?.textContent,
      byTestId('traffic-error'),
    );
    assert.match(error, /no MediaStreamTrackProcessor.*use the sample call or a video of yours/);
    expectNoErrors(page);
  });
});
