/**
 * When the lab takes every measure of a frame. A frame shown on its own (paused, stepped, sought,
 * redrawn — so every frame of the CSV) always is; while playing, at most once per measuring interval,
 * as the table and charts cannot show more and on two cores the workers need the time. The interval is
 * 100 ms up to 640×360 and grows with the pixels above that (1280×720: 400 ms), so measuring takes the
 * same share of the workers' time at every width. Frames in between are still compared with their
 * predecessor for the motion maps.
 */

/** The measuring interval of frames up to {@link MEASURE_BASE_PIXELS}, in milliseconds. */
export const MEASURE_INTERVAL_MS = 100;
/** 640×360: frames up to this size are measured every {@link MEASURE_INTERVAL_MS} while playing. */
export const MEASURE_BASE_PIXELS = 640 * 360;

/**
 * The time between full measurements of a playing `width × height` source, in milliseconds.
 * @example measureInterval(1280, 720) // 400
 */
export function measureInterval(width: number, height: number): number {
  return MEASURE_INTERVAL_MS * Math.max(1, (width * height) / MEASURE_BASE_PIXELS);
}

export class MeasureCadence {
  /** When a playing frame was last sent to be measured in full. */
  private last = -Infinity;

  /** @param now the clock, in milliseconds (performance.now() in the page) */
  constructor(private readonly now: () => number = () => performance.now()) {}

  /**
   * Whether to take every measure of the next frame, a `width × height` one. `shownAlone` is true for a
   * frame shown on its own (paused, stepped, redrawn): always measured, and the interval starts again.
   */
  due(shownAlone: boolean, width: number, height: number): boolean {
    const now = this.now();
    if (!shownAlone && now - this.last < measureInterval(width, height)) return false;
    this.last = now;
    return true;
  }
}
