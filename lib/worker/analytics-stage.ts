/**
 * Per-stream measurements and the motion map, for the workers. Each stream (original, ECB, GCM) keeps
 * its previous frame's bytes so that "unchanged since the last frame" can be counted — but only when
 * the last frame really was the one before (or a few frames before, when frames were skipped) under the
 * same key, layout, colour depth and size; after a seek or a settings change there is nothing to compare.
 *
 * (NOINLINE on calls of per-frame work: see lib/worker/stages.ts.)
 */
import { MetricsMeter, type StreamMetrics } from '../metrics/frame-metrics';
import { motionMap, motionScale, type MotionMap, type MotionMapOptions } from '../metrics/motion-picture';
import { unchangedBlocks } from '../metrics/temporal';

/** The largest jump in frame numbers still compared (frames skipped while playing). */
export const MAX_FRAME_GAP = 3;

export interface AnalyticsResult {
  /** Null when only the comparison was asked for (`measure` false). */
  metrics: StreamMetrics | null;
  /** The motion map's RGBA pixels, when asked for: at most MOTION_MAX_WIDTH wide (see motionScale). */
  motion: MotionMap | null;
}

/** What identifies a comparable stream: frames differing in any of these are never compared. */
export type StreamIdentity = string;

/** A frame's bytes as remembered for the next comparison. */
interface Remembered {
  bytes: Uint8Array;
  length: number;
  index: number;
  identity: StreamIdentity;
}

const forgotten = (): Remembered => ({ bytes: new Uint8Array(0), length: -1, index: -1, identity: '' });

export class AnalyticsStage {
  private readonly meter = new MetricsMeter();
  /** The last frame measured, and the one before it (what the last frame was compared with). */
  private last = forgotten();
  private before = forgotten();
  private map = new Uint8Array(0);
  private picture: Uint8ClampedArray = new Uint8ClampedArray(0);
  private readonly motionScratch: NonNullable<MotionMapOptions['scratch']> = {};

  /**
   * Measures one frame of the stream and remembers its bytes for the next. The same frame measured
   * again (drawn once more when paused, or for a panel just shown) is compared with the frame before it,
   * as the first time, so its numbers and motion map stay what they were.
   * @param bytes the stream's bytes (see MetricsMeter.measure)
   * @param index the frame's number, to know whether the remembered frame is its predecessor
   * @param identity key, layout, depth and size, as one string
   * @param motion draw the motion map (with `underlay` dimmed beneath, when given)
   * @param measure take every measure; false compares with the previous frame only (for the motion map,
   *   and so that the next measured frame has its predecessor), which costs a fraction of it
   */
  run(
    bytes: Uint8Array,
    width: number,
    height: number,
    bytesPerPixel: number,
    index: number,
    identity: StreamIdentity,
    motion: boolean,
    underlay?: Uint8ClampedArray,
    measure = true,
  ): AnalyticsResult {
    const again = index === this.last.index && identity === this.last.identity && bytes.length === this.last.length;
    const reference = again ? this.before : this.last;
    const gap = index - reference.index;
    const comparable =
      identity === reference.identity && gap > 0 && gap <= MAX_FRAME_GAP && reference.length === bytes.length;
    const blocks = Math.floor(bytes.length / 16);
    if (this.map.length !== blocks) this.map = new Uint8Array(blocks);
    if (!comparable) this.map.fill(1);
    const previous = comparable ? reference.bytes.subarray(0, bytes.length) : null;
    let metrics: StreamMetrics | null = null;
    if (measure) metrics = this.meter.measure(bytes, width, height, bytesPerPixel, previous, this.map);
    else if (previous) /*#__NOINLINE__*/ unchangedBlocks(bytes, previous, this.map);
    let picture: AnalyticsResult['motion'] = null;
    if (motion) {
      picture = /*#__NOINLINE__*/ motionMap(this.map, blocks, width, height, bytesPerPixel, {
        factor: motionScale(width),
        out: this.picture,
        underlay,
        scratch: this.motionScratch,
      });
      this.picture = picture.picture;
    }
    if (!again) {
      // The frame before becomes the last one's buffer: two buffers, reused, whatever the frame rate.
      [this.before, this.last] = [this.last, this.before];
    }
    const kept = this.last;
    if (kept.bytes.length < bytes.length) kept.bytes = new Uint8Array(bytes.length);
    kept.bytes.set(bytes);
    kept.length = bytes.length;
    kept.index = index;
    kept.identity = identity;
    return { metrics, motion: picture };
  }
}
