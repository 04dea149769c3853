/**
 * byteHistogram, entropy and χ²: hand-worked cases (a constant, two values, every value equally often),
 * the 5 % critical value checked against the χ² distribution itself, and uniform pseudo-random bytes
 * (AES-256-CTR keystream from tests/unit/helpers/seeded-bytes, so every run sees the same bytes).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { encryptFrame, packFrame } from '../../../lib/cipher';
import { byteHistogram, CHI_SQUARE_CRITICAL_5, chiSquare, entropy } from '../../../lib/metrics/histogram';
import { assertThrowsExactly } from '../helpers/assert-error';
import { seededBytes } from '../helpers/seeded-bytes';

/** Entropy and χ² of some bytes, through the histogram. */
function measure(bytes: Uint8Array): { entropy: number; chiSquare: number } {
  const histogram = byteHistogram(bytes);
  return { entropy: entropy(histogram), chiSquare: chiSquare(histogram) };
}

/**
 * ln Γ(z) by Stirling's series; at z ≈ 128 the first omitted term (−1/(1680 z⁷)) is below 10⁻¹⁷.
 */
function lnGamma(z: number): number {
  return (
    (z - 0.5) * Math.log(z) - z + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * z) - 1 / (360 * z ** 3) + 1 / (1260 * z ** 5)
  );
}

/**
 * P(χ²_k ≤ x), the χ² distribution's CDF: the regularized lower incomplete gamma P(k/2, x/2), summed as
 * γ(a, y) = y^a e^−y Σ_n y^n / (a (a+1) … (a+n)) (Abramowitz & Stegun 6.5.29).
 */
function chiSquareCdf(x: number, k: number): number {
  const a = k / 2;
  const y = x / 2;
  let term = 1 / a;
  let sum = term;
  for (let n = 1; term > sum * 1e-17; n++) {
    term *= y / (a + n);
    sum += term;
  }
  return Math.exp(a * Math.log(y) - y - lnGamma(a)) * sum;
}

describe('byteHistogram', () => {
  test('counts exactly on large inputs of any length and alignment (the word-at-a-time path)', () => {
    const bytes = seededBytes('histogram lengths', 5007);
    for (const [from, to] of [
      [0, 4096],
      [0, 4099],
      [1, 4097],
      [3, 5006],
      [4, 1030],
      [0, 1023],
    ]) {
      const part = bytes.subarray(from, to);
      const naive = new Uint32Array(256);
      for (const value of part) naive[value]++;
      assert.deepEqual(byteHistogram(part), naive, `bytes ${from}–${to}`);
    }
    const constant = new Uint8Array(4097).fill(200);
    assert.equal(byteHistogram(constant)[200], 4097);
  });

  test('counts each byte value, and clears the reused output first', () => {
    const out = new Uint32Array(256).fill(7);
    const histogram = byteHistogram(Uint8Array.of(0, 0, 255, 3, 0), out);
    assert.equal(histogram, out);
    assert.deepEqual([histogram[0], histogram[3], histogram[255]], [3, 1, 1]);
    assert.equal(
      histogram.reduce((a, b) => a + b, 0),
      5,
    );
  });

  test('refuses what is not bytes, or an output that is not 256 entries', () => {
    assertThrowsExactly(() => byteHistogram([1, 2] as unknown as Uint8Array), TypeError, 'bytes must be a Uint8Array');
    assertThrowsExactly(
      () => byteHistogram(new Uint8Array(4), new Uint32Array(255)),
      RangeError,
      'histogram must have 256 entries, got 255',
    );
  });
});

describe('entropy, known by hand', () => {
  test('a constant frame: one value with p = 1, so −1·log2 1 = 0 bits', () => {
    assert.equal(measure(new Uint8Array(4096).fill(77)).entropy, 0);
  });

  test('two values equally often (a 0/255 checkerboard): −2 · ½ log2 ½ = exactly 1 bit', () => {
    const checkerboard = new Uint8Array(64 * 64).map((_, i) => (((i % 64) + Math.floor(i / 64)) % 2 === 0 ? 0 : 255));
    assert.equal(measure(checkerboard).entropy, 1);
  });

  test('every value equally often (a ramp x mod 256): 256 · (1/256 · 8) = exactly 8 bits', () => {
    assert.equal(measure(new Uint8Array(512 * 3).map((_, i) => i % 256)).entropy, 8);
  });

  test('three values with p = ½, ¼, ¼: ½·1 + 2·¼·2 = exactly 1.5 bits', () => {
    assert.equal(measure(Uint8Array.of(9, 9, 1, 2)).entropy, 1.5);
  });

  test('no bytes: 0 bits (nothing to be uncertain about)', () => {
    assert.equal(measure(new Uint8Array(0)).entropy, 0);
  });
});

