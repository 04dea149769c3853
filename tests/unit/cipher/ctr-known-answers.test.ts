/**
 * AES-128-CTR known answers through lib/cipher's ctrEncrypt/ctrDecrypt, in both directions:
 * - NIST SP 800-38A F.5.1/F.5.2 CTR-AES128 from Crypto++'s aes.txt (initial counter block f0f1…feff,
 *   so the second block already carries into byte 14: f0f1…ff00);
 * - RFC 3686 §6 test vectors #1–#3 (the AES-128 ones) from pyca's aes-128-ctr.txt, whose IV column is
 *   the whole initial counter block. RFC 3686 builds it as nonce (4 bytes) ‖ IV (8) ‖ 00000001; here it
 *   is built the same way from the RFC's Nonce and IV lines (quoted below) and must equal that column;
 * - counter blocks that carry across 32, 64 and all 128 bits (ff…ff wraps to 00…00): the keystream
 *   blocks are AES of the counter values written out here, computed by OpenSSL's ECB, and the whole
 *   output equals node:crypto's aes-128-ctr.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BLOCK, ctrDecrypt, ctrEncrypt } from '../../../lib/cipher';
import { sp80038aExample } from '../helpers/cryptopp';
import { readVectorFile } from '../helpers/fixtures';
import { bytesToHex, hexToBytes } from '../helpers/hex';
import { opensslCtr, opensslEcbRaw } from '../helpers/openssl';
import { parseRsp } from '../helpers/rsp';
import { seededBytes } from '../helpers/seeded-bytes';

function checkBothDirections(keyHex: string, ivHex: string, plaintextHex: string, ciphertextHex: string): void {
  const key = hexToBytes(keyHex);
  const iv = hexToBytes(ivHex);
  assert.equal(bytesToHex(ctrEncrypt(key, iv, hexToBytes(plaintextHex))), ciphertextHex.toLowerCase());
  assert.equal(bytesToHex(ctrDecrypt(key, iv, hexToBytes(ciphertextHex))), plaintextHex.toLowerCase());
}

describe('NIST SP 800-38A F.5.1/F.5.2 CTR-AES128 (cryptopp/aes.txt)', () => {
  // The AES/CTR block sourced to SP 800-38A also holds F.5.3 (AES-192) and F.5.5 (AES-256): unused.
  test('aes.txt F.5.1 CTR-AES128.Encrypt (4 blocks, counter f0f1…feff): ctrEncrypt gives Ciphertext; F.5.2 Decrypt gives Plaintext back', () => {
    const { key, iv, plaintext, ciphertext } = sp80038aExample('AES/CTR', 'F.5.1 CTR-AES128.Encrypt');
    assert.equal(iv, 'f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff');
    // F.5.1's first output block, as printed in SP 800-38A.
    assert.ok(ciphertext.startsWith('874d6191b620e3261bef6864990db6ce'));
    checkBothDirections(key, iv, plaintext, ciphertext);
  });
});

describe('RFC 3686 §6 test vectors #1–#3, AES-128 (nist/cavp/aes_ctr/aes-128-ctr.txt)', () => {
  // RFC 3686 §6, "Nonce" and "AES-CTR IV" lines of each AES-128 vector; block counter starts at 1 (§4).
  const RFC: { nonce: string; iv: string; keystream: string[] }[] = [
    // #1 also lists Key Stream (1): B7 60 33 28 DB C2 93 1B 41 0E 16 C8 06 7E 62 DF.
    { nonce: '00000030', iv: '0000000000000000', keystream: ['b7603328dbc2931b410e16c8067e62df'] },
    // #2 lists Key Stream (1) and (2), from counter blocks …00000001 and …00000002.
    {
      nonce: '006cb6db',
      iv: 'c0543b59da48d90b',
      keystream: ['5105a305128f74de71044be582d7dd87', 'fb3f0cef52cf41dfe4ff2ac48d5ca037'],
    },
    { nonce: '00e0017b', iv: '27777f3f4a1786f0', keystream: [] },
  ];
  const records = parseRsp(readVectorFile('nist/cavp/aes_ctr/aes-128-ctr.txt'));

  test('aes-128-ctr.txt holds the 3 records, all [ENCRYPT], 16, 32 and 36 bytes long', () => {
    assert.deepEqual(
      records.map((r) => [r.section, r.count, r.fields.PLAINTEXT.length / 2]),
      [
        ['[ENCRYPT]', 0, 16],
        ['[ENCRYPT]', 1, 32],
        ['[ENCRYPT]', 2, 36],
      ],
    );
  });

  for (const record of records) {
    const { nonce, iv, keystream } = RFC[record.count];
    test(`aes-128-ctr.txt COUNT = ${record.count} (RFC 3686 #${record.count + 1}): counter block = nonce ‖ IV ‖ 00000001; both directions`, () => {
      const { KEY, IV, PLAINTEXT, CIPHERTEXT } = record.fields;
      const counterBlock = `${nonce}${iv}00000001`;
      assert.equal(counterBlock, IV.toLowerCase());
      checkBothDirections(KEY, counterBlock, PLAINTEXT, CIPHERTEXT);
      const zeros = new Uint8Array(keystream.length * BLOCK);
      assert.equal(bytesToHex(ctrEncrypt(hexToBytes(KEY), hexToBytes(counterBlock), zeros)), keystream.join(''));
    });
  }
});

describe('the counter is one 128-bit big-endian number, as in OpenSSL and SP 800-38A', () => {
  const key = seededBytes('ctr counter key', 16);
  // [initial counter block, the counter blocks of the first three keystream blocks]
  const cases: [string, string, string[]][] = [
    [
      'carry past 32 bits (GCM’s inc32 would wrap here)',
      '0102030405060708090a0b0cffffffff',
      ['0102030405060708090a0b0cffffffff', '0102030405060708090a0b0d00000000', '0102030405060708090a0b0d00000001'],
    ],
    [
      'carry past 64 bits',
      '0102030405060708fffffffffffffffe',
      ['0102030405060708fffffffffffffffe', '0102030405060708ffffffffffffffff', '01020304050607090000000000000000'],
    ],
    [
      'ff…ff wraps to 00…00',
      'ffffffffffffffffffffffffffffffff',
      ['ffffffffffffffffffffffffffffffff', '00000000000000000000000000000000', '00000000000000000000000000000001'],
    ],
  ];
  for (const [what, start, counters] of cases) {
    test(`${what}: keystream = AES(${counters.map((c) => c.slice(-10)).join(', ')}), = node:crypto aes-128-ctr`, () => {
      // 45 bytes: two whole blocks and a part block, which uses the start of the third keystream block.
      const plaintext = seededBytes(`ctr counter plaintext ${start}`, 2 * BLOCK + 13);
      const keystream = opensslEcbRaw(key, hexToBytes(counters.join('')));
      const expected = plaintext.map((byte, i) => byte ^ keystream[i]);
      const iv = hexToBytes(start);
      const ciphertext = ctrEncrypt(key, iv, plaintext);
      assert.equal(bytesToHex(ciphertext), bytesToHex(expected));
      assert.equal(bytesToHex(ciphertext), bytesToHex(opensslCtr(key, iv, plaintext)));
      assert.equal(bytesToHex(ctrDecrypt(key, iv, ciphertext)), bytesToHex(plaintext));
      assert.equal(bytesToHex(iv), start, 'the caller’s counter block is left as it was');
    });
  }
});
