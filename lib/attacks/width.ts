/**
 * Finding a picture's row length from ECB ciphertext alone. A picture's rows are alike from one to the
 * next, and ECB turns equal 16-byte blocks into equal blocks, so block i and block i + L are often equal
 * when L blocks are a whole number of rows: with rows of s bytes, the smallest such lag is
 * L₀ = lcm(s, 16) / 16. Counting equal blocks at every lag shows L₀ standing out from its neighbours, and
 * s follows from it. Flat areas repeat at short lags too (every 3 blocks for RGB, 48 bytes = 16 pixels),
 * so a lag is scored against its near neighbours rather than on its own count. CBC, CTR and GCM make no
 * two blocks equal, and nothing stands out.
 *
 * Rows that are a multiple of 16 bytes (every width the lab offers, in every layout) line up again one
 * row down, and are found exactly. Other rows line up only 16 rows down, where pictures are less alike
 * than a few rows down a pixel aside; there the search can settle on such a near miss.
 */
import { BLOCK } from './geometry';

/** What the search found. */
export interface RowLength {
  /** Bytes per row: width × bytes per pixel. */
  rowBytes: number;
  /** The lag, in blocks, at which rows line up again. */
  lag: number;
  /** Every row length that lag allows (one when rows are a multiple of 16 bytes), shortest first. */
  candidates: number[];
  /** Equal block pairs at that lag beyond what its neighbouring lags have: the evidence. */
  excess: number;
  /** Blocks compared at that lag. */
  compared: number;
}

/** The longest lag searched, in blocks: rows up to 4096 bytes when odd, 65,536 when a multiple of 16. */
export const MAX_LAG = 4096;

/** Each block's value as a small integer: equal blocks, equal ids. */
function blockIds(bytes: Uint8Array): Int32Array {
  const count = Math.floor(bytes.length / BLOCK);
  const ids = new Int32Array(count);
  const seen = new Map<string, number>();
  const view = new DataView(bytes.buffer, bytes.byteOffset, count * BLOCK);
  for (let i = 0; i < count; i++) {
    const at = i * BLOCK;
    const key = `${view.getUint32(at)},${view.getUint32(at + 4)},${view.getUint32(at + 8)},${view.getUint32(at + 12)}`;
    let id = seen.get(key);
    if (id === undefined) {
      id = seen.size;
      seen.set(key, id);
    }
    ids[i] = id;
  }
  return ids;
}

/** matches[L] = number of i with ids[i] = ids[i + L], for 1 ≤ L ≤ maxLag. */
function matchesByLag(ids: Int32Array, maxLag: number): Float64Array {
  const matches = new Float64Array(maxLag + 1);
  for (let lag = 1; lag <= maxLag; lag++) {
    let count = 0;
    for (let i = 0, end = ids.length - lag; i < end; i++) if (ids[i] === ids[i + lag]) count++;
    matches[lag] = count;
  }
  return matches;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * The row lengths s whose rows line up again after exactly `lag` blocks: lcm(s, 16) = 16·lag, i.e.
 * s = lag·g with g = gcd(s, 16). One when lag is even; up to five (lag, 2·lag … 16·lag) when it is odd.
 * @example rowLengthsForLag(120) // [1920]: 640 RGB pixels
 */
export function rowLengthsForLag(lag: number): number[] {
  return [1, 2, 4, 8, 16].map((g) => lag * g).filter((s) => gcd(s, BLOCK) * lag === s);
}

/** How much a lag's count stands out: over the highest of the lags up to 3 blocks either side. */
function excessAt(matches: Float64Array, lag: number): number {
  let neighbours = 0;
  for (let d = 1; d <= 3; d++) {
    if (lag - d >= 1) neighbours = Math.max(neighbours, matches[lag - d]);
    if (lag + d < matches.length) neighbours = Math.max(neighbours, matches[lag + d]);
  }
  return matches[lag] - neighbours;
}

/**
 * The row length of the picture behind ECB ciphertext `bytes`, or null when no lag stands out (CBC, CTR
 * and GCM ciphertext, or a picture with no structure). `bytesPerPixel`, when the attacker guesses it,
 * keeps only row lengths that are whole pixels.
 * @example findRowLength(ecbCiphertext)?.rowBytes // 1920 for a 640-pixel-wide RGB frame
 */
export function findRowLength(bytes: Uint8Array, options: { bytesPerPixel?: number } = {}): RowLength | null {
  const ids = blockIds(bytes);
  const maxLag = Math.min(MAX_LAG, Math.floor(ids.length / 2));
  if (maxLag < 2) return null;
  const matches = matchesByLag(ids, maxLag);
  let best = 0;
  let bestExcess = 0;
  // Lag 1 has no shorter neighbour to be measured against, and rows of 16 bytes are no picture.
  for (let lag = 2; lag <= maxLag - 3; lag++) {
    const excess = excessAt(matches, lag);
    if (excess > bestExcess) [best, bestExcess] = [lag, excess];
  }
  // Evidence: at least 1 % of the blocks, and far more than chance (random blocks never match).
  if (best === 0 || bestExcess < Math.max(8, ids.length / 100)) return null;
  // Two rows down lines up too, and may score as well: take the shortest lag that stands out half as much.
  let lag = best;
  for (let divisor = 2; divisor <= 16; divisor++) {
    if (best % divisor === 0 && excessAt(matches, best / divisor) >= bestExcess / 2) lag = best / divisor;
  }
  const whole = (s: number) => !options.bytesPerPixel || s % options.bytesPerPixel === 0;
  const candidates = rowLengthsForLag(lag).filter(whole);
  if (candidates.length === 0) return null;
  return {
    rowBytes: candidates[0],
    lag,
    candidates,
    excess: excessAt(matches, lag),
    compared: ids.length - lag,
  };
}
