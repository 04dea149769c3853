/**
 * readActivity, keyframeTimes and changeTimes on synthetic size sequences whose answers are worked out
 * by hand in the comments, from the rules in lib/traffic/activity.ts: each packet's level is the mean
 * size of the packets within ±window/2 of it; quiet and busy are the 10th and 90th percentiles of the
 * levels; a stretch starts at a level ≥ quiet + 0.5 (busy − quiet) and ends below quiet + 0.3 (busy −
 * quiet); gaps under 0.3 s are bridged, stretches under 0.15 s dropped. The sample call's real packets
 * are in sample-call.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  activityLevels,
  changeTimes,
  keyframeTimes,
  readActivity,
  type Interval,
  type TimedPacket,
} from '../../../lib/traffic/activity';
import { trackPadding, wireSizes } from '../../../lib/traffic/wire';
import { assertThrowsExactly } from '../helpers/assert-error';

const QUIET = 40;
const LOUD = 70;

/** Opus-like audio: one 20 ms packet after another from 0 s, in runs of [seconds, bytes]. */
function audio(...runs: [seconds: number, bytes: number][]): TimedPacket[] {
  const sizes = runs.flatMap(([seconds, bytes]) => Array<number>(Math.round(seconds / 0.02)).fill(bytes));
  return sizes.map((size, i) => ({ time: i * 0.02, duration: 0.02, size, key: true }));
}

/** Video at 30 frames/s from 0 s, in runs of [frames, bytes, key?]. */
function video(...runs: [frames: number, bytes: number, key?: boolean][]): TimedPacket[] {
  const frames = runs.flatMap(([count, size, key = false]) => Array.from({ length: count }, () => ({ size, key })));
  return frames.map(({ size, key }, i) => ({ time: i / 30, duration: 1 / 30, size, key }));
}

/** Intervals to the millisecond, as the answers below are written. */
const ms = (intervals: Interval[]): Interval[] =>
  intervals.map(([a, b]) => [Math.round(a * 1000) / 1000, Math.round(b * 1000) / 1000]);

