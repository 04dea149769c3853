/**
 * Project Wycheproof aes_cbc_pkcs5_test.json, its 128-bit-key group (tests/fixtures/vectors/wycheproof/
 * aes_cbc_pkcs5_test_128.json), through lib/cipher's cbcEncrypt/cbcDecrypt.
 *
 * - valid (Pseudorandom, 0 to 80 bytes of message): cbcEncrypt(key, iv, msg) must be ct — padding
 *   included, as Wycheproof's ct is the whole PKCS#5 ciphertext — and cbcDecrypt must give msg back.
 * - invalid BadPadding (zero, 0xff, ISO 7816-4, ANSI X.923, ISO 10126, too long, none at all …): every
 *   one must be refused with PaddingError, and node:crypto (OpenSSL) refuses it too.
 * - invalid NoPadding (an empty ciphertext): refused with the RangeError for a ciphertext that is not
 *   a positive multiple of 16 bytes, before any decryption.
 */
import assert from 'node:assert/strict';
import { createDecipheriv } from 'node:crypto';
import { describe, test } from 'node:test';
import { cbcDecrypt, cbcEncrypt, PaddingError } from '../../../lib/cipher';
import { assertThrowsExactly } from '../helpers/assert-error';
import { bytesToHex, hexToBytes } from '../helpers/hex';
import { readWycheproof, type IndCpaTestFile } from '../helpers/wycheproof';

const FILE = 'aes_cbc_pkcs5_test.json';
const BAD_PADDING = new PaddingError().message;
const vectors = readWycheproof<IndCpaTestFile>('wycheproof/aes_cbc_pkcs5_test_128.json');

test(`${FILE} (128-bit keys): 72 tests, 24 valid, 47 BadPadding, 1 NoPadding; all IVs 128 bits`, () => {
  assert.equal(vectors.algorithm, 'AES-CBC-PKCS5');
  const tests = vectors.testGroups.flatMap((g) => g.tests);
  assert.equal(tests.length, vectors.numberOfTests);
  assert.equal(tests.length, 72);
  const kinds = tests.map((t) => `${t.result} ${t.flags.join(',')}`);
  assert.equal(kinds.filter((k) => k === 'valid Pseudorandom').length, 24);
  assert.equal(kinds.filter((k) => k === 'invalid BadPadding').length, 47);
  assert.equal(kinds.filter((k) => k === 'invalid NoPadding').length, 1);
  for (const g of vectors.testGroups) {
    assert.deepEqual([g.type, g.keySize, g.ivSize], ['IndCpaTest', 128, 128]);
    for (const t of g.tests) assert.equal(t.iv.length * 4, 128, `tcId ${t.tcId}`);
  }
});

function opensslRefuses(key: Uint8Array, iv: Uint8Array, ciphertext: Uint8Array): boolean {
  const decipher = createDecipheriv('aes-128-cbc', key, iv);
  try {
    decipher.update(ciphertext);
    decipher.final();
    return false;
  } catch {
    return true;
  }
}

for (const group of vectors.testGroups) {
  describe(`${FILE} group keySize ${group.keySize}, ivSize ${group.ivSize}`, () => {
    for (const t of group.tests) {
      const label = `${FILE} tcId ${t.tcId} (${t.result}; ${t.flags.join(', ')}; ${t.comment})`;
      const [key, iv, msg, ct] = [t.key, t.iv, t.msg, t.ct].map(hexToBytes);
      if (t.result === 'valid') {
        test(`${label}: encrypts msg to ct and decrypts it back`, () => {
          assert.equal(bytesToHex(cbcEncrypt(key, iv, msg)), t.ct);
          assert.equal(bytesToHex(cbcDecrypt(key, iv, ct)), t.msg);
        });
      } else if (t.flags.includes('NoPadding')) {
        test(`${label}: refused with RangeError before decrypting`, () => {
          assertThrowsExactly(
            () => cbcDecrypt(key, iv, ct),
            RangeError,
            `CBC ciphertext must be a positive multiple of 16 bytes, got ${ct.length}`,
          );
        });
      } else {
        test(`${label}: refused with PaddingError, as OpenSSL refuses it`, () => {
          assertThrowsExactly(() => cbcDecrypt(key, iv, ct), PaddingError, BAD_PADDING);
          assert.ok(opensslRefuses(key, iv, ct));
        });
      }
    }
  });
}
