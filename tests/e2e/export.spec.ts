/**
 * Export for slides, as a lecturer uses it: the labelled side-by-side PNG of the frame on screen and a
 * WebM clip of the panels, read back exactly — the PNG with pngjs, the clip with mediabunny in Node
 * (container, size, duration, packets). Keys are fixed through the address and the clip starts on the
 * meeting's slide at 6 s (frame 180), so every run exports the same frames.
 */
import { readFile } from 'node:fs/promises';
import type { Download, Locator, Page } from '@playwright/test';
import { ALL_FORMATS, BufferSource, EncodedPacketSink, Input } from 'mediabunny';
import { PNG } from 'pngjs';
import { compositeLayout, type Rect } from '../../lib/media/export/composite';
import { expect, PANELS, test as base } from './fixtures';
import { pixelDifference } from './support/pixels';

const SLIDE = { start: 6, frame: 180 };
const FPS = 30;

/** The export dialog, by test id. */
class ExportDialog {
  readonly open: Locator;
  readonly dialog: Locator;
  readonly png: Locator;
  readonly clipStart: Locator;
  readonly clipLength: Locator;
  readonly clipRun: Locator;
  readonly progress: Locator;
  readonly cancel: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.open = page.getByTestId('export-open');
    this.dialog = page.getByTestId('export-dialog');
    this.png = page.getByTestId('export-png');
    this.clipStart = page.getByTestId('export-clip-start');
    this.clipLength = page.getByTestId('export-clip-length');
    this.clipRun = page.getByTestId('export-clip-run');
    this.progress = page.getByTestId('export-progress');
    this.cancel = page.getByTestId('export-cancel');
    this.status = page.getByTestId('export-status');
  }

  async show(): Promise<void> {
    await this.open.click();
    await expect(this.dialog).toBeVisible();
  }

  async close(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.dialog).toBeHidden();
  }

  /** Clicks "Download PNG" and decodes what was saved. */
  async downloadPng(): Promise<{ name: string; png: PNG; path: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.png.click()]);
    const path = await download.path();
    return { name: download.suggestedFilename(), png: PNG.sync.read(await readFile(path)), path };
  }

  /** Fills in start and length and starts the clip. */
  async startClip(start: number, length: number): Promise<void> {
    await this.clipStart.fill(String(start));
    await this.clipLength.fill(String(length));
    await this.clipRun.click();
  }
}

const test = base.extend<{ exporter: ExportDialog }>({
  exporter: async ({ page }, provide) => {
    await provide(new ExportDialog(page));
  },
});

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

    const four = compositeLayout({ count: 4, width: 640, height: 360 });
    await test.step('four panels: two rows of two, each picture byte for byte the panel canvas', async () => {
      await exporter.show();
      const { name, png, path } = await exporter.downloadPng();
      await testInfo.attach('composite-4-panels', { path, contentType: 'image/png' });
      expect(name).toBe(`ecb-lens-a-video-meeting-side-by-side-frame${SLIDE.frame}.png`);
      expect([png.width, png.height]).toEqual([four.width, four.height]);
      const shown = await lab.readPanels();
      expect(shown.frame).toBe(SLIDE.frame);
      PANELS.forEach((panel, index) => {
        const area = four.panels[index].picture;
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
      const three = compositeLayout({ count: 3, width: 640, height: 360 });
      expect([png.width, png.height]).toEqual([three.width, three.height]);
      expect(png.width).not.toBe(four.width);
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
      const layout = compositeLayout({ count: 4, width: 640, height: 360 });
      expect(clip.mimeType).toMatch(/^video\/webm/);
      expect(['vp9', 'vp8']).toContain(clip.codec);
      expect([clip.width, clip.height]).toEqual([layout.width, layout.height]);
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
