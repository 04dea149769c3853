/**
 * Shrinking a frame by a whole factor, in plain JavaScript: each output pixel is the mean of a k × k
 * square of source pixels, rounded half up. The lab's usual cases are whole factors (a 1280×720 call at
 * 640 or 320 wide, 1920×1080 at 640 or 960), and for those this, fed by VideoFrame.copyTo, takes a
 * fraction of the time of drawing the frame onto a canvas (see lib/worker/pixel-reader.ts).
 */
import { pixelWords } from '../cipher/frame';

/**
 * The whole factor that shrinks `sourceWidth × sourceHeight` to exactly `width × height`, or null when
 * there is none (the sizes are then not a k × k box apart).
 * @example boxFactor(1280, 720, 640, 360) // 2
 */
export function boxFactor(sourceWidth: number, sourceHeight: number, width: number, height: number): number | null {
  if (width < 1 || height < 1) return null;
  const k = sourceWidth / width;
  return Number.isInteger(k) && sourceHeight === k * height ? k : null;
}

/**
 * Shrinks RGBA pixels by the whole factor `k` into `out` (`width/k × height/k` pixels), alpha 255. Each
 * channel is the k × k square's mean, rounded half up, so k = 1 is an exact copy.
 * @example boxShrink(rgba, 1280, 720, 2, new Uint8ClampedArray(640 * 360 * 4))
 */
export function boxShrink(
  source: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  k: number,
  out: Uint8ClampedArray,
): Uint8ClampedArray {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`the factor must be a whole number ≥ 1, got ${k}`);
  if (width % k !== 0 || height % k !== 0)
    throw new RangeError(`${width}×${height} is not a whole number of ${k}×${k} squares`);
  if (source.length !== width * height * 4)
    throw new RangeError(`source must be ${width * height * 4} bytes, got ${source.length}`);
  const w = width / k;
  const h = height / k;
  if (out.length !== w * h * 4) throw new RangeError(`output must be ${w * h * 4} bytes, got ${out.length}`);
  if (k === 1) {
    out.set(source);
    for (let a = 3; a < out.length; a += 4) out[a] = 255;
    return out;
  }
  // Whole pixels as 32-bit words for the 2 × 2 case where both buffers allow it (about twice as fast).
  const from = k === 2 ? pixelWords(source) : null;
  const to = from ? pixelWords(out) : null;
  // Calls in functions of their own, per row: see the NOINLINE note in lib/worker/stages.ts.
  for (let y = 0; y < h; y++) {
    if (from && to) /*#__NOINLINE__*/ shrinkRow2Words(from, width, y, to, w);
    else if (k === 2) /*#__NOINLINE__*/ shrinkRow2(source, width, y, out, w);
    else /*#__NOINLINE__*/ shrinkRow(source, width, y, k, out, w);
  }
  return out;
}

/** Output row `y` of a 2 × 2 shrink, a pixel per 32-bit word (see pixelWords); as shrinkRow2. */
function shrinkRow2Words(from: Uint32Array, width: number, y: number, to: Uint32Array, w: number) {
  let top = 2 * y * width;
  let o = y * w;
  for (let x = 0; x < w; x++, top += 2, o++) {
    const p = from[top];
    const q = from[top + 1];
    const r = from[top + width];
    const s = from[top + width + 1];
    const red = ((p & 255) + (q & 255) + (r & 255) + (s & 255) + 2) >> 2;
    const green = (((p >>> 8) & 255) + ((q >>> 8) & 255) + ((r >>> 8) & 255) + ((s >>> 8) & 255) + 2) >> 2;
    const blue = (((p >>> 16) & 255) + ((q >>> 16) & 255) + ((r >>> 16) & 255) + ((s >>> 16) & 255) + 2) >> 2;
    to[o] = red | (green << 8) | (blue << 16) | 0xff000000;
  }
}

