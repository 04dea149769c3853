/**
 * Pixel layout: which bytes of an RGBA frame get encrypted. `rgb` (3 bytes a pixel, alpha dropped) is
 * the colour a camera or screen gives (a video codec carries compressed data instead: these raw pixels
 * show the principle); `rgba` keeps alpha, so one 16-byte AES block is exactly 4 pixels; `gray` is
 * 1 byte a pixel of BT.601 luma (Y = 0.299 R + 0.587 G + 0.114 B, rounded), as in ITU-R BT.601.
 */
import { depthMask } from './depth';
import { asBytes, checkDimension, checkFrame, pixelWords, type Frame } from './frame';

export const LAYOUTS = ['rgb', 'rgba', 'gray'] as const;
export type Layout = (typeof LAYOUTS)[number];

const BYTES_PER_PIXEL: Record<Layout, number> = { rgb: 3, rgba: 4, gray: 1 };

/** Throws unless `layout` is one of {@link LAYOUTS}. */
export function checkLayout(layout: string): asserts layout is Layout {
  if (!(LAYOUTS as readonly string[]).includes(layout)) {
    throw new RangeError(`layout must be one of ${LAYOUTS.join(', ')}, got "${layout}"`);
  }
}

/** @example bytesPerPixel('rgb') // 3 */
export function bytesPerPixel(layout: Layout): number {
  checkLayout(layout);
  return BYTES_PER_PIXEL[layout];
}

/** Length in bytes of a frame's plaintext in `layout`. */
export function plaintextLength(width: number, height: number, layout: Layout): number {
  checkDimension(width, 'width');
  checkDimension(height, 'height');
  return width * height * bytesPerPixel(layout);
}

/**
 * BT.601 luma of one pixel, rounded half up, in integers so it is exact.
 * @example luma(255, 255, 255) // 255
 */
export function luma(r: number, g: number, b: number): number {
  return Math.floor((299 * r + 587 * g + 114 * b + 500) / 1000);
}

/**
 * The bytes to encrypt: the frame in `layout`, each byte reduced to `bits` of colour depth.
 * Writes into `out` when given (it must be exactly the plaintext length), so a stream reuses one buffer.
 * @example packFrame({ width: 1, height: 1, data: new Uint8Array([255, 128, 7, 255]) }, 'rgb', 4)
 *          // Uint8Array [240, 128, 0]
 */
export function packFrame(frame: Frame, layout: Layout = 'rgb', bits = 8, out?: Uint8Array): Uint8Array {
  checkFrame(frame);
  const mask = depthMask(bits);
  const length = plaintextLength(frame.width, frame.height, layout);
  const target = out ?? new Uint8Array(length);
  if (target.length !== length) {
    throw new RangeError(`output buffer must be ${length} bytes for this frame, got ${target.length}`);
  }
  const src = asBytes(frame.data);
  const pixels = frame.width * frame.height;
  if (layout === 'rgba') {
    if (mask === 0xff) target.set(src);
    else for (let i = 0; i < length; i++) target[i] = src[i] & mask;
  } else if (layout === 'rgb') {
    for (let p = 0, s = 0, d = 0; p < pixels; p++, s += 4, d += 3) {
      target[d] = src[s] & mask;
      target[d + 1] = src[s + 1] & mask;
      target[d + 2] = src[s + 2] & mask;
    }
  } else {
    for (let p = 0, s = 0; p < pixels; p++, s += 4) {
      target[p] = luma(src[s], src[s + 1], src[s + 2]) & mask;
    }
  }
  return target;
}

/**
 * Lays bytes in `layout` back out as RGBA pixels: the inverse of {@link packFrame} (up to the colour
 * depth it dropped). `rgb` and `gray` get alpha 255; `rgba` keeps its fourth byte unless `opaque`,
 * which forces alpha 255 (for drawing ciphertext, where that byte is not a real alpha).
 * Only the first `width × height × bytesPerPixel` bytes are read.
 */
export function unpackFrame(
  bytes: Uint8Array,
  layout: Layout,
  width: number,
  height: number,
  options: { opaque?: boolean; out?: Uint8ClampedArray | Uint8Array } = {},
): Frame {
  const length = plaintextLength(width, height, layout);
  if (bytes.length < length) {
    throw new RangeError(`need ${length} bytes for a ${width}×${height} ${layout} frame, got ${bytes.length}`);
  }
  const pixels = width * height;
  const data = options.out ?? new Uint8ClampedArray(pixels * 4);
  if (data.length !== pixels * 4) {
    throw new RangeError(`output buffer must be ${pixels * 4} bytes for this frame, got ${data.length}`);
  }
  const dst = asBytes(data);
  // A whole pixel per 32-bit store where the output allows it: about three times faster at 1280×720.
  const words = pixelWords(dst);
  if (layout === 'rgba') {
    dst.set(bytes.subarray(0, length));
    if (options.opaque && words) for (let p = 0; p < pixels; p++) words[p] |= 0xff000000;
    else if (options.opaque) for (let d = 3; d < dst.length; d += 4) dst[d] = 255;
  } else if (words && layout === 'rgb') {
    for (let p = 0, s = 0; p < pixels; p++, s += 3)
      words[p] = bytes[s] | (bytes[s + 1] << 8) | (bytes[s + 2] << 16) | 0xff000000;
  } else if (words) {
    for (let p = 0; p < pixels; p++) words[p] = bytes[p] * 0x010101 + 0xff000000;
  } else if (layout === 'rgb') {
    for (let p = 0, s = 0, d = 0; p < pixels; p++, s += 3, d += 4) {
      dst[d] = bytes[s];
      dst[d + 1] = bytes[s + 1];
      dst[d + 2] = bytes[s + 2];
      dst[d + 3] = 255;
    }
  } else {
    for (let p = 0, d = 0; p < pixels; p++, d += 4) {
      const y = bytes[p];
      dst[d] = y;
      dst[d + 1] = y;
      dst[d + 2] = y;
      dst[d + 3] = 255;
    }
  }
  return { width, height, data };
}
