/**
 * The pixel-read check's pure half: the known pattern and the exact comparison a noisy read fails. The
 * browser half (drawing and reading back) runs in tests/e2e/lab-input.spec.ts with noise injected.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { differingBytes, PATTERN_SIDE, testPattern } from '../../../lib/worker/read-check';

test('the pattern is opaque and has every byte value in each colour channel', () => {
  const pattern = testPattern();
  assert.equal(pattern.length, PATTERN_SIDE * PATTERN_SIDE * 4);
  for (let channel = 0; channel < 3; channel++) {
    const values = new Set<number>();
    for (let i = channel; i < pattern.length; i += 4) values.add(pattern[i]);
    assert.equal(values.size, 256, `channel ${channel}`);
  }
  for (let i = 3; i < pattern.length; i += 4) assert.equal(pattern[i], 255);
});

test('an exact read differs nowhere', () => {
  assert.equal(differingBytes(testPattern(), Uint8Array.from(testPattern())), 0);
});

test('noise in the lowest bit of a few bytes is caught, byte by byte', () => {
  // What Brave's farbling does: a low bit flipped in some channels.
  const read = testPattern();
  for (const i of [0, 5, 402, 1022]) read[i] ^= 1;
  assert.equal(differingBytes(testPattern(), read), 4);
});

test('a blank read and a read of the wrong size are not exact', () => {
  assert.equal(differingBytes(testPattern(), new Uint8ClampedArray(PATTERN_SIDE * PATTERN_SIDE * 4)) > 0, true);
  assert.equal(differingBytes(testPattern(), new Uint8ClampedArray(4)), PATTERN_SIDE * PATTERN_SIDE * 4);
});
