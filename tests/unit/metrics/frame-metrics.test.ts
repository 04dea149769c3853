/**
 * MetricsMeter: the hand-worked frames measured in one call (a constant, a checkerboard, a ramp, uniform
 * bytes), the unchanged-block figures, and the correlation sampling for frames over 40,000 pixels: a
 * grid of every step-th pixel with step = ⌈√(pixels / 40000)⌉, the same answer every time and close to
 * the value over every pixel. Everything else is always measured over all the bytes.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { ecbEncrypt, packFrame } from '../../../lib/cipher';
import { countRepeatedBlocks } from '../../../lib/metrics/blocks';
import { adjacentCorrelation } from '../../../lib/metrics/correlation';
import { blockFigures, MetricsMeter, type StreamMetrics } from '../../../lib/metrics/frame-metrics';
import { byteHistogram, chiSquare, entropy } from '../../../lib/metrics/histogram';
import { decodePng } from '../../../lib/png';
import { assertThrowsExactly } from '../helpers/assert-error';
import { seededBytes } from '../helpers/seeded-bytes';

const PENGUIN = new URL('../../../public/samples/penguin.png', import.meta.url);

/** Gray bytes of `paint(x, y)`. */
function gray(width: number, height: number, paint: (x: number, y: number) => number): Uint8Array {
  const bytes = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) bytes[y * width + x] = paint(x, y);
  return bytes;
}

describe('MetricsMeter on frames known by hand', () => {
  const meter = new MetricsMeter();

  test('a constant 64 × 64 rgb frame: all 768 blocks repeated, entropy 0, χ² = 255 n, correlation undefined', () => {
    // n = 64·64·3 = 12288 bytes = 768 blocks, all equal. χ² of n equal bytes is 255 n (histogram tests).
    const expected: StreamMetrics = {
      blocks: 768,
      repeatedBlocks: 768,
      repeatedShare: 1,
      entropy: 0,
      chiSquare: 255 * 12288,
      correlation: { horizontal: NaN, vertical: NaN, diagonal: NaN },
      unchangedBlocks: null,
      unchangedShare: null,
    };
    assert.deepEqual(meter.measure(new Uint8Array(12288).fill(42), 64, 64, 3), expected);
  });

  test('a 0/255 gray checkerboard, 64 × 64: entropy 1, χ² 127 n, r = −1, −1, +1, every block repeated', () => {
    // A 64-byte row is 4 blocks of 0,255,0,255…; every even row is the same 4 blocks, every odd row the
    // other 4: all 256 blocks repeated. Two values n/2 each: χ² = 127 n (histogram tests).
    assert.deepEqual(
      meter.measure(
        gray(64, 64, (x, y) => ((x + y) % 2 ? 255 : 0)),
        64,
        64,
        1,
      ),
      {
        blocks: 256,
        repeatedBlocks: 256,
        repeatedShare: 1,
        entropy: 1,
        chiSquare: 127 * 4096,
        correlation: { horizontal: -1, vertical: -1, diagonal: 1 },
        unchangedBlocks: null,
        unchangedShare: null,
      },
    );
  });

  test('a ramp x mod 256, 512 × 4 gray: entropy 8, χ² 0, r as worked out in the correlation tests', () => {
    // Block k of a row holds 16k … 16k+15 (mod 256): each of the 16 values appears 8 times in the frame.
    const metrics = meter.measure(
      gray(512, 4, (x) => x % 256),
      512,
      4,
      1,
    );
    assert.deepEqual(metrics, {
      blocks: 128,
      repeatedBlocks: 128,
      repeatedShare: 1,
      entropy: 8,
      chiSquare: 0,
      correlation: { horizontal: 1096721 / 1109777, vertical: 1, diagonal: 1096721 / 1109777 },
      unchangedBlocks: null,
      unchangedShare: null,
    });
  });

  test('uniform pseudo-random bytes, 400 × 400 rgb: no repeated block, entropy > 7.99, |r| < 0.01', () => {
    const metrics = meter.measure(seededBytes('frame-metrics uniform', 400 * 400 * 3), 400, 400, 3);
    assert.equal(metrics.repeatedBlocks, 0);
    assert.ok(metrics.entropy > 7.99, String(metrics.entropy));
    for (const r of Object.values(metrics.correlation)) assert.ok(Math.abs(r) < 0.01, String(r));
  });

  test('ECB ciphertext with its padding block: blocks include it, the histogram and correlation use the picture bytes only', () => {
    // 10 × 10 rgb = 300 bytes: 18 whole blocks and 12 bytes; ECB pads to 304 bytes = 19 blocks.
    const plaintext = seededBytes('frame-metrics ecb', 300);
    const ciphertext = ecbEncrypt(seededBytes('frame-metrics key', 16), plaintext);
    const metrics = meter.measure(ciphertext, 10, 10, 3);
    assert.equal(metrics.blocks, 19);
    assert.equal(metrics.entropy, entropy(byteHistogram(ciphertext.subarray(0, 300))));
    assert.equal(metrics.chiSquare, chiSquare(byteHistogram(ciphertext.subarray(0, 300))));
    assert.deepEqual(metrics.correlation, adjacentCorrelation(ciphertext.subarray(0, 300), 10, 10, 3));
  });
});

