/**
 * A user who refuses the camera. This file runs its own Chromium without
 * --use-fake-ui-for-media-stream (which would grant every request) and with --deny-permission-prompts,
 * so the camera request is refused at once instead of waiting on a prompt nobody can answer.
 */
import { CHROMIUM_ARGS, findChromium } from '../../scripts/find-chromium.mjs';
import { expect, test } from './fixtures/index';

test.use({
  launchOptions: {
    executablePath: findChromium(),
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--deny-permission-prompts'],
  },
});

test('a denied camera gets a clear message, and the meeting keeps playing', async ({ lab, camera }) => {
  await lab.open();
  await lab.play();
  const before = await lab.shownFrame();

  await lab.webcamToggle.click();
  await expect(lab.error).toContainText('Camera access was denied');
  await expect(lab.webcamToggle).toHaveAttribute('aria-pressed', 'false');
  expect(await camera.tracks(), 'no camera stream was handed to the page').toEqual([]);

  await test.step('the meeting is still the source, and still playing', async () => {
    await expect(lab.sourceStatus).toContainText('A video meeting');
    await expect(lab.playToggle).toHaveAttribute('data-state', 'playing');
    const { frames, mismatches } = await lab.sampleFramesWhilePlaying(5);
    expect(mismatches).toEqual([]);
    expect(frames[0]).toBeGreaterThanOrEqual(before);
    expect(frames.at(-1)).toBeGreaterThan(frames[0]);
  });
});
