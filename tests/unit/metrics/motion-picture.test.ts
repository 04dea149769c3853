/**
 * motionPicture: which pixels a block map paints as changed, in each layout, worked out from the byte
 * ranges (pixel p holds bytes p·bpp … p·bpp + bpp − 1, block b holds bytes 16b … 16b + 15), with and
 * without the dimmed underlay.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  CHANGED_COLOUR,
  MOTION_MAX_WIDTH,
  motionMap,
  motionPicture,
  motionScale,
  STILL_COLOUR,
} from '../../../lib/metrics/motion-picture';
import { assertThrowsExactly } from '../helpers/assert-error';

/** A block map: 1 (unchanged) for every block except the changed ones. */
function blockMap(blocks: number, ...changed: number[]): Uint8Array {
  const map = new Uint8Array(blocks).fill(1);
  for (const b of changed) map[b] = 0;
  return map;
}

/** The pixels painted in the changed colour (and checks that all others are the still colour, alpha 255). */
function changedPixels(picture: Uint8ClampedArray): number[] {
  const changed: number[] = [];
  for (let p = 0; p < picture.length / 4; p++) {
    const rgba = [...picture.subarray(4 * p, 4 * p + 4)];
    if (rgba.join() === [...CHANGED_COLOUR, 255].join()) changed.push(p);
    else assert.deepEqual(rgba, [...STILL_COLOUR, 255], `pixel ${p}`);
  }
  return changed;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('motionPicture without underlay: one colour for still pixels, another for changed ones', () => {
  test('rgba: one block is exactly 4 pixels, so block 1 changed paints pixels 4–7', () => {
    // 8 × 2 pixels = 64 bytes = 4 blocks.
    assert.deepEqual(changedPixels(motionPicture(blockMap(4, 1), 4, 8, 2, 4)), [4, 5, 6, 7]);
    assert.deepEqual(changedPixels(motionPicture(blockMap(4, 0, 3), 4, 8, 2, 4)), [0, 1, 2, 3, 12, 13, 14, 15]);
  });

  test('gray: one block is 16 pixels, a whole row of a 16-wide frame', () => {
    assert.deepEqual(changedPixels(motionPicture(blockMap(3, 1), 3, 16, 3, 1)), range(16, 31));
  });

  test('rgb: pixels straddle blocks, and a pixel with a byte in a changed block is changed', () => {
    // 16 × 2 pixels = 96 bytes = 6 blocks. Block 1 is bytes 16–31: pixel 5 (bytes 15–17) to pixel 10
    // (bytes 30–32), so pixels 5 and 10 are changed though most of their bytes are in blocks 0 and 2.
    assert.deepEqual(changedPixels(motionPicture(blockMap(6, 1), 6, 16, 2, 3)), range(5, 10));
    // Block 0 is bytes 0–15: pixels 0 to 5 (pixel 5's first byte is byte 15).
    assert.deepEqual(changedPixels(motionPicture(blockMap(6, 0), 6, 16, 2, 3)), range(0, 5));
    // Block 3 is bytes 48–63: pixel 16 (48–50) to pixel 21 (63–65): no straddler at its start.
    assert.deepEqual(changedPixels(motionPicture(blockMap(6, 3), 6, 16, 2, 3)), range(16, 21));
    // Blocks 1 and 2 share pixel 10: pixels 5–15.
    assert.deepEqual(changedPixels(motionPicture(blockMap(6, 1, 2), 6, 16, 2, 3)), range(5, 15));
    assert.deepEqual(changedPixels(motionPicture(blockMap(6), 6, 16, 2, 3)), []);
  });

  test('pixels whose bytes run past the last whole block count as changed', () => {
    // gray 20 × 1: bytes 0–15 are block 0, pixels 16–19 are in no whole block.
    assert.deepEqual(changedPixels(motionPicture(blockMap(1), 1, 20, 1, 1)), range(16, 19));
    // rgb 7 × 1 = 21 bytes: pixel 5 (bytes 15–17) straddles into the partial block.
    assert.deepEqual(changedPixels(motionPicture(blockMap(1), 1, 7, 1, 3)), [5, 6]);
    // …whatever a longer map holds past `blocks` (a reused map may have stale entries there).
    assert.deepEqual(changedPixels(motionPicture(blockMap(4), 1, 20, 1, 1)), range(16, 19));
  });

  test('writes into and returns the buffer it is given', () => {
    const out = new Uint8ClampedArray(8 * 2 * 4).fill(3);
    assert.equal(motionPicture(blockMap(4, 2), 4, 8, 2, 4, out), out);
    assert.deepEqual(changedPixels(out), [8, 9, 10, 11]);
  });
});

describe('motionPicture over a dimmed underlay', () => {
  // Still: 30 % of the original. Changed: 35 % of the original plus 65 % of amber (251, 191, 36).
  //   underlay 100: still 30;  changed 35 + (163.15, 124.15, 23.4) → (198, 159, 58)
  //   underlay 200: still 60;  changed 70 + (163.15, 124.15, 23.4) → (233, 194, 93)
  // (no value falls on .5, so rounding cannot tip). The underlay's alpha is ignored; out is opaque.
  const STILL: Record<number, number[]> = { 100: [30, 30, 30, 255], 200: [60, 60, 60, 255] };
  const CHANGED: Record<number, number[]> = { 100: [198, 159, 58, 255], 200: [233, 194, 93, 255] };

  test('rgb 16 × 2 with block 1 changed: pixels 5–10 tinted, the rest dimmed', () => {
    const underlay = new Uint8ClampedArray(32 * 4);
    for (let p = 0; p < 32; p++) underlay.set(p % 2 ? [200, 200, 200, 7] : [100, 100, 100, 7], 4 * p);
    const picture = motionPicture(blockMap(6, 1), 6, 16, 2, 3, undefined, underlay);
    for (let p = 0; p < 32; p++) {
      const u = p % 2 ? 200 : 100;
      const expected = p >= 5 && p <= 10 ? CHANGED[u] : STILL[u];
      assert.deepEqual([...picture.subarray(4 * p, 4 * p + 4)], expected, `pixel ${p}`);
    }
  });

  test('an underlay or output of the wrong size: RangeError', () => {
    assertThrowsExactly(
      () => motionPicture(blockMap(4), 4, 8, 2, 4, undefined, new Uint8ClampedArray(60)),
      RangeError,
      'underlay must be 64 bytes, got 60',
    );
    assertThrowsExactly(
      () => motionPicture(blockMap(4), 4, 8, 2, 4, new Uint8ClampedArray(63)),
      RangeError,
      'output must be 64 bytes, got 63',
    );
  });
});

describe('motionPicture agrees with the definition, pixel by pixel, on random maps', () => {
  /** The definition, one pixel at a time: still only if every block holding one of its bytes is. */
  function reference(
    map: Uint8Array,
    blocks: number,
    width: number,
    height: number,
    bpp: number,
    underlay?: Uint8Array,
  ) {
    const out = new Uint8ClampedArray(width * height * 4);
    for (let p = 0; p < width * height; p++) {
      const first = Math.floor((p * bpp) / 16);
      const last = Math.floor((p * bpp + bpp - 1) / 16);
      let still = last < blocks;
      for (let b = first; still && b <= last; b++) still = map[b] === 1;
      const colour = still ? STILL_COLOUR : CHANGED_COLOUR;
      for (let c = 0; c < 3; c++) {
        out[4 * p + c] = underlay
          ? underlay[4 * p + c] * (still ? 0.3 : 0.35) + colour[c] * (still ? 0 : 0.65)
          : colour[c];
      }
      out[4 * p + 3] = 255;
    }
    return out;
  }

  test('every layout, odd sizes, sparse and dense changes, with and without underlay', () => {
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (const bpp of [1, 3, 4]) {
      for (const [width, height] of [
        [1, 1],
        [5, 3],
        [17, 9],
        [33, 7],
      ]) {
        for (const density of [0, 0.05, 0.5, 1]) {
          const blocks = Math.floor((width * height * bpp) / 16);
          const map = new Uint8Array(blocks + 2).map(() => (random() < density ? 0 : 1));
          const underlay = new Uint8Array(width * height * 4).map(() => Math.floor(random() * 256));
          const label = `bpp ${bpp}, ${width}×${height}, density ${density}`;
          assert.deepEqual(
            motionPicture(map, blocks, width, height, bpp),
            reference(map, blocks, width, height, bpp),
            label,
          );
          assert.deepEqual(
            motionPicture(map, blocks, width, height, bpp, undefined, underlay),
            reference(map, blocks, width, height, bpp, underlay),
            `${label}, underlay`,
          );
          // Buffers that do not start on a 4-byte boundary take the byte-by-byte path.
          const odd = (length: number) => new Uint8ClampedArray(length + 1).subarray(1);
          const oddUnderlay = odd(underlay.length);
          oddUnderlay.set(underlay);
          assert.deepEqual(
            motionPicture(map, blocks, width, height, bpp, odd(width * height * 4), oddUnderlay),
            reference(map, blocks, width, height, bpp, underlay),
            `${label}, unaligned`,
          );
          assert.deepEqual(
            motionPicture(map, blocks, width, height, bpp, odd(width * height * 4)),
            reference(map, blocks, width, height, bpp),
            `${label}, unaligned, no underlay`,
          );
        }
      }
    }
  });
});

describe('motion maps of frames wider than 640 are shrunk by a whole factor, losing no change', () => {
  test('motionScale: 1 up to 640 wide, then the smallest whole factor that fits 640', () => {
    assert.equal(MOTION_MAX_WIDTH, 640);
    assert.deepEqual([320, 640, 641, 960, 1280, 1281, 1920].map(motionScale), [1, 1, 2, 2, 2, 3, 3]);
  });

  test('an output pixel is changed if any pixel of its cell is; odd sizes keep their last partial cells', () => {
    // rgba 8 × 4 (8 blocks of 4 px): block 3 changed is pixels 12–15 = row 1, x 4–7; shrunk by 3 → 3 × 2,
    // cells x 0–2, 3–5, 6–7.
    const shrunk = motionMap(blockMap(8, 3), 8, 8, 4, 4, { factor: 3 });
    assert.deepEqual([shrunk.width, shrunk.height], [3, 2]);
    assert.deepEqual(changedPixels(shrunk.picture), [1, 2]);
    // A change on a single row is kept whatever the row (row 3 is in the second band of rows).
    const low = motionMap(blockMap(8, 6), 8, 8, 4, 4, { factor: 2 });
    assert.deepEqual([low.width, low.height], [4, 2]);
    assert.deepEqual(changedPixels(low.picture), [4, 5]);
  });

  test('over an underlay, each cell takes its top-left pixel, dimmed or tinted as at full size', () => {
    const underlay = new Uint8ClampedArray(8 * 4 * 4);
    for (let p = 0; p < 32; p++) underlay.set(p % 2 ? [200, 200, 200, 255] : [100, 100, 100, 255], 4 * p);
    const { picture } = motionMap(blockMap(8, 0), 8, 8, 4, 4, { factor: 2, underlay });
    // Cell (0, 0) holds pixels 0, 1, 8, 9: pixel 0 changed, underlay 100 → (198, 159, 58).
    assert.deepEqual([...picture.subarray(0, 4)], [198, 159, 58, 255]);
    // Cell (1, 0) holds pixels 2, 3 (changed, block 0) → changed, underlay of pixel 2 = 100.
    assert.deepEqual([...picture.subarray(4, 8)], [198, 159, 58, 255]);
    // Cell (2, 0) holds pixels 4, 5, 12, 13: still, underlay of pixel 4 = 100 → 30.
    assert.deepEqual([...picture.subarray(8, 12)], [30, 30, 30, 255]);
  });

  test('the output buffer is reused when it has the shrunk size, replaced when not', () => {
    const out = new Uint8ClampedArray(4 * 2 * 4);
    assert.equal(motionMap(blockMap(8), 8, 8, 4, 4, { factor: 2, out }).picture, out);
    const fresh = motionMap(blockMap(8), 8, 8, 4, 4, { factor: 3, out }).picture;
    assert.notEqual(fresh, out);
    assert.equal(fresh.length, 3 * 2 * 4);
  });

  test('shrunk maps agree with the definition on random maps, in every layout and odd size', () => {
    let seed = 11;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (const bpp of [1, 3, 4]) {
      for (const [width, height] of [
        [7, 5],
        [33, 9],
        [50, 13],
      ]) {
        for (const factor of [2, 3, 4]) {
          for (const density of [0.02, 0.3]) {
            const blocks = Math.floor((width * height * bpp) / 16);
            const map = new Uint8Array(blocks).map(() => (random() < density ? 0 : 1));
            const underlay = new Uint8Array(width * height * 4).map(() => Math.floor(random() * 256));
            const full = motionPicture(map, blocks, width, height, bpp);
            const w = Math.ceil(width / factor);
            const h = Math.ceil(height / factor);
            // The definition: a cell is changed if any of its full-size pixels is; over the underlay it shows
            // the cell's top-left pixel, dimmed (still) or tinted (changed).
            const expected = new Uint8ClampedArray(w * h * 4);
            const changedCells: number[] = [];
            for (let y = 0; y < h; y++) {
              for (let x = 0; x < w; x++) {
                let changed = false;
                for (let sy = y * factor; sy < Math.min(height, (y + 1) * factor); sy++)
                  for (let sx = x * factor; sx < Math.min(width, (x + 1) * factor); sx++)
                    if (full[(sy * width + sx) * 4] === CHANGED_COLOUR[0]) changed = true;
                if (changed) changedCells.push(y * w + x);
                const o = (y * w + x) * 4;
                const s = (y * factor * width + x * factor) * 4;
                const colour = changed ? CHANGED_COLOUR : STILL_COLOUR;
                for (let c = 0; c < 3; c++)
                  expected[o + c] = underlay[s + c] * (changed ? 0.35 : 0.3) + (changed ? colour[c] * 0.65 : 0);
                expected[o + 3] = 255;
              }
            }
            const label = `bpp ${bpp}, ${width}×${height}, factor ${factor}, density ${density}`;
            const plain = motionMap(map, blocks, width, height, bpp, { factor });
            assert.deepEqual([plain.width, plain.height], [w, h], label);
            assert.deepEqual(changedPixels(plain.picture), changedCells, label);
            assert.deepEqual(
              motionMap(map, blocks, width, height, bpp, { factor, underlay }).picture,
              expected,
              `${label}, underlay`,
            );
            // Buffers off a 4-byte boundary take the byte-by-byte painters.
            const oddOut = new Uint8ClampedArray(w * h * 4 + 1).subarray(1);
            const oddUnderlay = new Uint8ClampedArray(underlay.length + 1).subarray(1);
            oddUnderlay.set(underlay);
            motionMap(map, blocks, width, height, bpp, { factor, underlay: oddUnderlay, out: oddOut });
            assert.deepEqual(oddOut, expected, `${label}, underlay, unaligned`);
            const oddPlain = new Uint8ClampedArray(w * h * 4 + 1).subarray(1);
            motionMap(map, blocks, width, height, bpp, { factor, out: oddPlain });
            assert.deepEqual(changedPixels(oddPlain), changedCells, `${label}, unaligned`);
          }
        }
      }
    }
  });

  test('bad factors and underlays: RangeError', () => {
    assertThrowsExactly(
      () => motionMap(blockMap(8), 8, 8, 4, 4, { factor: 0 }),
      RangeError,
      'factor must be a whole number ≥ 1, got 0',
    );
    assertThrowsExactly(
      () => motionMap(blockMap(8), 8, 8, 4, 4, { factor: 2, underlay: new Uint8ClampedArray(100) }),
      RangeError,
      'underlay must be 128 bytes, got 100',
    );
  });
});