describe('MetricsMeter with the previous frame', () => {
  test('one changed block of 2700: 2699 unchanged, the map marks it, the other measures are unaffected', () => {
    const meter = new MetricsMeter();
    const previous = seededBytes('frame-metrics previous', 160 * 90 * 3);
    const current = previous.slice();
    current[777 * 16 + 2] ^= 1;
    const map = new Uint8Array(2700);
    const metrics = meter.measure(current, 160, 90, 3, previous, map);
    assert.equal(metrics.unchangedBlocks, 2699);
    assert.equal(metrics.unchangedShare, 2699 / 2700);
    assert.deepEqual(
      [...map.keys()].filter((b) => map[b] === 0),
      [777],
    );
    const alone = meter.measure(current, 160, 90, 3);
    assert.deepEqual({ ...metrics, unchangedBlocks: null, unchangedShare: null }, alone);
  });

  test('a previous frame of another length: RangeError, not a silent "nothing to compare"', () => {
    assertThrowsExactly(
      () => new MetricsMeter().measure(new Uint8Array(48), 4, 4, 3, new Uint8Array(64)),
      RangeError,
      'frames must be the same length to compare, got 48 and 64',
    );
  });

  test('no whole block: unchanged count 0 and share null rather than 0/0', () => {
    const metrics = new MetricsMeter().measure(new Uint8Array(3), 1, 1, 3, new Uint8Array(3));
    assert.deepEqual(
      [metrics.blocks, metrics.repeatedShare, metrics.unchangedBlocks, metrics.unchangedShare],
      [0, 0, 0, null],
    );
  });
});

