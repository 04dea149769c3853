/** The same ciphers through node:crypto (OpenSSL): an implementation independent of @noble/ciphers. */
import { createCipheriv } from 'node:crypto';
import { concatBytes } from './hex';

/** AES-128-ECB with PKCS#7 padding, as `openssl enc -aes-128-ecb`. */
export function opensslEcb(key: Uint8Array, plaintext: Uint8Array): Uint8Array {
  const cipher = createCipheriv('aes-128-ecb', key, null);
  return concatBytes(cipher.update(plaintext), cipher.final());
}

/** AES-128 on whole blocks, no padding. */
export function opensslEcbRaw(key: Uint8Array, blocks: Uint8Array): Uint8Array {
  const cipher = createCipheriv('aes-128-ecb', key, null).setAutoPadding(false);
  return concatBytes(cipher.update(blocks), cipher.final());
}

/** AES-128-CBC with PKCS#7 padding, as `openssl enc -aes-128-cbc`. */
export function opensslCbc(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array): Uint8Array {
  const cipher = createCipheriv('aes-128-cbc', key, iv);
  return concatBytes(cipher.update(plaintext), cipher.final());
}

/** AES-128-CBC on whole blocks, no padding: chaining continues from `iv`, e.g. a last ciphertext block. */
export function opensslCbcRaw(key: Uint8Array, iv: Uint8Array, blocks: Uint8Array): Uint8Array {
  const cipher = createCipheriv('aes-128-cbc', key, iv).setAutoPadding(false);
  return concatBytes(cipher.update(blocks), cipher.final());
}

/** AES-128-CTR from the 16-byte initial counter block `iv` (OpenSSL counts all 128 bits). */
export function opensslCtr(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  const cipher = createCipheriv('aes-128-ctr', key, iv);
  return concatBytes(cipher.update(data), cipher.final());
}

/** AES-256-GCM: ciphertext ‖ 16-byte tag. */
export function opensslGcm(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, aad?: Uint8Array): Uint8Array {
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  if (aad) cipher.setAAD(aad);
  const body = concatBytes(cipher.update(plaintext), cipher.final());
  return concatBytes(body, cipher.getAuthTag());
}
