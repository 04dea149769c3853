/**
 * What the lab can take frames from: a video file, a picture (a one-frame source), or the webcam.
 * Every source is opened and checked completely before the lab switches to it, so a bad file leaves the
 * previous source playing.
 */

export type SourceKind = 'video' | 'picture' | 'webcam';

/** Shown to the user and used for frame numbering. */
export interface SourceInfo {
  kind: SourceKind;
  /** A sample's title or the file's name. */
  name: string;
  width: number;
  height: number;
  /** Seconds; null for pictures and the webcam. */
  duration: number | null;
  /** Frames a second, used to number frames and step; null for pictures. */
  fps: number | null;
}

/** A problem with the user's input, worded for the page. */
export class SourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceError';
  }
}

/** An opened source. `dispose()` releases what it holds (object URLs, camera tracks, bitmaps). */
export interface FrameSource {
  readonly info: SourceInfo;
  /** The element frames are taken from (video and webcam), or null for a picture. */
  readonly video: HTMLVideoElement | null;
  /** The picture's bitmap, for a picture source. */
  readonly picture: ImageBitmap | null;
  dispose(): void;
}
