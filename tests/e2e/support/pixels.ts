import type { Locator, Page } from '@playwright/test';

/** What one canvas showed: its size, the frame number stamped on it (if any), and its RGBA bytes. */
export interface CanvasPixels {
  width: number;
  height: number;
  frame: number | null;
  rgba: Uint8Array;
}

/**
 * Reads what canvases show, as the page drew them, all in one synchronous turn of the page's event
 * loop, so nothing can be drawn between the first and the last read. Each canvas is copied onto a 2D
 * canvas in the page and its RGBA bytes come back; opaque pixels come back exactly.
 */
export async function readCanvases(page: Page, testIds: readonly string[]): Promise<CanvasPixels[]> {
  const raw = await page.evaluate((ids) => {
    return ids.map((id) => {
      const element = document.querySelector<HTMLCanvasElement>(`canvas[data-testid="${id}"]`);
      if (!element) throw new Error(`no canvas with data-testid="${id}"`);
      const copy = document.createElement('canvas');
      copy.width = element.width;
      copy.height = element.height;
      const ctx = copy.getContext('2d', { willReadFrequently: true });
      if (!ctx) throw new Error('no 2D context');
      ctx.drawImage(element, 0, 0);
      const data = ctx.getImageData(0, 0, copy.width, copy.height).data;
      let binary = '';
      for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
      const frame = element.dataset.frame;
      return {
        width: copy.width,
        height: copy.height,
        frame: frame === undefined ? null : Number(frame),
        base64: btoa(binary),
      };
    });
  }, testIds);
  return raw.map(({ base64, ...rest }) => ({ ...rest, rgba: new Uint8Array(Buffer.from(base64, 'base64')) }));
}

/** Reads what one canvas shows (see {@link readCanvases}). */
export async function readCanvas(canvas: Locator): Promise<{ width: number; height: number; rgba: Uint8Array }> {
  const testId = await canvas.getAttribute('data-testid');
  if (!testId) throw new Error('readCanvas needs a canvas with a data-testid');
  const [pixels] = await readCanvases(canvas.page(), [testId]);
  return pixels;
}

/** RGBA → the RGB bytes the `rgb` layout encrypts (alpha dropped). */
export function rgbBytes(rgba: Uint8Array): Uint8Array {
  const out = new Uint8Array((rgba.length / 4) * 3);
  for (let s = 0, d = 0; s < rgba.length; s += 4, d += 3) {
    out[d] = rgba[s];
    out[d + 1] = rgba[s + 1];
    out[d + 2] = rgba[s + 2];
  }
  return out;
}

/** One channel of RGBA pixels (0 = R … 3 = A): for a `gray` picture, R is the byte it shows. */
export function channel(rgba: Uint8Array, index: 0 | 1 | 2 | 3): Uint8Array {
  const out = new Uint8Array(rgba.length / 4);
  for (let s = index, d = 0; s < rgba.length; s += 4, d++) out[d] = rgba[s];
  return out;
}

/**
 * BT.601 luma of each pixel, as the `gray` layout defines it (ITU-R BT.601 weights, integers,
 * rounded half up): Y = floor((299 R + 587 G + 114 B + 500) / 1000).
 */
export function lumaBytes(rgba: Uint8Array): Uint8Array {
  const out = new Uint8Array(rgba.length / 4);
  for (let s = 0, d = 0; s < rgba.length; s += 4, d++) {
    out[d] = Math.floor((299 * rgba[s] + 587 * rgba[s + 1] + 114 * rgba[s + 2] + 500) / 1000);
  }
  return out;
}

/** Keeps the top `bits` of every byte, as the colour-depth setting does. */
export function quantize(bytes: Uint8Array, bits: number): Uint8Array {
  const mask = (0xff << (8 - bits)) & 0xff;
  return bytes.map((byte) => byte & mask);
}

/** RGB bytes as opaque RGBA pixels: what a panel shows for them. */
export function opaqueRgba(rgb: Uint8Array): Uint8Array {
  const out = new Uint8Array((rgb.length / 3) * 4);
  for (let s = 0, d = 0; s < rgb.length; s += 3, d += 4) {
    out[d] = rgb[s];
    out[d + 1] = rgb[s + 1];
    out[d + 2] = rgb[s + 2];
    out[d + 3] = 255;
  }
  return out;
}