/** Output row `y` of a 2 × 2 shrink: (a + b + c + d + 2) >> 2 per channel, the mean rounded half up. */
function shrinkRow2(
  source: Uint8Array | Uint8ClampedArray,
  width: number,
  y: number,
  out: Uint8ClampedArray,
  w: number,
) {
  const stride = width * 4;
  let top = 2 * y * stride;
  let o = y * w * 4;
  for (let x = 0; x < w; x++, top += 8, o += 4) {
    const bottom = top + stride;
    out[o] = (source[top] + source[top + 4] + source[bottom] + source[bottom + 4] + 2) >> 2;
    out[o + 1] = (source[top + 1] + source[top + 5] + source[bottom + 1] + source[bottom + 5] + 2) >> 2;
    out[o + 2] = (source[top + 2] + source[top + 6] + source[bottom + 2] + source[bottom + 6] + 2) >> 2;
    out[o + 3] = 255;
  }
}

/** Output row `y` of a k × k shrink: each channel's sum plus half the count, divided by the count. */
function shrinkRow(
  source: Uint8Array | Uint8ClampedArray,
  width: number,
  y: number,
  k: number,
  out: Uint8ClampedArray,
  w: number,
) {
  const stride = width * 4;
  const count = k * k;
  const half = count >> 1;
  let o = y * w * 4;
  for (let x = 0; x < w; x++, o += 4) {
    let r = 0;
    let g = 0;
    let b = 0;
    for (let dy = 0; dy < k; dy++) {
      let s = (y * k + dy) * stride + x * k * 4;
      for (let dx = 0; dx < k; dx++, s += 4) {
        r += source[s];
        g += source[s + 1];
        b += source[s + 2];
      }
    }
    out[o] = Math.floor((r + half) / count);
    out[o + 1] = Math.floor((g + half) / count);
    out[o + 2] = Math.floor((b + half) / count);
    out[o + 3] = 255;
  }
}

/**
 * Shrinks RGBA pixels to `w × h` by any factor, into `out`, alpha 255: each output pixel is the mean,
 * rounded half up, of the source pixels whose top-left corners fall in its box (for a whole factor this is
 * exactly {@link boxShrink}). For frames that cannot be drawn and read back through a canvas.
 * @example areaShrink(rgba, 1280, 720, new Uint8ClampedArray(480 * 270 * 4), 480, 270)
 */
export function areaShrink(
  source: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  out: Uint8ClampedArray,
  w: number,
  h: number,
): Uint8ClampedArray {
  if (source.length !== width * height * 4)
    throw new RangeError(`source must be ${width * height * 4} bytes, got ${source.length}`);
  if (w < 1 || h < 1 || w > width || h > height) throw new RangeError(`cannot shrink ${width}×${height} to ${w}×${h}`);
  if (out.length !== w * h * 4) throw new RangeError(`output must be ${w * h * 4} bytes, got ${out.length}`);
  const k = boxFactor(width, height, w, h);
  if (k !== null) return boxShrink(source, width, height, k, out);
  for (let y = 0; y < h; y++) {
    const y0 = Math.floor((y * height) / h);
    const y1 = Math.floor(((y + 1) * height) / h);
    /*#__NOINLINE__*/ areaRow(source, width, y0, y1, out, y * w * 4, w);
  }
  return out;
}

/** One output row of areaShrink: source rows y0 … y1 − 1. */
function areaRow(
  source: Uint8Array | Uint8ClampedArray,
  width: number,
  y0: number,
  y1: number,
  out: Uint8ClampedArray,
  o: number,
  w: number,
) {
  const stride = width * 4;
  for (let x = 0; x < w; x++, o += 4) {
    const x0 = Math.floor((x * width) / w);
    const x1 = Math.floor(((x + 1) * width) / w);
    let r = 0;
    let g = 0;
    let b = 0;
    for (let sy = y0; sy < y1; sy++) {
      for (let s = sy * stride + x0 * 4, end = sy * stride + x1 * 4; s < end; s += 4) {
        r += source[s];
        g += source[s + 1];
        b += source[s + 2];
      }
    }
    const count = (x1 - x0) * (y1 - y0);
    const half = count >> 1;
    out[o] = Math.floor((r + half) / count);
    out[o + 1] = Math.floor((g + half) / count);
    out[o + 2] = Math.floor((b + half) / count);
    out[o + 3] = 255;
  }
}
