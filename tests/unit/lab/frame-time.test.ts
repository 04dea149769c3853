/**
 * lib/lab/frame-time: how many frames a video has, and frameIndexAt (a presentation time → its frame
 * number) and timeOfFrame (a frame number → where to seek to show it), checked the way the lab uses them: step() seeks a paused <video> to timeOfFrame(k), the
 * browser shows the last frame whose timestamp is at or before that time, requestVideoFrameCallback
 * reports that frame's timestamp as mediaTime, and frameIndexAt must give k back.
 * WebM stores timestamps in whole milliseconds (TimecodeScale 1 000 000 ns), so frame j of a clip at
 * `fps` is stamped round(1000 j / fps) ms; meeting.webm's real stamps are read with mediabunny.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ALL_FORMATS, BufferSource, EncodedPacketSink, Input } from 'mediabunny';
import {
  clockTime,
  frameCount as videoFrames,
  frameIndexAt,
  frameRate,
  lastFrameIndex,
  NOMINAL_FPS,
  timeOfFrame,
} from '../../../lib/lab/frame-time';

const CLIP_SECONDS = 12;
const RATES: [string, number][] = [
  ['24', 24],
  ['25', 25],
  ['30', 30],
  ['29.97 (30000/1001)', 30000 / 1001],
  ['29.97 (as typed)', 29.97],
  ['60', 60],
];

function frameCount(fps: number, seconds = CLIP_SECONDS): number {
  return Math.ceil(seconds * fps);
}

/** Frame j's timestamp in a WebM: whole milliseconds. */
function webmStamp(j: number, fps: number): number {
  return Math.round((1000 * j) / fps) / 1000;
}

/** The frame a paused video shows at `time`: the last whose timestamp is at or before it. */
function frameShownAt(time: number, stamps: readonly number[]): number {
  let low = 0;
  let high = stamps.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (stamps[middle] <= time) low = middle;
    else high = middle - 1;
  }
  return low;
}

for (const [name, fps] of RATES) {
  describe(`${name} fps, ${CLIP_SECONDS} s: all ${frameCount(fps)} frames`, () => {
    const count = frameCount(fps);
    const stamps = Array.from({ length: count }, (_, j) => webmStamp(j, fps));

    it('frameIndexAt(k / fps) === k: the exact presentation time of frame k', () => {
      for (let k = 0; k < count; k++) assert.equal(frameIndexAt(k / fps, fps), k, `frame ${k}`);
    });

    it('frameIndexAt of the WebM millisecond stamp of frame k === k', () => {
      for (let k = 0; k < count; k++) assert.equal(frameIndexAt(stamps[k], fps), k, `frame ${k} at ${stamps[k]} s`);
    });

    it('frameIndexAt tolerates a stamp up to 0.24 frame early or late (millisecond rounding is at most 0.03 frame at 60 fps)', () => {
      for (let k = 1; k < count; k++) {
        assert.equal(frameIndexAt((k - 0.24) / fps, fps), k, `frame ${k} early`);
        assert.equal(frameIndexAt((k + 0.24) / fps, fps), k, `frame ${k} late`);
      }
    });

    it("timeOfFrame(k) is a quarter of the way into frame k's display interval [k/fps, (k+1)/fps)", () => {
      for (let k = 0; k < count; k++) {
        const time = timeOfFrame(k, fps);
        assert.ok(time > k / fps && time < (k + 1) / fps, `frame ${k}: ${time}`);
        assert.ok(Math.abs(time - (k + 0.25) / fps) < 1e-12, `frame ${k}: ${time}`);
      }
    });

    it('round trip: seek to timeOfFrame(k) → the video shows frame k → frameIndexAt(its stamp) === k', () => {
      for (let k = 0; k < count; k++) {
        const shown = frameShownAt(timeOfFrame(k, fps), stamps);
        assert.equal(shown, k, `seeking for frame ${k} shows frame ${shown}`);
        assert.equal(frameIndexAt(stamps[shown], fps), k, `frame ${k}`);
      }
    });

    it('frameIndexAt(timeOfFrame(k)) === k', () => {
      for (let k = 0; k < count; k++) assert.equal(frameIndexAt(timeOfFrame(k, fps), fps), k, `frame ${k}`);
    });
  });
}

