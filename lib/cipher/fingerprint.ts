/**
 * A key fingerprint that can go on a slide: the first 8 bytes of SHA-256(key) as hex, in four groups of
 * four digits. It tells two keys apart (two random keys share one with odds of 2⁻⁶⁴) while revealing
 * nothing usable about the key: SHA-256 is preimage resistant (FIPS 180-4,
 * https://csrc.nist.gov/pubs/fips/180-4/upd1/final), so exported pictures never carry the key itself.
 * Hashing goes through `crypto.subtle`, the same in browsers and Node.
 */
import { toHex } from './hex';

/** Bytes of SHA-256 kept in a fingerprint. */
export const FINGERPRINT_BYTES = 8;

/**
 * The fingerprint of a key (any non-empty byte string): first 8 bytes of its SHA-256, hex in groups of 4.
 * @example await keyFingerprint(new TextEncoder().encode('abc')) // 'ba78 16bf 8f01 cfea'
 */
export async function keyFingerprint(key: Uint8Array): Promise<string> {
  if (!(key instanceof Uint8Array)) throw new TypeError(`key must be a Uint8Array, got ${typeof key}`);
  if (key.length === 0) throw new RangeError('key must not be empty, got 0 bytes');
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', new Uint8Array(key)));
  const hex = toHex(digest.subarray(0, FINGERPRINT_BYTES));
  return Array.from({ length: hex.length / 4 }, (_, i) => hex.slice(4 * i, 4 * i + 4)).join(' ');
}
