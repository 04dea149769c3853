/**
 * Project Wycheproof aes_gcm_test.json, its 256-bit-key groups (tests/fixtures/vectors/wycheproof/
 * aes_gcm_test_256.json), through lib/cipher's GCM functions on both engines.
 *
 * - ivSize 96: a valid test must seal msg to ct ‖ tag and open it back; an invalid one (modified tag,
 *   ciphertext or AAD) must make decryption throw AuthenticationError on both engines.
 * - Any other ivSize (SmallIv 8–80 bits, 128 bits, LongIv, ZeroLengthIv): lib takes only 12-byte nonces,
 *   so every such test, valid or invalid, must be refused with lib's nonce RangeError rather than run.
 *   noble's own Wycheproof suite skips the valid SmallIv tests (it rejects IVs under 8 bytes); here no
 *   non-96-bit known answer is checked at all, only the refusal.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AuthenticationError, gcmDecrypt, gcmDecryptAsync, gcmEncrypt } from '../../../lib/cipher';
import { assertRejectsExactly, assertThrowsExactly } from '../helpers/assert-error';
import { checkNonceRefused, checkSealAndOpen, type GcmVector } from '../helpers/gcm-checks';
import { bytesToHex, hexToBytes } from '../helpers/hex';
import { readWycheproof, type AeadTestFile, type AeadTestVector } from '../helpers/wycheproof';

const FILE = 'aes_gcm_test.json';
const AUTH_FAILED = new AuthenticationError().message;
const vectors = readWycheproof<AeadTestFile>('wycheproof/aes_gcm_test_256.json');

function fromWycheproof(t: AeadTestVector): GcmVector {
  return {
    key: hexToBytes(t.key),
    nonce: hexToBytes(t.iv),
    aad: hexToBytes(t.aad),
    plaintext: hexToBytes(t.msg),
    sealed: hexToBytes(t.ct + t.tag),
  };
}

test(`${FILE} (256-bit keys): 105 tests, 66 with a 96-bit IV; all tags 128 bits, no "acceptable" results`, () => {
  assert.equal(vectors.algorithm, 'AES-GCM');
  const tests = vectors.testGroups.flatMap((g) => g.tests);
  assert.equal(tests.length, vectors.numberOfTests);
  assert.equal(tests.length, 105);
  assert.equal(vectors.testGroups.filter((g) => g.ivSize === 96).flatMap((g) => g.tests).length, 66);
  for (const g of vectors.testGroups) {
    assert.equal(g.keySize, 256);
    assert.equal(g.tagSize, 128);
    for (const t of g.tests) {
      assert.equal(t.iv.length * 4, g.ivSize, `tcId ${t.tcId}`);
      assert.ok(t.result === 'valid' || t.result === 'invalid', `tcId ${t.tcId}`);
    }
  }
});

for (const group of vectors.testGroups) {
  describe(`${FILE} group keySize 256, ivSize ${group.ivSize}, tagSize ${group.tagSize}`, () => {
    for (const t of group.tests) {
      const label = `${FILE} tcId ${t.tcId} (${t.result}; ${t.flags.join(', ')}${t.comment ? `; ${t.comment}` : ''})`;
      const vector = fromWycheproof(t);
      if (group.ivSize !== 96) {
        test(`${label}: ${group.ivSize}-bit IV refused with RangeError, known answer not checked`, async () => {
          await checkNonceRefused(vector);
        });
      } else if (t.result === 'valid') {
        test(`${label}: seals msg to ct ‖ tag (noble = WebCrypto) and opens back`, async () => {
          await checkSealAndOpen(vector);
        });
      } else {
        test(`${label}: decryption throws AuthenticationError on both engines`, async () => {
          const { key, nonce, aad, plaintext, sealed } = vector;
          assertThrowsExactly(() => gcmDecrypt(key, nonce, sealed, aad), AuthenticationError, AUTH_FAILED);
          await assertRejectsExactly(() => gcmDecryptAsync(key, nonce, sealed, aad), AuthenticationError, AUTH_FAILED);
          assert.notEqual(bytesToHex(gcmEncrypt(key, nonce, plaintext, aad)), bytesToHex(sealed));
        });
      }
    }
  });
}
