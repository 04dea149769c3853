/**
 * AES-128-CBC known answers through lib/cipher's cbcEncrypt/cbcDecrypt, in both directions: NIST CAVP
 * AESAVS (CBCGFSbox128, CBCKeySbox128, CBCVarKey128, CBCVarTxt128, CBCMMT128) and SP 800-38A
 * F.2.1/F.2.2 CBC-AES128 from Crypto++'s aes.txt.
 *
 * Padding: cbcEncrypt always adds PKCS#7 padding; the vectors are unpadded whole blocks. The block
 * cbcEncrypt appends is sixteen 0x10 bytes chained on from the vector's last ciphertext block, i.e.
 * AES_K(0x10 × 16 ⊕ C_last), computed here by OpenSSL (node:crypto aes-128-cbc, padding off, with
 * C_last as the IV). Encrypt must give CT followed by that block; decrypt of CT plus that block, PT.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BLOCK, cbcDecrypt, cbcEncrypt } from '../../../lib/cipher';
import { checkPaddedBothWays, describeAesavs, FULL_PAD_BLOCK } from '../helpers/aesavs';
import { sp80038aExample } from '../helpers/cryptopp';
import { hexToBytes } from '../helpers/hex';
import { opensslCbcRaw } from '../helpers/openssl';

function checkBothDirections(keyHex: string, ivHex: string, plaintextHex: string, ciphertextHex: string): void {
  const key = hexToBytes(keyHex);
  const iv = hexToBytes(ivHex);
  const lastBlock = hexToBytes(ciphertextHex).slice(-BLOCK);
  checkPaddedBothWays(
    (plaintext) => cbcEncrypt(key, iv, plaintext),
    (ciphertext) => cbcDecrypt(key, iv, ciphertext),
    plaintextHex,
    ciphertextHex,
    opensslCbcRaw(key, lastBlock, FULL_PAD_BLOCK),
  );
}

describeAesavs('cbc', ({ KEY, IV, PLAINTEXT, CIPHERTEXT }) => {
  checkBothDirections(KEY, IV, PLAINTEXT, CIPHERTEXT);
});

describe('NIST SP 800-38A F.2.1/F.2.2 CBC-AES128 (cryptopp/aes.txt)', () => {
  // The AES/CBC block sourced to SP 800-38A also holds F.2.3 (AES-192) and F.2.5 (AES-256): unused.
  test('aes.txt F.2.1 CBC-AES128.Encrypt (4 blocks, IV 000102…0f): cbcEncrypt gives Ciphertext; F.2.2 Decrypt gives Plaintext back', () => {
    const { key, iv, plaintext, ciphertext } = sp80038aExample('AES/CBC', 'F.2.1 CBC-AES128.Encrypt');
    assert.equal(iv, '000102030405060708090a0b0c0d0e0f');
    // F.2.1's first output block, as printed in SP 800-38A.
    assert.ok(ciphertext.startsWith('7649abac8119b246cee98e9b12e9197d'));
    checkBothDirections(key, iv, plaintext, ciphertext);
  });
});
