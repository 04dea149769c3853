/**
 * AES-128-ECB with PKCS#7 padding (NIST SP 800-38A §6.1; RFC 5652 §6.3), byte-for-byte what
 * `openssl enc -aes-128-ecb` and node's `createCipheriv('aes-128-ecb', key, null)` produce.
 * ECB encrypts every 16-byte block on its own with the same key, so equal plaintext blocks give equal
 * ciphertext blocks: that is the leak this site shows.
 */
import { ecb } from '@noble/ciphers/aes.js';
import { encryptBlocks, expandKey128, LITTLE_ENDIAN } from './aes-tables';
import { checkKey } from './keys';
import { BLOCK, checkPaddedCiphertext, paddedLength } from './pkcs7';

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
  if (!LITTLE_ENDIAN) return ecb(key).encrypt(plaintext, out);
  // A Uint32Array view needs a start at a multiple of 4 bytes: other buffers go through a copy.
  const target = out && out.byteOffset % 4 === 0 ? out : new Uint8Array(length);
  const words = new Int32Array(target.buffer, target.byteOffset, length / 4);
  const source = plaintext.byteOffset % 4 === 0 ? plaintext : new Uint8Array(plaintext);
  const whole = Math.floor(plaintext.length / BLOCK);
  const roundKeys = expandKey128(key);
  encryptBlocks(roundKeys, new Int32Array(source.buffer, source.byteOffset, whole * 4), words, 0, whole);
  // The last block: the plaintext's tail and PKCS#7 padding (n bytes of value n).
  const last = new Uint8Array(BLOCK).fill(length - plaintext.length);
  last.set(plaintext.subarray(whole * BLOCK));
  const lastWords = new Int32Array(last.buffer);
  encryptBlocks(roundKeys, lastWords, lastWords, 0, 1);
  target.set(last, whole * BLOCK);
  if (out && out !== target) {
    out.set(target);
    return out;
  }
  return target;
}

/**
 * Encrypts whole blocks with AES-128-ECB, no padding; `blocks.length` must be a multiple of 16.
 * @example ecbEncryptBlocks(key, new Uint8Array(32)).length // 32
 */
export function ecbEncryptBlocks(key: Uint8Array, blocks: Uint8Array): Uint8Array {
  checkKey(key, 'ecb');
  if (blocks.length % BLOCK !== 0)
    throw new RangeError(`blocks must be a multiple of ${BLOCK} bytes, got ${blocks.length}`);
  if (!LITTLE_ENDIAN) return ecb(key, { disablePadding: true }).encrypt(blocks);
  const out = new Uint8Array(blocks);
  const words = new Int32Array(out.buffer);
  encryptBlocks(expandKey128(key), words, words, 0, blocks.length / BLOCK);
  return out;
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
