/**
 * The motion map: an eavesdropper's view of an ECB stream. Each pixel is coloured by whether the 16-byte
 * ciphertext block(s) holding its bytes are identical to the previous frame's — one colour for "still",
 * another for "changed". Under GCM everything is "changed", every frame, so the map says nothing.
 * Optionally drawn over a dimmed copy of the original, for the audience's bearings (an eavesdropper has
 * only the colours).
 */
import { BLOCK_SIZE } from './blocks';

/** Still blocks: dark slate. Changed blocks: amber. */
export const STILL_COLOUR = [30, 41, 59] as const;
export const CHANGED_COLOUR = [251, 191, 36] as const;

/**
 * Paints `width × height` RGBA pixels from a per-block map (1 = unchanged, 0 = changed) of bytes laid
 * out `bytesPerPixel` to a pixel. A pixel counts as changed if any block holding one of its bytes
 * changed; pixels past the map's end count as changed. `underlay` (RGBA of the same size) is shown
 * dimmed beneath the colours.
 */
export function motionPicture(
  map: Uint8Array,
  blocks: number,
  width: number,
  height: number,
  bytesPerPixel: number,
  out: Uint8ClampedArray = new Uint8ClampedArray(width * height * 4),
  underlay?: Uint8ClampedArray | Uint8Array,
): Uint8ClampedArray {
  const pixels = width * height;
  if (out.length !== pixels * 4) throw new RangeError(`output must be ${pixels * 4} bytes, got ${out.length}`);
  if (underlay && underlay.length !== pixels * 4)
    throw new RangeError(`underlay must be ${pixels * 4} bytes, got ${underlay.length}`);
  for (let p = 0, o = 0; p < pixels; p++, o += 4) {
    const first = Math.floor((p * bytesPerPixel) / BLOCK_SIZE);
    const last = Math.floor((p * bytesPerPixel + bytesPerPixel - 1) / BLOCK_SIZE);
    let still = last < blocks;
    for (let b = first; still && b <= last; b++) still = map[b] === 1;
    const colour = still ? STILL_COLOUR : CHANGED_COLOUR;
    if (underlay) {
      // Still: the original at 30 %; changed: 65 % amber over 35 % of the original.
      const keep = still ? 0.3 : 0.35;
      const tint = still ? 0 : 0.65;
      out[o] = underlay[o] * keep + colour[0] * tint;
      out[o + 1] = underlay[o + 1] * keep + colour[1] * tint;
      out[o + 2] = underlay[o + 2] * keep + colour[2] * tint;
    } else {
      out[o] = colour[0];
      out[o + 1] = colour[1];
      out[o + 2] = colour[2];
    }
    out[o + 3] = 255;
  }
  return out;
}
