/** GCM checks shared by the vector suites: known answers on both engines, and nonce-size refusal. */
import assert from 'node:assert/strict';
import { gcmDecrypt, gcmDecryptAsync, gcmEncrypt, gcmEncryptAsync, NONCE_LENGTH } from '../../../lib/cipher';
import { assertRejectsExactly, assertThrowsExactly } from './assert-error';
import { bytesToHex } from './hex';

export interface GcmVector {
  key: Uint8Array;
  nonce: Uint8Array;
  aad: Uint8Array | undefined;
  plaintext: Uint8Array;
  /** Expected ciphertext ‖ tag, from the vector file. */
  sealed: Uint8Array;
}

/**
 * gcmEncrypt (noble) gives exactly `sealed`, gcmEncryptAsync (WebCrypto) gives the same bytes, and both
 * gcmDecrypt and gcmDecryptAsync open `sealed` to exactly `plaintext`.
 */
export async function checkSealAndOpen({ key, nonce, aad, plaintext, sealed }: GcmVector): Promise<void> {
  const sync = gcmEncrypt(key, nonce, plaintext, aad);
  const async = await gcmEncryptAsync(key, nonce, plaintext, aad);
  assert.equal(bytesToHex(sync), bytesToHex(sealed));
  assert.equal(bytesToHex(async), bytesToHex(sync));
  assert.equal(bytesToHex(gcmDecrypt(key, nonce, sealed, aad)), bytesToHex(plaintext));
  assert.equal(bytesToHex(await gcmDecryptAsync(key, nonce, sealed, aad)), bytesToHex(plaintext));
}

/**
 * Every GCM entry point refuses a nonce that is not 12 bytes with the same RangeError, before any
 * cryptography: lib supports only 96-bit nonces.
 */
export async function checkNonceRefused({ key, nonce, aad, plaintext, sealed }: GcmVector): Promise<void> {
  assert.notEqual(nonce.length, NONCE_LENGTH, 'the vector has a non-96-bit IV');
  const message = `nonce must be ${NONCE_LENGTH} bytes for AES-256-GCM, got ${nonce.length}`;
  assertThrowsExactly(() => gcmEncrypt(key, nonce, plaintext, aad), RangeError, message);
  assertThrowsExactly(() => gcmDecrypt(key, nonce, sealed, aad), RangeError, message);
  await assertRejectsExactly(() => gcmEncryptAsync(key, nonce, plaintext, aad), RangeError, message);
  await assertRejectsExactly(() => gcmDecryptAsync(key, nonce, sealed, aad), RangeError, message);
}