describe('readActivity on audio: when someone speaks', () => {
  it('1 s quiet, 1 s speech, 1 s quiet → [1.00, 2.02]', () => {
    // 150 packets. Windows hold 5 packets (±0.04 s). Levels: 96 of 40, the ramps 46, 52, 58, 64 up and
    // 64, 58, 52, 46 down, and 46 of 70; so quiet 40, busy 70, on 55, off 49. The level first reaches
    // 55 at 1.00 s (window 0.96–1.04: 40, 40, 70, 70, 70 → 58) and last stays at or above 49 at 2.00 s
    // (1.96–2.04: 70, 70, 40, 40, 40 → 52), whose packet ends at 2.02 s.
    const packets = audio([1, QUIET], [1, LOUD], [1, QUIET]);
    assert.deepEqual(ms(readActivity(packets, 'audio')), [[1, 2.02]]);
    const levels = activityLevels(packets, 'audio');
    assert.deepEqual([levels.quiet, levels.busy, levels.on, levels.off, levels.telling], [40, 70, 55, 49, true]);
  });

  it('a 0.2 s pause inside speech is bridged (under 0.3 s), a 0.5 s one is not', () => {
    // First stretch 1.00–1.52 (as above, the run of speech ending at 1.48 s keeps the level ≥ 49 up to
    // the packet at 1.50 s). The second run starts at 1.70 s: 0.18 s after 1.52, bridged, and ends at
    // 2.22 s. With a 0.5 s pause the second run starts at 2.00 s, 0.48 s after 1.52: two stretches.
    assert.deepEqual(
      ms(readActivity(audio([1, QUIET], [0.5, LOUD], [0.2, QUIET], [0.5, LOUD], [0.8, QUIET]), 'audio')),
      [[1, 2.22]],
    );
    assert.deepEqual(ms(readActivity(audio([1, QUIET], [0.5, LOUD], [0.5, QUIET], [0.5, LOUD], [1, QUIET]), 'audio')), [
      [1, 1.52],
      [2, 2.52],
    ]);
  });

  it('a 0.1 s blip is dropped (its stretch is 0.12 s, under 0.15 s), unless minLength allows it', () => {
    // The blip's five loud packets at 3.00–3.08 s raise the level to ≥ 55 from 3.00 s and keep it ≥ 49
    // to 3.10 s (3.06 and 3.08 loud: 52), so its stretch is 3.00–3.12.
    const packets = audio([1, QUIET], [1, LOUD], [1, QUIET], [0.1, LOUD], [1, QUIET]);
    assert.deepEqual(ms(readActivity(packets, 'audio')), [[1, 2.02]]);
    assert.deepEqual(ms(readActivity(packets, 'audio', { minLength: 0.1 })), [
      [1, 2.02],
      [3, 3.12],
    ]);
  });

  it('durations left unknown (0) end each packet at the next one: the same answer', () => {
    const packets = audio([1, QUIET], [1, LOUD], [1, QUIET]).map((p) => ({ ...p, duration: 0 }));
    assert.deepEqual(ms(readActivity(packets, 'audio')), [[1, 2.02]]);
  });

  it('the order packets come in does not matter', () => {
    const packets = audio([1, QUIET], [1, LOUD], [1, QUIET]);
    const shuffled = packets.map((p, i) => ({ p, k: (i * 7919) % packets.length })).sort((a, b) => a.k - b.k);
    assert.deepEqual(
      ms(
        readActivity(
          shuffled.map(({ p }) => p),
          'audio',
        ),
      ),
      [[1, 2.02]],
    );
  });

  it('nothing where there is nothing: one size throughout, noise alone, no packets, one packet', () => {
    assert.deepEqual(readActivity(audio([3, LOUD]), 'audio'), []);
    // 40 to 44 bytes in turn: busy ÷ quiet is about 1.05, under the 1.25 audio needs.
    const noise = audio([3, 0]).map((p, i) => ({ ...p, size: 40 + ((i * 7) % 5) }));
    assert.deepEqual(readActivity(noise, 'audio'), []);
    assert.equal(activityLevels(noise, 'audio').telling, false);
    assert.deepEqual(readActivity([], 'audio'), []);
    assert.deepEqual(readActivity([{ time: 0, duration: 0.02, size: 80, key: true }], 'audio'), []);
  });

  it('padded to a constant size, speech leaves no trace; in 64-byte buckets it still shows', () => {
    const packets = audio([1, QUIET], [1, LOUD], [1, QUIET]);
    const gcmAfter = (policy: 'constant' | number) => {
      const sizes = wireSizes(packets, trackPadding(packets, policy));
      return packets.map((p, i) => ({ ...p, size: sizes[i].gcm }));
    };
    assert.deepEqual(readActivity(gcmAfter('constant'), 'audio'), []);
    // 40 → 64 and 70 → 128 bytes: the buckets keep the difference (then + 16 for the tag).
    assert.deepEqual(ms(readActivity(gcmAfter(64), 'audio')), [[1, 2.02]]);
    assert.deepEqual(readActivity(gcmAfter(128), 'audio'), []);
  });
});

describe('readActivity on video: when something moves', () => {
  // A keyframe, 29 still frames (500 B), 30 moving (8000 B, 1.00–1.97 s), 30 still, a keyframe at 3.00 s
  // (a slide change), 29 still. Keyframes are left out of the levels. Windows hold 7 frames (±0.1 s):
  // the level at the first moving frame (frame 30, 1.00 s) is (4 × 8000 + 3 × 500) / 7 = 4786 ≥ 4250 (on,
  // half-way from 500 to 8000), at frame 29 only 3714; after the last moving frame (59), frame 60 is
  // still at 3714 ≥ 2750 (off) and frame 61 at 2643 < 2750: active frames 30–60, 1.000–2.033 s.
  const scene = (keyAt3: boolean) =>
    video([1, 40_000, true], [29, 500], [30, 8000], [30, 500], [1, 40_000, keyAt3], [29, 500]);

  it('the moving second, and not the keyframes', () => {
    assert.deepEqual(ms(readActivity(scene(true), 'video')), [[1, 2.033]]);
  });

  it('a slide change sent as a big frame without the key flag shows as a short burst around it', () => {
    // Frame 90 counts now: each window holding it (frames 87–93) has level (40000 + 6 × 500) / 7 = 6143.
    assert.deepEqual(ms(readActivity(scene(false), 'video')), [
      [1, 2.033],
      [2.9, 3.133],
    ]);
  });

  it('a stream of keyframes only (intra-only) is read as it is', () => {
    const intra = video([30, 500, true], [30, 8000, true], [30, 500, true]);
    assert.deepEqual(ms(readActivity(intra, 'video')), [[1, 2.033]]);
  });

  it('padded to a constant size: nothing moves', () => {
    const packets = scene(true);
    const sizes = wireSizes(packets, trackPadding(packets, 'constant'));
    assert.deepEqual(
      readActivity(
        packets.map((p, i) => ({ ...p, size: sizes[i].gcm })),
        'video',
      ),
      [],
    );
  });
});

