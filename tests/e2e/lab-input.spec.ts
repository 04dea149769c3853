/**
 * What users feed the lab: their own videos and pictures, their webcam, and files that are broken in
 * every way tests/fixtures/media/README.md lists. Good input gets encrypted like the samples; bad input
 * gets a clear message while the previous source stays and keeps working.
 */
import { PNG } from 'pngjs';
import { expect, test } from './fixtures/index';
import type { LabPage, Panels } from './fixtures/lab-page';
import { mediaFixture, sample } from './fixtures/media';
import {
  blockPatternMismatches,
  byteEntropy,
  hasDepth,
  pixelDifference,
  quantize,
  repeatedBlockShare,
  rgbBytes,
} from './support/pixels';

/** The properties every source must show: ECB keeps its block pattern, GCM has none, decryption is exact. */
function expectLabProperties(panels: Panels) {
  const original = rgbBytes(panels.original.rgba);
  const ecb = rgbBytes(panels.ecb.rgba);
  const gcm = rgbBytes(panels.gcm.rgba);
  expect(repeatedBlockShare(ecb), 'ECB repeats blocks exactly as often as the original').toBe(
    repeatedBlockShare(original),
  );
  expect(blockPatternMismatches(original, ecb), 'blocks equal in the original ⇔ equal in ECB').toBe(0);
  expect(repeatedBlockShare(gcm), 'GCM repeats no block').toBe(0);
  expect(byteEntropy(gcm), 'GCM byte entropy, bits per byte').toBeGreaterThan(7.9);
  expect(
    pixelDifference(panels.decrypted.rgba, panels.original.rgba, panels.original.width),
    'key holder sees the original',
  ).toBeNull();
}

/** A picture of flat bands, wider than the default processing width of 640 px. */
function widePicture(width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  const bands = [
    [30, 64, 175],
    [250, 204, 21],
    [22, 163, 74],
    [255, 255, 255],
  ];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b] = bands[Math.floor((x / width) * bands.length)];
      png.data.set([r, g, b, 255], (y * width + x) * 4);
    }
  }
  return PNG.sync.write(png, { colorType: 2 });
}

test.describe('opening the user’s own files', () => {
  const files = [
    { name: 'clip-320x240.webm', status: 'clip-320x240.webm · 320×240 · 2.0 s', width: 320, height: 240 },
    { name: 'clip.mp4', status: 'clip.mp4 · 160×120 · 1.0 s', width: 160, height: 120 },
    { name: 'picture.png', status: 'picture.png · 200×150 · picture', width: 200, height: 150 },
    { name: 'picture.jpg', status: 'picture.jpg · 200×150 · picture', width: 200, height: 150 },
  ];
  for (const file of files) {
    test(`${file.name} opens, is encrypted at its own size, and ECB/GCM behave`, async ({ lab }) => {
      await lab.open({ width: 320 });
      await lab.upload(mediaFixture(file.name));
      await expect(lab.sourceStatus).toHaveText(file.status);
      await lab.expectPanelSize(file.width, file.height);
      await lab.expectFrame(0);
      expectLabProperties(await lab.readPanels());
      await expect(lab.error).toBeHidden();
    });
  }

  test('an uploaded video plays, and its frames move through every panel together', async ({ lab }) => {
    await lab.open({ width: 320 });
    await lab.upload(mediaFixture('clip-320x240.webm'));
    await expect(lab.sourceStatus).toHaveText('clip-320x240.webm · 320×240 · 2.0 s');
    await lab.play();
    const { frames, mismatches } = await lab.sampleFramesWhilePlaying(5);
    expect(mismatches).toEqual([]);
    expect(frames, 'frames only move forward').toEqual([...frames].sort((a, b) => a - b));
    // The clip is 2 s long: on a slow machine sampling can outlast it, so let it play to its end,
    // where the lab stops by itself, rather than race it to the pause button.
    await expect(lab.playToggle).toHaveAttribute('data-state', 'paused', { timeout: 15_000 });
    expectLabProperties(await lab.readPanels());
  });

  test('a picture wider than the processing width is scaled down to it, aspect kept', async ({ lab }) => {
    await lab.open();
    await lab.upload({ name: 'wide.png', mimeType: 'image/png', buffer: widePicture(960, 540) });
    await expect(lab.sourceStatus).toHaveText('wide.png · 960×540 · picture');
    await lab.expectPanelSize(640, 360);
    expectLabProperties(await lab.readPanels());
    await test.step('at processing width 480 it is 480×270', async () => {
      await lab.setWidth(480);
      await lab.expectPanelSize(480, 270);
      expectLabProperties(await lab.readPanels());
    });
  });
});

