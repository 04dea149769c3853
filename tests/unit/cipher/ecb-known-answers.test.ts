/**
 * AES-128-ECB known answers through lib/cipher's ecbEncrypt/ecbDecrypt: NIST CAVP AESAVS and
 * SP 800-38A F.1.1/F.1.2, in both directions.
 *
 * Padding: ecbEncrypt always adds PKCS#7 padding, so a plaintext of whole blocks (every vector here)
 * gets one more block, sixteen 0x10 bytes. The vectors are unpadded. So:
 * - encrypt: the first len(PT) bytes of ecbEncrypt(K, PT) must be the vector's ciphertext, and the
 *   last 16 must be AES_K(0x10 × 16) as computed by OpenSSL (node:crypto, padding off) — an
 *   independent implementation, so no expected byte comes from the code under test;
 * - decrypt: ecbDecrypt(K, CT ‖ AES_K(0x10 × 16)) — the vector's ciphertext completed with that same
 *   OpenSSL pad block, i.e. what any PKCS#7 encryptor outputs for PT — must return exactly PT.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BLOCK, ecbDecrypt, ecbEncrypt } from '../../../lib/cipher';
import { cryptoppHex, parseCryptopp } from '../helpers/cryptopp';
import { readVectorFile } from '../helpers/fixtures';
import { bytesToHex, concatBytes, hexToBytes } from '../helpers/hex';
import { opensslEcbRaw } from '../helpers/openssl';
import { parseRsp } from '../helpers/rsp';

const FULL_PAD_BLOCK = new Uint8Array(BLOCK).fill(0x10);

function checkBothDirections(keyHex: string, plaintextHex: string, ciphertextHex: string): void {
  const key = hexToBytes(keyHex);
  const plaintext = hexToBytes(plaintextHex);
  const ciphertext = hexToBytes(ciphertextHex);
  assert.equal(plaintext.length % BLOCK, 0, 'vector plaintext is whole blocks');
  const padBlock = opensslEcbRaw(key, FULL_PAD_BLOCK);

  const encrypted = ecbEncrypt(key, plaintext);
  assert.equal(encrypted.length, plaintext.length + BLOCK);
  assert.equal(bytesToHex(encrypted.subarray(0, plaintext.length)), ciphertextHex.toLowerCase());
  assert.equal(bytesToHex(encrypted.subarray(plaintext.length)), bytesToHex(padBlock));

  const decrypted = ecbDecrypt(key, concatBytes(ciphertext, padBlock));
  assert.equal(bytesToHex(decrypted), plaintextHex.toLowerCase());
}

// Record counts as listed in tests/fixtures/vectors/SOURCE.md: a parser that drops records fails here.
const CAVP_FILES: Record<string, number> = {
  'ECBGFSbox128.rsp': 14,
  'ECBKeySbox128.rsp': 42,
  'ECBVarKey128.rsp': 256,
  'ECBVarTxt128.rsp': 256,
  'ECBMMT128.rsp': 20,
};

for (const [file, expectedCount] of Object.entries(CAVP_FILES)) {
  describe(`NIST CAVP AESAVS ${file}`, () => {
    const records = parseRsp(readVectorFile(`nist/cavp/aes_ecb/${file}`));

    test(`${file} holds ${expectedCount} records, half [ENCRYPT] and half [DECRYPT]`, () => {
      assert.equal(records.length, expectedCount);
      assert.equal(records.filter((r) => r.section === '[ENCRYPT]').length, expectedCount / 2);
      assert.equal(records.filter((r) => r.section === '[DECRYPT]').length, expectedCount / 2);
    });

    for (const record of records) {
      const { KEY, PLAINTEXT, CIPHERTEXT } = record.fields;
      const direction = record.section === '[ENCRYPT]' ? 'ecbEncrypt(PLAINTEXT) = CIPHERTEXT' : 'ecbDecrypt(CIPHERTEXT) = PLAINTEXT';
      test(`${file} ${record.section} COUNT = ${record.count}: ${direction}, and back`, () => {
        checkBothDirections(KEY, PLAINTEXT, CIPHERTEXT);
      });
    }
  });
}

describe('NIST SP 800-38A F.1.1/F.1.2 ECB-AES128 (cryptopp/aes.txt)', () => {
  // aes.txt's first block also holds F.1.3 (AES-192) and F.1.5 (AES-256): ECB Lens's ECB is AES-128 only.
  const vector = parseCryptopp(readVectorFile('nist/cryptopp/aes.txt')).find(
    (t) => t.values.Name === 'AES/ECB' && t.values.Comment === 'F.1.1 ECB-AES128.Encrypt',
  );

  test('aes.txt F.1.1 ECB-AES128.Encrypt (4 blocks): ecbEncrypt gives Ciphertext; F.1.2 Decrypt gives Plaintext back', () => {
    assert.ok(vector, 'F.1.1 found in aes.txt');
    assert.equal(vector.values.Source, 'NIST Special Publication 800-38A');
    assert.equal(vector.kind, 'Encrypt');
    const plaintext = cryptoppHex(vector.values.Plaintext);
    assert.equal(plaintext.length, 4 * 2 * BLOCK);
    checkBothDirections(cryptoppHex(vector.values.Key), plaintext, cryptoppHex(vector.values.Ciphertext));
  });
});
