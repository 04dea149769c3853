/**
 * Leak analytics on `/`, as a lecturer uses them: the numbers table of the frame on screen, the motion
 * maps (read from the pixels the page drew), the live charts and the CSV of every frame. Keys are fixed
 * through the address, so the ECB stream — and every number measured on it — repeats from run to run;
 * GCM's figures change with its nonce, so only what holds for any nonce is checked on them.
 */
import { readFile } from 'node:fs/promises';
import { CHANGED_COLOUR, STILL_COLOUR } from '../../lib/metrics/motion-picture';
import { MEETING_WIDTH, SELF_VIEW, speakerPose } from '../../scripts/samples/synthetic-meeting';
import type { Numbers, Stream } from './fixtures/analytics-panel';
import { expect, test } from './fixtures/index';
import { mediaFixture } from './fixtures/media';
import type { CanvasPixels } from './support/pixels';

const FPS = 30;
/** Mid-phrase (2.2–3.55 s): the speaker's head sways and the mouth moves from frame 75 to 76. */
const SPEAKER = { start: 75.5 / FPS, frame: 75 };
/**
 * On the shared slide (5–8.5 s), after VP9 has settled on it: from frame 199 to 200 only the self-view
 * thumbnail changes. (A few other steps on the slide also flip one or two blocks elsewhere, where the
 * encoder touches up the picture; this one does not.)
 */
const SLIDE = { start: 199.5 / FPS, frame: 199 };
/** The lab's default processing width: the meeting's 1280 design pixels are drawn at half size. */
const SCALE = 640 / MEETING_WIDTH;

/**
 * The CSV's columns as its file format is documented (lib/metrics/csv.ts): frame and time, then for each
 * of original, ecb and gcm its ten measures — blocks, repeated_blocks, repeated_share, entropy,
 * chi_square, corr_h, corr_v, corr_d, unchanged_blocks, unchanged_share. Written out by hand, not taken
 * from the code under test, so a change of the format fails here.
 */
const CSV_HEADER = [
  'frame,time',
  'original_blocks,original_repeated_blocks,original_repeated_share,original_entropy,original_chi_square',
  'original_corr_h,original_corr_v,original_corr_d,original_unchanged_blocks,original_unchanged_share',
  'ecb_blocks,ecb_repeated_blocks,ecb_repeated_share,ecb_entropy,ecb_chi_square',
  'ecb_corr_h,ecb_corr_v,ecb_corr_d,ecb_unchanged_blocks,ecb_unchanged_share',
  'gcm_blocks,gcm_repeated_blocks,gcm_repeated_share,gcm_entropy,gcm_chi_square',
  'gcm_corr_h,gcm_corr_v,gcm_corr_d,gcm_unchanged_blocks,gcm_unchanged_share',
]
  .join(',')
  .split(',');

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A design-space rectangle of the meeting at the panel's scale, grown by `margin` panel pixels. */
function scaled({ x, y, width, height }: Rect, margin = 0): Rect {
  return {
    x: x * SCALE - margin,
    y: y * SCALE - margin,
    width: width * SCALE + 2 * margin,
    height: height * SCALE + 2 * margin,
  };
}

const inside = (px: number, py: number, r: Rect) => px >= r.x && px < r.x + r.width && py >= r.y && py < r.y + r.height;

/**
 * "Changed" pixels of a motion map. lib/metrics/motion-picture.ts paints an unchanged block as the
 * original at 30 % (red ≤ 0.3 × 255 = 76) and a changed one as 65 % amber (251, 191, 36) over 35 % of
 * the original (red ≥ 0.65 × 251 = 163): red above 120 tells them apart whatever the picture.
 */
function changedPixels(map: CanvasPixels, where: (x: number, y: number) => boolean = () => true): number {
  let changed = 0;
  for (let p = 0; p < map.width * map.height; p++) {
    if (map.rgba[p * 4] > 120 && where(p % map.width, Math.floor(p / map.width))) changed++;
  }
  return changed;
}