test.describe('the webcam (Chromium’s fake camera)', () => {
  test('turns on, plays, is encrypted at the camera’s size; lower depth brings more repeats; stop releases the camera', async ({
    lab,
    camera,
  }) => {
    await lab.open();

    let cameraSize!: { width: number; height: number };
    await test.step('the webcam turns on and the source says so', async () => {
      await lab.webcamToggle.click();
      await expect(lab.webcamToggle).toHaveAttribute('aria-pressed', 'true');
      const [track] = await camera.tracks();
      expect(track).toMatchObject({ kind: 'video', readyState: 'live' });
      cameraSize = { width: track.width ?? 0, height: track.height ?? 0 };
      await expect(lab.sourceStatus).toHaveText(`Webcam · ${cameraSize.width}×${cameraSize.height} · live`);
      await expect(lab.playToggle).toHaveAttribute('data-state', 'playing');
    });

    await test.step('frames advance, on all panels at once, at the camera’s size scaled to 640 wide', async () => {
      const { frames, mismatches } = await lab.sampleFramesWhilePlaying(5);
      expect(mismatches).toEqual([]);
      expect(frames, 'frames only move forward').toEqual([...frames].sort((a, b) => a - b));
      const height = Math.round((cameraSize.height * 640) / cameraSize.width);
      await lab.expectPanelSize(640, height);
      expectLabProperties(await lab.readPanels());
    });

    await test.step('the page explains why camera frames can hide ECB’s leak, and offers fewer bits', async () => {
      await expect(lab.noiseNote).toBeVisible();
      await expect(lab.noiseNote).toContainText('sensor noise');
      await expect(lab.noiseNote).toContainText('That is luck, not security');
      // The fake camera is not noisy (flat green, a moving pie, a clock): 8-bit ECB already leaks here.
      const at8 = await lab.readPanels();
      expect(repeatedBlockShare(rgbBytes(at8.ecb.rgba))).toBeGreaterThan(0.5);

      await lab.tryThreeBits.click();
      await expect(lab.bits).toHaveValue('3');
      await expect(lab.tryThreeBits).toBeHidden();
      // Compare within one frame (the camera moves on): ECB at 3 bits repeats what the quantized
      // original repeats, which is more than the 8-bit original does.
      const at3 = await lab.readPanelsWhen((read) =>
        expect(hasDepth(read.decrypted.rgba, 3), 'decrypted at 3 bits').toBe(true),
      );
      const original = rgbBytes(at3.original.rgba);
      const quantized = quantize(original, 3);
      const ecbShare = repeatedBlockShare(rgbBytes(at3.ecb.rgba));
      expect(ecbShare).toBe(repeatedBlockShare(quantized));
      expect(blockPatternMismatches(quantized, rgbBytes(at3.ecb.rgba))).toBe(0);
      expect(ecbShare, 'repeated-block share at 3 bits vs. the same frame at 8 bits').toBeGreaterThan(
        repeatedBlockShare(original),
      );
      test.info().annotations.push({
        type: 'fake camera, repeated 16-byte blocks',
        description: `ECB at 8 bits ${repeatedBlockShare(rgbBytes(at8.ecb.rgba)).toFixed(4)}; one frame at 8 bits ${repeatedBlockShare(original).toFixed(4)}, the same at 3 bits ${ecbShare.toFixed(4)}`,
      });
    });

    await test.step('stop ends every camera track and leaves the lab without a source', async () => {
      await lab.webcamToggle.click();
      await expect(lab.webcamToggle).toHaveAttribute('aria-pressed', 'false');
      await expect(lab.sourceStatus).toContainText('No source');
      const tracks = await camera.tracks();
      expect(tracks.length).toBeGreaterThan(0);
      expect(tracks.map((track) => track.readyState)).toEqual(tracks.map(() => 'ended'));
    });
  });
});

