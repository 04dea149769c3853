/**
 * PKCS#7 padding (RFC 5652 §6.3), as ECB and CBC use it: 1 to 16 bytes, each holding their count, so
 * any plaintext fills whole 16-byte AES blocks and the padding can always be removed again. noble's
 * `ecb` and `cbc` add and check the bytes; this module holds the lengths both modes share.
 */

/** The AES block size in bytes. */
export const BLOCK = 16;

/**
 * Length of the PKCS#7-padded ciphertext of `n` plaintext bytes: always 1 to 16 bytes longer.
 * @example paddedLength(16) // 32: a whole block of plaintext gets a whole block of padding
 */
export function paddedLength(n: number): number {
  return n + (BLOCK - (n % BLOCK));
}

/**
 * Throws unless `ciphertext` is a byte array of a positive multiple of 16 bytes, the only lengths a
 * padded ciphertext can have; `cipher` ('ECB', 'CBC') names it in the message.
 */
export function checkPaddedCiphertext(ciphertext: Uint8Array, cipher: string): void {
  if (!(ciphertext instanceof Uint8Array)) throw new TypeError('ciphertext must be a Uint8Array');
  if (ciphertext.length === 0 || ciphertext.length % BLOCK !== 0) {
    throw new RangeError(
      `${cipher} ciphertext must be a positive multiple of ${BLOCK} bytes, got ${ciphertext.length}`,
    );
  }
}