describe('frameIndexAt edges', () => {
  it('times before 0 are frame 0', () => {
    assert.equal(frameIndexAt(-0.001, 30), 0);
    assert.equal(frameIndexAt(-5, 30), 0);
    assert.equal(frameIndexAt(0, 30), 0);
  });

  it('timeOfFrame(0, 30) is 1/120 s; timeOfFrame(359, 30) = 11.975 s, inside a 12 s clip', () => {
    assert.equal(timeOfFrame(0, 30), 1 / 120);
    assert.equal(timeOfFrame(359, 30), 359.25 / 30);
    assert.ok(timeOfFrame(359, 30) < 12);
  });
});

describe('public/samples/meeting.webm, its real frame stamps (mediabunny)', () => {
  it('360 frames at 30 fps: frameIndexAt(stamp k) === k, and seeking to timeOfFrame(k) shows frame k', async () => {
    const input = new Input({
      source: new BufferSource(readFileSync(new URL('../../../public/samples/meeting.webm', import.meta.url))),
      formats: ALL_FORMATS,
    });
    const track = await input.getPrimaryVideoTrack();
    assert.ok(track, 'meeting.webm has a video track');
    const stamps: number[] = [];
    for await (const packet of new EncodedPacketSink(track).packets(undefined, undefined, { metadataOnly: true }))
      stamps.push(packet.timestamp);
    stamps.sort((a, b) => a - b);
    assert.equal(stamps.length, 360);
    assert.deepEqual(stamps.slice(0, 4), [0, 0.033, 0.067, 0.1]);
    for (let k = 0; k < stamps.length; k++) {
      assert.equal(frameIndexAt(stamps[k], 30), k, `frame ${k} at ${stamps[k]} s`);
      assert.equal(frameShownAt(timeOfFrame(k, 30), stamps), k, `seeking for frame ${k}`);
    }
  });
});

describe('frameCount, lastFrameIndex and frameRate: one rule for every caller', () => {
  it('a 12 s clip at 30 fps has 360 frames, the last numbered 359', () => {
    assert.equal(videoFrames(12, 30), 360);
    assert.equal(lastFrameIndex(12, 30), 359);
  });

  it('rounds: a container duration a millisecond off either way still gives 360 frames', () => {
    assert.equal(videoFrames(11.999, 30), 360);
    assert.equal(videoFrames(12.001, 30), 360);
    // 12 s at 29.97 fps is 359.64 frame intervals: 360 frames.
    assert.equal(videoFrames(12, 30000 / 1001), 360);
    // A 2 s clip at 30 fps whose container says 2.002 s: 60 frames.
    assert.equal(videoFrames(2.002, 30), 60);
  });

  it('a video always has a frame, and bad durations or rates are refused', () => {
    assert.equal(videoFrames(0, 30), 1);
    assert.equal(videoFrames(0.01, 30), 1);
    assert.throws(() => videoFrames(-1, 30), { name: 'RangeError', message: 'duration must be 0 s or more, got -1' });
    assert.throws(() => videoFrames(Number.NaN, 30), {
      name: 'RangeError',
      message: 'duration must be 0 s or more, got NaN',
    });
    assert.throws(() => videoFrames(12, 0), { name: 'RangeError', message: 'fps must be positive, got 0' });
  });

  it('a stream of unknown length has no last frame', () => {
    assert.equal(lastFrameIndex(null, 30), Infinity);
  });

  it('a source without a rate is numbered at 30 frames a second', () => {
    assert.equal(NOMINAL_FPS, 30);
    assert.equal(frameRate({ fps: null }), 30);
    assert.equal(frameRate({ fps: 25 }), 25);
  });
});

describe('clockTime: m:ss.cc', () => {
  it('writes minutes, seconds and hundredths, rounding to the hundredth', () => {
    assert.equal(clockTime(0), '0:00.00');
    assert.equal(clockTime(6.008333), '0:06.01');
    assert.equal(clockTime(61.5), '1:01.50');
    assert.equal(clockTime(59.999), '1:00.00');
    assert.equal(clockTime(754.25), '12:34.25');
  });
});
