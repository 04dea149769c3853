/**
 * AES-128-ECB with PKCS#7 padding (NIST SP 800-38A §6.1; RFC 5652 §6.3), byte-for-byte what
 * `openssl enc -aes-128-ecb` and node's `createCipheriv('aes-128-ecb', key, null)` produce.
 * ECB encrypts every 16-byte block on its own with the same key, so equal plaintext blocks give equal
 * ciphertext blocks: that is the leak this site shows.
 */
import { ecb } from '@noble/ciphers/aes.js';
import { checkKey } from './keys';
import { checkPaddedCiphertext, paddedLength } from './pkcs7';

export { BLOCK } from './pkcs7';
/** Length of the PKCS#7-padded ciphertext of `n` plaintext bytes: always 1 to 16 bytes longer. */
export const ecbCiphertextLength = paddedLength;

/**
 * Encrypts with AES-128-ECB and PKCS#7 padding. `out`, when given, must be
 * {@link ecbCiphertextLength} bytes; a stream passes the same buffer every frame.
 * @example ecbEncrypt(key, new Uint8Array(16)).length // 32: one block and one block of padding
 */
export function ecbEncrypt(key: Uint8Array, plaintext: Uint8Array, out?: Uint8Array): Uint8Array {
  checkKey(key, 'ecb');
  if (!(plaintext instanceof Uint8Array)) throw new TypeError('plaintext must be a Uint8Array');
  const length = paddedLength(plaintext.length);
  if (out && out.length !== length) {
    throw new RangeError(
      `output buffer must be ${length} bytes for ${plaintext.length} plaintext bytes, got ${out.length}`,
    );
  }
  return ecb(key).encrypt(plaintext, out);
}

/**
 * Decrypts AES-128-ECB and removes the PKCS#7 padding; throws a RangeError if the length is not a
 * positive multiple of 16 or the padding is malformed (a wrong key usually shows as bad padding).
 */
export function ecbDecrypt(key: Uint8Array, ciphertext: Uint8Array): Uint8Array {
  checkKey(key, 'ecb');
  checkPaddedCiphertext(ciphertext, 'ECB');
  try {
    return ecb(key).decrypt(ciphertext);
  } catch {
    throw new RangeError('ECB padding is invalid: wrong key or damaged ciphertext');
  }
}