/**
 * The speaker's head (hair, ears and face), wherever the sway puts it: drawPerson centres it at
 * (640 + dx, 344 + dy) with |dx| ≤ 17, |dy| ≤ 4, the hair reaching 170 up, the ears 130 across and the
 * chin 142 down.
 */
const HEAD: Rect = { x: 640 - 17 - 134, y: 344 - 4 - 172, width: 2 * (17 + 134), height: 172 + 142 + 8 };
/** The bookshelf and globe on the wall behind the speaker: nothing there moves. */
const SHELF: Rect = { x: 70, y: 100, width: 320, height: 160 };

test.describe('the numbers table', () => {
  for (const scene of [
    { name: 'speaker', ...SPEAKER },
    { name: 'slide', ...SLIDE },
  ]) {
    test(`${scene.name}: ECB repeats and keeps exactly the original’s blocks, GCM none`, async ({ lab, analytics }) => {
      await lab.open({ start: scene.start });
      await lab.expectFrame(scene.frame);

      await test.step('after a jump: ECB’s repeated share is the original’s; GCM’s is under 0.1 %', async () => {
        const numbers = await analytics.numbers(scene.frame);
        const repeated = Number(numbers.original.repeated_share);
        expect(repeated, 'the meeting has flat areas').toBeGreaterThan(0.3);
        expect(numbers.ecb.repeated_share).toBe(numbers.original.repeated_share);
        expect(numbers.ecb.repeated_blocks).toBe(numbers.original.repeated_blocks);
        expect(Number(numbers.gcm.repeated_share)).toBeLessThan(0.001);
        // Nothing to compare with after a seek: no number rather than a wrong one.
        for (const stream of ['original', 'ecb', 'gcm'] as const) expect(numbers[stream].unchanged_share).toBe('');
        await expect(analytics.page.getByTestId('motion-hint')).toBeVisible();
      });

      await test.step('one frame on: ECB’s unchanged share is the original’s; GCM’s is 0', async () => {
        await lab.stepForward.click();
        await lab.expectFrame(scene.frame + 1);
        const numbers = await analytics.numbers(scene.frame + 1);
        expect(Number(numbers.original.unchanged_share), 'most of the picture did not move').toBeGreaterThan(0.9);
        expect(Number(numbers.original.unchanged_share), 'but something did').toBeLessThan(1);
        expect(numbers.ecb.unchanged_share).toBe(numbers.original.unchanged_share);
        expect(numbers.ecb.unchanged_blocks).toBe(numbers.original.unchanged_blocks);
        expect(numbers.gcm.unchanged_share).toBe('0');
        expect(numbers.ecb.repeated_share).toBe(numbers.original.repeated_share);
        expect(Number(numbers.gcm.repeated_share)).toBeLessThan(0.001);
        await expect(analytics.page.getByTestId('motion-hint')).toBeHidden();
      });

      await test.step('the other measures: the original is a picture, GCM looks random, ECB sits between', async () => {
        const numbers = await analytics.numbers(scene.frame + 1);
        const value = (stream: Stream, metric: string) => Number(numbers[stream][metric]);
        expect(value('original', 'corr_h')).toBeGreaterThan(0.9);
        expect(value('original', 'corr_v')).toBeGreaterThan(0.9);
        expect(Math.abs(value('gcm', 'corr_h'))).toBeLessThan(0.02);
        expect(value('gcm', 'entropy')).toBeGreaterThan(7.99);
        expect(value('ecb', 'entropy')).toBeLessThan(7.9);
        expect(value('ecb', 'entropy')).toBeGreaterThan(value('original', 'entropy'));
        expect(value('ecb', 'chi_square'), 'ECB fails the χ² test at 5 %').toBeGreaterThan(293.25);
      });
    });
  }
});