test.describe('bad input gets a clear message; the previous source stays and works', () => {
  const meeting = sample('meeting');
  const meetingStatus = `${meeting.title} · ${meeting.width}×${meeting.height} · 12.0 s`;

  /** After a refused file: the meeting is still the source, on the same frame, and still responds. */
  async function expectMeetingStillWorks(lab: LabPage) {
    await expect(lab.sourceStatus).toHaveText(meetingStatus);
    await lab.expectPanelSize(320, 180);
    await lab.expectFrame(0);
    const before = await lab.readPanels();
    await lab.stepForward.click();
    await lab.expectFrame(1);
    await lab.setBits(4);
    await lab.readPanelsWhen((read) => {
      expect(read.frame).toBe(1);
      expect(pixelDifference(read.decrypted.rgba, before.decrypted.rgba, read.decrypted.width)).not.toBeNull();
      expect(hasDepth(read.decrypted.rgba, 4), 'decrypted at 4 bits').toBe(true);
    });
  }

  const refused = [
    { file: 'not-media.webm', words: ['not-media.webm', 'not a video or picture this browser can play'] },
    { file: 'empty.webm', words: ['empty.webm', 'is empty (0 bytes)'] },
    { file: 'huge-8000x8000.png', words: ['huge-8000x8000.png', '8000×8000', 'too large', '8192 px'] },
    { file: 'unsupported-codec.mp4', words: ['unsupported-codec.mp4', 'unsupported codec'] },
  ];
  for (const { file, words } of refused) {
    test(`${file} is refused with a reason`, async ({ lab }) => {
      await lab.open({ width: 320 });
      await lab.upload(mediaFixture(file));
      await expect(lab.error).toBeVisible();
      for (const word of words) await expect(lab.error).toContainText(word);
      await expectMeetingStillWorks(lab);
    });
  }

  test('truncated.webm plays until its frames run out, then says so; the lab still steps through what it has', async ({
    lab,
  }) => {
    await lab.open({ width: 320 });
    await lab.upload(mediaFixture('truncated.webm'));
    // The header still says 2 s, so the file opens; the damage shows only when it plays.
    await expect(lab.sourceStatus).toHaveText('truncated.webm · 320×240 · 2.0 s');
    // Not lab.play(): Chromium plays the 14 frames (under half a second), then jumps to 2.00 s and ends, too
    // soon to be sure to see "playing". The message comes only from `ended`, so it shows that it played.
    await expect(lab.playToggle).toHaveAttribute('data-state', 'paused');
    await lab.playToggle.click();
    await expect(lab.error).toContainText('ran out of frames at 0.43 s of 2.00 s');
    await expect(lab.error).toContainText('truncated');
    await expect(lab.playToggle).toHaveAttribute('data-state', 'paused');
    // Frames 0–13 are all the file has (13 = 0.433 s × 30): the lab stops on the last, the one the message
    // names, even if it skipped frames on the way while busy.
    await lab.expectFrame(13);

    await test.step('stepping back still draws frames', async () => {
      await lab.stepBack.click();
      await lab.expectFrame(12);
      expectLabProperties(await lab.readPanels());
    });
  });
});
