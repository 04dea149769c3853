/**
 * Colour depth: keep the top `bits` of every channel byte and zero the rest. Camera frames are noisy in
 * their low bits, so equal 16-byte blocks are rare and ECB output looks random; fewer bits make
 * neighbouring blocks equal again, and ECB's leak comes back.
 */

export const MIN_BITS = 1;
export const MAX_BITS = 8;

/** Throws unless `bits` is an integer from 1 to 8. */
export function checkBits(bits: number): void {
  if (typeof bits !== 'number') throw new TypeError(`bits must be a number, got ${typeof bits}`);
  if (!Number.isInteger(bits) || bits < MIN_BITS || bits > MAX_BITS) {
    throw new RangeError(`bits must be an integer from ${MIN_BITS} to ${MAX_BITS}, got ${bits}`);
  }
}

/**
 * The byte mask that keeps the top `bits` bits.
 * @example depthMask(3) // 0b11100000
 */
export function depthMask(bits: number): number {
  checkBits(bits);
  return (0xff << (8 - bits)) & 0xff;
}