test.describe('the motion maps', () => {
  test('while the speaker talks, ECB’s map lights up the head and leaves the wall dark; GCM’s is all changed', async ({
    lab,
    analytics,
  }) => {
    expect(speakerPose((SPEAKER.frame + 1) / FPS), 'the pose differs between the two frames').not.toEqual(
      speakerPose(SPEAKER.frame / FPS),
    );
    await lab.open({ start: SPEAKER.start });
    await lab.expectFrame(SPEAKER.frame);

    await test.step('after a jump there is nothing to compare: no block is marked changed', async () => {
      const { ecb, gcm } = await analytics.motion(SPEAKER.frame);
      expect(changedPixels(ecb)).toBe(0);
      expect(changedPixels(gcm)).toBe(0);
    });

    await test.step('one frame on, ECB’s map shows where the head moved, and nothing on the shelf', async () => {
      await lab.stepForward.click();
      const { ecb, gcm } = await analytics.motion(SPEAKER.frame + 1);
      const head = scaled(HEAD);
      const shelf = scaled(SHELF);
      expect(
        changedPixels(ecb, (x, y) => inside(x, y, head)),
        'changed pixels on the head',
      ).toBeGreaterThan(1000);
      expect(
        changedPixels(ecb, (x, y) => inside(x, y, shelf)),
        'changed pixels on the shelf',
      ).toBe(0);
      expect(changedPixels(ecb), 'most of the frame stands still').toBeLessThan((ecb.width * ecb.height) / 10);
      expect(changedPixels(gcm), 'every GCM pixel changed').toBe(gcm.width * gcm.height);
    });

    await test.step('the same frame drawn again (a panel hidden) keeps its map and its numbers', async () => {
      const before = await analytics.motion(SPEAKER.frame + 1);
      const numbers = await analytics.numbers(SPEAKER.frame + 1);
      const { drawn } = await lab.clock();
      await analytics.page.getByTestId('toggle-decrypted').click();
      await expect.poll(async () => (await lab.clock()).drawn, 'the frame is drawn again').toBeGreaterThan(drawn);
      const again = await analytics.motion(SPEAKER.frame + 1);
      expect(changedPixels(again.ecb)).toBe(changedPixels(before.ecb));
      expect(changedPixels(again.gcm)).toBe(again.gcm.width * again.gcm.height);
      const redrawn = await analytics.numbers(SPEAKER.frame + 1);
      expect(redrawn.ecb.unchanged_share).toBe(numbers.ecb.unchanged_share);
      expect(redrawn.ecb.unchanged_share).not.toBe('');
      expect(redrawn.gcm.unchanged_share).toBe('0');
    });
  });

  test('on the static slide, ECB’s map is still except the moving self-view; GCM’s is all changed', async ({
    lab,
    analytics,
  }) => {
    await lab.open({ start: SLIDE.start });
    await lab.expectFrame(SLIDE.frame);
    await lab.stepForward.click();
    const { ecb, gcm } = await analytics.motion(SLIDE.frame + 1);
    // One 16-byte block is 5⅓ rgb pixels wide: a changed block reaches up to 6 pixels past what moved.
    const selfView = scaled(SELF_VIEW, 8);
    expect(
      changedPixels(ecb, (x, y) => !inside(x, y, selfView)),
      'changed pixels outside the self-view',
    ).toBe(0);
    expect(
      changedPixels(ecb, (x, y) => inside(x, y, selfView)),
      'the self-view moves',
    ).toBeGreaterThan(0);
    expect(changedPixels(gcm), 'every GCM pixel changed').toBe(gcm.width * gcm.height);

    await test.step('without the picture beneath, the maps are the two colours alone, and the same blocks', async () => {
      const { drawn } = await lab.clock();
      await analytics.underlay.uncheck();
      await expect.poll(async () => (await lab.clock()).drawn, 'the frame is drawn again').toBeGreaterThan(drawn);
      const bare = await analytics.motion(SLIDE.frame + 1);
      const colours = (map: CanvasPixels) => {
        const seen = new Map<string, number>();
        for (let p = 0; p < map.width * map.height; p++) {
          const key = [...map.rgba.subarray(p * 4, p * 4 + 4)].join();
          seen.set(key, (seen.get(key) ?? 0) + 1);
        }
        return seen;
      };
      const still = [...STILL_COLOUR, 255].join();
      const changed = [...CHANGED_COLOUR, 255].join();
      const ecbColours = colours(bare.ecb);
      expect([...ecbColours.keys()].sort()).toEqual([changed, still].sort());
      expect(ecbColours.get(changed)).toBe(changedPixels(ecb));
      expect([...colours(bare.gcm).keys()]).toEqual([changed]);
      await analytics.underlay.check();
    });
  });
});

