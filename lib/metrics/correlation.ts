/**
 * Correlation of adjacent pixels, the standard test of image encryption: in a picture a pixel is nearly
 * the same as its neighbour (correlation ≈ 0.9–0.99), in good ciphertext it is unrelated (≈ 0). Each
 * byte of a pixel (a colour channel, or luma) is paired with the same byte of the pixel to its right,
 * below it, and diagonally below-right, and Pearson's r is taken over all pairs of all channels.
 */

export interface AdjacentCorrelation {
  horizontal: number;
  vertical: number;
  diagonal: number;
}

/** Running sums for Pearson's r over pairs (x, y). */
class Pearson {
  n = 0;
  sx = 0;
  sy = 0;
  sxx = 0;
  syy = 0;
  sxy = 0;

  add(x: number, y: number): void {
    this.n++;
    this.sx += x;
    this.sy += y;
    this.sxx += x * x;
    this.syy += y * y;
    this.sxy += x * y;
  }

  /** r, or NaN when either side is constant (r is undefined then) or there are no pairs. */
  value(): number {
    const { n, sx, sy, sxx, syy, sxy } = this;
    if (n === 0) return NaN;
    const cov = n * sxy - sx * sy;
    const vx = n * sxx - sx * sx;
    const vy = n * syy - sy * sy;
    if (vx <= 0 || vy <= 0) return NaN;
    return cov / Math.sqrt(vx * vy);
  }
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
  const h = new Pearson();
  const v = new Pearson();
  const d = new Pearson();
  const row = width * bytesPerPixel;
  for (let y = 0; y < height; y += step) {
    for (let x = 0; x < width; x += step) {
      const at = y * row + x * bytesPerPixel;
      for (let c = 0; c < bytesPerPixel; c++) {
        const value = bytes[at + c];
        if (x + 1 < width) h.add(value, bytes[at + bytesPerPixel + c]);
        if (y + 1 < height) v.add(value, bytes[at + row + c]);
        if (x + 1 < width && y + 1 < height) d.add(value, bytes[at + row + bytesPerPixel + c]);
      }
    }
  }
  return { horizontal: h.value(), vertical: v.value(), diagonal: d.value() };
}
