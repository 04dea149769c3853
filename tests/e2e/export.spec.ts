/**
 * Export for slides, as a lecturer uses it: the labelled side-by-side PNG of the frame on screen and a
 * WebM clip of the panels, read back exactly — the PNG with pngjs, the clip with mediabunny in Node
 * (container, size, duration, packets). Keys are fixed through the address and the clip starts on the
 * meeting's slide at 6 s (frame 180), so every run exports the same frames.
 */
import { readFile } from 'node:fs/promises';
import type { Download } from '@playwright/test';
import { ALL_FORMATS, BufferSource, EncodedPacketSink, Input } from 'mediabunny';
import type { PNG } from 'pngjs';
import { expect, test } from './fixtures/index';
import { PANELS } from './fixtures/lab-page';
import { pixelDifference } from './support/pixels';

const SLIDE = { start: 6, frame: 180 };
const FPS = 30;

/** A rectangle of the composite, in its pixels. */
interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/*
 * The composite's geometry, worked out by hand from the spacing lib/media/export/composite.ts documents
 * (COMPOSITE_METRICS), not by calling its compositeLayout, so a mistake there fails here: a margin of 40
 * all round, a gap of 32 between panels; above each picture a header of title 36 + 8 + badge 30 + 14 =
 * 88; below the panels a footer of 32 + rule 1 + 18 + three lines of 30 = 141; at most 1920 wide; the
 * total rounded up to even sizes. The lab draws every panel at 640×360 (the meeting at its default width).
 */

/**
 * Four panels: two rows of two, at native size (2 × 640 + 32 = 1312 fits 1920 − 2 × 40 = 1840).
 * Width 40 + 1312 + 40 = 1392; height 40 + (88 + 360) + 32 + (88 + 360) + 141 + 40 = 1149, even: 1150
 * (the file's own example says 1392×1150). Pictures start at x = 40 or 40 + 640 + 32 = 712, and at
 * y = 40 + 88 = 128 or 128 + 360 + 32 + 88 = 608.
 */
const FOUR_PANELS = {
  width: 1392,
  height: 1150,
  pictures: [
    { x: 40, y: 128, width: 640, height: 360 },
    { x: 712, y: 128, width: 640, height: 360 },
    { x: 40, y: 608, width: 640, height: 360 },
    { x: 712, y: 608, width: 640, height: 360 },
  ] satisfies Rect[],
};

/**
 * Three panels: one row, where 3 × 640 + 2 × 32 = 1984 would pass 1840, so every picture shrinks to
 * ⌊(1840 − 2 × 32) / 3⌋ = 592 wide and ⌊360 × 592 / 640⌋ = 333 high. Width 40 + 3 × 592 + 2 × 32 + 40 =
 * 1920; height 40 + 88 + 333 + 141 + 40 = 642.
 */
const THREE_PANELS = { width: 1920, height: 642 };

/** The RGBA pixels of `rect` in a decoded PNG. */
function crop(png: PNG, { x, y, width, height }: Rect): Uint8Array {
  const out = new Uint8Array(width * height * 4);
  for (let row = 0; row < height; row++) {
    const from = ((y + row) * png.width + x) * 4;
    out.set(png.data.subarray(from, from + width * 4), row * width * 4);
  }
  return out;
}

/** What mediabunny reads from a WebM: size, codec, duration and every packet's timestamp. */
async function probeWebm(bytes: Buffer) {
  const input = new Input({ source: new BufferSource(bytes), formats: ALL_FORMATS });
  const track = await input.getPrimaryVideoTrack();
  if (!track) throw new Error('the clip has no video track');
  const timestamps: number[] = [];
  for await (const packet of new EncodedPacketSink(track).packets()) timestamps.push(packet.timestamp);
  return {
    mimeType: await input.getMimeType(),
    codec: track.codec,
    width: await track.getDisplayWidth(),
    height: await track.getDisplayHeight(),
    duration: await input.computeDuration(),
    timestamps,
  };
}

