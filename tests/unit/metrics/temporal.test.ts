/**
 * unchangedBlocks: one changed block found wherever it is, through aligned and unaligned views, with its
 * map; then the property the measure exists for, through lib/cipher: under one ECB key a frame and a copy
 * with one 16-byte block changed differ in exactly that ciphertext block, while GCM with a fresh nonce
 * changes every block (and GCM with a repeated nonce gives ECB's leak back, which is why it is forbidden).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ecbEncrypt, gcmEncrypt, NonceSequence } from '../../../lib/cipher';
import { BLOCK_SIZE } from '../../../lib/metrics/blocks';
import { unchangedBlocks } from '../../../lib/metrics/temporal';
import { assertThrowsExactly } from '../helpers/assert-error';
import { seededBytes } from '../helpers/seeded-bytes';

/** A copy of `bytes` with byte `at` flipped in every bit. */
function flipped(bytes: Uint8Array, at: number): Uint8Array {
  const copy = bytes.slice();
  copy[at] ^= 0xff;
  return copy;
}

/** The map unchangedBlocks should write: 1 everywhere except 0 at `changed`. */
function mapWithout(blocks: number, ...changed: number[]): Uint8Array {
  const map = new Uint8Array(blocks).fill(1);
  for (const b of changed) map[b] = 0;
  return map;
}

/** `bytes` copied to `offset` bytes into a larger buffer, so the view is not 4-byte aligned. */
function atOffset(bytes: Uint8Array, offset: number): Uint8Array {
  const backing = seededBytes(`temporal backing ${offset}`, bytes.length + offset + 5);
  backing.set(bytes, offset);
  return backing.subarray(offset, offset + bytes.length);
}

describe('unchangedBlocks, one changed block', () => {
  const previous = seededBytes('temporal frame', 64 * BLOCK_SIZE);

  test('a byte changed in block b, at its first, middle or last byte: 63 of 64 unchanged, map 0 only at b', () => {
    for (const b of [0, 1, 31, 63]) {
      for (const within of [0, 7, 15]) {
        const map = new Uint8Array(64).fill(9);
        const current = flipped(previous, b * BLOCK_SIZE + within);
        assert.deepEqual(unchangedBlocks(current, previous, map), { blocks: 64, unchanged: 63 }, `block ${b}`);
        assert.deepEqual(map, mapWithout(64, b));
      }
    }
  });

  test('identical frames: every block unchanged; a map longer than needed is written only as far as the blocks go', () => {
    const map = new Uint8Array(70).fill(9);
    assert.deepEqual(unchangedBlocks(previous.slice(), previous, map), { blocks: 64, unchanged: 64 });
    assert.deepEqual([...map.subarray(60)], [1, 1, 1, 1, 9, 9, 9, 9, 9, 9]);
  });

  test('unaligned views (either, both, at several offsets) give the same count and map as aligned ones', () => {
    for (const within of [0, 3, 15]) {
      const current = flipped(previous, 40 * BLOCK_SIZE + within);
      for (const [a, b] of [
        [1, 0],
        [0, 2],
        [3, 3],
        [5, 1],
        [4, 8],
      ]) {
        const map = new Uint8Array(64);
        assert.deepEqual(
          unchangedBlocks(atOffset(current, a), atOffset(previous, b), map),
          { blocks: 64, unchanged: 63 },
          `byte ${within} of block 40, offsets ${a}, ${b}`,
        );
        assert.deepEqual(map, mapWithout(64, 40));
      }
    }
  });

  test('a trailing partial block is not compared, even when it differs', () => {
    const longer = new Uint8Array(64 * BLOCK_SIZE + 9);
    longer.set(previous);
    const map = new Uint8Array(64);
    assert.deepEqual(unchangedBlocks(flipped(longer, longer.length - 1), longer, map), { blocks: 64, unchanged: 64 });
    assert.deepEqual(unchangedBlocks(new Uint8Array(15), new Uint8Array(15).fill(1)), { blocks: 0, unchanged: 0 });
  });

  test('bad input: frames of different lengths, a short map, not bytes', () => {
    assertThrowsExactly(
      () => unchangedBlocks(new Uint8Array(32), new Uint8Array(48)),
      RangeError,
      'frames must be the same length to compare, got 32 and 48',
    );
    assertThrowsExactly(
      () => unchangedBlocks(new Uint8Array(64), new Uint8Array(64), new Uint8Array(3)),
      RangeError,
      'map needs 4 entries, got 3',
    );
    assertThrowsExactly(
      () => unchangedBlocks([0] as unknown as Uint8Array, new Uint8Array(1)),
      TypeError,
      'frames must be Uint8Arrays',
    );
  });
});

describe('through lib/cipher: a frame and a copy with one 16-byte block changed', () => {
  // 160 × 90 rgb = 43200 bytes = 2700 blocks exactly; PKCS#7 adds a 2701st block of sixteen 0x10s.
  const frame = seededBytes('temporal plaintext', 160 * 90 * 3);
  const CHANGED = 1234;
  const next = flipped(frame, CHANGED * BLOCK_SIZE + 5);
  const ecbKey = seededBytes('temporal ECB key', 16);
  const gcmKey = seededBytes('temporal GCM key', 32);

  test('the plaintexts differ in exactly that block', () => {
    assert.deepEqual(unchangedBlocks(next, frame), { blocks: 2700, unchanged: 2699 });
  });

  test('ECB, one key: exactly one ciphertext block differs, the same one (padding block unchanged)', () => {
    const map = new Uint8Array(2701);
    assert.deepEqual(unchangedBlocks(ecbEncrypt(ecbKey, next), ecbEncrypt(ecbKey, frame), map), {
      blocks: 2701,
      unchanged: 2700,
    });
    assert.deepEqual(map, mapWithout(2701, CHANGED));
  });

  test('GCM, one key, fresh nonces from a NonceSequence: every block differs, tag included', () => {
    // Each block is the plaintext XOR a keystream block under a new counter: equal only with chance
    // 2⁻¹²⁸ per block, and these seeded inputs were checked to give 0.
    const nonces = new NonceSequence(seededBytes('temporal salt', 4));
    const first = gcmEncrypt(gcmKey, nonces.next(), frame);
    const second = gcmEncrypt(gcmKey, nonces.next(), next);
    assert.deepEqual(unchangedBlocks(second, first), { blocks: 2701, unchanged: 0 });
    // Even the same frame again: a new nonce changes every block.
    assert.deepEqual(unchangedBlocks(gcmEncrypt(gcmKey, nonces.next(), frame), first), { blocks: 2701, unchanged: 0 });
  });

  test('GCM with the nonce repeated (forbidden): the keystream repeats, so the ECB-like leak is back', () => {
    const nonce = seededBytes('temporal repeated nonce', 12);
    const map = new Uint8Array(2701);
    const result = unchangedBlocks(gcmEncrypt(gcmKey, nonce, next), gcmEncrypt(gcmKey, nonce, frame), map);
    // Only the changed block and the tag (the 2701st block) differ.
    assert.deepEqual(result, { blocks: 2701, unchanged: 2699 });
    assert.deepEqual(map, mapWithout(2701, CHANGED, 2700));
  });
});
