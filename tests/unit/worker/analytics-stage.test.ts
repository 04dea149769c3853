/**
 * AnalyticsStage across frames: a frame is compared with the one remembered only for the same stream
 * identity (key, layout, depth, size) and a forward gap of 1 to 3 frames; a seek, a new key or a new
 * size starts over, with nothing compared and a motion map that is all "still". A frame measured again
 * (redrawn when paused) is compared with the frame before it, as the first time. The
 * streams are real ciphertext from lib/cipher: under one ECB key a frame with one changed 16-byte block
 * shows exactly that block changed, under GCM with fresh nonces every block changes.
 * Frames are 16 × 8 rgba: 512 bytes, 32 blocks of 4 pixels; ECB adds a padding block (33 blocks).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ecbEncrypt, gcmEncrypt, NonceSequence } from '../../../lib/cipher';
import { CHANGED_COLOUR, STILL_COLOUR } from '../../../lib/metrics/motion-picture';
import { AnalyticsStage, MAX_FRAME_GAP, type AnalyticsResult } from '../../../lib/worker/analytics-stage';
import { seededBytes } from '../helpers/seeded-bytes';

const WIDTH = 16;
const HEIGHT = 8;
const BPP = 4;
const BASE = seededBytes('analytics frame', WIDTH * HEIGHT * BPP);
const ECB_KEY = seededBytes('analytics ECB key', 16);
const GCM_KEY = seededBytes('analytics GCM key', 32);

/** The base frame with one byte changed in each of `blocks`. */
function frameChangedIn(...blocks: number[]): Uint8Array {
  const frame = BASE.slice();
  for (const b of blocks) frame[16 * b + 5] ^= 0x40;
  return frame;
}

/** The pixels the motion map paints as changed; every other pixel must be the still colour. */
function changedPixels(result: AnalyticsResult['motion']): number[] {
  assert.ok(result, 'a motion map was asked for');
  const motion = result.picture;
  assert.equal(motion.length, result.width * result.height * 4);
  const changed: number[] = [];
  for (let p = 0; p < motion.length / 4; p++) {
    const rgb: number[] = [...motion.subarray(4 * p, 4 * p + 3)];
    if (rgb.join() === CHANGED_COLOUR.join()) changed.push(p);
    else assert.deepEqual(rgb, [...STILL_COLOUR], `pixel ${p}`);
  }
  return changed;
}

const pixelsOf = (block: number) => [4 * block, 4 * block + 1, 4 * block + 2, 4 * block + 3];

/** The unchanged figures of a result. */
const unchanged = ({ metrics }: AnalyticsResult) => {
  assert.ok(metrics, 'the frame was measured');
  return [metrics.unchangedBlocks, metrics.unchangedShare];
};

