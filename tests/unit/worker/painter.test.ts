/**
 * stripRows: how the workers cut a panel's picture into strips of at most STRIP_BYTES (768 KiB) — as few
 * strips as will do, of equal height but the last. Sizes worked out by hand, then every width and height
 * the lab can draw checked against the rule's three promises.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { STRIP_BYTES, stripRows } from '../../../lib/worker/painter';
import { assertThrowsExactly } from '../helpers/assert-error';

describe('stripRows', () => {
  test('the strip limit is 768 KiB', () => {
    assert.equal(STRIP_BYTES, 786_432);
  });

  test('sizes worked out by hand', () => {
    // 1280 × 720: 5,120 bytes a row, 153 rows fit in 786,432 bytes, so 5 strips; 720 / 5 = 144 rows
    // (737,280 bytes each). Four strips of 180 rows would be 921,600 bytes each: too many.
    assert.equal(stripRows(1280, 720), 144);
    // 960 × 540: 3,840 bytes a row, 204 fit, 3 strips of 180 rows (691,200 bytes).
    assert.equal(stripRows(960, 540), 180);
    // 640 × 360: 921,600 bytes in all, 307 rows fit, so 2 strips of 180 rows.
    assert.equal(stripRows(640, 360), 180);
    // 480 × 270 is 518,400 bytes: one strip; so is a picture of exactly 768 KiB (512 × 384).
    assert.equal(stripRows(480, 270), 270);
    assert.equal(stripRows(512, 384), 384);
    // One row more than fits: two strips, the second one row shorter.
    assert.equal(stripRows(512, 385), 193);
    // 1000 × 999: 4,000 bytes a row, 196 fit, 6 strips of 167 rows, the last of 164.
    assert.equal(stripRows(1000, 999), 167);
    // A row longer than the limit is a strip of its own.
    assert.equal(stripRows(200_000, 3), 1);
    assert.equal(stripRows(1, 1), 1);
  });

  test('every size the lab draws: strips within the limit, as few as possible, equal but the last', () => {
    for (const width of [320, 480, 640, 960, 1280, 1920, 3840]) {
      for (let height = 1; height <= 2160; height += 7) {
        const rows = stripRows(width, height);
        const strips = Math.ceil(height / rows);
        const rowBytes = width * 4;
        assert.ok(rows * rowBytes <= STRIP_BYTES, `${width}×${height}: ${rows} rows exceed the limit`);
        // One strip fewer could not hold the picture within the limit.
        if (strips > 1) assert.ok(Math.ceil(height / (strips - 1)) * rowBytes > STRIP_BYTES, `${width}×${height}`);
        const last = height - (strips - 1) * rows;
        assert.ok(last >= 1 && last <= rows, `${width}×${height}: last strip of ${last} rows`);
      }
    }
  });

  test('sizes that are not whole pixels are refused', () => {
    const message = (w: number, h: number) => `a picture must be whole pixels, at least 1 × 1, got ${w} × ${h}`;
    assertThrowsExactly(() => stripRows(0, 720), RangeError, message(0, 720));
    assertThrowsExactly(() => stripRows(1280, 0), RangeError, message(1280, 0));
    assertThrowsExactly(() => stripRows(12.5, 720), RangeError, message(12.5, 720));
    assertThrowsExactly(() => stripRows(1280, Number.NaN), RangeError, message(1280, Number.NaN));
  });
});
