/**
 * adjacentCorrelation: pictures whose correlations can be worked out by hand (checkerboards, a ramp, a
 * constant), uniform pseudo-random bytes, and grid sampling against a two-pass reference. The library
 * pools every byte of a pixel: a pair is (channel c of a pixel, channel c of its neighbour), for every
 * channel, and one Pearson r is taken over all those pairs — so a pixel's channels only leave r
 * unchanged when they are equal; where they differ, the expected values below work that pooling out.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { adjacentCorrelation, type AdjacentCorrelation } from '../../../lib/metrics/correlation';
import { assertThrowsExactly } from '../helpers/assert-error';
import { seededBytes } from '../helpers/seeded-bytes';

/** `width × height` pixels of `paint(x, y)`'s bytes, row by row. */
function picture(width: number, height: number, paint: (x: number, y: number) => readonly number[]): Uint8Array {
  const bytesPerPixel = paint(0, 0).length;
  const bytes = new Uint8Array(width * height * bytesPerPixel);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) bytes.set(paint(x, y), (y * width + x) * bytesPerPixel);
  }
  return bytes;
}

/** Pearson's r the textbook way: means first, then centred sums (NaN when either side is constant). */
function pearson(pairs: readonly (readonly [number, number])[]): number {
  const mx = pairs.reduce((s, [x]) => s + x, 0) / pairs.length;
  const my = pairs.reduce((s, [, y]) => s + y, 0) / pairs.length;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [x, y] of pairs) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? NaN : sxy / Math.sqrt(sxx * syy);
}

/** The pairs listed one by one from pixel coordinates, for pixels on the `step` grid. */
function reference(bytes: Uint8Array, width: number, height: number, bpp: number, step = 1): AdjacentCorrelation {
  const at = (x: number, y: number, c: number) => bytes[(y * width + x) * bpp + c];
  const h: [number, number][] = [];
  const v: [number, number][] = [];
  const d: [number, number][] = [];
  for (let y = 0; y < height; y += step) {
    for (let x = 0; x < width; x += step) {
      for (let c = 0; c < bpp; c++) {
        if (x + 1 < width) h.push([at(x, y, c), at(x + 1, y, c)]);
        if (y + 1 < height) v.push([at(x, y, c), at(x, y + 1, c)]);
        if (x + 1 < width && y + 1 < height) d.push([at(x, y, c), at(x + 1, y + 1, c)]);
      }
    }
  }
  return { horizontal: pearson(h), vertical: pearson(v), diagonal: pearson(d) };
}

const checker =
  <T>(a: T, b: T) =>
  (x: number, y: number) =>
    (x + y) % 2 === 0 ? a : b;

describe('checkerboards: every neighbour to the side or below is the other colour, every diagonal one the same', () => {
  test('black and white, in gray and in rgb: exactly −1, −1 and +1', () => {
    // Side and vertical pairs are (0, 255) or (255, 0): all on the line y = 255 − x, so r = −1 whatever
    // the mix of the two. Diagonal pairs are (0, 0) or (255, 255): on y = x, so r = +1. In rgb the three
    // channels are equal, so pooling them repeats the same pairs. Odd sizes change the mix, not r.
    for (const [width, height] of [
      [64, 64],
      [63, 37],
    ]) {
      const gray = picture(width, height, checker([0], [255]));
      const rgb = picture(width, height, checker([0, 0, 0], [255, 255, 255]));
      const expected = { horizontal: -1, vertical: -1, diagonal: 1 };
      assert.deepEqual(adjacentCorrelation(gray, width, height, 1), expected, `gray ${width}×${height}`);
      assert.deepEqual(adjacentCorrelation(rgb, width, height, 3), expected, `rgb ${width}×${height}`);
    }
  });

  test('red and blue in rgb: pooling the channels gives exactly −0.5 to the side and below, +1 diagonally', () => {
    // a = (255, 0, 0), b = (0, 0, 255). On 64 × 64 each row has 63 side pairs, (a,b) and (b,a) alternating,
    // one more of whichever the row starts with; rows alternate, so there are N of each (and likewise
    // below). Channel by channel, (a,b) gives (255,0), (0,0), (0,255) and (b,a) gives (0,255), (0,0),
    // (255,0): 2N each of (255,0), (0,255), (0,0). In units of 255: E[x] = E[y] = 1/3, E[xy] = 0,
    // E[x²] = 1/3, so cov = −1/9, var = 2/9, r = −1/2. Diagonal pairs are (a,a) or (b,b): x = y, r = +1.
    const bytes = picture(64, 64, checker([255, 0, 0], [0, 0, 255]));
    assert.deepEqual(adjacentCorrelation(bytes, 64, 64, 3), { horizontal: -0.5, vertical: -0.5, diagonal: 1 });
  });

  test('black and white in rgba with alpha 255: the constant alpha pairs pull r from −1 to exactly −0.6', () => {
    // Side pairs, N of (a,b) and N of (b,a): 3N of (0,255), 3N of (255,0) from R, G, B and 2N of
    // (255,255) from alpha. In units of 255: n = 8N, E[x] = E[y] = 5/8, E[xy] = 2/8, E[x²] = 5/8;
    // cov = 16/64 − 25/64 = −9/64, var = 40/64 − 25/64 = 15/64, r = −9/15 = −0.6.
    const bytes = picture(64, 64, checker([0, 0, 0, 255], [255, 255, 255, 255]));
    assert.deepEqual(adjacentCorrelation(bytes, 64, 64, 4), { horizontal: -0.6, vertical: -0.6, diagonal: 1 });
  });
});

