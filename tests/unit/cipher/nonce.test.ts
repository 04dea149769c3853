/**
 * NonceSequence: 4-byte salt ‖ 8-byte big-endian counter (NIST SP 800-38D §8.2.1, deterministic
 * construction). Expected nonces are written out from that layout, and cross-checked with
 * Buffer#writeBigUInt64BE.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NONCE_LENGTH, NonceSequence, SALT_LENGTH } from '../../../lib/cipher';
import { assertThrowsExactly } from '../helpers/assert-error';
import { bytesToHex, hexToBytes } from '../helpers/hex';

const SALT = hexToBytes('deadbeef');
const MAX = 2n ** 64n - 1n;

function expectedNonce(salt: Uint8Array, counter: bigint): string {
  const counterBytes = Buffer.alloc(8);
  counterBytes.writeBigUInt64BE(counter);
  return bytesToHex(salt) + counterBytes.toString('hex');
}

test('salt deadbeef, start 0x0102030405060708: nonces are salt ‖ big-endian counter, counting up by one', () => {
  const nonces = new NonceSequence(SALT, 0x0102030405060708n);
  assert.equal(nonces.position, 0x0102030405060708n);
  assert.equal(bytesToHex(nonces.next()), 'deadbeef0102030405060708');
  assert.equal(bytesToHex(nonces.next()), 'deadbeef0102030405060709');
  assert.equal(nonces.position, 0x010203040506070an);
  assert.equal(bytesToHex(nonces.salt), 'deadbeef');
  assert.equal(SALT_LENGTH + 8, NONCE_LENGTH);
});

test('default start is 0', () => {
  const nonces = new NonceSequence(SALT);
  assert.equal(bytesToHex(nonces.next()), 'deadbeef0000000000000000');
  assert.equal(bytesToHex(nonces.next()), 'deadbeef0000000000000001');
});

test('the counter carries across bytes and past 32 bits (it is not a 32-bit GCM block counter)', () => {
  const byte = new NonceSequence(SALT, 0xffn);
  assert.equal(bytesToHex(byte.next()), 'deadbeef00000000000000ff');
  assert.equal(bytesToHex(byte.next()), 'deadbeef0000000000000100');
  const word = new NonceSequence(SALT, 0xffffffffn);
  assert.equal(bytesToHex(word.next()), 'deadbeef00000000ffffffff');
  assert.equal(bytesToHex(word.next()), 'deadbeef0000000100000000');
});

test('the last counter value 2^64-1 is issued once, then the sequence refuses instead of wrapping', () => {
  const nonces = new NonceSequence(SALT, MAX);
  assert.equal(bytesToHex(nonces.next()), 'deadbeefffffffffffffffff');
  const exhausted = 'nonce counter exhausted: start a new sequence with a new key';
  assertThrowsExactly(() => nonces.next(), RangeError, exhausted);
  assertThrowsExactly(() => nonces.next(), RangeError, exhausted);
});

test('100 000 nonces in a row: no repeats, each exactly salt ‖ its counter', () => {
  const start = 0xfffe0000n;
  const nonces = new NonceSequence(SALT, start);
  const seen = new Set<string>();
  for (let i = 0n; i < 100_000n; i++) {
    const nonce = bytesToHex(nonces.next());
    assert.equal(nonce, expectedNonce(SALT, start + i));
    seen.add(nonce);
  }
  assert.equal(seen.size, 100_000);
});

test('next(out) writes into the given buffer, also a view at an offset, and touches nothing else', () => {
  const nonces = new NonceSequence(SALT, 7n);
  const backing = new Uint8Array(20).fill(0xaa);
  const out = backing.subarray(4, 16);
  assert.equal(nonces.next(out), out);
  assert.equal(bytesToHex(backing), `aaaaaaaa${expectedNonce(SALT, 7n)}aaaaaaaa`);
});

test('next(out) with a wrong-size buffer throws RangeError and does not use up a counter value', () => {
  const nonces = new NonceSequence(SALT, 7n);
  assertThrowsExactly(() => nonces.next(new Uint8Array(11)), RangeError, 'nonce buffer must be 12 bytes, got 11');
  assert.equal(nonces.position, 7n);
  assert.equal(bytesToHex(nonces.next()), expectedNonce(SALT, 7n));
});

test('the salt is copied: changing the caller’s array later does not change the nonces', () => {
  const salt = SALT.slice();
  const nonces = new NonceSequence(salt);
  salt.fill(0);
  assert.equal(bytesToHex(nonces.next()), expectedNonce(SALT, 0n));
});

test('default salts are random: 32 sequences, 32 distinct salts and first nonces', () => {
  const sequences = Array.from({ length: 32 }, () => new NonceSequence());
  assert.equal(new Set(sequences.map((s) => bytesToHex(s.salt))).size, 32);
  assert.equal(new Set(sequences.map((s) => bytesToHex(s.next()))).size, 32);
  for (const s of sequences) assert.equal(s.salt.length, SALT_LENGTH);
});

test('rejects a bad salt or start at construction', () => {
  assertThrowsExactly(() => new NonceSequence([1, 2, 3, 4] as unknown as Uint8Array), TypeError, 'salt must be a Uint8Array');
  assertThrowsExactly(() => new NonceSequence(new Uint8Array(3)), RangeError, 'salt must be 4 bytes, got 3');
  assertThrowsExactly(() => new NonceSequence(new Uint8Array(12)), RangeError, 'salt must be 4 bytes, got 12');
  assertThrowsExactly(() => new NonceSequence(SALT, -1n), RangeError, 'counter start must be 0 to 2^64-1, got -1');
  assertThrowsExactly(() => new NonceSequence(SALT, MAX + 1n), RangeError, 'counter start must be 0 to 2^64-1, got 18446744073709551616');
  assertThrowsExactly(() => new NonceSequence(SALT, 5 as unknown as bigint), TypeError, 'counter start must be a bigint, got number');
  assertThrowsExactly(() => new NonceSequence(SALT, 1.5 as unknown as bigint), TypeError, 'counter start must be a bigint, got number');
});
