/**
 * Puts a worker's panel picture on a page canvas and stamps the canvas with the index of the frame it now
 * shows. putImageData writes the picture's bytes as they are, with no scaling or smoothing, and that is
 * what the panel's downloads and exports then read.
 *
 * The workers send pixels rather than ImageBitmaps painted on their own canvases. Measured in-browser on
 * the bench machine (README "Performance"), four 1280×720 panels shown about 20 times a second cost the
 * browser, all threads, 67–78 ms of CPU per frame as one ImageBitmap per panel, 55–64 ms as ImageBitmaps
 * in strips, and 15.2 ms as pixels put here: a transferred bitmap takes fresh memory and is copied again on
 * its way to the screen.
 */
import type { PanelPicture } from '../worker/protocol';

/** Draws `picture` on `canvas`, sized to it. The picture's buffer is left as it was, for reuse. */
export function presentPicture(canvas: HTMLCanvasElement, picture: PanelPicture, frameIndex: number): void {
  // The worker's PicturePool made the picture exactly width × height × 4 bytes; ImageData refuses any other.
  const { width, height, pixels } = picture;
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const ctx = canvas.getContext('2d', { alpha: false });
  if (!ctx) throw new Error('this browser cannot draw on a canvas');
  ctx.putImageData(new ImageData(new Uint8ClampedArray(pixels), width, height), 0, 0);
  canvas.dataset.frame = String(frameIndex);
}
