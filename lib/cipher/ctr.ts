/**
 * AES-128-CTR (NIST SP 800-38A §6.5, https://csrc.nist.gov/pubs/sp/800/38/a/final), byte for byte what
 * node's `createCipheriv('aes-128-ctr', key, iv)` produces: AES encrypts the initial counter block, then
 * that block plus 1, 2, … (the whole 16 bytes as one big-endian number, wrapping after ff…ff, as
 * OpenSSL and SP 800-38A F.5 count), and the plaintext is XORed with that keystream. No padding: the
 * ciphertext is exactly as long as the plaintext, and the picture looks like noise. It shows the exact
 * length and protects nothing: ciphertext bit i flips plaintext bit i, so whoever knows a pixel can set
 * it to any value; and a counter block used twice under one key leaks the XOR of the two plaintexts.
 */
import { ctr } from '@noble/ciphers/aes.js';
import { checkIv } from './iv';
import { checkKey } from './keys';

function checkArgs(key: Uint8Array, iv: Uint8Array, data: Uint8Array, what: string): void {
  checkKey(key, 'ctr');
  checkIv(iv, 'ctr');
  if (!(data instanceof Uint8Array)) throw new TypeError(`${what} must be a Uint8Array`);
}

/**
 * Encrypts with AES-128-CTR from the 16-byte initial counter block `iv`.
 * @example ctrEncrypt(key16, iv16, new Uint8Array(20)).length // 20
 */
export function ctrEncrypt(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array): Uint8Array {
  checkArgs(key, iv, plaintext, 'plaintext');
  return ctr(key, iv).encrypt(plaintext);
}

/**
 * Decrypts AES-128-CTR: the same keystream XOR as {@link ctrEncrypt}. Any ciphertext of any length
 * decrypts; nothing tells an altered one apart.
 * @example ctrDecrypt(key16, iv16, ctrEncrypt(key16, iv16, bytes)) // bytes
 */
export function ctrDecrypt(key: Uint8Array, iv: Uint8Array, ciphertext: Uint8Array): Uint8Array {
  checkArgs(key, iv, ciphertext, 'ciphertext');
  return ctr(key, iv).decrypt(ciphertext);
}
