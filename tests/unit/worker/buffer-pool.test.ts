/**
 * BufferPool and PicturePool: buffers handed on and given back are reused by size, several sizes at
 * once, at most `keep` of them; detached buffers are not kept; a picture is a copy of its pixels.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BufferPool, PicturePool } from '../../../lib/worker/buffer-pool';
import { assertThrowsExactly } from '../helpers/assert-error';

/** Transfers `buffer` away, as postMessage does, leaving it detached (length 0). */
function detach(buffer: ArrayBuffer): void {
  structuredClone(buffer, { transfer: [buffer] });
}

describe('BufferPool', () => {
  test('copyOf copies the bytes into a buffer of their length', () => {
    const pool = new BufferPool();
    const bytes = Uint8Array.of(1, 2, 3, 250);
    const buffer = pool.copyOf(bytes);
    assert.deepEqual([...new Uint8Array(buffer)], [1, 2, 3, 250]);
    bytes[0] = 9;
    assert.equal(new Uint8Array(buffer)[0], 1, 'a copy, not a view');
  });

  test('a buffer given back is reused for the next copy of its size, and overwritten', () => {
    const pool = new BufferPool();
    const first = pool.copyOf(Uint8Array.of(1, 1, 1, 1));
    pool.give(first);
    const second = pool.copyOf(Uint8Array.of(7, 8, 9, 10));
    assert.equal(second, first);
    assert.deepEqual([...new Uint8Array(second)], [7, 8, 9, 10]);
    assert.equal(pool.size, 0);
  });

  test('buffers of several sizes wait side by side; a size with no spare gets a new buffer', () => {
    const pool = new BufferPool();
    const panel = pool.copyOf(new Uint8Array(64));
    const map = pool.copyOf(new Uint8Array(16));
    pool.give(panel);
    pool.give(map);
    assert.equal(pool.copyOf(new Uint8Array(16)), map);
    assert.equal(pool.copyOf(new Uint8Array(64)), panel);
    const other = pool.copyOf(new Uint8Array(32));
    assert.notEqual(other, panel);
    assert.equal(other.byteLength, 32);
  });

  test('at most `keep` spares: the oldest is let go', () => {
    const pool = new BufferPool(2);
    const a = new ArrayBuffer(8);
    const b = new ArrayBuffer(8);
    const c = new ArrayBuffer(8);
    pool.give(a);
    pool.give(b);
    pool.give(c);
    assert.equal(pool.size, 2);
    assert.equal(pool.copyOf(new Uint8Array(8)), b);
    assert.equal(pool.copyOf(new Uint8Array(8)), c);
    assert.notEqual(pool.copyOf(new Uint8Array(8)), a);
  });

  test('a detached buffer is not kept', () => {
    const pool = new BufferPool();
    const buffer = pool.copyOf(new Uint8Array(8));
    detach(buffer);
    pool.give(buffer);
    assert.equal(pool.size, 0);
    assert.equal(pool.copyOf(Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8)).byteLength, 8);
  });
});

describe('PicturePool', () => {
  test('a picture is its size and a copy of its pixels', () => {
    const pool = new PicturePool();
    const rgba = new Uint8ClampedArray([10, 20, 30, 255, 40, 50, 60, 255]);
    const picture = pool.picture(rgba, 2, 1);
    assert.equal(picture.width, 2);
    assert.equal(picture.height, 1);
    assert.deepEqual([...new Uint8Array(picture.pixels)], [10, 20, 30, 255, 40, 50, 60, 255]);
    assert.notEqual(picture.pixels, rgba.buffer);
  });

  test('pixels that are not width × height × 4 bytes are refused', () => {
    const pool = new PicturePool();
    assertThrowsExactly(
      () => pool.picture(new Uint8ClampedArray(12), 2, 2),
      RangeError,
      'a 2 × 2 picture is 16 bytes, got 12',
    );
  });
});
