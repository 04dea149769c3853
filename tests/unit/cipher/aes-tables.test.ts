/**
 * lib/cipher/aes-tables (the T-table AES-128 behind ecbEncrypt) against published answers and OpenSSL:
 * FIPS 197 Appendix C.1, and random keys, lengths and buffer offsets cross-checked with node:crypto's
 * aes-128-ecb (OpenSSL), padded and unpadded. The NIST CAVP and SP 800-38A answers run through
 * ecbEncrypt in ecb-known-answers.test.ts.
 */
import assert from 'node:assert/strict';
import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import { encryptBlocks, expandKey128 } from '../../../lib/cipher/aes-tables';
import { ecbEncrypt, ecbEncryptBlocks } from '../../../lib/cipher/ecb';
import { hexToBytes } from '../helpers/hex';

function openssl(key: Uint8Array, plaintext: Uint8Array, padding: boolean): Uint8Array {
  const cipher = createCipheriv('aes-128-ecb', key, null).setAutoPadding(padding);
  return new Uint8Array(Buffer.concat([cipher.update(plaintext), cipher.final()]));
}

describe('AES-128 with T-tables', () => {
  test('FIPS 197 Appendix C.1: 00112233…ff under 000102…0f is 69c4e0d8…c55a', () => {
    const words = new Int32Array(hexToBytes('00112233445566778899aabbccddeeff').buffer);
    encryptBlocks(expandKey128(hexToBytes('000102030405060708090a0b0c0d0e0f')), words, words, 0, 1);
    assert.deepEqual(new Uint8Array(words.buffer), hexToBytes('69c4e0d86a7b0430d8cdb78070b4c55a'));
  });

  test('FIPS 197 Appendix A.1: the last round key of 2b7e1516…4f3c is d014f9a8 c9ee2589 e13f0cc8 b6630ca6', () => {
    const words = expandKey128(hexToBytes('2b7e151628aed2a6abf7158809cf4f3c'));
    assert.deepEqual(new Uint8Array(words.buffer, 40 * 4, 16), hexToBytes('d014f9a8c9ee2589e13f0cc8b6630ca6'));
  });

  test('a key of the wrong length is a RangeError', () => {
    assert.throws(() => expandKey128(new Uint8Array(15)), /16 bytes for AES-128, got 15/);
  });

  test('ecbEncrypt equals OpenSSL on random keys and lengths 0–100 and on a 640×360 RGB frame', () => {
    for (let n = 0; n <= 100; n++) {
      const key = randomBytes(16);
      const plaintext = randomBytes(n);
      assert.deepEqual(ecbEncrypt(key, plaintext), openssl(key, plaintext, true), `length ${n}`);
    }
    const key = randomBytes(16);
    const frame = randomBytes(640 * 360 * 3);
    assert.deepEqual(ecbEncrypt(key, frame), openssl(key, frame, true));
  });

  test('ecbEncrypt equals OpenSSL from and into buffers at any byte offset', () => {
    const key = randomBytes(16);
    for (let offset = 0; offset < 4; offset++) {
      const plaintext = new Uint8Array(randomBytes(offset + 77).buffer, offset, 77);
      const expected = openssl(key, plaintext, true);
      assert.deepEqual(ecbEncrypt(key, plaintext), expected, `plaintext at offset ${offset}`);
      const out = new Uint8Array(new ArrayBuffer(offset + 80), offset, 80);
      assert.equal(ecbEncrypt(key, plaintext, out), out, 'writes into the buffer given');
      assert.deepEqual(out, expected, `output at offset ${offset}`);
    }
  });

  test('ecbEncryptBlocks equals OpenSSL without padding, and refuses a partial block', () => {
    const key = randomBytes(16);
    const blocks = randomBytes(16 * 33);
    assert.deepEqual(ecbEncryptBlocks(key, blocks), openssl(key, blocks, false));
    assert.throws(() => ecbEncryptBlocks(key, new Uint8Array(17)), /multiple of 16 bytes, got 17/);
  });
});
