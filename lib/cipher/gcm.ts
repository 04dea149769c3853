/**
 * AES-256-GCM (NIST SP 800-38D) with a 12-byte nonce and the 16-byte tag appended to the ciphertext.
 * GCM is counter mode plus an authenticator: equal plaintext blocks encrypt differently, and any change
 * to the ciphertext, tag, nonce or AAD makes decryption fail instead of returning altered pixels.
 * Two engines give identical bytes: noble's pure-JS `gcm` (sync, everywhere) and the platform's
 * WebCrypto (async, native speed) through `@noble/ciphers/webcrypto.js`.
 */
import { gcm } from '@noble/ciphers/aes.js';
import { gcm as webcryptoGcm } from '@noble/ciphers/webcrypto.js';
import { AuthenticationError } from './errors';
import { checkKey } from './keys';

export const NONCE_LENGTH = 12;
export const TAG_LENGTH = 16;

/** Throws unless `nonce` is a 12-byte array. */
export function checkNonce(nonce: Uint8Array): void {
  if (!(nonce instanceof Uint8Array)) throw new TypeError(`nonce must be a Uint8Array, got ${typeof nonce}`);
  if (nonce.length !== NONCE_LENGTH) {
    throw new RangeError(`nonce must be ${NONCE_LENGTH} bytes for AES-256-GCM, got ${nonce.length}`);
  }
}

function checkArgs(key: Uint8Array, nonce: Uint8Array, data: Uint8Array, what: string, aad?: Uint8Array): void {
  checkKey(key, 'gcm');
  checkNonce(nonce);
  if (!(data instanceof Uint8Array)) throw new TypeError(`${what} must be a Uint8Array`);
  if (aad !== undefined && !(aad instanceof Uint8Array)) throw new TypeError('aad must be a Uint8Array');
}

function checkSealedLength(sealed: Uint8Array): void {
  if (sealed.length < TAG_LENGTH) {
    throw new RangeError(`GCM ciphertext must hold at least the ${TAG_LENGTH}-byte tag, got ${sealed.length} bytes`);
  }
}

/**
 * Encrypts with AES-256-GCM; returns ciphertext ‖ 16-byte tag.
 * @example gcmEncrypt(key32, nonce12, plaintext).length === plaintext.length + 16
 */
export function gcmEncrypt(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, aad?: Uint8Array): Uint8Array {
  checkArgs(key, nonce, plaintext, 'plaintext', aad);
  return gcm(key, nonce, aad).encrypt(plaintext);
}

/** Decrypts ciphertext ‖ tag; throws {@link AuthenticationError} if the tag does not verify. */
export function gcmDecrypt(key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array, aad?: Uint8Array): Uint8Array {
  checkArgs(key, nonce, sealed, 'ciphertext', aad);
  checkSealedLength(sealed);
  try {
    return gcm(key, nonce, aad).decrypt(sealed);
  } catch {
    throw new AuthenticationError();
  }
}

function hasWebCrypto(): boolean {
  return typeof globalThis.crypto?.subtle?.encrypt === 'function';
}

/** Like {@link gcmEncrypt}, on native WebCrypto where the platform has it, noble otherwise. */
export async function gcmEncryptAsync(
  key: Uint8Array,
  nonce: Uint8Array,
  plaintext: Uint8Array,
  aad?: Uint8Array,
): Promise<Uint8Array> {
  checkArgs(key, nonce, plaintext, 'plaintext', aad);
  if (!hasWebCrypto()) return gcm(key, nonce, aad).encrypt(plaintext);
  return webcryptoGcm(key, nonce, aad).encrypt(plaintext);
}

/** Like {@link gcmDecrypt}, on native WebCrypto where the platform has it, noble otherwise. */
export async function gcmDecryptAsync(
  key: Uint8Array,
  nonce: Uint8Array,
  sealed: Uint8Array,
  aad?: Uint8Array,
): Promise<Uint8Array> {
  checkArgs(key, nonce, sealed, 'ciphertext', aad);
  checkSealedLength(sealed);
  if (!hasWebCrypto()) return gcmDecrypt(key, nonce, sealed, aad);
  try {
    return await webcryptoGcm(key, nonce, aad).decrypt(sealed);
  } catch {
    throw new AuthenticationError();
  }
}