describe('AnalyticsStage on an ECB stream under one key', () => {
  const run = (stage: AnalyticsStage, plaintext: Uint8Array, index: number, identity = 'ecb k1 rgba 8 16x8') =>
    stage.run(ecbEncrypt(ECB_KEY, plaintext), WIDTH, HEIGHT, BPP, index, identity, true);

  test('the first frame: nothing to compare, a map all still', () => {
    const result = run(new AnalyticsStage(), BASE, 0);
    assert.deepEqual(unchanged(result), [null, null]);
    assert.equal(result.metrics?.blocks, 33);
    assert.deepEqual(changedPixels(result.motion), []);
  });

  test('the next frame with block 5 changed: 32 of 33 unchanged, pixels 20–23 changed', () => {
    const stage = new AnalyticsStage();
    run(stage, BASE, 0);
    const result = run(stage, frameChangedIn(5), 1);
    assert.deepEqual(unchanged(result), [32, 32 / 33]);
    assert.deepEqual(changedPixels(result.motion), pixelsOf(5));
  });

  test('a forward gap of up to 3 frames (frames skipped while playing) is still compared, with the frame last seen', () => {
    assert.equal(MAX_FRAME_GAP, 3);
    const stage = new AnalyticsStage();
    run(stage, BASE, 10);
    const result = run(stage, frameChangedIn(2, 30), 13);
    assert.deepEqual(unchanged(result), [31, 31 / 33]);
    assert.deepEqual(changedPixels(result.motion), [...pixelsOf(2), ...pixelsOf(30)]);
    // The next comparison is against that frame (blocks 2 and 30 changed), not the first one.
    const back = run(stage, BASE, 14);
    assert.deepEqual(changedPixels(back.motion), [...pixelsOf(2), ...pixelsOf(30)]);
  });

  test('the same frame measured again (redrawn when paused) keeps its comparison with the frame before', () => {
    const stage = new AnalyticsStage();
    run(stage, BASE, 0);
    const first = run(stage, frameChangedIn(5), 1);
    assert.deepEqual(changedPixels(first.motion), pixelsOf(5));
    for (let time = 0; time < 2; time++) {
      const again = run(stage, frameChangedIn(5), 1);
      assert.deepEqual(unchanged(again), [32, 32 / 33], `measured again, time ${time + 1}`);
      assert.deepEqual(changedPixels(again.motion), pixelsOf(5));
    }
    // Playing on, the next frame is compared with frame 1, not frame 0.
    const next = run(stage, frameChangedIn(5, 9), 2);
    assert.deepEqual(changedPixels(next.motion), pixelsOf(9));
    // A first frame measured again is still a first frame.
    const fresh = new AnalyticsStage();
    run(fresh, BASE, 7);
    assert.deepEqual(unchanged(run(fresh, BASE, 7)), [null, null]);
    // Under another key it is a different stream: nothing to compare.
    assert.deepEqual(unchanged(run(stage, frameChangedIn(5, 9), 2, 'ecb k2 rgba 8 16x8')), [null, null]);
  });

  test('a GCM frame measured again (a fresh nonce) is still compared with the frame before it', () => {
    const stage = new AnalyticsStage();
    const nonces = new NonceSequence(seededBytes('analytics again salt', 4));
    const gcmRun = (index: number) =>
      stage.run(gcmEncrypt(GCM_KEY, nonces.next(), BASE), WIDTH, HEIGHT, BPP, index, 'gcm', true);
    gcmRun(0);
    assert.deepEqual(unchanged(gcmRun(1)), [0, 0]);
    assert.deepEqual(unchanged(gcmRun(1)), [0, 0]);
  });

  test('compare-only frames (measure false): no numbers, the same map, and the next measured frame compares with them', () => {
    const stage = new AnalyticsStage();
    const light = (plaintext: Uint8Array, index: number) =>
      stage.run(ecbEncrypt(ECB_KEY, plaintext), WIDTH, HEIGHT, BPP, index, 'id', true, undefined, false);
    light(BASE, 0);
    const second = light(frameChangedIn(5), 1);
    assert.equal(second.metrics, null);
    assert.deepEqual(changedPixels(second.motion), pixelsOf(5));
    const measured = stage.run(ecbEncrypt(ECB_KEY, frameChangedIn(5, 9)), WIDTH, HEIGHT, BPP, 2, 'id', true);
    assert.deepEqual(unchanged(measured), [32, 32 / 33]);
    assert.deepEqual(changedPixels(measured.motion), pixelsOf(9));
  });

  const resets: [string, number, string][] = [
    ['a gap of 4 frames (a seek forward)', 5, 'ecb k1 rgba 8 16x8'],
    ['a step back (a seek backward)', 0, 'ecb k1 rgba 8 16x8'],
    ['a new key on the very next frame', 2, 'ecb k2 rgba 8 16x8'],
    ['a new colour depth on the very next frame', 2, 'ecb k1 rgba 3 16x8'],
  ];
  for (const [what, index, identity] of resets) {
    test(`${what} starts over: nothing compared, the map reset to all still`, () => {
      const stage = new AnalyticsStage();
      run(stage, BASE, 0);
      const before = run(stage, frameChangedIn(5), 1);
      assert.deepEqual(changedPixels(before.motion), pixelsOf(5), 'the map had a changed block before');
      const reset = run(stage, frameChangedIn(9), index, identity);
      assert.deepEqual(unchanged(reset), [null, null]);
      assert.deepEqual(changedPixels(reset.motion), []);
      // …and the frame after the reset is compared with the reset frame.
      const after = run(stage, frameChangedIn(9, 12), index + 1, identity);
      assert.deepEqual(unchanged(after), [32, 32 / 33]);
      assert.deepEqual(changedPixels(after.motion), pixelsOf(12));
    });
  }

  test('a new frame size starts over too, and the map and picture follow the new size', () => {
    const stage = new AnalyticsStage();
    run(stage, BASE, 0);
    run(stage, frameChangedIn(5), 1);
    const small = seededBytes('analytics small frame', 8 * 4 * BPP); // 128 bytes: 8 blocks, 9 with padding
    const first = stage.run(ecbEncrypt(ECB_KEY, small), 8, 4, BPP, 2, 'ecb k1 rgba 8 8x4', true);
    assert.deepEqual(unchanged(first), [null, null]);
    assert.deepEqual([first.motion?.width, first.motion?.height, first.motion?.picture.length], [8, 4, 8 * 4 * 4]);
    assert.deepEqual(changedPixels(first.motion), []);
    const changed = small.slice();
    changed[16 * 7] ^= 1;
    const second = stage.run(ecbEncrypt(ECB_KEY, changed), 8, 4, BPP, 3, 'ecb k1 rgba 8 8x4', true);
    assert.deepEqual(unchanged(second), [8, 8 / 9]);
    assert.deepEqual(changedPixels(second.motion), pixelsOf(7));
  });

  test('without motion asked for, no picture, but the same metrics', () => {
    const stage = new AnalyticsStage();
    stage.run(ecbEncrypt(ECB_KEY, BASE), WIDTH, HEIGHT, BPP, 0, 'id', false);
    const result = stage.run(ecbEncrypt(ECB_KEY, frameChangedIn(1)), WIDTH, HEIGHT, BPP, 1, 'id', false);
    assert.equal(result.motion, null);
    assert.deepEqual(unchanged(result), [32, 32 / 33]);
  });

  test('with an underlay: still pixels are the original at 30 %, changed ones tinted amber', () => {
    const stage = new AnalyticsStage();
    const underlay = new Uint8ClampedArray(WIDTH * HEIGHT * 4).fill(100);
    stage.run(ecbEncrypt(ECB_KEY, BASE), WIDTH, HEIGHT, BPP, 0, 'id', true, underlay);
    const motion = stage.run(ecbEncrypt(ECB_KEY, frameChangedIn(0)), WIDTH, HEIGHT, BPP, 1, 'id', true, underlay).motion
      ?.picture;
    assert.ok(motion);
    // 0.35·100 + 0.65·(251, 191, 36) = (198.15, 159.15, 58.4); 0.3·100 = 30 (motion-picture tests).
    assert.deepEqual([...motion.subarray(0, 4)], [198, 159, 58, 255], 'pixel 0, in block 0');
    assert.deepEqual([...motion.subarray(16, 20)], [30, 30, 30, 255], 'pixel 4, in block 1');
  });
});