test('out of sight while playing they are left out; brought into sight, paused or playing, they show the frame', async ({
  lab,
  page,
}) => {
  await lab.open();
  const opened = await lab.panel('motion').getAttribute('data-frame');
  const viewport = page.viewportSize();
  const box = await lab.panel('motion').boundingBox();
  // The lab watches with a 200 px margin: the map must start below it for this test to mean anything.
  expect(box && viewport && box.y > viewport.height + 200, `the map starts below the fold: ${box?.y}`).toBe(true);

  await lab.play();
  await expect.poll(() => lab.shownFrame(), 'the four panels play on').toBeGreaterThan(30);
  for (const id of ['motion', 'motion-gcm'] as const)
    await expect(lab.panel(id), `${id} was not drawn out of sight`).toHaveAttribute('data-frame', opened ?? '');
  await lab.pause();
  // Paused, the last frame drawn may have been a playing one, drawn without the maps: brought into
  // sight, they are drawn for it (or the frame the pause settles on draws them anyway).
  await lab.panel('motion').scrollIntoViewIfNeeded();
  let paused = -1;
  await expect(async () => {
    paused = await lab.shownFrame();
    for (const id of ['motion', 'motion-gcm'] as const)
      expect(await lab.panel(id).getAttribute('data-frame'), `${id} in sight shows the paused frame`).toBe(
        String(paused),
      );
  }).toPass();
  expect(paused).toBeGreaterThan(30);

  // Played from where the maps are (a click on the player would scroll it, and them out of sight, again).
  // Ten frames take a third of a second; the clip's end, which draws every panel, is ten seconds away.
  await page.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid="play-toggle"]')?.click());
  await expect(lab.playToggle).toHaveAttribute('data-state', 'playing');
  await expect(lab.panel('motion')).toBeInViewport();
  await expect
    .poll(async () => Number(await lab.panel('motion').getAttribute('data-frame')), {
      message: 'in sight, they play along',
      timeout: 5_000,
    })
    .toBeGreaterThan(paused + 10);

  // Opened afresh, out of sight while playing, then brought into sight in the same moment as the pause,
  // while frames are still in the workers: the maps end on the frame the panels end on.
  await lab.open();
  await lab.play();
  await expect.poll(() => lab.shownFrame(), 'the four panels play on').toBeGreaterThan(30);
  await page.evaluate(() => {
    document.querySelector('[data-testid="panel-motion"]')?.scrollIntoView();
    document.querySelector<HTMLButtonElement>('[data-testid="play-toggle"]')?.click();
  });
  await expect(lab.playToggle).toHaveAttribute('data-state', 'paused');
  await expect(async () => {
    const shown = await lab.shownFrame();
    await expect(lab.frameNumber).toHaveText(String(shown), { timeout: 200 });
    for (const id of ['motion', 'motion-gcm'] as const)
      expect(await lab.panel(id).getAttribute('data-frame'), `${id} shows the frame paused on`).toBe(String(shown));
  }).toPass();
});

