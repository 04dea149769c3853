/**
 * What the in-page probe records and hands back to the bench. Shared as types only: the probe runs in
 * the page (bundled by esbuild), the bench in Node.
 */
import type { LabController } from '../../lib/lab/lab-controller';
import type { EngineStats } from '../../lib/worker/client';

/** One frame the lab drew, as seen on the main thread the moment its clock changed. */
export interface DrawnFrame {
  /** performance.now() when the panels were updated. */
  t: number;
  drawn: number;
  /** The clip frame shown. */
  frame: number;
  /** How far the video had already moved past the frame shown, in frames (null without a video). */
  lagFrames: number | null;
  timings: { primary: Record<string, number>; second: Record<string, number>; receiver: Record<string, number> };
}

/** A main-thread task longer than 50 ms, from PerformanceObserver('longtask'). */
export interface LongTask {
  start: number;
  duration: number;
}

/** The page's counters at one instant. */
export interface ProbeSnapshot {
  t: number;
  playing: boolean;
  drawn: number;
  /** Frames the controller skipped because the workers were busy. */
  dropped: number;
  /** The engine's own counters (a newer frame replacing a waiting one), when the page exposes them. */
  engine: EngineStats | null;
  /** requestVideoFrameCallback calls on the clip's video element. */
  videoCallbacks: number;
  /** The video element's presentedFrames at the last callback: frames the browser put on screen. */
  presentedFrames: number;
  /** getVideoPlaybackQuality(): frames decoded and frames the browser itself dropped. */
  quality: { total: number; dropped: number } | null;
  videoTime: number | null;
  shownTime: number;
  size: { width: number; height: number } | null;
  gcmEngine: string | null;
  /** Whether the frame on screen was measured (leak analytics on). */
  measured: boolean;
  /** Records so far: DrawnFrame and LongTask list lengths. */
  framesRecorded: number;
  longTasksRecorded: number;
}

/** The probe's API on `window.ecbBench`. */
export interface BenchProbe {
  /** Starts recording once the lab and its video exist; throws when they do not. */
  attach(fps: number): void;
  snapshot(): ProbeSnapshot;
  frames(from: number, to: number): DrawnFrame[];
  longTasks(from: number, to: number): LongTask[];
}

/** The page's globals the bench uses. */
export interface BenchWindow {
  ecbBench: BenchProbe;
  ecbLens?: LabController;
}
