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
 *
 * Drawn in two passes, for speed on 1280-wide frames: every pixel as still, then each run of changed
 * blocks over the pixels its bytes touch (pixel ⌊16b / bpp⌋ to pixel ⌊(16b′ + 15) / bpp⌋), with the
 * dimming and tinting read from 256-entry tables.
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
  const paint = underlay ? tinter(out, underlay) : filler(out);
  paint(0, pixels, true);
  // Whole blocks: runs of changed blocks. Past the last whole block: changed.
  let b = 0;
  while (b < blocks) {
    if (map[b] === 1) {
      b++;
      continue;
    }
    const first = b;
    while (b < blocks && map[b] !== 1) b++;
    const from = Math.floor((first * BLOCK_SIZE) / bytesPerPixel);
    if (from >= pixels) break;
    paint(from, Math.min(pixels, Math.floor((b * BLOCK_SIZE - 1) / bytesPerPixel) + 1), false);
  }
  const tail = Math.floor((blocks * BLOCK_SIZE) / bytesPerPixel);
  if (tail < pixels) paint(tail, pixels, false);
  return out;
}

type Painter = (from: number, to: number, still: boolean) => void;

/** An opaque colour as one 32-bit word in this platform's byte order. */
const packed = (colour: readonly number[]) => new Uint32Array(new Uint8ClampedArray([...colour, 255]).buffer)[0];
const STILL_WORD = packed(STILL_COLOUR);
const CHANGED_WORD = packed(CHANGED_COLOUR);

/** Paints pixels [from, to) in a flat colour, four bytes at a time where the output is aligned. */
function filler(out: Uint8ClampedArray): Painter {
  const words = out.byteOffset % 4 === 0 ? new Uint32Array(out.buffer, out.byteOffset, out.length / 4) : null;
  return (from, to, isStill) => {
    if (words) {
      words.fill(isStill ? STILL_WORD : CHANGED_WORD, from, to);
      return;
    }
    const colour = isStill ? STILL_COLOUR : CHANGED_COLOUR;
    for (let o = from * 4; o < to * 4; o += 4) out.set([colour[0], colour[1], colour[2], 255], o);
  };
}

/** True where a Uint32 holds its lowest byte first, as on every platform browsers run on today. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** `v × keep + tint` for every byte value v, rounded and clamped as a canvas stores it. */
function table(keep: number, tint: number): Uint8Array {
  const t = new Uint8ClampedArray(256);
  for (let v = 0; v < 256; v++) t[v] = v * keep + tint;
  return new Uint8Array(t.buffer);
}

/** Per channel (R, G, B). Still: the original at 30 %; changed: 65 % amber over 35 % of the original. */
const DIMMED = table(0.3, 0);
const STILL_TABLES = [DIMMED, DIMMED, DIMMED];
const CHANGED_TABLES = [0, 1, 2].map((c) => table(0.35, CHANGED_COLOUR[c] * 0.65));

/** Paints pixels [from, to) from the underlay through STILL_TABLES or CHANGED_TABLES. */
function tinter(out: Uint8ClampedArray, underlay: Uint8ClampedArray | Uint8Array): Painter {
  const aligned = LITTLE_ENDIAN && out.byteOffset % 4 === 0 && underlay.byteOffset % 4 === 0;
  if (aligned) {
    // A whole pixel per 32-bit load and store: several times faster than byte stores into a clamped array.
    const to32 = new Uint32Array(out.buffer, out.byteOffset, out.length / 4);
    const from32 = new Uint32Array(underlay.buffer, underlay.byteOffset, underlay.length / 4);
    return (from, to, isStill) => {
      const [r, g, b] = isStill ? STILL_TABLES : CHANGED_TABLES;
      for (let p = from; p < to; p++) {
        const v = from32[p];
        to32[p] = r[v & 255] | (g[(v >>> 8) & 255] << 8) | (b[(v >>> 16) & 255] << 16) | 0xff000000;
      }
    };
  }
  return (from, to, isStill) => {
    const [r, g, b] = isStill ? STILL_TABLES : CHANGED_TABLES;
    for (let o = from * 4, end = to * 4; o < end; o += 4) {
      out[o] = r[underlay[o]];
      out[o + 1] = g[underlay[o + 1]];
      out[o + 2] = b[underlay[o + 2]];
      out[o + 3] = 255;
    }
  };
}

