/**
 * The byte histogram and the two measures read off it. Shannon entropy (bits per byte; 8 for uniform
 * bytes) says how unpredictable a byte is; χ² against the uniform distribution (255 degrees of freedom)
 * says whether the histogram could come from uniform random bytes: below 293.25 passes at the 5 % level.
 * Good ciphertext scores ≈ 8 and passes; pictures, and ECB over flat pictures, score lower and fail.
 */

/** χ² critical value for 255 degrees of freedom at α = 0.05 (from the χ² distribution's quantile). */
export const CHI_SQUARE_CRITICAL_5 = 293.25;

/** Scratch for byteHistogram's four partial counts (reused: a worker runs one call at a time). */
const QUARTERS = new Uint32Array(1024);

/**
 * Counts of each byte value, into `out` when given (256 entries).
 * @example byteHistogram(new Uint8Array([0, 0, 255]))[0] // 2
 */
export function byteHistogram(bytes: Uint8Array, out: Uint32Array = new Uint32Array(256)): Uint32Array {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('bytes must be a Uint8Array');
  if (out.length !== 256) throw new RangeError(`histogram must have 256 entries, got ${out.length}`);
  out.fill(0);
  if (bytes.byteOffset % 4 !== 0 || bytes.length < 1024) {
    for (let i = 0; i < bytes.length; i++) out[bytes[i]]++;
    return out;
  }
  // Four bytes per 32-bit load, each into its own quarter of the counts (so consecutive equal bytes do
  // not wait on one counter): about three times faster on a 1280-wide frame. Byte order does not matter,
  // every byte is counted once.
  const quarters = QUARTERS.fill(0);
  const words = bytes.length >>> 2;
  const w = new Uint32Array(bytes.buffer, bytes.byteOffset, words);
  for (let i = 0; i < words; i++) {
    const v = w[i];
    quarters[v & 255]++;
    quarters[256 + ((v >>> 8) & 255)]++;
    quarters[512 + ((v >>> 16) & 255)]++;
    quarters[768 + (v >>> 24)]++;
  }
  for (let i = words * 4; i < bytes.length; i++) quarters[bytes[i]]++;
  for (let v = 0; v < 256; v++) out[v] = quarters[v] + quarters[256 + v] + quarters[512 + v] + quarters[768 + v];
  return out;
}

/**
 * Shannon entropy of the byte distribution, in bits per byte (0 for a constant, 8 for uniform).
 * @example entropy(byteHistogram(new Uint8Array([0, 255]))) // 1
 */
export function entropy(histogram: Uint32Array): number {
  let total = 0;
  for (let v = 0; v < 256; v++) total += histogram[v];
  if (total === 0) return 0;
  let bits = 0;
  for (let v = 0; v < 256; v++) {
    const count = histogram[v];
    if (count === 0) continue;
    const p = count / total;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/**
 * Pearson's χ² of the histogram against uniform bytes: Σ (observed − expected)² / expected, with
 * expected = n / 256. NaN for no bytes.
 * @example chiSquare(byteHistogram(new Uint8Array(256).map((_, i) => i))) // 0
 */
export function chiSquare(histogram: Uint32Array): number {
  let total = 0;
  for (let v = 0; v < 256; v++) total += histogram[v];
  if (total === 0) return NaN;
  const expected = total / 256;
  let sum = 0;
  for (let v = 0; v < 256; v++) {
    const d = histogram[v] - expected;
    sum += d * d;
  }
  return sum / expected;
}
