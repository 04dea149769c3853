/**
 * BufferPool and PicturePool: buffers handed on and given back are reused by size, several sizes at
 * once, at most `keep` of a size; a size not asked for in 32 requests is let go; detached buffers are
 * not kept; a picture is a copy of its pixels.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BufferPool, PicturePool, STALE_AFTER } from '../../../lib/worker/buffer-pool';
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
    // Asking for a third size leaves the others' spares where they are.
    const other = pool.copyOf(new Uint8Array(32));
    assert.notEqual(other, panel);
    assert.equal(other.byteLength, 32);
    assert.equal(pool.size, 2);
    assert.equal(pool.copyOf(new Uint8Array(16)), map);
    assert.equal(pool.copyOf(new Uint8Array(64)), panel);
  });

  test('at most `keep` spares of a size: more are not taken back', () => {
    const pool = new BufferPool(2);
    const [a, b, c] = [1, 2, 3].map(() => pool.copyOf(new Uint8Array(8)));
    pool.give(a);
    pool.give(b);
    pool.give(c);
    assert.equal(pool.size, 2);
    const reused = [pool.copyOf(new Uint8Array(8)), pool.copyOf(new Uint8Array(8))];
    assert.deepEqual(new Set(reused), new Set([a, b]));
    assert.notEqual(pool.copyOf(new Uint8Array(8)), c);
  });

  test('a size not asked for in 32 requests is let go, and its buffers are not taken back', () => {
    assert.equal(STALE_AFTER, 32);
    const pool = new BufferPool();
    const old = pool.copyOf(new Uint8Array(64));
    const late = pool.copyOf(new Uint8Array(64));
    pool.give(old);
    // The frame size changed: 31 requests of the new size keep the old one's spare ...
    for (let i = 0; i < 31; i++) pool.give(pool.copyOf(new Uint8Array(16)));
    assert.equal(pool.size, 2);
    // ... the 32nd after the last ask lets it go.
    pool.give(pool.copyOf(new Uint8Array(16)));
    assert.equal(pool.size, 1, 'only the new size’s spare is left');
    pool.give(late);
    assert.equal(pool.size, 1, 'a buffer of a size let go is not taken back');
    assert.notEqual(pool.copyOf(new Uint8Array(64)), old);
  });

  test('a buffer of a size never asked for is not taken back', () => {
    const pool = new BufferPool();
    pool.give(new ArrayBuffer(8));
    assert.equal(pool.size, 0);
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