describe('χ² against uniform, known by hand', () => {
  test('every value equally often: observed = expected in every bin, so 0', () => {
    assert.equal(measure(new Uint8Array(256 * 5).map((_, i) => i % 256)).chiSquare, 0);
  });

  test('all n bytes equal: ((n − n/256)² + 255 (n/256)²) / (n/256) = 255 n', () => {
    // (n·255/256)² + 255·n²/256² = n²·255·(255 + 1)/256² = n²·255/256; divided by n/256 gives 255·n.
    for (const n of [256, 4096, 512 * 512 * 3]) assert.equal(measure(new Uint8Array(n).fill(200)).chiSquare, 255 * n);
  });

  test('two values, n/2 each: 2 (n/2 − n/256)²/(n/256) + 254 (n/256) = 127 n, for n = 1024: 130048', () => {
    // With e = n/256: 2 (128e − e)²/e + 254 e = 2·127² e + 254 e = 32512 e = 127 n.
    assert.equal(measure(new Uint8Array(1024).map((_, i) => (i % 2 ? 255 : 0))).chiSquare, 127 * 1024);
  });

  test('no bytes: NaN (there is no distribution to test)', () => {
    assert.ok(Number.isNaN(measure(new Uint8Array(0)).chiSquare));
  });

  test('293.25 is the 95th percentile of χ² with 255 degrees of freedom, rounded up to 2 decimals', () => {
    // Checked against the distribution's CDF computed here, not against a printed table.
    assert.equal(CHI_SQUARE_CRITICAL_5, 293.25);
    assert.ok(Math.abs(chiSquareCdf(CHI_SQUARE_CRITICAL_5, 255) - 0.95) < 5e-5, String(chiSquareCdf(293.25, 255)));
    assert.ok(chiSquareCdf(293.24, 255) < 0.95 && chiSquareCdf(293.25, 255) > 0.95);
    // The CDF itself, against a textbook value: the 95th percentile of χ² with 4 degrees of freedom is 9.4877.
    assert.ok(Math.abs(chiSquareCdf(9.4877, 4) - 0.95) < 1e-4);
  });
});

describe('uniform pseudo-random bytes (AES-256-CTR keystream)', () => {
  const frame = seededBytes('histogram uniform frame', 1024 * 1024 * 3);

  test('entropy above 7.99 bits (the expected shortfall for n bytes is ≈ 255 / (2 n ln 2), here 6·10⁻⁵)', () => {
    assert.ok(measure(frame).entropy > 7.99, String(measure(frame).entropy));
    assert.ok(measure(frame).entropy < 8);
  });

  test('this fixed frame passes χ² at 5 % (244.09 < 293.25)', () => {
    // Truly random bytes fail this test 5 % of the time, so a fresh random frame here would make a flaky
    // test. The bytes are fixed by their seed, and their χ² (244.089…) was checked to pass.
    const { chiSquare: value } = measure(frame);
    assert.ok(value < CHI_SQUARE_CRITICAL_5, String(value));
    assert.ok(Math.abs(value - 244.089) < 0.001, String(value));
  });

  test('over 1000 fixed samples of 4096 bytes, about 5 % fail at 5 % and χ² averages 255', () => {
    // The number failing is Binomial(1000, 0.05): mean 50, standard deviation 6.9; 30–70 is ±3 sd. The
    // mean of χ² with 255 degrees of freedom is 255, its sample mean's sd √(2·255/1000) = 0.71. These
    // seeded samples give 41 failures and a mean of 254.82.
    const samples = 1000;
    const bytes = seededBytes('chi-square samples', samples * 4096);
    let failed = 0;
    let sum = 0;
    for (let i = 0; i < samples; i++) {
      const value = measure(bytes.subarray(i * 4096, (i + 1) * 4096)).chiSquare;
      sum += value;
      if (value >= CHI_SQUARE_CRITICAL_5) failed++;
    }
    assert.ok(failed >= 30 && failed <= 70, `${failed} of ${samples} failed`);
    assert.ok(Math.abs(sum / samples - 255) < 3, `mean ${sum / samples}`);
  });

  test('GCM ciphertext of a constant frame looks the same: entropy > 7.99, χ² passes (fixed key and nonce)', () => {
    const data = new Uint8Array(640 * 480 * 4).fill(128);
    const { ciphertext, plaintextLength } = encryptFrame(
      { width: 640, height: 480, data },
      { mode: 'gcm', key: seededBytes('histogram gcm key', 32), nonce: seededBytes('histogram gcm nonce', 12) },
    );
    const plain = measure(packFrame({ width: 640, height: 480, data }));
    const cipher = measure(ciphertext.subarray(0, plaintextLength));
    assert.deepEqual(plain, { entropy: 0, chiSquare: 255 * 640 * 480 * 3 });
    assert.ok(cipher.entropy > 7.99, String(cipher.entropy));
    assert.ok(cipher.chiSquare < CHI_SQUARE_CRITICAL_5, String(cipher.chiSquare));
  });
});
