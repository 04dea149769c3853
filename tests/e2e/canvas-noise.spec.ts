/**
 * Browsers that add noise to canvas reads (Brave, Firefox resisting fingerprinting) would make ECB look
 * as random as GCM. The lab checks its reads with a known pattern: with noisy canvases it reads frames
 * through VideoFrames, so ECB keeps its repeated blocks; with nothing exact left it says so.
 */
import { expect, test } from './fixtures';

/** The penguin at 320 wide: a picture, which the lab otherwise reads back from a canvas. */
const PENGUIN = { source: 'penguin', width: 320 } as const;

test('an ordinary browser: frames are read from a canvas', async ({ lab }) => {
  await lab.open(PENGUIN);
  await expect.poll(async () => (await lab.clock()).pixelReads).toBe('canvas');
});

test('noisy canvas reads: the lab reads through VideoFrames and ECB keeps its repeated blocks', async ({
  lab,
  canvasNoise,
}) => {
  await canvasNoise.install();
  await test.step('the penguin opens and its frame is read exactly, another way', async () => {
    await lab.open(PENGUIN);
    await expect.poll(async () => (await lab.clock()).pixelReads).toBe('video-frame');
  });
  await test.step('ECB repeats blocks across the flat background, as without noise', async () => {
    // Noise in half the colour bytes would leave almost no block repeated (under 1 %).
    await expect.poll(async () => (await lab.clock()).metrics?.ecb.repeatedShare ?? 0).toBeGreaterThan(0.3);
    await expect(lab.error).toBeHidden();
  });
});

test('noisy canvas and VideoFrame reads: the lab says plainly that ECB cannot be shown here', async ({
  lab,
  canvasNoise,
}) => {
  await canvasNoise.install({ videoFrames: true });
  await lab.open(PENGUIN);
  await expect(lab.error).toContainText('This browser adds noise to the pixels a page reads back');
  await expect(lab.error).toContainText('ECB here looks as random as GCM');
  expect((await lab.clock()).pixelReads).toBe('noisy');
});
