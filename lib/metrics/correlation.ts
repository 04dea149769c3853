/**
 * Correlation of adjacent pixels, the standard test of image encryption: in a picture a pixel is nearly
 * the same as its neighbour (correlation ≈ 0.9–0.99), in good ciphertext it is unrelated (≈ 0). Each
 * byte of a pixel (a colour channel, or luma) is paired with the same byte of the pixel to its right,
 * below it, and diagonally below-right, and Pearson's r is taken over all pairs of all channels.
 *
 * (NOINLINE on calls of per-frame work: see lib/worker/stages.ts.)
 */

export interface AdjacentCorrelation {
  horizontal: number;
  vertical: number;
  diagonal: number;
}

/** Running sums for Pearson's r over pairs (x, y), in {@link Sums} at offset 6 · k for direction k. */
const N = 0;
const SX = 1;
const SY = 2;
const SXX = 3;
const SYY = 4;
const SXY = 5;
const HORIZONTAL = 0;
const VERTICAL = 6;
const DIAGONAL = 12;

/** The three directions' running sums (reused: a worker runs one call at a time). */
const SUMS = new Float64Array(18);

/** r from the running sums at `k`, or NaN when either side is constant (r is undefined then) or there are no pairs. */
function pearson(sums: Float64Array, k: number): number {
  const n = sums[k + N];
  if (n === 0) return NaN;
  const cov = n * sums[k + SXY] - sums[k + SX] * sums[k + SY];
  const vx = n * sums[k + SXX] - sums[k + SX] * sums[k + SX];
  const vy = n * sums[k + SYY] - sums[k + SY] * sums[k + SY];
  if (vx <= 0 || vy <= 0) return NaN;
  return cov / Math.sqrt(vx * vy);
}

/** Adds running sums gathered elsewhere (n, Σx, Σy, Σx², Σy², Σxy) into direction `k`. */
function addSums(
  sums: Float64Array,
  k: number,
  n: number,
  sx: number,
  sy: number,
  sxx: number,
  syy: number,
  sxy: number,
) {
  sums[k + N] += n;
  sums[k + SX] += sx;
  sums[k + SY] += sy;
  sums[k + SXX] += sxx;
  sums[k + SYY] += syy;
  sums[k + SXY] += sxy;
}

/**
 * Adds the pairs of one sampled row: `count` pixels from byte `at`, every `step`-th pixel. A function of
 * its own, called once per row, so the engine optimizes it as a whole: a once-a-frame function with
 * nested loops is only ever optimized inside a loop (on-stack replacement), and that code is thrown
 * away each time the loop ends. The row's sums are kept in local variables (registers) and added to
 * `sums` once. All sums are whole numbers far below 2⁵³, so the order of adding changes nothing.
 */
function addRow(
  sums: Float64Array,
  bytes: Uint8Array,
  at: number,
  count: number,
  bytesPerPixel: number,
  stride: number,
  row: number,
  below: boolean,
  rightmostHasRight: boolean,
): void {
  // prettier-ignore
  let hn = 0, hx = 0, hy = 0, hxx = 0, hyy = 0, hxy = 0;
  // prettier-ignore
  let vn = 0, vx = 0, vy = 0, vxx = 0, vyy = 0, vxy = 0;
  // prettier-ignore
  let dn = 0, dx = 0, dy = 0, dxx = 0, dyy = 0, dxy = 0;
  for (let i = 0; i < count; i++, at += stride) {
    const right = i + 1 < count || rightmostHasRight;
    for (let c = 0; c < bytesPerPixel; c++) {
      const x = bytes[at + c];
      if (right) {
        const y = bytes[at + bytesPerPixel + c];
        hn++;
        hx += x;
        hy += y;
        hxx += x * x;
        hyy += y * y;
        hxy += x * y;
      }
      if (below) {
        const y = bytes[at + row + c];
        vn++;
        vx += x;
        vy += y;
        vxx += x * x;
        vyy += y * y;
        vxy += x * y;
        if (right) {
          const z = bytes[at + row + bytesPerPixel + c];
          dn++;
          dx += x;
          dy += z;
          dxx += x * x;
          dyy += z * z;
          dxy += x * z;
        }
      }
    }
  }
  addSums(sums, HORIZONTAL, hn, hx, hy, hxx, hyy, hxy);
  addSums(sums, VERTICAL, vn, vx, vy, vxx, vyy, vxy);
  addSums(sums, DIAGONAL, dn, dx, dy, dxx, dyy, dxy);
}

/**
 * Pearson correlation of each byte with the same byte of the neighbouring pixel, for bytes laid out as
 * `width × height` pixels of `bytesPerPixel` bytes. `step` > 1 samples every step-th pixel (in both
 * directions), for speed on large frames; the result is then an estimate.
 * @example adjacentCorrelation(rgbBytes, 640, 360, 3).horizontal // ≈ 0.95 for a photo
 */
export function adjacentCorrelation(
  bytes: Uint8Array,
  width: number,
  height: number,
  bytesPerPixel: number,
  step = 1,
): AdjacentCorrelation {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('bytes must be a Uint8Array');
  if (!Number.isInteger(step) || step < 1) throw new RangeError(`step must be a positive integer, got ${step}`);
  if (bytes.length < width * height * bytesPerPixel) {
    throw new RangeError(
      `need ${width * height * bytesPerPixel} bytes for ${width}×${height}×${bytesPerPixel}, got ${bytes.length}`,
    );
  }
  const sums = SUMS.fill(0);
  const row = width * bytesPerPixel;
  // Sampled pixels x = 0, step, 2·step, …; each is paired with its right neighbour when there is one.
  const count = Math.ceil(width / step);
  const rightmostHasRight = (count - 1) * step + 1 < width;
  for (let y = 0; y < height; y += step) {
    /*#__NOINLINE__*/ addRow(
      sums,
      bytes,
      y * row,
      count,
      bytesPerPixel,
      step * bytesPerPixel,
      row,
      y + 1 < height,
      rightmostHasRight,
    );
  }
  return {
    horizontal: pearson(sums, HORIZONTAL),
    vertical: pearson(sums, VERTICAL),
    diagonal: pearson(sums, DIAGONAL),
  };
}
