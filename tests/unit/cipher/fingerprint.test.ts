/**
 * keyFingerprint: the first 8 bytes of SHA-256(key), hex in groups of four. Expected digests are the
 * published SHA-256 examples of FIPS 180-2, Appendix B.1 ("abc") and B.2 (the 448-bit message), also in
 * NIST's "SHA-256 examples with intermediate values" (csrc.nist.gov, Cryptographic Standards and
 * Guidelines, examples/SHA256.pdf); the lab's fixed test keys are cross-checked with node:crypto.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { keyFingerprint } from '../../../lib/cipher/fingerprint';
import { assertRejectsExactly } from '../helpers/assert-error';
import { hexToBytes } from '../helpers/hex';

const ascii = (text: string) => new TextEncoder().encode(text);

test('FIPS 180-2 B.1: SHA-256("abc") = ba7816bf 8f01cfea 414140de …, so the fingerprint is "ba78 16bf 8f01 cfea"', async () => {
  assert.equal(await keyFingerprint(ascii('abc')), 'ba78 16bf 8f01 cfea');
});

test('FIPS 180-2 B.2: SHA-256 of the 448-bit message = 248d6a61 d20638b8 …, so "248d 6a61 d206 38b8"', async () => {
  const message = ascii('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq');
  assert.equal(message.length * 8, 448);
  assert.equal(await keyFingerprint(message), '248d 6a61 d206 38b8');
});

test('the fixed e2e keys (SP 800-38A F.1.1 for ECB, McGrew–Viega case 16 for GCM) agree with node:crypto', async () => {
  for (const hex of [
    '2b7e151628aed2a6abf7158809cf4f3c',
    'feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308',
  ]) {
    const digest = createHash('sha256').update(Buffer.from(hex, 'hex')).digest('hex');
    const expected = digest.slice(0, 16).replace(/(.{4})(?!$)/g, '$1 ');
    assert.equal(await keyFingerprint(hexToBytes(hex)), expected);
  }
});

test('format: four groups of four lower-case hex digits, and none of the key shows through', async () => {
  const key = hexToBytes('000102030405060708090a0b0c0d0e0f');
  const fingerprint = await keyFingerprint(key);
  assert.match(fingerprint, /^[0-9a-f]{4}( [0-9a-f]{4}){3}$/);
  assert.ok(!'000102030405060708090a0b0c0d0e0f'.includes(fingerprint.replaceAll(' ', '')));
});

test('a one-bit change to the key gives a different fingerprint; the same key always the same one', async () => {
  const key = hexToBytes('2b7e151628aed2a6abf7158809cf4f3c');
  const flipped = key.slice();
  flipped[15] ^= 1;
  assert.notEqual(await keyFingerprint(flipped), await keyFingerprint(key));
  assert.equal(await keyFingerprint(key.slice()), await keyFingerprint(key));
});

test('checks its input: a TypeError for a non-byte array, a RangeError for an empty key', async () => {
  await assertRejectsExactly(
    () => keyFingerprint('2b7e151628aed2a6abf7158809cf4f3c' as unknown as Uint8Array),
    TypeError,
    'key must be a Uint8Array, got string',
  );
  await assertRejectsExactly(() => keyFingerprint(new Uint8Array(0)), RangeError, 'key must not be empty, got 0 bytes');
});
