/**
 * motionPicture: which pixels a block map paints as changed, in each layout, worked out from the byte
 * ranges (pixel p holds bytes p·bpp … p·bpp + bpp − 1, block b holds bytes 16b … 16b + 15), with and
 * without the dimmed underlay.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CHANGED_COLOUR, motionPicture, STILL_COLOUR } from '../../../lib/metrics/motion-picture';
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