test('the live charts are fed while the meeting plays', async ({ lab, analytics }) => {
  await lab.open();
  const names = ['repeated', 'unchanged', 'entropy', 'correlation'] as const;
  for (const name of names) await expect(analytics.chart(name).locator('canvas')).toHaveCount(1);
  await lab.play();
  for (const name of names) {
    await expect
      .poll(async () => Number(await analytics.chart(name).getAttribute('data-points')), { message: name })
      .toBeGreaterThanOrEqual(20);
  }
  await test.step('the repeated-blocks chart draws an ECB line near the top (≈ 90 %)', async () => {
    // ECB is drawn in Okabe–Ito vermillion, #d55e00; count its pixels in the upper third of the plot.
    const upper = await analytics.chart('repeated').evaluate((chart) => {
      const canvas = chart.querySelector('canvas');
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx) throw new Error('no chart canvas');
      const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let vermillion = 0;
      for (let p = 0; p < width * Math.floor(height / 3); p++) {
        const [r, g, b] = [data[p * 4], data[p * 4 + 1], data[p * 4 + 2]];
        if (Math.abs(r - 213) < 20 && Math.abs(g - 94) < 30 && Math.abs(b - 0) < 30) vermillion++;
      }
      return vermillion;
    });
    expect(upper).toBeGreaterThan(50);
  });
  await test.step('between two measured frames the table keeps showing the last measurement', async () => {
    // While playing only some frames are measured (ten a second at most); the clock's `measured` must
    // hold the last one for the frames in between, not drop to nothing.
    // The clip may have played to its end by now: start it again from the beginning.
    if ((await lab.state()).playing) await lab.pause();
    await lab.page.getByTestId('scrub').fill('0');
    await lab.play();
    const gaps = await lab.page.evaluate(
      () =>
        new Promise<{ empty: number; seen: number }>((resolve) => {
          type Clock = { drawn: number; measured: unknown };
          type Lens = {
            clock: { get(): Clock; subscribe(listener: () => void): () => void };
            state: { get(): { playing: boolean } };
          };
          const lens = (window as unknown as { ecbLens: Lens }).ecbLens;
          const start = lens.clock.get().drawn;
          let empty = 0;
          let seen = 0;
          // Every frame drawn while 30 are drawn (or until playback stops), after the first few.
          const stop = lens.clock.subscribe(() => {
            const { drawn, measured } = lens.clock.get();
            if (drawn > start + 3) {
              seen++;
              if (measured === null) empty++;
            }
            if (drawn >= start + 30 || !lens.state.get().playing) {
              stop();
              resolve({ empty, seen });
            }
          });
        }),
    );
    expect(gaps.seen, 'looks while playing').toBeGreaterThan(10);
    expect(gaps.empty, `${gaps.empty} of ${gaps.seen} looks found no measurement`).toBe(0);
  });
  if ((await lab.state()).playing) await lab.pause();
});

test('switched off, frames are neither measured nor mapped; switched on, both come back', async ({
  lab,
  analytics,
}) => {
  await lab.open({ start: SLIDE.start });
  await lab.expectFrame(SLIDE.frame);
  await analytics.toggle.click();
  await expect(analytics.toggle).toHaveAttribute('aria-checked', 'false');
  await expect(analytics.table).toHaveCount(0);
  await expect(lab.panel('motion')).toHaveCount(0);
  await lab.stepForward.click();
  await lab.expectFrame(SLIDE.frame + 1);
  expect((await lab.clock()).metrics, 'no measurements with analytics off').toBeNull();

  await analytics.toggle.click();
  await expect(analytics.toggle).toHaveAttribute('aria-checked', 'true');
  const numbers = await analytics.numbers(SLIDE.frame + 1);
  expect(Number(numbers.original.repeated_share)).toBeGreaterThan(0.3);
  await expect(lab.panel('motion')).toHaveAttribute('data-frame', String(SLIDE.frame + 1));
});

