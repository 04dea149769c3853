/**
 * boxShrink: each output pixel is the mean of its k × k square, rounded half up, alpha 255; checked
 * against a pixel-by-pixel reference on random pictures, and on hand-worked squares.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { areaShrink, boxFactor, boxShrink } from '../../../lib/worker/box-scale';
import { assertThrowsExactly } from '../helpers/assert-error';
import { seededBytes } from '../helpers/seeded-bytes';

/** The definition, one output pixel at a time. */
function reference(source: Uint8Array, width: number, height: number, k: number): Uint8ClampedArray {
  const w = width / k;
  const h = height / k;
  const out = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let c = 0; c < 3; c++) {
        let sum = 0;
        for (let dy = 0; dy < k; dy++)
          for (let dx = 0; dx < k; dx++) sum += source[((y * k + dy) * width + x * k + dx) * 4 + c];
        out[(y * w + x) * 4 + c] = Math.floor(sum / (k * k) + 0.5);
      }
      out[(y * w + x) * 4 + 3] = 255;
    }
  }
  return out;
}

describe('boxShrink', () => {
  test('2 × 2 by hand: the mean, a half rounded up, alpha 255 whatever the source alpha', () => {
    // One output pixel from four: red 1, 2, 2, 2 → 7/4 = 1.75 → 2; green 0, 0, 1, 1 → 0.5 → 1; blue 0, 0, 0, 1 → 0.25 → 0.
    const source = new Uint8Array([1, 0, 0, 7, 2, 0, 0, 7, 2, 1, 0, 7, 2, 1, 1, 7]);
    assert.deepEqual([...boxShrink(source, 2, 2, 2, new Uint8ClampedArray(4))], [2, 1, 0, 255]);
  });

  test('factor 1 copies the pixels exactly and makes them opaque', () => {
    const source = seededBytes('box-scale copy', 5 * 3 * 4);
    const out = boxShrink(source, 5, 3, 1, new Uint8ClampedArray(60));
    assert.deepEqual(out, reference(source, 5, 3, 1));
  });

  test('factors 2, 3 and 4 on random pictures of odd sizes agree with the definition', () => {
    for (const k of [2, 3, 4]) {
      for (const [w, h] of [
        [1, 1],
        [7, 3],
        [33, 19],
      ]) {
        const source = seededBytes(`box-scale ${k} ${w}`, w * k * h * k * 4);
        const out = boxShrink(source, w * k, h * k, k, new Uint8ClampedArray(w * h * 4));
        assert.deepEqual(out, reference(source, w * k, h * k, k), `k ${k}, ${w}×${h}`);
        // Buffers off a 4-byte boundary take the byte-by-byte path.
        const oddSource = new Uint8Array(source.length + 1).subarray(1);
        oddSource.set(source);
        const oddOut = new Uint8ClampedArray(w * h * 4 + 1).subarray(1);
        boxShrink(oddSource, w * k, h * k, k, oddOut);
        assert.deepEqual(oddOut, reference(source, w * k, h * k, k), `k ${k}, ${w}×${h}, unaligned`);
      }
    }
  });

  test('sizes that do not fit: RangeError naming what is wrong', () => {
    assertThrowsExactly(
      () => boxShrink(new Uint8Array(36), 3, 3, 2, new Uint8ClampedArray(4)),
      RangeError,
      '3×3 is not a whole number of 2×2 squares',
    );
    assertThrowsExactly(
      () => boxShrink(new Uint8Array(60), 4, 4, 2, new Uint8ClampedArray(16)),
      RangeError,
      'source must be 64 bytes, got 60',
    );
    assertThrowsExactly(
      () => boxShrink(new Uint8Array(64), 4, 4, 2, new Uint8ClampedArray(12)),
      RangeError,
      'output must be 16 bytes, got 12',
    );
    assertThrowsExactly(
      () => boxShrink(new Uint8Array(64), 4, 4, 0, new Uint8ClampedArray(16)),
      RangeError,
      'the factor must be a whole number ≥ 1, got 0',
    );
  });
});

describe('boxFactor', () => {
  test('a whole factor only when both sides shrink by it exactly', () => {
    assert.equal(boxFactor(1280, 720, 640, 360), 2);
    assert.equal(boxFactor(1280, 720, 320, 180), 4);
    assert.equal(boxFactor(1920, 1080, 640, 360), 3);
    assert.equal(boxFactor(640, 480, 640, 480), 1);
    assert.equal(boxFactor(1280, 720, 480, 270), null); // 2.67
    assert.equal(boxFactor(1281, 720, 640, 360), null);
    assert.equal(boxFactor(1280, 721, 640, 360), null); // rounded height: not a k × k box
    assert.equal(boxFactor(1280, 720, 0, 0), null);
  });
});

describe('areaShrink', () => {
  test('3×2 to 2×1 by hand: columns {0}, {1, 2}; means rounded half up', () => {
    // Red channel only matters here; green and blue are zero, alpha is ignored.
    const red = [10, 20, 31, 11, 21, 30];
    const source = new Uint8Array(red.flatMap((r) => [r, 0, 0, 7]));
    const out = areaShrink(source, 3, 2, new Uint8ClampedArray(2 * 1 * 4), 2, 1);
    // Left box: 10, 11 → 10.5 → 11; right box: 20, 31, 21, 30 → 25.5 → 26.
    assert.deepEqual([...out], [11, 0, 0, 255, 26, 0, 0, 255]);
  });

  test('a whole factor gives exactly boxShrink', () => {
    const source = seededBytes('area-whole', 64 * 36 * 4);
    const box = boxShrink(source, 64, 36, 4, new Uint8ClampedArray(16 * 9 * 4));
    assert.deepEqual(areaShrink(source, 64, 36, new Uint8ClampedArray(16 * 9 * 4), 16, 9), box);
  });

  test('1280×720 to 480×270 matches the definition pixel by pixel', () => {
    const width = 1280;
    const height = 720;
    const source = seededBytes('area-480', width * height * 4);
    const out = areaShrink(source, width, height, new Uint8ClampedArray(480 * 270 * 4), 480, 270);
    for (const [x, y] of [
      [0, 0],
      [1, 0],
      [2, 1],
      [479, 269],
      [123, 45],
    ]) {
      const x0 = Math.floor((x * width) / 480);
      const x1 = Math.floor(((x + 1) * width) / 480);
      const y0 = Math.floor((y * height) / 270);
      const y1 = Math.floor(((y + 1) * height) / 270);
      for (let c = 0; c < 3; c++) {
        let sum = 0;
        for (let sy = y0; sy < y1; sy++) for (let sx = x0; sx < x1; sx++) sum += source[(sy * width + sx) * 4 + c];
        const n = (x1 - x0) * (y1 - y0);
        assert.equal(out[(y * 480 + x) * 4 + c], Math.floor(sum / n + 0.5), `pixel ${x},${y} channel ${c}`);
      }
      assert.equal(out[(y * 480 + x) * 4 + 3], 255);
    }
  });

  test('refuses to enlarge and a wrong output length', () => {
    assert.throws(
      () => areaShrink(new Uint8Array(16), 2, 2, new Uint8ClampedArray(36), 3, 3),
      /cannot shrink 2×2 to 3×3/,
    );
    assert.throws(
      () => areaShrink(new Uint8Array(16), 2, 2, new Uint8ClampedArray(8), 1, 1),
      /output must be 4 bytes, got 8/,
    );
  });
});
