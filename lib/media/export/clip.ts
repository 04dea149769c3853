/**
 * A short WebM of the side-by-side composite, made in the browser: WebCodecs encodes (VP9, or VP8 where
 * VP9 is missing) and mediabunny muxes, so no hand-written container code. A video is stepped frame by
 * frame — offline, so every frame is in the clip and stamped (k − k₀)/fps however slow encoding is; the
 * webcam cannot seek, so its next frames are recorded as the lab draws them, with their own times.
 * mediabunny is imported on first use, keeping it out of the lab's first load.
 */
import { unlessAborted } from '../../lab/abort';
import { frameCount, frameIndexAt, frameRate, NOMINAL_FPS } from '../../lab/frame-time';
import type { LabController } from '../../lab/lab-controller';
import type { LabClock } from '../../lab/lab-state';
import { keyFingerprints, labCaption } from './caption';
import {
  compositeLayout,
  drawComposite,
  imageSize,
  SYSTEM_FONTS,
  type CompositeFonts,
  type CompositePanel,
} from './composite';

/** Shortest and longest clip, in seconds. */
export const CLIP_SECONDS = { min: 1, max: 15 } as const;

/**
 * Bits per pixel per frame. Half the composite is flat (page, titles, the original and decrypted
 * pictures) and ECB's static blocks repeat from frame to frame, which VP9 predicts almost for free; the
 * GCM panel is fresh noise every frame, which no bitrate makes compressible, so it only has to look like
 * noise. 0.1 keeps ECB's block edges legible at 640 px panels without letting the noise inflate the file
 * (four 640×360 panels ask for 4.8 Mbit/s; the README's Performance section says what clips measure).
 */
export const BITS_PER_PIXEL = 0.1;
/** Bitrate bounds, bits per second. */
const BITRATE = { min: 1_000_000, max: 12_000_000 } as const;

/** The bitrate for a clip of `width` × `height` at `fps`. */
export function clipBitrate(width: number, height: number, fps: number): number {
  return Math.min(BITRATE.max, Math.max(BITRATE.min, Math.round(width * height * fps * BITS_PER_PIXEL)));
}

/** A clip that cannot be made here, worded for the page (no encoder, nothing to record). */
export class ClipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClipError';
  }
}

/**
 * The frames a clip of `length` seconds from `start` covers in a video at `fps`, cut at the video's last
 * frame.
 * @example clipFrames(6, 3, 30, 12) // { first: 180, count: 90 }
 */
export function clipFrames(start: number, length: number, fps: number, duration: number | null) {
  if (!Number.isFinite(start) || start < 0) throw new RangeError(`start must be 0 s or later, got ${start}`);
  if (!Number.isFinite(length) || length < CLIP_SECONDS.min || length > CLIP_SECONDS.max)
    throw new RangeError(`length must be ${CLIP_SECONDS.min} to ${CLIP_SECONDS.max} s, got ${length}`);
  if (!Number.isFinite(fps) || fps <= 0) throw new RangeError(`fps must be positive, got ${fps}`);
  const first = frameIndexAt(start, fps);
  const wanted = Math.round(length * fps);
  const frames = duration === null ? Infinity : frameCount(duration, fps);
  const count = Math.min(wanted, frames - first);
  if (count < 1) throw new RangeError(`start ${start} s is past the last frame of the ${duration} s video`);
  return { first, count };
}

/** The parts of the lab a clip needs. */
export type ClipLab = Pick<LabController, 'state' | 'clock' | 'showFrame' | 'waitForFrame'>;

export interface ClipOptions {
  lab: ClipLab;
  /** The panels to show, their canvases live: each frame is read from them as the lab draws it. */
  panels: readonly CompositePanel[];
  /** Seconds into the video where the clip starts (ignored for the webcam, which records from now). */
  start: number;
  /** Seconds, 1 to 15. */
  length: number;
  fonts?: CompositeFonts;
  signal?: AbortSignal;
  /**
   * Called with frames done and frames in all (first with 0 done), and the lab's number of the frame just
   * added (the webcam's are only known as they come).
   */
  onProgress?: (done: number, total: number, frame: number | null) => void;
}

const settled = () => undefined;
const TASK = 'the clip export';

/**
 * Records the composite of `panels` as a WebM: for a video, `length` seconds from `start`, frame by frame;
 * for the webcam, its next `length` seconds. Aborting `signal` stops at once, releases the encoder and
 * rejects with an AbortError; the lab stays paused on the last frame it showed.
 * @example const webm = await exportClip({ lab, panels, start: 6, length: 1, signal, onProgress })
 */
