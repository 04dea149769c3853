/**
 * StageClock: each lap records the time since the previous lap (or since the clock was made) under its
 * name, adding up when a name repeats. performance.now is replaced by a scripted sequence of
 * readings, so the expected timings are plain subtractions of those readings.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it, mock } from 'node:test';
import { StageClock } from '../../../lib/worker/stage-clock';

function scriptNow(readings: number[]): void {
  const queue = [...readings];
  mock.method(performance, 'now', () => {
    const next = queue.shift();
    if (next === undefined) throw new Error('performance.now() read more often than scripted');
    return next;
  });
}

describe('StageClock', () => {
  afterEach(() => mock.restoreAll());

  it('a new clock has no timings', () => {
    scriptNow([5]);
    assert.deepEqual(new StageClock().timings, {});
  });

  it('readings 100 (made), 103.5, 110, 111.25: read 3.5, pack 6.5, gcm 1.25', () => {
    scriptNow([100, 103.5, 110, 111.25]);
    const clock = new StageClock();
    clock.lap('read');
    clock.lap('pack');
    clock.lap('gcm');
    assert.deepEqual(clock.timings, { read: 3.5, pack: 6.5, gcm: 1.25 });
    assert.deepEqual(Object.keys(clock.timings), ['read', 'pack', 'gcm']);
  });

  it('a repeated name adds up: readings 0, 2, 7, 8 with laps a, b, a give a = 2 + 1, b = 5', () => {
    scriptNow([0, 2, 7, 8]);
    const clock = new StageClock();
    clock.lap('a');
    clock.lap('b');
    clock.lap('a');
    assert.deepEqual(clock.timings, { a: 3, b: 5 });
  });

  it('each lap reads the clock once (the interval starts where the previous one ended)', () => {
    scriptNow([10, 11, 13]);
    const clock = new StageClock();
    clock.lap('x');
    clock.lap('y');
    assert.equal((performance.now as unknown as { mock: { callCount(): number } }).mock.callCount(), 3);
    assert.deepEqual(clock.timings, { x: 1, y: 2 });
  });
});