describe('correlation sampling above 40,000 pixels', () => {
  // step = ⌈√(pixels / 40000)⌉: 200×200 → 1; 201×200 → ⌈1.0025⌉ = 2; 512×512 → ⌈2.56⌉ = 3;
  // 640×360 → ⌈2.4⌉ = 3; 1280×720 → ⌈4.8⌉ = 5; 4096×4096 → ⌈20.48⌉ = 21.
  const cases: [number, number, number][] = [
    [200, 200, 1],
    [201, 200, 2],
    [640, 360, 3],
    [1280, 720, 5],
    [4096, 4096, 21],
  ];
  for (const [width, height, step] of cases) {
    test(`${width} × ${height} gray: the grid of step ${step}, and the same answer twice`, () => {
      const bytes = seededBytes(`frame-metrics sampling ${width}`, width * height);
      for (let i = 0; i < bytes.length; i += 3) bytes[i] = bytes[i + 1] ?? 0; // some structure, so r ≠ 0
      const meter = new MetricsMeter();
      const first = meter.measure(bytes, width, height, 1);
      assert.deepEqual(first.correlation, adjacentCorrelation(bytes, width, height, 1, step));
      if (step > 1) assert.notDeepEqual(first.correlation, adjacentCorrelation(bytes, width, height, 1, step - 1));
      assert.deepEqual(new MetricsMeter().measure(bytes, width, height, 1), first);
      // Blocks and the histogram are never sampled.
      assert.equal(first.repeatedBlocks, countRepeatedBlocks(bytes).repeated);
      assert.equal(first.entropy, entropy(byteHistogram(bytes)));
    });
  }

  test('close to the full value: the penguin (step 3) within 0.01, a smooth noisy 1280 × 720 frame (step 5) within 0.001', () => {
    // Measured when written: the penguin's sampled r are 0.0014–0.0050 below the full ones (its edges
    // are sharp, so which pixels are sampled matters).
    const penguin = packFrame(decodePng(new Uint8Array(readFileSync(PENGUIN))), 'rgb', 8);
    const noise = seededBytes('frame-metrics smooth', 1280 * 720 * 3);
    const smooth = new Uint8Array(1280 * 720 * 3);
    for (let i = 0; i < smooth.length; i++) {
      const p = Math.floor(i / 3);
      const [x, y, c] = [p % 1280, Math.floor(p / 1280), i % 3];
      smooth[i] = Math.round(127 + 100 * Math.sin(x / 50 + c) * Math.cos(y / 40)) + (noise[i] % 16) - 8;
    }
    for (const [bytes, width, height, tolerance] of [
      [penguin, 512, 512, 0.01],
      [smooth, 1280, 720, 0.001],
    ] as const) {
      const sampled = new MetricsMeter().measure(bytes, width, height, 3).correlation;
      const full = adjacentCorrelation(bytes, width, height, 3);
      for (const k of ['horizontal', 'vertical', 'diagonal'] as const) {
        assert.ok(Math.abs(sampled[k] - full[k]) < tolerance, `${width}×${height} ${k}: ${sampled[k]} vs ${full[k]}`);
        assert.notEqual(sampled[k], full[k], 'it really is sampled');
      }
    }
  });
});

describe('block figures are the same for a plaintext stream and its ECB ciphertext under one key', () => {
  // The primary worker measures blocks once, on the ECB bytes, and gives the original the same figures:
  // AES is a permutation, so ECB blocks are equal exactly when their plaintext blocks are.
  test('the penguin at two depths, and the next frame with a patch changed', () => {
    const key = seededBytes('frame-metrics shared blocks key', 16);
    for (const bits of [8, 3]) {
      const first = packFrame(decodePng(new Uint8Array(readFileSync(PENGUIN))), 'rgb', bits);
      const second = first.slice();
      for (let i = 100_000; i < 130_000; i += 7) second[i] ^= 0x80;
      const body = (plaintext: Uint8Array) => ecbEncrypt(key, plaintext).subarray(0, plaintext.length);
      const plainMeter = new MetricsMeter();
      const ecbMeter = new MetricsMeter();
      const [plainMap, ecbMap] = [new Uint8Array(first.length / 16), new Uint8Array(first.length / 16)];
      const plain = plainMeter.measureBlocks(second, first, plainMap);
      const ecb = ecbMeter.measureBlocks(body(second), body(first), ecbMap);
      assert.deepEqual(ecb, plain, `${bits} bits`);
      assert.deepEqual(ecbMap, plainMap);
      assert.ok(plain.repeatedBlocks > 1000 && plain.unchangedBlocks! > 1000, 'the case is not trivial');
      assert.ok(plain.unchangedBlocks! < plain.blocks, 'some blocks changed');
      assert.deepEqual(blockFigures(ecbMeter.measure(body(second), 512, 512, 3, body(first))), ecb);
    }
  });
});
