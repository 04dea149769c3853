/**
 * The motion map: an eavesdropper's view of an ECB stream. Each pixel is coloured by whether the 16-byte
 * ciphertext block(s) holding its bytes are identical to the previous frame's — one colour for "still",
 * another for "changed". Under GCM every block is "changed", every frame, so the map shows no
 * block pattern (packet sizes and timing still leak: lib/traffic).
 * Optionally drawn over a dimmed copy of the original, for the audience's bearings (an eavesdropper has
 * only the colours). Frames wider than MOTION_MAX_WIDTH get a map shrunk by a whole factor, drawn
 * straight from the block map without losing a change.
 *
 * (NOINLINE on calls of per-frame work: see lib/worker/stages.ts.)
 */
import { pixelWords } from '../cipher/frame';
import { BLOCK_SIZE } from './blocks';

/**
 * Still blocks: dark slate. Changed blocks: amber. The two differ in lightness (relative luminance about
 * 0.02 against 0.58, a contrast of about 8.8:1), not only in hue, so they stay apart for colour-blind viewers and
 * in greyscale.
 */
export const STILL_COLOUR = [30, 41, 59] as const;
export const CHANGED_COLOUR = [251, 191, 36] as const;

/** Motion maps are drawn at most this wide: a wider frame's map is shrunk by a whole factor. */
export const MOTION_MAX_WIDTH = 640;

/** The whole factor a frame `width` wide is shrunk by for its motion map (1 up to 640 wide). */
export function motionScale(width: number): number {
  return Math.max(1, Math.ceil(width / MOTION_MAX_WIDTH));
}

export interface MotionMapOptions {
  /** Shrink by this whole factor: an output pixel stands for a `factor × factor` cell (default 1). */
  factor?: number;
  /** Where to draw (RGBA of the output size); a new buffer when absent or the wrong size. */
  out?: Uint8ClampedArray;
  /** RGBA of the frame's full size, shown dimmed beneath the colours (each cell's top-left pixel). */
  underlay?: Uint8ClampedArray | Uint8Array;
  /** Working memory kept between calls, so a stream allocates once. */
  scratch?: { row?: Uint8Array };
}

export interface MotionMap {
  picture: Uint8ClampedArray;
  width: number;
  height: number;
}

/**
 * Draws the motion map of a `width × height` frame laid out `bytesPerPixel` to a pixel, from its
 * per-block map (1 = unchanged, 0 = changed; `blocks` entries used). A pixel counts as changed if any
 * block holding one of its bytes changed; pixels past the last whole block count as changed. Shrunk by
 * `factor`, an output pixel is changed if any pixel of its cell is, so no change is lost.
 *
 * One pass per output row: the runs of changed blocks in its cells' source rows mark the output pixels
 * they touch, then the row is painted run by run — flat colours as 32-bit fills, or the underlay through
 * 256-entry dimming and tinting tables.
 */
export function motionMap(
  map: Uint8Array,
  blocks: number,
  width: number,
  height: number,
  bytesPerPixel: number,
  options: MotionMapOptions = {},
): MotionMap {
  const { factor = 1, underlay, scratch = {} } = options;
  if (!Number.isInteger(factor) || factor < 1) throw new RangeError(`factor must be a whole number ≥ 1, got ${factor}`);
  if (underlay && underlay.length !== width * height * 4)
    throw new RangeError(`underlay must be ${width * height * 4} bytes, got ${underlay.length}`);
  const w = Math.ceil(width / factor);
  const h = Math.ceil(height / factor);
  const out = options.out && options.out.length === w * h * 4 ? options.out : new Uint8ClampedArray(w * h * 4);
  if (scratch.row?.length !== w) scratch.row = new Uint8Array(w);
  const row = scratch.row;
  const out32 = pixelWords(out);
  const under32 = underlay && out32 ? pixelWords(underlay) : null;
  const rowBytes = width * bytesPerPixel;
  const target: Target = { out, out32, underlay: underlay ?? null, under32 };
  for (let y = 0; y < h; y++) {
    row.fill(0);
    for (let sy = y * factor; sy < Math.min(height, (y + 1) * factor); sy++)
      /*#__NOINLINE__*/ markChanged(row, map, blocks, sy * rowBytes, rowBytes, bytesPerPixel, factor);
    /*#__NOINLINE__*/ paintRow(target, row, y * w, y * factor * width, factor);
  }
  return { picture: out, width: w, height: h };
}

/** Where a motion map is painted: the output, and the underlay if any, as 32-bit views when aligned. */
interface Target {
  out: Uint8ClampedArray;
  out32: Uint32Array | null;
  underlay: Uint8ClampedArray | Uint8Array | null;
  under32: Uint32Array | null;
}

/*
 * The per-row work is in functions of its own, called once per row, so the engine optimizes each as a
 * whole: in a function called once a frame, a hot inner loop is compiled on its own (on-stack
 * replacement) and that code is thrown away each time the loop ends. The painters are plain functions,
 * not closures made per call, which would be compiled afresh for every frame.
 */

