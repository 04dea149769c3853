/**
 * When the lab measures a playing frame in full: at most every 100 ms up to 640×360, less often in
 * proportion to the pixels above that; a frame shown on its own always, restarting the interval.
 * The clock is a counter the test moves by hand, so every expectation is an exact time.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MeasureCadence, measureInterval } from '../../../lib/lab/measure-cadence';

describe('measureInterval', () => {
  it('is 100 ms up to 640×360 and grows with the pixels above it', () => {
    assert.equal(measureInterval(320, 180), 100);
    assert.equal(measureInterval(640, 360), 100);
    // 960×540 has 2.25 times the pixels of 640×360; 1280×720 four times.
    assert.equal(measureInterval(960, 540), 225);
    assert.equal(measureInterval(1280, 720), 400);
    // 512×512 = 262,144 pixels, 1.1378 times 230,400.
    assert.ok(Math.abs(measureInterval(512, 512) - 113.78) < 0.01, String(measureInterval(512, 512)));
  });
});

describe('MeasureCadence', () => {
  function cadence() {
    const clock = { now: 1000 };
    return { clock, cadence: new MeasureCadence(() => clock.now) };
  }

  it('while playing at 640×360, measures the first frame and then one frame per 100 ms', () => {
    const { clock, cadence: c } = cadence();
    const due: number[] = [];
    // Frames every 25 ms for half a second.
    for (let t = 0; t <= 500; t += 25) {
      clock.now = 1000 + t;
      if (c.due(false, 640, 360)) due.push(t);
    }
    assert.deepEqual(due, [0, 100, 200, 300, 400, 500]);
  });

  it('at 30 frames a second (every 33 ms) that is every fourth frame: 99 ms is not yet 100', () => {
    const { clock, cadence: c } = cadence();
    const due: number[] = [];
    for (let t = 0; t <= 500; t += 33) {
      clock.now = 1000 + t;
      if (c.due(false, 640, 360)) due.push(t);
    }
    assert.deepEqual(due, [0, 132, 264, 396]);
  });

  it('at 1280×720 measures every 400 ms', () => {
    const { clock, cadence: c } = cadence();
    const due: number[] = [];
    for (let t = 0; t <= 1000; t += 100) {
      clock.now = 1000 + t;
      if (c.due(false, 1280, 720)) due.push(t);
    }
    assert.deepEqual(due, [0, 400, 800]);
  });

  it('a frame shown on its own is always measured and starts the interval again', () => {
    const { clock, cadence: c } = cadence();
    assert.equal(c.due(false, 640, 360), true); // t = 0
    clock.now += 20;
    assert.equal(c.due(true, 640, 360), true, 'a paused frame 20 ms later');
    clock.now += 90;
    assert.equal(c.due(false, 640, 360), false, '90 ms after the paused frame');
    clock.now += 10;
    assert.equal(c.due(false, 640, 360), true, '100 ms after the paused frame');
  });
});
