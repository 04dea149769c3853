/**
 * Whether this browser hands back the pixels a page drew. Some browsers add noise to canvas reads on
 * purpose, against fingerprinting: Brave's "farbling" changes the low bits of getImageData, and Firefox
 * with privacy.resistFingerprinting returns made-up pixels. A noisy read breaks equal 16-byte blocks
 * apart, so ECB would look as random as GCM — the opposite of the lesson. The lab draws a known pattern,
 * reads it back and compares exactly; when the canvas read is noisy it reads frames through
 * VideoFrame.copyTo instead (checked the same way), and when that is noisy too it says so.
 * https://brave.com/privacy-updates/4-fingerprinting-defenses-2.0/
 */

/** How the lab reads a frame's pixels: from a canvas, from a VideoFrame (canvas reads were noisy), or noisily. */
export type PixelReads = 'canvas' | 'video-frame' | 'noisy';

/** The message the lab shows when no exact read is left. */
export const NOISY_READS_MESSAGE =
  'This browser adds noise to the pixels a page reads back (a fingerprinting defence, such as Brave’s ' +
  'or Firefox’s “resist fingerprinting”). Equal blocks no longer look equal, so ECB here looks as random as ' +
  'GCM — which it is not. Allow canvas reads for this site, or use another browser, to see the real leak.';

/** Side of the square pattern the check draws. */
export const PATTERN_SIDE = 16;

/**
 * A known opaque RGBA pattern, `side × side`: every byte value in every colour channel (a noise that only
 * flips low bits changes some of them), alpha 255 so no premultiplication can round a value.
 * @example testPattern(16).length // 1024
 */
export function testPattern(side = PATTERN_SIDE): Uint8ClampedArray<ArrayBuffer> {
  const pattern = new Uint8ClampedArray(side * side * 4);
  for (let i = 0; i < side * side; i++) {
    pattern[4 * i] = i & 0xff;
    pattern[4 * i + 1] = (i * 7 + 85) & 0xff;
    pattern[4 * i + 2] = (255 - i) & 0xff;
    pattern[4 * i + 3] = 255;
  }
  return pattern;
}

/**
 * How many bytes of `read` differ from `expected` (a read of the wrong length differs everywhere): zero
 * means the read is exact.
 * @example differingBytes(testPattern(), testPattern()) // 0
 */
export function differingBytes(expected: ArrayLike<number>, read: ArrayLike<number>): number {
  if (read.length !== expected.length) return Math.max(read.length, expected.length);
  let count = 0;
  for (let i = 0; i < expected.length; i++) if (read[i] !== expected[i]) count++;
  return count;
}

/** Whether a 2D canvas (an OffscreenCanvas, in a worker or on the page) reads back exactly what was put. */
export function canvasReadsExactly(): boolean {
  try {
    const canvas = new OffscreenCanvas(PATTERN_SIDE, PATTERN_SIDE);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) return false;
    const pattern = testPattern();
    ctx.putImageData(new ImageData(pattern, PATTERN_SIDE, PATTERN_SIDE), 0, 0);
    return differingBytes(pattern, ctx.getImageData(0, 0, PATTERN_SIDE, PATTERN_SIDE).data) === 0;
  } catch {
    return false;
  }
}

/** Whether a VideoFrame made from a bitmap of the pattern copies out exactly as RGBA. */
export async function videoFrameReadsExactly(): Promise<boolean> {
  if (typeof VideoFrame === 'undefined') return false;
  let frame: VideoFrame | null = null;
  try {
    const pattern = testPattern();
    const bitmap = await createImageBitmap(new ImageData(pattern, PATTERN_SIDE, PATTERN_SIDE));
    frame = new VideoFrame(bitmap, { timestamp: 0 });
    bitmap.close();
    const read = new Uint8Array(pattern.length);
    const layout = await frame.copyTo(read, { format: 'RGBA', colorSpace: 'srgb' });
    if (layout.length !== 1 || layout[0].offset !== 0 || layout[0].stride !== PATTERN_SIDE * 4) return false;
    // A copy in the frame's own format (BGRA, RGBX) would differ too: only an exact RGBA copy passes.
    if (frame.format && /X$/.test(frame.format)) for (let i = 3; i < read.length; i += 4) read[i] = 255;
    return differingBytes(pattern, read) === 0;
  } catch {
    return false;
  } finally {
    frame?.close();
  }
}

/**
 * How this browser should read frames: from a canvas when that is exact, else from VideoFrames when
 * those are exact, else noisily (and the page says so).
 */
export async function checkPixelReads(): Promise<PixelReads> {
  if (canvasReadsExactly()) return 'canvas';
  return (await videoFrameReadsExactly()) ? 'video-frame' : 'noisy';
}