/**
 * Marks (1) the cells of `row` touched by the changed blocks of one source row: bytes [start,
 * start + rowBytes). Blocks past the map's `blocks` count as changed.
 */
function markChanged(
  row: Uint8Array,
  map: Uint8Array,
  blocks: number,
  start: number,
  rowBytes: number,
  bytesPerPixel: number,
  factor: number,
): void {
  const end = start + rowBytes;
  const lastBlock = Math.floor((end - 1) / BLOCK_SIZE);
  let b = Math.floor(start / BLOCK_SIZE);
  while (b <= lastBlock) {
    if (b < blocks && map[b] === 1) {
      b++;
      continue;
    }
    const first = b;
    while (b <= lastBlock && (b >= blocks || map[b] !== 1)) b++;
    // Bytes [first·16, b·16) changed, clipped to the row: the pixels, then the cells, they touch.
    const from = Math.max(first * BLOCK_SIZE, start) - start;
    const to = Math.min(b * BLOCK_SIZE, end) - start;
    const cellFrom = Math.floor(Math.floor(from / bytesPerPixel) / factor);
    const cellTo = Math.floor(Math.floor((to - 1) / bytesPerPixel) / factor);
    row.fill(1, cellFrom, cellTo + 1);
  }
}

/**
 * Paints one output row, starting at output pixel `rowStart`, run by run of `row`'s marks; cell x shows
 * underlay pixel `source + x · factor`.
 */
function paintRow(target: Target, row: Uint8Array, rowStart: number, source: number, factor: number): void {
  const { out, out32, underlay, under32 } = target;
  const w = row.length;
  let x = 0;
  while (x < w) {
    const state = row[x];
    const first = x;
    while (x < w && row[x] === state) x++;
    const still = state === 0;
    const from = rowStart + first;
    const to = rowStart + x;
    const at = source + first * factor;
    if (!underlay) {
      if (out32) /*#__NOINLINE__*/ fillWords(out32, from, to, still);
      else /*#__NOINLINE__*/ fillBytes(out, from, to, still);
    } else if (under32 && out32) /*#__NOINLINE__*/ tintWords(out32, under32, from, to, at, factor, still);
    else /*#__NOINLINE__*/ tintBytes(out, underlay, from, to, at, factor, still);
  }
}

/**
 * The full-size motion map (factor 1) into `out`; see {@link motionMap}.
 * @example motionPicture(map, blocks, 640, 360, 3) // RGBA, 640 × 360
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
  if (out.length !== width * height * 4)
    throw new RangeError(`output must be ${width * height * 4} bytes, got ${out.length}`);
  return motionMap(map, blocks, width, height, bytesPerPixel, { out, underlay }).picture;
}

/** An opaque colour as one 32-bit word in this platform's byte order. */
const packed = (colour: readonly number[]) => new Uint32Array(new Uint8ClampedArray([...colour, 255]).buffer)[0];
const STILL_WORD = packed(STILL_COLOUR);
const CHANGED_WORD = packed(CHANGED_COLOUR);

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

/** Output pixels [from, to) (indices into `out32`) in a flat colour. */
function fillWords(out32: Uint32Array, from: number, to: number, isStill: boolean): void {
  out32.fill(isStill ? STILL_WORD : CHANGED_WORD, from, to);
}

/** The same, a byte at a time, for an output that does not start on a 4-byte boundary. */
function fillBytes(out: Uint8ClampedArray, from: number, to: number, isStill: boolean): void {
  const [r, g, b] = isStill ? STILL_COLOUR : CHANGED_COLOUR;
  for (let o = from * 4, end = to * 4; o < end; o += 4) {
    out[o] = r;
    out[o + 1] = g;
    out[o + 2] = b;
    out[o + 3] = 255;
  }
}

/**
 * Output pixels [from, to) from underlay pixels `source`, `source + factor`, …, through STILL_TABLES or
 * CHANGED_TABLES: a whole pixel per 32-bit load and store, several times faster than byte stores.
 */
function tintWords(
  out32: Uint32Array,
  under32: Uint32Array,
  from: number,
  to: number,
  source: number,
  factor: number,
  isStill: boolean,
): void {
  const [r, g, b] = isStill ? STILL_TABLES : CHANGED_TABLES;
  for (let o = from, s = source; o < to; o++, s += factor) {
    const v = under32[s];
    out32[o] = r[v & 255] | (g[(v >>> 8) & 255] << 8) | (b[(v >>> 16) & 255] << 16) | 0xff000000;
  }
}

/** The same, a byte at a time, for buffers that do not start on a 4-byte boundary. */
function tintBytes(
  out: Uint8ClampedArray,
  underlay: Uint8ClampedArray | Uint8Array,
  from: number,
  to: number,
  source: number,
  factor: number,
  isStill: boolean,
): void {
  const [r, g, b] = isStill ? STILL_TABLES : CHANGED_TABLES;
  for (let o = from * 4, end = to * 4, s = source * 4; o < end; o += 4, s += factor * 4) {
    out[o] = r[underlay[s]];
    out[o + 1] = g[underlay[s + 1]];
    out[o + 2] = b[underlay[s + 2]];
    out[o + 3] = 255;
  }
}
