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
import { describe, test } from 'node:test';
import { ecbDecrypt, ecbEncrypt } from '../../../lib/cipher';
import { checkPaddedBothWays, describeAesavs, FULL_PAD_BLOCK } from '../helpers/aesavs';
import { sp80038aExample } from '../helpers/cryptopp';
import { hexToBytes } from '../helpers/hex';
import { opensslEcbRaw } from '../helpers/openssl';

function checkBothDirections(keyHex: string, plaintextHex: string, ciphertextHex: string): void {
  const key = hexToBytes(keyHex);
  const padBlock = opensslEcbRaw(key, FULL_PAD_BLOCK);
  checkPaddedBothWays(
    (plaintext) => ecbEncrypt(key, plaintext),
    (ciphertext) => ecbDecrypt(key, ciphertext),
    plaintextHex,
    ciphertextHex,
    padBlock,
  );
}

describeAesavs('ecb', ({ KEY, PLAINTEXT, CIPHERTEXT }) => {
  checkBothDirections(KEY, PLAINTEXT, CIPHERTEXT);
});

describe('NIST SP 800-38A F.1.1/F.1.2 ECB-AES128 (cryptopp/aes.txt)', () => {
  // aes.txt's first block also holds F.1.3 (AES-192) and F.1.5 (AES-256): ECB Lens's ECB is AES-128 only.
  test('aes.txt F.1.1 ECB-AES128.Encrypt (4 blocks): ecbEncrypt gives Ciphertext; F.1.2 Decrypt gives Plaintext back', () => {
    const { key, plaintext, ciphertext } = sp80038aExample('AES/ECB', 'F.1.1 ECB-AES128.Encrypt');
    checkBothDirections(key, plaintext, ciphertext);
  });
});