/** Motion maps are drawn at most this wide: a wider frame's map is shrunk by a whole factor. */
export const MOTION_MAX_WIDTH = 640;

/** The whole factor a frame `width` wide is shrunk by for its motion map (1 up to 640 wide). */
export function motionScale(width: number): number {
  return Math.max(1, Math.ceil(width / MOTION_MAX_WIDTH));
}

/** Working memory for {@link shrinkMotionPicture}, kept between calls so a stream allocates once. */
export interface ShrinkScratch {
  changed?: Uint8Array;
  underlay?: Uint8ClampedArray;
}

/**
 * Shrinks a motion map drawn without underlay by a whole `factor`: an output pixel is "changed" if any
 * pixel of its `factor × factor` cell is, so no change is lost; `underlay` (RGBA, full size) is sampled
 * at each cell's top-left pixel and dimmed as in {@link motionPicture}. Drawing and compositing a quarter
 * of the pixels is what keeps 1280-wide playback at speed with the maps on.
 */
export function shrinkMotionPicture(
  full: Uint8ClampedArray,
  width: number,
  height: number,
  factor: number,
  out?: Uint8ClampedArray,
  underlay?: Uint8ClampedArray | Uint8Array,
  scratch: ShrinkScratch = {},
): { picture: Uint8ClampedArray; width: number; height: number } {
  if (!Number.isInteger(factor) || factor < 1) throw new RangeError(`factor must be a whole number ≥ 1, got ${factor}`);
  if (full.length !== width * height * 4)
    throw new RangeError(`picture must be ${width * height * 4} bytes, got ${full.length}`);
  if (underlay && underlay.length !== width * height * 4)
    throw new RangeError(`underlay must be ${width * height * 4} bytes, got ${underlay.length}`);
  const w = Math.ceil(width / factor);
  const h = Math.ceil(height / factor);
  const picture = out && out.length === w * h * 4 ? out : new Uint8ClampedArray(w * h * 4);
  const changedRed = CHANGED_COLOUR[0];
  if (scratch.changed?.length !== w * h) scratch.changed = new Uint8Array(w * h);
  if (underlay && scratch.underlay?.length !== w * h * 4) scratch.underlay = new Uint8ClampedArray(w * h * 4);
  const changed = scratch.changed;
  const cellUnderlay = underlay ? (scratch.underlay as Uint8ClampedArray) : null;
  for (let y = 0, o = 0; y < h; y++) {
    for (let x = 0; x < w; x++, o++) {
      let any = 0;
      for (let dy = 0; dy < factor && !any; dy++) {
        const sy = y * factor + dy;
        if (sy >= height) break;
        for (let dx = 0; dx < factor; dx++) {
          const sx = x * factor + dx;
          if (sx >= width) break;
          if (full[(sy * width + sx) * 4] === changedRed) {
            any = 1;
            break;
          }
        }
      }
      changed[o] = any;
      if (cellUnderlay && underlay) {
        const from = (y * factor * width + x * factor) * 4;
        cellUnderlay[o * 4] = underlay[from];
        cellUnderlay[o * 4 + 1] = underlay[from + 1];
        cellUnderlay[o * 4 + 2] = underlay[from + 2];
      }
    }
  }
  const paint = cellUnderlay ? tinter(picture, cellUnderlay) : filler(picture);
  let o = 0;
  while (o < w * h) {
    const state = changed[o];
    const start = o;
    while (o < w * h && changed[o] === state) o++;
    paint(start, o, state === 0);
  }
  return { picture, width: w, height: h };
}