describe('keyframeTimes and changeTimes', () => {
  it('keyframes by the flag; changes by size alone, flag or not', () => {
    // Frame 0: 40000 B against its neighbours within 1 s (29 × 500 and one 8000 B frame at 1.00 s), whose
    // 90th percentile is 500: 80 times that. Frame 90 likewise. A moving frame is 1 × the 90th percentile
    // of its neighbours (8000), far under 2.5.
    const withFlag = video([1, 40_000, true], [29, 500], [30, 8000], [30, 500], [1, 40_000, true], [29, 500]);
    const withoutFlag = withFlag.map((p) => ({ ...p, key: false }));
    assert.deepEqual(keyframeTimes(withFlag), [0, 3]);
    assert.deepEqual(keyframeTimes(withoutFlag), []);
    assert.deepEqual(changeTimes(withFlag), [0, 3]);
    assert.deepEqual(changeTimes(withoutFlag), [0, 3]);
  });

  it('no changes in a steady stream, or in one of a single size', () => {
    assert.deepEqual(changeTimes(video([90, 8000])), []);
    assert.deepEqual(changeTimes(video([30, 500], [30, 8000], [30, 500])), []);
    assert.deepEqual(changeTimes([]), []);
  });
});

describe('inputs are checked at the door', () => {
  const ok = audio([1, QUIET], [1, LOUD]);
  it('the kind, the options and every packet field, with messages naming the problem', () => {
    assertThrowsExactly(
      () => readActivity(ok, 'screen' as 'audio'),
      RangeError,
      'kind must be audio or video, got "screen"',
    );
    assertThrowsExactly(
      () => readActivity(ok, 1 as unknown as 'audio'),
      TypeError,
      'kind must be a string, got number',
    );
    assertThrowsExactly(
      () => readActivity(ok, 'audio', { window: 0 }),
      RangeError,
      'options.window must be a finite number > 0, got 0',
    );
    assertThrowsExactly(
      () => readActivity(ok, 'audio', { minContrast: 0.5 }),
      RangeError,
      'options.minContrast must be a finite number ≥ 1, got 0.5',
    );
    assertThrowsExactly(
      () => readActivity(ok, 'audio', { minGap: -1 }),
      RangeError,
      'options.minGap must be a finite number ≥ 0, got -1',
    );
    assertThrowsExactly(
      () => readActivity(ok, 'audio', { minGap: '1' as unknown as number }),
      TypeError,
      'options.minGap must be a number, got string',
    );
    assertThrowsExactly(
      () => readActivity(ok, 'audio', null as unknown as undefined),
      TypeError,
      'options must be an object, got null',
    );
    const bad = (patch: Partial<Record<keyof TimedPacket, unknown>>) => [{ ...ok[0], ...patch } as TimedPacket];
    assertThrowsExactly(
      () => readActivity(bad({ time: NaN }), 'audio'),
      RangeError,
      'packets[0].time must be a finite number of seconds, got NaN',
    );
    assertThrowsExactly(
      () => readActivity(bad({ time: '0' }), 'audio'),
      TypeError,
      'packets[0].time must be a number of seconds, got string',
    );
    assertThrowsExactly(
      () => readActivity(bad({ duration: -1 }), 'audio'),
      RangeError,
      'packets[0].duration must be a finite number of seconds ≥ 0, got -1',
    );
    assertThrowsExactly(
      () => readActivity(bad({ size: 2.5 }), 'audio'),
      RangeError,
      'packets[0].size must be a whole number of bytes, got 2.5',
    );
    assertThrowsExactly(
      () => readActivity(bad({ key: undefined }), 'audio'),
      TypeError,
      'packets[0].key must be a boolean, got undefined',
    );
    assertThrowsExactly(
      () => readActivity({} as TimedPacket[], 'audio'),
      TypeError,
      'packets must be an array, got object',
    );
    assertThrowsExactly(
      () => changeTimes([{ time: 0, size: -3 }]),
      RangeError,
      'packets[0].size must be a whole number of bytes, got -3',
    );
    assertThrowsExactly(
      () => keyframeTimes([{ time: 0, key: 1 as unknown as boolean }]),
      TypeError,
      'packets[0].key must be a boolean, got number',
    );
  });
});
