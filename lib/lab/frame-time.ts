/**
 * Frame numbers and times of a video, one rule for everyone who counts frames (the player, stepping,
 * the clip export, the CSV of every frame): a frame is numbered by its presentation time at the source's
 * frame rate, and a video of `d` seconds at `f` frames a second has round(d · f) frames — rounded, as a
 * container's duration may be off by a millisecond either way.
 */

/**
 * The rate frames are numbered at when a source does not say its own: a video element reports none, so
 * an uploaded file is numbered at 30 frames a second, and so are the webcam's frames.
 */
export const NOMINAL_FPS = 30;

/** The rate a source's frames are numbered at: its own, or {@link NOMINAL_FPS}. */
export function frameRate(source: { fps: number | null }): number {
  return source.fps ?? NOMINAL_FPS;
}

/**
 * Frame number of a presentation time, for a stream at `fps`.
 * @example frameIndexAt(6.01, 30) // 180
 */
export function frameIndexAt(mediaTime: number, fps: number): number {
  return Math.max(0, Math.round(mediaTime * fps));
}

/**
 * The time to seek to so that frame `index` is shown: a quarter of the way into its display interval,
 * safely inside it, and close enough to its start that {@link frameIndexAt} maps it back to `index`.
 * @example timeOfFrame(180, 30) // 6.008333…
 */
export function timeOfFrame(index: number, fps: number): number {
  return (index + 0.25) / fps;
}

/**
 * How many frames a video of `duration` seconds has at `fps`: at least one.
 * @example frameCount(12, 30) // 360
 */
export function frameCount(duration: number, fps: number): number {
  if (!(duration >= 0) || !Number.isFinite(duration))
    throw new RangeError(`duration must be 0 s or more, got ${duration}`);
  if (!(fps > 0) || !Number.isFinite(fps)) throw new RangeError(`fps must be positive, got ${fps}`);
  return Math.max(1, Math.round(duration * fps));
}

/**
 * The number of a video's last frame, or Infinity when its length is unknown (a stream).
 * @example lastFrameIndex(12, 30) // 359
 */
export function lastFrameIndex(duration: number | null, fps: number): number {
  return duration === null ? Infinity : frameCount(duration, fps) - 1;
}

/**
 * A time as the player shows it, m:ss.cc.
 * @example clockTime(59.999) // '1:00.00'
 */
export function clockTime(seconds: number): string {
  const centis = Math.round(seconds * 100);
  const minutes = Math.floor(centis / 6000);
  const rest = (centis - minutes * 6000) / 100;
  return `${minutes}:${rest.toFixed(2).padStart(5, '0')}`;
}