describe('a ramp x mod 256, 512 × 4 pixels', () => {
  // One row's side pairs, x = 0 … 510: (s, s+1) twice for s = 0 … 254, and (255, 0) once where it wraps;
  // the diagonal pairs are the same. n = 511, and with S1(m) = Σ_{s≤m} s, S2(m) = Σ_{s≤m} s²:
  //   Σx  = 2·S1(254) + 255 = 65025           Σy  = 2·(S1(255) − 0) = 65280
  //   Σx² = 2·S2(254) + 255² = 11054335       Σy² = 2·S2(255) = 11119360
  //   Σxy = 2·(S2(254) + S1(254)) = 11054080
  //   n²cov = nΣxy − ΣxΣy = 1403802880;  n²var x = n²var y = 1420514560
  //   r = 1403802880 / 1420514560 = 1096721 / 1109777
  // Every row repeats the same pairs, which scales all sums alike and leaves r as it is. Vertical pairs
  // are (v, v): r = 1.
  const RAMP_R = 1096721 / 1109777;
  const sum = (m: number, f: (s: number) => number) =>
    Array.from({ length: m + 1 }, (_, s) => f(s)).reduce((a, b) => a + b);

  test('the hand sums above', () => {
    const s1 = (m: number) => sum(m, (s) => s);
    const s2 = (m: number) => sum(m, (s) => s * s);
    const [sx, sy, sxx, syy, sxy] = [
      2 * s1(254) + 255,
      2 * s1(255),
      2 * s2(254) + 255 ** 2,
      2 * s2(255),
      2 * (s2(254) + s1(254)),
    ];
    assert.deepEqual([sx, sy, sxx, syy, sxy], [65025, 65280, 11054335, 11119360, 11054080]);
    assert.equal(511 * sxy - sx * sy, 1403802880);
    assert.equal(511 * sxx - sx * sx, 1420514560);
    assert.equal(511 * syy - sy * sy, 1420514560);
    assert.equal(1403802880 / 1420514560, RAMP_R);
  });

  test('gray: r = 1096721/1109777 (0.98824) to the side and diagonally, exactly 1 vertically', () => {
    const bytes = picture(512, 4, (x) => [x % 256]);
    assert.deepEqual(adjacentCorrelation(bytes, 512, 4, 1), { horizontal: RAMP_R, vertical: 1, diagonal: RAMP_R });
  });

  test('rgb with equal channels: the same, since pooling three equal channels triples every sum', () => {
    const bytes = picture(512, 4, (x) => [x % 256, x % 256, x % 256]);
    assert.deepEqual(adjacentCorrelation(bytes, 512, 4, 3), { horizontal: RAMP_R, vertical: 1, diagonal: RAMP_R });
  });

  test('a diagonal ramp (x + y) mod 256 agrees with the two-pass reference', () => {
    const bytes = picture(300, 200, (x, y) => [(x + y) % 256, (2 * x) % 256, 255 - ((x + y) % 256)]);
    const got = adjacentCorrelation(bytes, 300, 200, 3);
    const expected = reference(bytes, 300, 200, 3);
    for (const k of ['horizontal', 'vertical', 'diagonal'] as const)
      assert.ok(Math.abs(got[k] - expected[k]) < 1e-12, k);
  });
});

