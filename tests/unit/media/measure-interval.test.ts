/**
 * measureInterval: while playing, how often the lab measures a frame in full — ten times a second up to
 * 640×360, and less often in proportion to the pixels above it (the measures cost time per byte).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MEASURE_INTERVAL_MS, measureInterval } from '../../../lib/media/lab-controller';

test('100 ms up to 640×360, then in proportion to the pixels', () => {
  assert.equal(MEASURE_INTERVAL_MS, 100);
  assert.equal(measureInterval(320, 180), 100);
  assert.equal(measureInterval(640, 360), 100);
  assert.equal(measureInterval(960, 540), 225);
  assert.equal(measureInterval(1280, 720), 400);
  assert.ok(Math.abs(measureInterval(512, 512) - 100 * (512 * 512) / (640 * 360)) < 1e-9);
});
