/**
 * Per-stream measurements and the motion map, for the workers. Each stream (original, ECB, GCM) keeps
 * its previous frame's bytes so that "unchanged since the last frame" can be counted — but only when
 * the last frame really was the one before (or a few frames before, when frames were skipped) under the
 * same key, layout, colour depth and size; after a seek or a settings change there is nothing to compare.
 */
import { MetricsMeter, type StreamMetrics } from '../metrics/frame-metrics';
import { motionPicture } from '../metrics/motion-picture';

/** The largest jump in frame numbers still compared (frames skipped while playing). */
export const MAX_FRAME_GAP = 3;

export interface AnalyticsResult {
  metrics: StreamMetrics;
  /** The motion map's RGBA pixels, when asked for. */
  motion: Uint8ClampedArray | null;
}

/** What identifies a comparable stream: frames differing in any of these are never compared. */
export type StreamIdentity = string;

export class AnalyticsStage {
  private readonly meter = new MetricsMeter();
  private previous = new Uint8Array(0);
  private previousIndex = -1;
  private previousIdentity: StreamIdentity = '';
  private map = new Uint8Array(0);
  private picture = new Uint8ClampedArray(0);

  /**
   * Measures one frame of the stream and remembers its bytes for the next.
   * @param bytes the stream's bytes (see MetricsMeter.measure)
   * @param index the frame's number, to know whether the remembered frame is its predecessor
   * @param identity key, layout, depth and size, as one string
   * @param motion draw the motion map (with `underlay` dimmed beneath, when given)
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
  ): AnalyticsResult {
    const gap = index - this.previousIndex;
    const comparable =
      identity === this.previousIdentity && gap > 0 && gap <= MAX_FRAME_GAP && this.previous.length === bytes.length;
    const blocks = Math.floor(bytes.length / 16);
    if (this.map.length !== blocks) this.map = new Uint8Array(blocks);
    if (!comparable) this.map.fill(1);
    const metrics = this.meter.measure(
      bytes,
      width,
      height,
      bytesPerPixel,
      comparable ? this.previous : null,
      this.map,
    );
    let picture: Uint8ClampedArray | null = null;
    if (motion) {
      if (this.picture.length !== width * height * 4) this.picture = new Uint8ClampedArray(width * height * 4);
      picture = motionPicture(this.map, blocks, width, height, bytesPerPixel, this.picture, underlay);
    }
    if (this.previous.length !== bytes.length) this.previous = new Uint8Array(bytes.length);
    this.previous.set(bytes);
    this.previousIndex = index;
    this.previousIdentity = identity;
    return { metrics, motion: picture };
  }
}
