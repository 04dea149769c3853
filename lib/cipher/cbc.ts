/**
 * AES-128-CBC with PKCS#7 padding (NIST SP 800-38A §6.2, https://csrc.nist.gov/pubs/sp/800/38/a/final;
 * RFC 5652 §6.3), byte for byte what node's `createCipheriv('aes-128-cbc', key, iv)` produces. Each block
 * is XORed with the ciphertext block before it (the first with the IV), then encrypted: equal blocks no
 * longer encrypt alike, so the picture looks like noise. It still shows the length, and under one key
 * and IV equal frames, or frames with equal first blocks, start alike. It has no integrity: a flipped
 * ciphertext bit garbles its block and flips the same bit in the next one, and the padding, the only
 * check, catches a wrong key and edits near the end, nothing else (and answering whether it held, to
 * whoever sent the ciphertext, is Vaudenay's padding oracle).
 */
import { cbc } from '@noble/ciphers/aes.js';
import { PaddingError } from './errors';
import { checkIv } from './iv';
import { checkKey } from './keys';
import { checkPaddedCiphertext } from './pkcs7';

/**
 * Encrypts with AES-128-CBC and PKCS#7 padding: 1 to 16 bytes longer than the plaintext.
 * @example cbcEncrypt(key16, iv16, new Uint8Array(20)).length // 32
 */
export function cbcEncrypt(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array): Uint8Array {
  checkKey(key, 'cbc');
  checkIv(iv, 'cbc');
  if (!(plaintext instanceof Uint8Array)) throw new TypeError('plaintext must be a Uint8Array');
  return cbc(key, iv).encrypt(plaintext);
}

/**
 * Decrypts AES-128-CBC and removes the PKCS#7 padding. Throws a RangeError unless the length is a
 * positive multiple of 16, and a {@link PaddingError} if the padding does not check (a wrong key, or an
 * edit of the last two blocks that happens to break it); no bytes are released then.
 * @example cbcDecrypt(key16, iv16, cbcEncrypt(key16, iv16, bytes)) // bytes
 */
export function cbcDecrypt(key: Uint8Array, iv: Uint8Array, ciphertext: Uint8Array): Uint8Array {
  checkKey(key, 'cbc');
  checkIv(iv, 'cbc');
  checkPaddedCiphertext(ciphertext, 'CBC');
  try {
    return cbc(key, iv).decrypt(ciphertext);
  } catch {
    throw new PaddingError();
  }
}
