/**
 * Plain per-pixel reference for lib/cipher/layout: what the packed plaintext and the decrypted pixels
 * must be, written out directly so a test can check packFrame/unpackFrame instead of reusing them.
 */
import type { Layout } from '../../../lib/cipher';

/** Top `bits` of a byte. */
function keepBits(value: number, bits: number): number {
  return value - (value % 2 ** (8 - bits));
}

/**
 * BT.601 luma, round(0.299 R + 0.587 G + 0.114 B) with halves rounded up. Computed in thousandths:
 * the same formula in floating point rounds 3464 of the 2^24 colours (exact .5 cases) down.
 */
export function referenceLuma(r: number, g: number, b: number): number {
  return Math.round((299 * r + 587 * g + 114 * b) / 1000);
}

/** The bytes a frame encrypts to in `layout` at `bits` colour depth. */
export function referencePack(rgba: Uint8Array | Uint8ClampedArray, layout: Layout, bits: number): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < rgba.length; i += 4) {
    const [r, g, b, a] = [rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]];
    if (layout === 'gray') out.push(keepBits(referenceLuma(r, g, b), bits));
    else if (layout === 'rgb') out.push(keepBits(r, bits), keepBits(g, bits), keepBits(b, bits));
    else out.push(keepBits(r, bits), keepBits(g, bits), keepBits(b, bits), keepBits(a, bits));
  }
  return Uint8Array.from(out);
}

/**
 * RGBA pixels from bytes in `layout`: gray as R = G = B, alpha 255 for rgb and gray, and for rgba too
 * when `opaque` (a ciphertext picture).
 */
export function referenceUnpack(bytes: Uint8Array, layout: Layout, pixels: number, opaque = false): Uint8Array {
  const out = new Uint8Array(pixels * 4);
  for (let p = 0; p < pixels; p++) {
    const px =
      layout === 'gray'
        ? [bytes[p], bytes[p], bytes[p], 255]
        : layout === 'rgb'
          ? [bytes[3 * p], bytes[3 * p + 1], bytes[3 * p + 2], 255]
          : [bytes[4 * p], bytes[4 * p + 1], bytes[4 * p + 2], opaque ? 255 : bytes[4 * p + 3]];
    out.set(px, 4 * p);
  }
  return out;
}