test.describe('export for slides', () => {
  test('the side-by-side PNG holds each visible panel at its own pixels, sized as the layout says', async ({
    lab,
    exporter,
    page,
  }, testInfo) => {
    await lab.open({ start: SLIDE.start });
    await lab.expectFrame(SLIDE.frame);

    await test.step('four panels: two rows of two, each picture byte for byte the panel canvas', async () => {
      await exporter.show();
      const { name, png, path } = await exporter.downloadPng();
      await testInfo.attach('composite-4-panels', { path, contentType: 'image/png' });
      expect(name).toBe(`ecb-lens-a-video-meeting-side-by-side-frame${SLIDE.frame}.png`);
      expect([png.width, png.height]).toEqual([FOUR_PANELS.width, FOUR_PANELS.height]);
      const shown = await lab.readPanels();
      expect(shown.frame).toBe(SLIDE.frame);
      PANELS.forEach((panel, index) => {
        const area = FOUR_PANELS.pictures[index];
        expect([area.width, area.height]).toEqual([shown[panel].width, shown[panel].height]);
        expect(pixelDifference(crop(png, area), shown[panel].rgba, area.width), `${panel} picture`).toBeNull();
      });
      await exporter.close();
    });

    await test.step('hiding the ECB panel (key 2) makes a three-panel composite, with another width', async () => {
      await page.keyboard.press('2');
      await expect(lab.panel('ecb')).toHaveCount(0);
      await exporter.show();
      const { png, path } = await exporter.downloadPng();
      await testInfo.attach('composite-3-panels', { path, contentType: 'image/png' });
      expect([png.width, png.height]).toEqual([THREE_PANELS.width, THREE_PANELS.height]);
    });
  });

  test('a one-second WebM from 6 s: VP9 at the composite size, 30 frames, 1 s long', async ({
    lab,
    exporter,
  }, testInfo) => {
    await lab.open({ start: SLIDE.start });
    await lab.expectFrame(SLIDE.frame);
    await exporter.show();
    await expect(exporter.clipStart, 'the start defaults to the time on screen').toHaveValue('6.00');
    await expect(exporter.clipLength).toHaveValue('3');

    let download!: Download;
    await test.step('made with a progress bar, then saved under a name that gives its frames', async () => {
      const saved = exporter.page.waitForEvent('download');
      await exporter.startClip(SLIDE.start, 1);
      download = await saved;
      expect(download.suggestedFilename()).toBe(
        `ecb-lens-a-video-meeting-frames-${SLIDE.frame}-${SLIDE.frame + 29}.webm`,
      );
      await expect(exporter.status).toContainText(`Saved ${download.suggestedFilename()} (30 frames,`);
      await expect(exporter.progress).toBeHidden();
    });

    await test.step('mediabunny in Node reads it back: size, duration within a frame, one packet per frame', async () => {
      const path = await download.path();
      await testInfo.attach('clip.webm', { path, contentType: 'video/webm' });
      const clip = await probeWebm(await readFile(path));
      expect(clip.mimeType).toMatch(/^video\/webm/);
      expect(['vp9', 'vp8']).toContain(clip.codec);
      expect([clip.width, clip.height], 'the four-panel composite').toEqual([FOUR_PANELS.width, FOUR_PANELS.height]);
      expect(Math.abs(clip.duration - 1), `duration ${clip.duration} s`).toBeLessThanOrEqual(1 / FPS);
      expect(clip.timestamps).toHaveLength(30);
      // WebM keeps whole milliseconds: frame k at round(1000 k / 30) ms.
      expect(clip.timestamps.map((t) => Math.round(t * 1000))).toEqual(
        Array.from({ length: 30 }, (_, k) => Math.round((1000 * k) / FPS)),
      );
    });

    await test.step('the lab is left paused on the clip’s last frame', async () => {
      await exporter.close();
      await lab.expectFrame(SLIDE.frame + 29);
      await expect(lab.playToggle).toHaveAttribute('data-state', 'paused');
    });
  });

  test('cancel mid-way: progress stops, nothing is saved, the dialog says so, and the lab still steps', async ({
    lab,
    exporter,
    page,
  }) => {
    const downloads: string[] = [];
    page.on('download', (download) => downloads.push(download.suggestedFilename()));
    await lab.open({ start: SLIDE.start });
    await lab.expectFrame(SLIDE.frame);
    await exporter.show();

    await test.step('a 5 s clip is cancelled once 5 of its 150 frames are in', async () => {
      await exporter.startClip(SLIDE.start, 5);
      await expect(exporter.progress).toHaveAttribute('max', '150');
      await expect.poll(async () => Number(await exporter.progress.getAttribute('value'))).toBeGreaterThanOrEqual(5);
      await exporter.cancel.click();
    });

    let done = 0;
    await test.step('the dialog says where it stopped; the progress bar and Cancel are gone; no file came', async () => {
      await expect(exporter.status).toHaveText(/^Cancelled at frame \d+ of 150; nothing was saved\.$/);
      done = Number((await exporter.status.textContent())?.match(/frame (\d+)/)?.[1]);
      expect(done).toBeGreaterThanOrEqual(5);
      expect(done).toBeLessThan(150);
      await expect(exporter.progress).toBeHidden();
      await expect(exporter.cancel).toBeHidden();
      await expect(exporter.clipRun).toBeEnabled();
      expect(downloads).toEqual([]);
    });

    await test.step('the lab is paused where the export stopped, and steps one frame at a time again', async () => {
      await exporter.close();
      await expect(lab.playToggle).toHaveAttribute('data-state', 'paused');
      const stopped = await lab.shownFrame();
      // Frames 180 … 180 + done − 1 were added; the lab fetches one frame ahead of the encoder, and the
      // export waits for that fetch to land, so the lab stands on the next frame or the one after.
      expect([SLIDE.frame + done, SLIDE.frame + done + 1]).toContain(stopped);
      const drawn = (await lab.clock()).drawn;
      await lab.stepForward.click();
      await lab.expectFrame(stopped + 1);
      expect((await lab.clock()).drawn, 'exactly one frame drawn: the step, nothing left running').toBe(drawn + 1);
      expect(downloads).toEqual([]);
    });
  });
});