test.describe('CSV of every frame', () => {
  // Stepping seeks the video once per frame, about 0.1 s each here: the meeting's 360 frames take
  // 35–45 s, so the whole-clip export runs on the 2 s, 60-frame clip fixture instead.
  test('an uploaded 2 s clip: 60 rows, one per frame in order, and the table’s numbers for the frame it showed', async ({
    lab,
    analytics,
  }) => {
    await lab.open({ source: 'penguin', width: 320 });
    await lab.upload(mediaFixture('clip-320x240.webm'));
    await expect(lab.sourceStatus).toHaveText('clip-320x240.webm · 320×240 · 2.0 s');
    await lab.expectFrame(0);

    const shown = 3;
    let table!: Numbers;
    await test.step(`stepped to frame ${shown}, the table shows its numbers`, async () => {
      for (let frame = 1; frame <= shown; frame++) {
        await lab.stepForward.click();
        await lab.expectFrame(frame);
      }
      table = await analytics.numbers(shown);
      expect(table.ecb.unchanged_share, 'compared with the frame before').not.toBe('');
    });

    let text = '';
    await test.step('Download CSV of every frame: progress while it steps, then one file', async () => {
      await expect(analytics.csv).toHaveText('Download CSV of every frame');
      const saved = analytics.page.waitForEvent('download');
      await analytics.csv.click();
      await expect(analytics.csvProgress).toHaveAttribute('max', '60');
      const download = await saved;
      expect(download.suggestedFilename()).toBe('ecb-lens-clip-320x240-webm-metrics.csv');
      await expect(analytics.csvStatus).toHaveText('Saved ecb-lens-clip-320x240-webm-metrics.csv (60 rows).');
      await expect(analytics.csvProgress).toBeHidden();
      text = await readFile(await download.path(), 'utf8');
    });

    const lines = text.split('\r\n');
    const header = CSV_HEADER;
    const rows = lines
      .slice(1, -1)
      .map((line) => Object.fromEntries(line.split(',').map((cell, i) => [header[i], cell])));

    await test.step('a header and 60 rows, frames 0 to 59 in order, CRLF-terminated', async () => {
      expect(lines[0]).toBe(header.join(','));
      expect(lines.at(-1), 'the file ends with a line break').toBe('');
      expect(rows).toHaveLength(60);
      expect(rows.map((row) => Number(row.frame))).toEqual(Array.from({ length: 60 }, (_, i) => i));
      for (const line of lines.slice(1, -1)) expect(line.split(',')).toHaveLength(header.length);
      const times = rows.map((row) => Number(row.time));
      expect(times).toEqual([...times].sort((a, b) => a - b));
    });

    await test.step(`frame ${shown}’s row holds the original’s and ECB’s numbers the table showed`, async () => {
      const row = rows[shown];
      for (const stream of ['original', 'ecb'] as const) {
        for (const [metric, value] of Object.entries(table[stream]))
          expect(row[`${stream}_${metric}`], `${stream}_${metric}`).toBe(value);
      }
      // GCM's bytes differ with every encryption (a fresh nonce): only what any nonce gives is fixed.
      expect(row.gcm_repeated_share).toBe('0');
      expect(row.gcm_unchanged_share).toBe('0');
    });

    await test.step('every row: ECB repeats and keeps the original’s blocks; only frame 0 has nothing to compare', async () => {
      expect(rows[0].ecb_unchanged_share).toBe('');
      for (const row of rows) {
        expect(row.ecb_repeated_blocks, `frame ${row.frame}`).toBe(row.original_repeated_blocks);
        if (row.frame === '0') continue;
        expect(row.ecb_unchanged_blocks, `frame ${row.frame}`).toBe(row.original_unchanged_blocks);
        expect(row.gcm_unchanged_blocks, `frame ${row.frame}`).toBe('0');
      }
    });
  });

  test('cancel mid-way: nothing is saved, the section says where it stopped, the lab is paused', async ({
    lab,
    analytics,
    page,
  }) => {
    const downloads: string[] = [];
    page.on('download', (download) => downloads.push(download.suggestedFilename()));
    await lab.open({ width: 320 });
    await analytics.csv.click();
    await expect(analytics.csvProgress).toHaveAttribute('max', '360');
    await expect.poll(async () => Number(await analytics.csvProgress.getAttribute('value'))).toBeGreaterThanOrEqual(5);
    await analytics.csvCancel.click();
    await expect(analytics.csvStatus).toHaveText(/^Cancelled at frame \d+ of 360; nothing was saved\.$/);
    await expect(analytics.csvProgress).toBeHidden();
    await expect(analytics.csv).toBeEnabled();
    await expect(lab.playToggle).toHaveAttribute('data-state', 'paused');
    const stopped = await lab.shownFrame();
    await lab.stepForward.click();
    await lab.expectFrame(stopped + 1);
    expect(downloads).toEqual([]);
  });
});