/** Grey bytes as opaque RGBA pixels (R = G = B). */
export function grayRgba(gray: Uint8Array): Uint8Array {
  const out = new Uint8Array(gray.length * 4);
  for (let s = 0, d = 0; s < gray.length; s++, d += 4) {
    out[d] = out[d + 1] = out[d + 2] = gray[s];
    out[d + 3] = 255;
  }
  return out;
}

function blockKeys(bytes: Uint8Array, size: number): string[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const keys: string[] = [];
  for (let at = 0; at + size <= buffer.length; at += size) keys.push(buffer.toString('latin1', at, at + size));
  return keys;
}

/**
 * Share of whole `size`-byte blocks whose value occurs more than once: ECB's leak in one number
 * (a trailing partial block is ignored).
 */
export function repeatedBlockShare(bytes: Uint8Array, size = 16): number {
  const keys = blockKeys(bytes, size);
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  const repeated = keys.filter((key) => (counts.get(key) ?? 0) > 1).length;
  return keys.length === 0 ? 0 : repeated / keys.length;
}

/**
 * Where two byte strings disagree on which blocks are equal: for each block of `a`, block i and block j
 * are equal in `a` exactly when they are equal in `b`, if `b` is `a` under a block permutation (AES-ECB
 * with one key). Returns how many blocks break that, 0 when the patterns match.
 */
export function blockPatternMismatches(a: Uint8Array, b: Uint8Array, size = 16): number {
  const aKeys = blockKeys(a, size);
  const bKeys = blockKeys(b, size);
  if (aKeys.length !== bKeys.length) return Math.max(aKeys.length, bKeys.length);
  const forward = new Map<string, string>();
  const backward = new Map<string, string>();
  let mismatches = 0;
  for (let i = 0; i < aKeys.length; i++) {
    const seenB = forward.get(aKeys[i]);
    const seenA = backward.get(bKeys[i]);
    if ((seenB !== undefined && seenB !== bKeys[i]) || (seenA !== undefined && seenA !== aKeys[i])) mismatches++;
    forward.set(aKeys[i], bKeys[i]);
    backward.set(bKeys[i], aKeys[i]);
  }
  return mismatches;
}

/** How many blocks are identical at the same position in both: ~0 when `b` really is ciphertext of `a`. */
export function blocksInPlace(a: Uint8Array, b: Uint8Array, size = 16): number {
  const aKeys = blockKeys(a, size);
  const bKeys = blockKeys(b, size);
  return aKeys.filter((key, i) => key === bKeys[i]).length;
}

/**
 * Null when two RGBA pictures are byte-identical; otherwise where and how they first differ, worded
 * for a failure message.
 */
export function pixelDifference(actual: Uint8Array, expected: Uint8Array, width: number): string | null {
  if (actual.length !== expected.length) return `sizes differ: ${actual.length} bytes, expected ${expected.length}`;
  let first = -1;
  let count = 0;
  for (let i = 0; i < actual.length; i++) {
    if (actual[i] === expected[i]) continue;
    if (first < 0) first = i;
    count++;
  }
  if (first < 0) return null;
  const pixel = Math.floor(first / 4);
  const at = pixel * 4;
  const show = (bytes: Uint8Array) => `[${Array.from(bytes.subarray(at, at + 4)).join(', ')}]`;
  return (
    `${count} of ${actual.length} bytes differ; first at pixel (${pixel % width}, ${Math.floor(pixel / width)}): ` +
    `RGBA ${show(actual)}, expected ${show(expected)}`
  );
}

/** True when the R, G and B of every pixel keep only their top `bits` (alpha is not looked at). */
export function hasDepth(rgba: Uint8Array, bits: number): boolean {
  const low = 0xff >> bits;
  for (let i = 0; i < rgba.length; i++) if (i % 4 !== 3 && (rgba[i] & low) !== 0) return false;
  return true;
}

/** True when every pixel has R = G = B. */
export function isGray(rgba: Uint8Array): boolean {
  for (let i = 0; i < rgba.length; i += 4) if (rgba[i] !== rgba[i + 1] || rgba[i] !== rgba[i + 2]) return false;
  return true;
}

/** Shannon entropy of the bytes, in bits per byte. */
export function byteEntropy(bytes: Uint8Array): number {
  const counts = new Array<number>(256).fill(0);
  for (const byte of bytes) counts[byte]++;
  let entropy = 0;
  for (const count of counts) {
    if (count === 0) continue;
    const p = count / bytes.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}
