/**
 * Runs inside the page (installed with addInitScript before any page script): records long tasks from
 * the very start, and, once attached, every frame the lab draws with its worker timings and how far the
 * video had moved on. The bench reads these records instead of sampling the page on a timer.
 */
import type { EngineStats } from '../../lib/worker/client';
import type { BenchProbe, BenchWindow, DrawnFrame, LongTask, ProbeSnapshot } from './probe-types';

const page = window as unknown as BenchWindow;
const longTasks: LongTask[] = [];
const drawnFrames: DrawnFrame[] = [];
let video: HTMLVideoElement | null = null;
let videoCallbacks = 0;
let presentedFrames = 0;
let attached = false;

if (PerformanceObserver.supportedEntryTypes.includes('longtask')) {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
}

function lab() {
  const controller = page.ecbLens;
  if (!controller) throw new Error('window.ecbLens is not set: the lab has not started');
  return controller;
}

function lagFrames(shownTime: number, fps: number): number | null {
  if (!video) return null;
  let lag = video.currentTime - shownTime;
  const duration = video.duration;
  if (Number.isFinite(duration) && lag < -duration / 2) lag += duration;
  return lag * fps;
}

function engineStats(): EngineStats | null {
  const engine = (lab() as unknown as { engine?: { stats?: EngineStats } | null }).engine;
  return engine?.stats ? { ...engine.stats } : null;
}

const probe: BenchProbe = {
  attach(fps) {
    if (attached) return;
    const controller = lab();
    video = document.querySelector<HTMLVideoElement>('body > video');
    if (!video) throw new Error('no <video> element in the body: is the clip open?');
    const element = video;
    let last = controller.clock.get().drawn;
    controller.clock.subscribe(() => {
      const clock = controller.clock.get();
      if (clock.drawn === last) return;
      last = clock.drawn;
      drawnFrames.push({
        t: performance.now(),
        drawn: clock.drawn,
        frame: clock.frame,
        lagFrames: lagFrames(clock.time, fps),
        timings: clock.timings,
      });
    });
    const onVideoFrame = (_now: number, metadata: VideoFrameCallbackMetadata) => {
      videoCallbacks++;
      presentedFrames = metadata.presentedFrames;
      element.requestVideoFrameCallback(onVideoFrame);
    };
    element.requestVideoFrameCallback(onVideoFrame);
    attached = true;
  },

  snapshot(): ProbeSnapshot {
    const controller = lab();
    const clock = controller.clock.get();
    const quality = video?.getVideoPlaybackQuality();
    return {
      t: performance.now(),
      playing: controller.state.get().playing,
      drawn: clock.drawn,
      dropped: clock.dropped,
      engine: engineStats(),
      videoCallbacks,
      presentedFrames,
      quality: quality ? { total: quality.totalVideoFrames, dropped: quality.droppedVideoFrames } : null,
      videoTime: video ? video.currentTime : null,
      shownTime: clock.time,
      size: clock.size,
      gcmEngine: clock.streams?.gcm.engine ?? null,
      measured: clock.measured !== null,
      framesRecorded: drawnFrames.length,
      longTasksRecorded: longTasks.length,
    };
  },

  frames: (from, to) => drawnFrames.slice(from, to),
  longTasks: (from, to) => longTasks.slice(from, to),
};

page.ecbBench = probe;
