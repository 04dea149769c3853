/**
 * The 16-byte value CBC and CTR start from: CBC's IV, XORed into the first block, and CTR's initial
 * counter block (NIST SP 800-38A §6.2, §6.5, Appendix C, https://csrc.nist.gov/pubs/sp/800/38/a/final).
 * CBC needs it unpredictable; CTR needs every counter block to be used once under a key, or two frames'
 * keystreams cancel and their XOR shows. A fresh random value per frame does both: two frames' counter
 * ranges would overlap only if their 128-bit starts came within a frame's length of each other.
 */
import { MODE_INFO, type Mode } from './keys';
import { BLOCK } from './pkcs7';

/** Length of an IV or initial counter block: one AES block. */
export const IV_LENGTH = BLOCK;

/** The modes that take an IV. */
export const IV_MODES = ['cbc', 'ctr'] as const;
export type IvMode = (typeof IV_MODES)[number];

/**
 * True for the modes that take an IV: CBC and CTR.
 * @example takesIv('ctr') // true; takesIv('gcm') // false: GCM takes a 12-byte nonce
 */
export function takesIv(mode: Mode): mode is IvMode {
  return (IV_MODES as readonly string[]).includes(mode);
}

/** Throws unless `iv` is a 16-byte array; `mode` names the cipher in the message. */
export function checkIv(iv: Uint8Array, mode: IvMode): void {
  if (!(iv instanceof Uint8Array)) throw new TypeError(`iv must be a Uint8Array, got ${typeof iv}`);
  if (iv.length !== IV_LENGTH) {
    throw new RangeError(`iv must be ${IV_LENGTH} bytes for ${MODE_INFO[mode].name}, got ${iv.length}`);
  }
}
