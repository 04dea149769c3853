/**
 * AES-256-GCM known answers through lib/cipher's gcmEncrypt/gcmDecrypt (noble, sync) and
 * gcmEncryptAsync/gcmDecryptAsync (WebCrypto), in both directions, from NIST CAVP GCMVS
 * (gcmEncryptExtIV256, gcmDecrypt256; IV 96 bits, tag 128 bits) and the McGrew–Viega GCM test cases
 * 13–18 in Crypto++'s gcm.txt. The two engines must also agree byte for byte.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AuthenticationError, gcmDecrypt, gcmDecryptAsync, NONCE_LENGTH, TAG_LENGTH } from '../../../lib/cipher';
import { assertRejectsExactly, assertThrowsExactly } from '../helpers/assert-error';
import { cryptoppHex, parseCryptopp, type CryptoppTest } from '../helpers/cryptopp';
import { readVectorFile } from '../helpers/fixtures';
import { bytesToHex, hexToBytes } from '../helpers/hex';
import { parseRsp, type RspRecord } from '../helpers/rsp';
import { checkNonceRefused, checkSealAndOpen, type GcmVector } from '../helpers/gcm-checks';

const AUTH_FAILED = new AuthenticationError().message;

function fromRsp(record: RspRecord): GcmVector {
  const { KEY, IV, PT, AAD, CT, TAG } = record.fields;
  const aad = hexToBytes(AAD);
  return {
    key: hexToBytes(KEY),
    nonce: hexToBytes(IV),
    // The app passes no AAD at all for a plain frame; an empty AAD array is checked with McGrew–Viega below.
    aad: aad.length > 0 ? aad : undefined,
    plaintext: hexToBytes(PT ?? ''),
    sealed: hexToBytes(CT + TAG),
  };
}

function fromCryptopp(t: CryptoppTest | undefined): GcmVector {
  assert.ok(t, 'test case present in gcm.txt');
  return {
    key: hexToBytes(cryptoppHex(t.values.Key)),
    nonce: hexToBytes(cryptoppHex(t.values.IV)),
    aad: hexToBytes(cryptoppHex(t.values.Header)),
    plaintext: hexToBytes(cryptoppHex(t.values.Plaintext)),
    sealed: hexToBytes(cryptoppHex(t.values.Ciphertext) + cryptoppHex(t.values.MAC)),
  };
}

test('the async path runs on WebCrypto here (else sync vs async would compare noble with itself)', () => {
  assert.equal(typeof globalThis.crypto?.subtle?.encrypt, 'function');
});

function checkSections(records: RspRecord[]): void {
  for (const r of records) {
    assert.deepEqual([r.params.Keylen, r.params.IVlen, r.params.Taglen], ['256', '96', '128'], r.section);
    assert.equal(r.fields.KEY.length, 64);
    assert.equal(r.fields.IV.length, 2 * NONCE_LENGTH);
    assert.equal(r.fields.TAG.length, 2 * TAG_LENGTH);
    assert.equal(r.fields.AAD.length * 4, Number(r.params.AADlen));
    assert.equal(r.fields.CT.length * 4, Number(r.params.PTlen));
  }
}

describe('NIST CAVP GCMVS gcmEncryptExtIV256.rsp (Keylen 256, IVlen 96, Taglen 128)', () => {
  const file = 'gcmEncryptExtIV256.rsp';
  const records = parseRsp(readVectorFile('nist/cavp/aes_gcm/gcmEncryptExtIV256_iv96_tag128.rsp'));

  test(`${file}: 375 records (25 sections × 15), all AES-256 / 96-bit IV / 128-bit tag`, () => {
    assert.equal(records.length, 375);
    checkSections(records);
  });

  for (const record of records) {
    test(`${file} ${record.section} Count = ${record.count}: seals to CT ‖ Tag (noble = WebCrypto) and opens to PT`, async () => {
      await checkSealAndOpen(fromRsp(record));
    });
  }
});

describe('NIST CAVP GCMVS gcmDecrypt256.rsp (Keylen 256, IVlen 96, Taglen 128)', () => {
  const file = 'gcmDecrypt256.rsp';
  const records = parseRsp(readVectorFile('nist/cavp/aes_gcm/gcmDecrypt256_iv96_tag128.rsp'));

  test(`${file}: 375 records, 191 of them FAIL`, () => {
    assert.equal(records.length, 375);
    assert.equal(records.filter((r) => r.fail).length, 191);
    checkSections(records);
    for (const r of records) assert.equal(r.fail, r.fields.PT === undefined, `Count = ${r.count}: PT xor FAIL`);
  });

  for (const record of records) {
    const { key, nonce, aad, sealed } = fromRsp(record);
    if (record.fail) {
      test(`${file} ${record.section} Count = ${record.count} (FAIL): both engines throw AuthenticationError`, async () => {
        assertThrowsExactly(() => gcmDecrypt(key, nonce, sealed, aad), AuthenticationError, AUTH_FAILED);
        await assertRejectsExactly(() => gcmDecryptAsync(key, nonce, sealed, aad), AuthenticationError, AUTH_FAILED);
      });
    } else {
      test(`${file} ${record.section} Count = ${record.count}: both engines return exactly PT`, async () => {
        const expected = record.fields.PT;
        assert.equal(bytesToHex(gcmDecrypt(key, nonce, sealed, aad)), expected.toLowerCase());
        assert.equal(bytesToHex(await gcmDecryptAsync(key, nonce, sealed, aad)), expected.toLowerCase());
      });
    }
  }
});

describe('McGrew–Viega GCM test cases 13–18, AES-256 (cryptopp/gcm.txt)', () => {
  // gcm.txt opens with Gladman's compilation of the McGrew–Viega test cases: a NotVerify test, then
  // test cases 1–18 as its first 18 `Test: Encrypt` lines. Cases 13–18 use the 256-bit key; their MAC
  // lines (90, 96, … per the upstream SOURCE.md) pin the numbering.
  const gladman = parseCryptopp(readVectorFile('nist/cryptopp/gcm.txt')).filter(
    (t) => t.kind === 'Encrypt' && t.values.Source?.startsWith('aes-modes-src-07-10-08/Testvals/gcm.1'),
  );
  const byCase = new Map<number, CryptoppTest>(gladman.slice(0, 18).map((t, i) => [i + 1, t]));

  test('gcm.txt: test cases 13–18 are the AES-256 ones, MACs on lines 90, 96, 102, 109, 116, 123', () => {
    const cases = [13, 14, 15, 16, 17, 18].map((n) => byCase.get(n));
    assert.deepEqual(
      cases.map((t) => t?.lines.MAC),
      [90, 96, 102, 109, 116, 123],
    );
    for (const t of cases) assert.equal(cryptoppHex(t?.values.Key).length, 64);
  });

  // Cases 13–16 have a 96-bit IV; 17 (64-bit IV) and 18 (480-bit IV) do not, and lib accepts only
  // 12-byte nonces, so for those only the refusal is checked.
  for (const n of [13, 14, 15, 16]) {
    test(`gcm.txt McGrew–Viega test case ${n}: seals to Ciphertext ‖ MAC (noble = WebCrypto) and opens back`, async () => {
      const vector = fromCryptopp(byCase.get(n));
      assert.equal(vector.nonce.length, NONCE_LENGTH);
      await checkSealAndOpen(vector);
      // Without a Header, passing no AAD and passing an empty AAD must be the same thing.
      if (vector.aad?.length === 0) await checkSealAndOpen({ ...vector, aad: undefined });
    });
  }

  for (const n of [17, 18]) {
    test(`gcm.txt McGrew–Viega test case ${n}: its non-96-bit IV is refused with RangeError (known answer not checkable)`, async () => {
      await checkNonceRefused(fromCryptopp(byCase.get(n)));
    });
  }
});