describe('AnalyticsStage: the original, ECB and GCM streams over the same two frames', () => {
  test('one changed block: the original and ECB see exactly it, GCM with fresh nonces sees every block change', () => {
    const [original, ecb, gcm] = [new AnalyticsStage(), new AnalyticsStage(), new AnalyticsStage()];
    const nonces = new NonceSequence(seededBytes('analytics salt', 4));
    const frames = [BASE, frameChangedIn(17)];
    const results = frames.map((frame, index) => ({
      original: original.run(frame, WIDTH, HEIGHT, BPP, index, 'plain', true),
      ecb: ecb.run(ecbEncrypt(ECB_KEY, frame), WIDTH, HEIGHT, BPP, index, 'ecb', true),
      gcm: gcm.run(gcmEncrypt(GCM_KEY, nonces.next(), frame), WIDTH, HEIGHT, BPP, index, 'gcm', true),
    }));
    const second = results[1];
    assert.deepEqual(unchanged(second.original), [31, 31 / 32]);
    assert.deepEqual(unchanged(second.ecb), [32, 32 / 33]);
    // GCM: 32 picture blocks and the tag, each an independent-looking 16 bytes under a new nonce.
    assert.deepEqual(unchanged(second.gcm), [0, 0]);
    assert.deepEqual(changedPixels(second.ecb.motion), pixelsOf(17));
    assert.deepEqual(
      changedPixels(second.gcm.motion),
      Array.from({ length: WIDTH * HEIGHT }, (_, p) => p),
    );
  });
});