describe('undefined correlations are NaN', () => {
  test('a constant frame: every pair is (c, c), no variance, r undefined in all three directions', () => {
    const r = adjacentCorrelation(new Uint8Array(32 * 16 * 3).fill(90), 32, 16, 3);
    assert.ok(Number.isNaN(r.horizontal) && Number.isNaN(r.vertical) && Number.isNaN(r.diagonal), JSON.stringify(r));
  });

  test('a one-pixel-wide frame: no side or diagonal neighbours, but vertical pairs', () => {
    const r = adjacentCorrelation(Uint8Array.of(0, 10, 20, 30), 1, 4, 1);
    assert.ok(Number.isNaN(r.horizontal) && Number.isNaN(r.diagonal));
    assert.equal(r.vertical, 1); // (0,10), (10,20), (20,30): y = x + 10
  });
});

describe('uniform pseudo-random bytes', () => {
  test('1024 × 1024 rgb: |r| < 0.01 in every direction (its standard error is 1/√n ≈ 0.0006)', () => {
    const bytes = seededBytes('correlation uniform frame', 1024 * 1024 * 3);
    const r = adjacentCorrelation(bytes, 1024, 1024, 3);
    for (const value of Object.values(r)) assert.ok(Math.abs(value) < 0.01, JSON.stringify(r));
  });
});

describe('step: every step-th pixel in both directions, each still paired with its true neighbour', () => {
  const bytes = picture(199, 101, (x, y) => [(x * 3 + y) % 256, (x * y) % 256, (x ^ y) & 255]);

  test('step 1 is every pixel, and steps 2, 3 and 7 equal the reference over the grid pixels', () => {
    for (const step of [1, 2, 3, 7]) {
      const got = adjacentCorrelation(bytes, 199, 101, 3, step);
      const expected = reference(bytes, 199, 101, 3, step);
      for (const k of ['horizontal', 'vertical', 'diagonal'] as const) {
        assert.ok(Math.abs(got[k] - expected[k]) < 1e-12, `step ${step} ${k}: ${got[k]} vs ${expected[k]}`);
      }
    }
  });

  test('the checkerboard stays −1/−1/+1 at odd steps, as each sampled pixel keeps its real neighbours', () => {
    const board = picture(64, 64, checker([0], [255]));
    for (const step of [3, 5]) {
      assert.deepEqual(adjacentCorrelation(board, 64, 64, 1, step), { horizontal: -1, vertical: -1, diagonal: 1 });
    }
    // Step 2 aliases: every sampled pixel has x + y even, so is black, and the first of each pair is
    // constant: r is undefined. Sampling is an estimate, not a guarantee.
    const aliased = adjacentCorrelation(board, 64, 64, 1, 2);
    assert.ok(Object.values(aliased).every(Number.isNaN), JSON.stringify(aliased));
  });
});

describe('bad input', () => {
  test('not bytes: TypeError; a bad step or too few bytes: RangeError', () => {
    assertThrowsExactly(
      () => adjacentCorrelation([1, 2] as unknown as Uint8Array, 2, 1, 1),
      TypeError,
      'bytes must be a Uint8Array',
    );
    assertThrowsExactly(
      () => adjacentCorrelation(new Uint8Array(4), 2, 2, 1, 0),
      RangeError,
      'step must be a positive integer, got 0',
    );
    assertThrowsExactly(
      () => adjacentCorrelation(new Uint8Array(4), 2, 2, 1, 1.5),
      RangeError,
      'step must be a positive integer, got 1.5',
    );
    assertThrowsExactly(
      () => adjacentCorrelation(new Uint8Array(11), 2, 2, 3),
      RangeError,
      'need 12 bytes for 2×2×3, got 11',
    );
  });
});
