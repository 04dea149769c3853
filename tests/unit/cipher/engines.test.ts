/**
 * The CLI and the endpoint encrypt with OpenSSL (node:crypto), the browser with noble: the two engines
 * must give the same bytes for every mode, layout and colour depth, at odd sizes, and fail alike.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AuthenticationError,
  decryptBytes,
  encryptFrame,
  LAYOUTS,
  MODES,
  NOBLE_AES,
  PaddingError,
  type FrameCipherOptions,
  type Mode,
} from '../../../lib/cipher';
import { OPENSSL_AES } from '../../../lib/png/openssl-aes';
import { seededBytes } from '../helpers/seeded-bytes';

const SIZES = [
  [1, 1],
  [7, 5],
  [37, 23],
] as const;

function options(mode: Mode, seed: string): FrameCipherOptions {
  const key = seededBytes(`key ${seed}`, mode === 'gcm' ? 32 : 16);
  if (mode === 'gcm') return { mode, key, nonce: seededBytes(`nonce ${seed}`, 12), aad: seededBytes(`aad ${seed}`, 5) };
  if (mode === 'ecb') return { mode, key };
  return { mode, key, iv: seededBytes(`iv ${seed}`, 16) };
}

describe('OpenSSL and noble engines', () => {
  for (const mode of MODES) {
    it(`${mode}: the same ciphertext for every layout and depth, and each decrypts the other's`, () => {
      for (const layout of LAYOUTS) {
        for (const bits of [1, 3, 8]) {
          for (const [width, height] of SIZES) {
            const seed = `${mode} ${layout} ${bits} ${width}×${height}`;
            const frame = { width, height, data: seededBytes(`frame ${seed}`, width * height * 4) };
            const base = { ...options(mode, seed), layout, bits };
            const noble = encryptFrame(frame, { ...base, engine: NOBLE_AES });
            const openssl = encryptFrame(frame, { ...base, engine: OPENSSL_AES });
            assert.ok(!Buffer.isBuffer(openssl.ciphertext), 'a plain Uint8Array, as noble gives');
            assert.deepEqual(openssl.ciphertext, noble.ciphertext, seed);
            assert.deepEqual(
              decryptBytes(openssl, base.key, base.aad, NOBLE_AES),
              decryptBytes(noble, base.key, base.aad, OPENSSL_AES),
              seed,
            );
          }
        }
      }
    });
  }

  it('fail alike: GCM authentication, CBC padding, ECB padding', () => {
    const frame = { width: 5, height: 3, data: seededBytes('fail frame', 60) };
    for (const engine of [NOBLE_AES, OPENSSL_AES]) {
      const gcm = encryptFrame(frame, { ...options('gcm', 'fail'), engine });
      gcm.ciphertext[0] ^= 1;
      assert.throws(
        () => decryptBytes(gcm, options('gcm', 'fail').key, options('gcm', 'fail').aad, engine),
        AuthenticationError,
      );
      const cbc = encryptFrame(frame, { ...options('cbc', 'fail'), engine });
      const wrongKey = new Uint8Array(16).fill(1);
      // With this wrong key the last block decrypts to bytes that are no valid padding (checked for both).
      assert.throws(() => decryptBytes(cbc, wrongKey, undefined, engine), PaddingError);
      const ecb = encryptFrame(frame, { mode: 'ecb', key: options('ecb', 'fail').key, engine });
      assert.throws(() => decryptBytes(ecb, wrongKey, undefined, engine), {
        name: 'RangeError',
        message: 'ECB padding is invalid: wrong key or damaged ciphertext',
      });
    }
  });

  it('check their arguments alike', () => {
    for (const engine of [NOBLE_AES, OPENSSL_AES]) {
      assert.throws(() => engine.ecbEncrypt(new Uint8Array(15), new Uint8Array(3)), {
        name: 'RangeError',
        message: 'key must be 16 bytes for AES-128-ECB, got 15',
      });
      assert.throws(() => engine.gcmEncrypt(new Uint8Array(32), new Uint8Array(11), new Uint8Array(3)), {
        name: 'RangeError',
        message: 'nonce must be 12 bytes for AES-256-GCM, got 11',
      });
      assert.throws(() => engine.cbcDecrypt(new Uint8Array(16), new Uint8Array(16), new Uint8Array(17)), {
        name: 'RangeError',
        message: 'CBC ciphertext must be a positive multiple of 16 bytes, got 17',
      });
    }
  });
});
