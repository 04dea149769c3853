/**
 * Watches a playing `<video>` (a file or the webcam) and says when it presents a frame, frame by frame,
 * from `requestVideoFrameCallback`, with the frame's own presentation time. It also says when playback
 * starts and stops, on which frame it stopped, and why a file stopped early; numbering the frames and
 * what to do with them is the lab's business (lib/lab).
 */
import type { FrameSource } from './source';
import { playbackErrorMessage } from './video-source';

export interface VideoEvents {
  /** The video presented the frame at `time` seconds (media time); `paused` when it is not playing. */
  frame(time: number, paused: boolean): void;
  /** Frames the video presented while playing that no callback saw (a busy main thread coalesces them). */
  missed(count: number): void;
  /** Playback started (true) or stopped (false). */
  playing(playing: boolean): void;
  /** Playback of a file stopped (paused or ended) on the frame at `time`: the frame it now shows. */
  stopped(time: number): void;
  /** The video failed to play on, or ran out of frames early; worded for the page. */
  problem(message: string): void;
}

/**
 * Starts watching `source`'s video and reports to `events` until the returned function is called. Reports
 * at once the frame a file shows now, or that the webcam is playing. `fps` is the rate frames are numbered
 * at: a file that ends more than three frames (at least half a second) before its declared duration is
 * reported as truncated.
 */
export function watchVideo(source: FrameSource, fps: number, events: VideoEvents): () => void {
  const video = source.video;
  if (!video) throw new TypeError(`“${source.info.name}” is a picture: there is no video to watch`);
  const { info } = source;
  const live = info.kind === 'webcam';
  let watching = true;
  let callback = 0;
  let lastMediaTime = video.currentTime;
  let lastPresented = -1;

  const onFrame = (_now: number, metadata: VideoFrameCallbackMetadata) => {
    if (!watching) return;
    callback = video.requestVideoFrameCallback(onFrame);
    lastMediaTime = metadata.mediaTime;
    if (lastPresented >= 0 && !video.paused) events.missed(Math.max(0, metadata.presentedFrames - lastPresented - 1));
    lastPresented = metadata.presentedFrames;
    events.frame(metadata.mediaTime, video.paused);
  };
  callback = video.requestVideoFrameCallback(onFrame);

  // A camera shows no "last frame" when it stops: the next one is live.
  const stoppedHere = () => {
    if (!live) events.stopped(lastMediaTime);
  };
  const onPlay = () => events.playing(true);
  const onPause = () => {
    events.playing(false);
    stoppedHere();
  };
  const onEnded = () => {
    events.playing(false);
    // Where the frames run out. The last frame seen while playing depends on the load (a busy page drops
    // frames, the last ones too, or runs their callbacks after `ended`), so seek to the end, which decodes
    // the file's last frame, and take the time of the first frame presented after the seek.
    const end = video.duration;
    if (!Number.isFinite(end)) {
      stoppedHere();
      return;
    }
    const seekStarted = performance.now();
    const onEndFrame = (_now: number, metadata: VideoFrameCallbackMetadata) => {
      if (!watching) return;
      if (metadata.presentationTime < seekStarted) {
        video.requestVideoFrameCallback(onEndFrame); // a frame from playback, reported late
        return;
      }
      if (!video.paused || video.currentTime < end - 1 / fps) return; // played or sought since
      lastMediaTime = metadata.mediaTime;
      stoppedHere();
      // A truncated file keeps its declared duration but runs out of frames early; say so.
      const missing = (info.duration ?? 0) - lastMediaTime;
      if (info.duration !== null && missing > Math.max(0.5, 3 / fps)) {
        events.problem(
          `“${info.name}” ran out of frames at ${lastMediaTime.toFixed(2)} s of ${info.duration.toFixed(2)} s: the file seems truncated or damaged.`,
        );
      }
    };
    video.requestVideoFrameCallback(onEndFrame);
    video.currentTime = end;
  };
  const onError = () => {
    events.playing(false);
    events.problem(playbackErrorMessage(video, info.name));
  };
  video.addEventListener('play', onPlay);
  video.addEventListener('pause', onPause);
  video.addEventListener('ended', onEnded);
  video.addEventListener('error', onError);

  if (live) events.playing(true);
  else events.frame(video.currentTime, true);

  return () => {
    watching = false;
    video.cancelVideoFrameCallback(callback);
    video.removeEventListener('play', onPlay);
    video.removeEventListener('pause', onPause);
    video.removeEventListener('ended', onEnded);
    video.removeEventListener('error', onError);
  };
}
