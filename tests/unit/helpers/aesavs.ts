/**
 * Known-answer checks shared by the padded modes (ECB, CBC): the NIST CAVP AESAVS files (GFSbox,
 * KeySbox, VarKey, VarTxt, MMT: an [ENCRYPT] and a [DECRYPT] section of equal size), and the rule for
 * running an unpadded vector through a function that always pads.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BLOCK } from '../../../lib/cipher';
import { readVectorFile } from './fixtures';
import { bytesToHex, concatBytes, hexToBytes } from './hex';
import { parseRsp } from './rsp';

/** The last block of a plaintext of whole blocks under PKCS#7: sixteen 0x10 bytes. */
export const FULL_PAD_BLOCK = new Uint8Array(BLOCK).fill(0x10);

/**
 * The vectors are whole blocks and unpadded; `encrypt` always adds a block of PKCS#7 padding. So
 * `encrypt(PT)` must be CT followed by `padBlock` — that block encrypted as the mode appends it,
 * computed by the caller with OpenSSL, so no expected byte comes from the code under test — and
 * `decrypt(CT ‖ padBlock)`, what any PKCS#7 encryptor outputs for PT, must be exactly PT.
 */
export function checkPaddedBothWays(
  encrypt: (plaintext: Uint8Array) => Uint8Array,
  decrypt: (ciphertext: Uint8Array) => Uint8Array,
  plaintextHex: string,
  ciphertextHex: string,
  padBlock: Uint8Array,
): void {
  const plaintext = hexToBytes(plaintextHex);
  assert.equal(plaintext.length % BLOCK, 0, 'vector plaintext is whole blocks');
  const encrypted = encrypt(plaintext);
  assert.equal(encrypted.length, plaintext.length + BLOCK);
  assert.equal(bytesToHex(encrypted.subarray(0, plaintext.length)), ciphertextHex.toLowerCase());
  assert.equal(bytesToHex(encrypted.subarray(plaintext.length)), bytesToHex(padBlock));
  const decrypted = decrypt(concatBytes(hexToBytes(ciphertextHex), padBlock));
  assert.equal(bytesToHex(decrypted), plaintextHex.toLowerCase());
}

/**
 * The AES-128 AESAVS files of a mode and their record counts, the same for ECB and CBC and as listed in
 * tests/fixtures/vectors/SOURCE.md, so a parser that drops records fails.
 */
const AESAVS_128: Record<string, number> = { GFSbox: 14, KeySbox: 42, VarKey: 256, VarTxt: 256, MMT: 20 };

/**
 * One suite per AES-128 AESAVS file of `mode` (`nist/cavp/aes_ecb/ECBGFSbox128.rsp` …): its record
 * count, then every record through `check` with its fields (`KEY`, `IV`, `PLAINTEXT`, `CIPHERTEXT`).
 */
export function describeAesavs(mode: 'ecb' | 'cbc', check: (fields: Record<string, string>) => void): void {
  for (const [kind, expectedCount] of Object.entries(AESAVS_128)) {
    const file = `${mode.toUpperCase()}${kind}128.rsp`;
    describe(`NIST CAVP AESAVS ${file}`, () => {
      const records = parseRsp(readVectorFile(`nist/cavp/aes_${mode}/${file}`));

      test(`${file} holds ${expectedCount} records, half [ENCRYPT] and half [DECRYPT]`, () => {
        assert.equal(records.length, expectedCount);
        assert.equal(records.filter((r) => r.section === '[ENCRYPT]').length, expectedCount / 2);
        assert.equal(records.filter((r) => r.section === '[DECRYPT]').length, expectedCount / 2);
      });

      for (const record of records) {
        const direction =
          record.section === '[ENCRYPT]'
            ? `${mode}Encrypt(PLAINTEXT) = CIPHERTEXT`
            : `${mode}Decrypt(CIPHERTEXT) = PLAINTEXT`;
        test(`${file} ${record.section} COUNT = ${record.count}: ${direction}, and back`, () => {
          check(record.fields);
        });
      }
    });
  }
}