export async function exportClip(options: ClipOptions): Promise<Blob> {
  const { lab, panels, start, length, fonts = SYSTEM_FONTS, signal, onProgress } = options;
  const { source } = lab.state.get();
  if (!source) throw new ClipError('Open a video or the webcam first: there is nothing to record.');
  if (source.kind === 'picture') throw new ClipError('A picture has no frames to record; export it as a PNG instead.');
  const live = source.kind === 'webcam';
  const fps = live ? NOMINAL_FPS : frameRate(source);
  const { first, count } = live
    ? { first: 0, count: clipFrames(0, length, fps, null).count }
    : clipFrames(start, length, fps, source.duration);

  const layout = compositeLayout({ count: panels.length, ...imageSize(panels) });
  const bitrate = clipBitrate(layout.width, layout.height, fps);
  const media = await unlessAborted(import('mediabunny'), signal, TASK);
  const quality = new media.Quality({ bitrate, bitrateMode: 'variable' });
  const size = { width: layout.width, height: layout.height, quality };
  const codec = (await media.canEncodeVideo('vp9', size))
    ? 'vp9'
    : (await media.canEncodeVideo('vp8', size))
      ? 'vp8'
      : null;
  if (!codec)
    throw new ClipError(
      `This browser cannot encode VP9 or VP8 video at ${layout.width}×${layout.height} (WebCodecs), so it cannot make a WebM clip; the PNG export still works.`,
    );

  const canvas = new OffscreenCanvas(layout.width, layout.height);
  const ctx = canvas.getContext('2d', { alpha: false });
  if (!ctx) throw new ClipError('This browser has no 2D OffscreenCanvas to draw the clip on.');
  const target = new media.BufferTarget();
  const output = new media.Output({ format: new media.WebMOutputFormat(), target });
  const video = new media.CanvasSource(canvas, {
    codec,
    quality,
    latencyMode: 'quality',
  });
  output.addVideoTrack(video, live ? {} : { frameRate: fps });

  const frameAt = (index: number) => (live ? lab.waitForFrame() : lab.showFrame(first + index));
  let stepping: Promise<LabClock> | null = null;
  try {
    await unlessAborted(output.start(), signal, TASK);
    const fingerprints = await keyFingerprints(lab.state.get().settings);
    onProgress?.(0, count, null);
    let firstTime: number | null = null;
    let lastTime = -Infinity;
    let next = (stepping = frameAt(0));
    // A video gives exactly `count` frames; the webcam gives what it draws in `length` seconds of its time.
    for (let done = 0; live || done < count;) {
      const clock = await unlessAborted(next, signal, TASK);
      stepping = null;
      firstTime ??= clock.time;
      const time = live ? clock.time - firstTime : done / fps;
      if (live && time >= length) break;
      // A live frame whose time does not move on (a repeated callback) would break the track's order.
      if (time <= lastTime) {
        next = stepping = frameAt(done);
        continue;
      }
      lastTime = time;
      drawComposite(ctx, layout, panels, labCaption(lab.state.get(), clock, fingerprints), fonts);
      // add() copies the canvas at once, so the lab fetches the next frame while this one encodes.
      const adding = video.add(time, 1 / fps);
      if (live || done + 1 < count) next = stepping = frameAt(done + 1);
      await unlessAborted(adding, signal, TASK);
      done++;
      // Live progress is camera time in frames, so the bar fills in `length` seconds whatever the rate.
      onProgress?.(live ? Math.min(count, Math.round(time * fps) + 1) : done, count, clock.frame);
    }
    await output.finalize();
  } catch (error) {
    // Releases the encoder; a failed finalize has nothing left to release.
    if (output.state === 'pending' || output.state === 'started') await output.cancel();
    // A seek already asked for still lands; waiting for it (whatever its outcome, which no longer
    // matters) means the lab is still, paused on its last frame, when the caller hears of the error.
    // The webcam's next frame is not waited for, only kept from rejecting unheard.
    if (stepping) {
      const landed = stepping.then(settled, settled);
      if (!live) await landed;
    }
    throw error;
  }
  if (!target.buffer) throw new Error('mediabunny finished without a file');
  return new Blob([target.buffer], { type: 'video/webm' });
}
