/**
 * Gathering the CSV's rows from the lab: every frame of a video stepped one by one in order, a picture's
 * one frame, the webcam's frames measured so far, and a cancel that lands after the step under way. The
 * lab here is a small stand-in with the four members the collection uses; its showFrame draws the asked
 * frame at once, with measurements that name the frame, so each row can be traced to its step.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  collectVideoRows,
  frameRow,
  recordedRows,
  videoFrameCount,
  type MetricsLab,
} from '../../../lib/lab/collect-metrics';
import { EMPTY_CLOCK, type LabClock, type LabState } from '../../../lib/lab/lab-state';
import { MetricsHistory } from '../../../lib/lab/metrics-history';
import { Store } from '../../../lib/lab/store';
import type { SourceInfo } from '../../../lib/media/source';
import type { StreamMetrics } from '../../../lib/metrics/frame-metrics';
import type { FrameMetrics } from '../../../lib/worker/protocol';

function stream(blocks: number): StreamMetrics {
  return {
    blocks,
    repeatedBlocks: 0,
    repeatedShare: 0,
    entropy: 8,
    chiSquare: 250,
    correlation: { horizontal: 0, vertical: 0, diagonal: 0 },
    unchangedBlocks: null,
    unchangedShare: null,
  };
}

/** Measurements whose block count is the frame number, so a row shows which frame it came from. */
function metricsOf(index: number): FrameMetrics {
  return { original: stream(index), ecb: stream(index), gcm: stream(index) };
}

const VIDEO: SourceInfo = { kind: 'video', name: 'clip.webm', width: 320, height: 240, duration: 0.2, fps: 30 };

function standIn(source: SourceInfo, options: { measured?: boolean; onShow?: (index: number) => void } = {}) {
  const state = new Store<LabState>({
    source,
    opening: null,
    error: null,
    notice: null,
    playing: false,
    settings: { layout: 'rgb', bits: 8, width: 640, modes: { ecb: 'ecb', gcm: 'gcm' }, ecbKeyHex: '', gcmKeyHex: '' },
  });
  const clock = new Store<LabClock>(EMPTY_CLOCK);
  const shown: number[] = [];
  const lab: MetricsLab = {
    state,
    clock,
    history: new MetricsHistory(),
    showFrame: async (index: number) => {
      shown.push(index);
      options.onShow?.(index);
      clock.set({ frame: index, time: index / 30, metrics: options.measured === false ? null : metricsOf(index) });
      return clock.get();
    },
  };
  return { lab, shown };
}

describe('videoFrameCount', () => {
  it('counts a video’s frames by the lab’s one rule, and refuses what has no frames to count', () => {
    assert.equal(videoFrameCount({ ...VIDEO, duration: 12 }), 360);
    assert.equal(videoFrameCount(VIDEO), 6);
    assert.throws(() => videoFrameCount({ ...VIDEO, kind: 'picture', fps: null }), {
      name: 'TypeError',
      message: 'only a video has frames to step through, got a picture',
    });
    assert.throws(() => videoFrameCount({ ...VIDEO, duration: null }), {
      name: 'RangeError',
      message: '“clip.webm” does not say how long it is',
    });
  });
});

describe('collectVideoRows', () => {
  it('steps through frames 0 to 5 of a 0.2 s clip at 30 fps, in order, one row each, with progress', async () => {
    const { lab, shown } = standIn(VIDEO);
    const progress: [number, number][] = [];
    const rows = await collectVideoRows(lab, new AbortController().signal, (done, total) =>
      progress.push([done, total]),
    );
    assert.deepEqual(shown, [0, 1, 2, 3, 4, 5]);
    assert.deepEqual(
      rows.map((row) => [row.index, row.metrics.ecb.blocks]),
      [
        [0, 0],
        [1, 1],
        [2, 2],
        [3, 3],
        [4, 4],
        [5, 5],
      ],
    );
    assert.deepEqual(progress, [
      [0, 6],
      [1, 6],
      [2, 6],
      [3, 6],
      [4, 6],
      [5, 6],
      [6, 6],
    ]);
  });

  it('cancelled during frame 2, rejects with an AbortError once that step has landed, taking no further step', async () => {
    const controller = new AbortController();
    const { lab, shown } = standIn(VIDEO, { onShow: (index) => index === 2 && controller.abort() });
    await assert.rejects(
      collectVideoRows(lab, controller.signal, () => undefined),
      {
        name: 'AbortError',
        message: 'the CSV export was cancelled',
      },
    );
    assert.deepEqual(shown, [0, 1, 2]);
  });

  it('fails with the frame number when the lab did not measure it (analytics off)', async () => {
    const { lab } = standIn(VIDEO, { measured: false });
    await assert.rejects(
      collectVideoRows(lab, new AbortController().signal, () => undefined),
      {
        message: 'frame 0 was not measured: turn leak analytics on',
      },
    );
  });
});

describe('recordedRows and frameRow', () => {
  it('a picture gives the one frame on screen', async () => {
    const { lab } = standIn({
      kind: 'picture',
      name: 'penguin.png',
      width: 512,
      height: 512,
      duration: null,
      fps: null,
    });
    await lab.showFrame(0);
    assert.deepEqual(recordedRows(lab), [{ index: 0, time: 0, metrics: metricsOf(0) }]);
  });

  it('the webcam gives the frames measured so far, oldest first', () => {
    const { lab } = standIn({ kind: 'webcam', name: 'Webcam', width: 640, height: 480, duration: null, fps: 30 });
    lab.history.push({ index: 7, time: 0.2, metrics: metricsOf(7) });
    lab.history.push({ index: 9, time: 0.3, metrics: metricsOf(9) });
    assert.deepEqual(
      recordedRows(lab).map((row) => row.index),
      [7, 9],
    );
  });

  it('frameRow refuses a clock without measurements', () => {
    assert.throws(() => frameRow({ ...EMPTY_CLOCK, frame: 12 }), {
      message: 'frame 12 was not measured: turn leak analytics on',
    });
  });
});
