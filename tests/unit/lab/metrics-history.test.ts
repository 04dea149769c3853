/**
 * MetricsHistory, the ring of recent frames behind the live charts: oldest first, bounded, starts over
 * when frame numbers go back, and a frame drawn again (paused, redrawn) replaces its own row instead of
 * wiping the chart. Rows carry real measurements of small frames.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MetricsHistory, type MetricsRow } from '../../../lib/lab/metrics-history';
import { MetricsMeter } from '../../../lib/metrics/frame-metrics';

const meter = new MetricsMeter();

/** A row for frame `index` whose original stream is a constant frame of `value`. */
function row(index: number, value = index): MetricsRow {
  const metrics = meter.measure(new Uint8Array(48).fill(value % 256), 4, 4, 3);
  return { index, time: index / 30, metrics: { original: metrics, ecb: metrics, gcm: metrics } };
}

const indices = (history: MetricsHistory) => history.toArray().map((r) => r.index);

describe('MetricsHistory', () => {
  test('keeps rows oldest first and counts every change in version', () => {
    const history = new MetricsHistory(10);
    for (const i of [0, 1, 2, 4]) history.push(row(i));
    assert.deepEqual(indices(history), [0, 1, 2, 4]);
    assert.equal(history.length, 4);
    assert.equal(history.version, 4);
    assert.equal(history.at(0)?.index, 0);
    assert.equal(history.at(4), undefined);
    assert.equal(history.at(-1), undefined);
  });

  test('holds at most its capacity, dropping the oldest', () => {
    const history = new MetricsHistory(3);
    for (let i = 0; i < 7; i++) history.push(row(i));
    assert.deepEqual(indices(history), [4, 5, 6]);
  });

  test('the same frame again replaces its row and keeps the rest', () => {
    const history = new MetricsHistory(3);
    for (let i = 0; i < 5; i++) history.push(row(i));
    const redrawn = row(4, 99);
    history.push(redrawn);
    assert.deepEqual(indices(history), [2, 3, 4]);
    assert.equal(history.at(2), redrawn);
    assert.equal(history.version, 6);
  });

  test('a frame before the last starts over (a seek back, a loop)', () => {
    const history = new MetricsHistory(10);
    for (let i = 5; i < 9; i++) history.push(row(i));
    history.push(row(2));
    assert.deepEqual(indices(history), [2]);
    history.clear();
    assert.equal(history.length, 0);
    assert.deepEqual(history.toArray(), []);
  });
});
