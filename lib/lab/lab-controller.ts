/**
 * The lab's main-thread brain, free of React: it owns the current source, the settings and the two
 * workers, takes a frame each time the video presents one, and puts the workers' pictures on the panel
 * canvases. Components only render its snapshots and call its methods; the lab page, the embed and the
 * story's demos all drive it the same way (openSample, apply, play, seek, step).
 *
 * While playing, a frame that arrives when the workers are still busy is dropped (the lab skips rather
 * than falls behind); a frame shown on its own (paused, stepped, sought, redrawn) always wins, so a
 * settings change or a seek is never lost.
 */
import type { Mode } from '../cipher/keys';
import type { Layout } from '../cipher/layout';
import { fitWidth } from '../media/image-source';
import { openFileSource, openSampleSource } from '../media/open-source';
import { sampleById, type Sample } from '../media/samples';
import type { FrameSource, SourceInfo } from '../media/source';
import { openWebcam } from '../media/video-source';
import { watchVideo } from '../media/video-watcher';
import { DEFAULT_MODES, MOTION_PANELS, type CipherPanel, type PanelId } from '../worker/protocol';
import { describe, FramePipeline } from './frame-pipeline';
import { frameIndexAt, frameRate, lastFrameIndex, timeOfFrame } from './frame-time';
import { LabKeys, type LabKey } from './lab-keys';
import { DEFAULT_PARAMS, type ProcessingWidth } from './lab-options';
import {
  EMPTY_CLOCK,
  type LabChanges,
  type LabClock,
  type LabOptions,
  type LabSettings,
  type LabState,
} from './lab-state';
import { MeasureCadence } from './measure-cadence';
import { MetricsHistory } from './metrics-history';
import { Store } from './store';

export type { LabChanges, LabClock, LabOptions, LabSettings, LabState } from './lab-state';

export class LabController {
  readonly state: Store<LabState>;
  readonly clock: Store<LabClock>;
  /** Measurements of recent consecutive frames, for charts. */
  readonly history = new MetricsHistory();
  private analytics: boolean;
  private motionUnderlay = true;
  private readonly frames: FramePipeline;
  private source: FrameSource | null = null;
  private unwatch: (() => void) | null = null;
  private readonly keys: LabKeys;
  private readonly cadence = new MeasureCadence();
  private webcamFrames = 0;
  private loop: boolean;
  private muted: boolean;

  constructor(options: LabOptions = {}) {
    this.keys = new LabKeys(options.ecbKeyHex, options.gcmKeyHex);
    this.analytics = options.analytics ?? true;
    this.loop = options.loop ?? DEFAULT_PARAMS.loop;
    this.muted = options.muted ?? DEFAULT_PARAMS.muted;
    const problems = options.problems ?? [];
    this.state = new Store<LabState>({
      source: null,
      opening: null,
      error: null,
      notice: problems.length ? problems.join(' ') : null,
      playing: false,
      settings: {
        layout: options.layout ?? DEFAULT_PARAMS.layout,
        bits: options.bits ?? DEFAULT_PARAMS.bits,
        width: options.width ?? DEFAULT_PARAMS.width,
        modes: { ...(options.modes ?? DEFAULT_MODES) },
        ...this.keys.hex(),
      },
    });
    this.clock = new Store<LabClock>(EMPTY_CLOCK);
    this.frames = new FramePipeline(
      this.clock,
      this.history,
      (message) => this.state.set(message),
      () => this.redraw(),
    );
  }

  /** Starts the workers. Call once the page is in the browser. */
  start(): void {
    this.frames.start();
  }

  /** Stops the workers and releases the source (camera included). */
  dispose(): void {
    this.closeSource();
    this.frames.dispose();
  }

  attachCanvas(panel: PanelId, canvas: HTMLCanvasElement | null): void {
    this.frames.attachCanvas(panel, canvas);
  }

  /** The canvas of a panel, for downloads and exports. */
  canvas(panel: PanelId): HTMLCanvasElement | undefined {
    return this.frames.canvas(panel);
  }

  dismissError(): void {
    this.state.set({ error: null, notice: null });
  }

  // ---- sources ----------------------------------------------------------------------------------

  /**
   * Opens a built-in sample, then seeks to `start` seconds and plays when `autoplay` (videos only).
   * @returns whether it opened; if not, the error is in the state and the previous source stays
   */
  async openSample(sample: Sample, options: { start?: number; autoplay?: boolean } = {}): Promise<boolean> {
    const opened = await this.switchTo(sample.title, () => openSampleSource(sample));
    if (!opened) return false;
    if (options.start) this.seek(options.start);
    if (options.autoplay) this.play();
    return true;
  }

  /** Opens a file the user dropped or picked: a picture when its header says so, a video otherwise. */
  openFile(file: File): Promise<boolean> {
    return this.switchTo(file.name, () => openFileSource(file));
  }

  openWebcam(): Promise<boolean> {
    return this.switchTo('Webcam', () => openWebcam());
  }

  /** Closes the webcam (releasing the camera) and leaves the lab without a source. */
  stopWebcam(): void {
    if (this.source?.info.kind !== 'webcam') return;
    this.closeSource();
    this.state.set({ source: null, playing: false });
  }

  /**
   * Opens the next source; only when it has opened completely is the current one replaced.
   * @returns whether the switch happened
   */
  private async switchTo(name: string, open: () => Promise<FrameSource>): Promise<boolean> {
    this.state.set({ opening: name });
    let next: FrameSource;
    try {
      next = await open();
    } catch (error) {
      this.state.set({ opening: null, error: describe(error) });
      return false;
    }
    this.closeSource();
    this.source = next;
    this.frames.reset();
    this.webcamFrames = 0;
    this.forgetMeasurements();
    this.state.set({ source: next.info, opening: null, error: null, playing: false });
    if (next.video) this.watch(next);
    else this.requestFrame(0, 0, true);
    return true;
  }

  private closeSource(): void {
    this.unwatch?.();
    this.unwatch = null;
    this.source?.dispose();
    this.source = null;
  }

  /** Takes a frame each time the video presents one (numbered by its time; the webcam's by count). */
  private watch(source: FrameSource): void {
    const video = source.video as HTMLVideoElement;
    video.loop = this.loop;
    video.muted = this.muted;
    const fps = frameRate(source.info);
    const live = source.info.kind === 'webcam';
    this.unwatch = watchVideo(source, fps, {
      frame: (time, paused) => this.requestFrame(live ? this.webcamFrames++ : frameIndexAt(time, fps), time, paused),
      missed: (count) => this.frames.skip(count),
      playing: (playing) => this.state.set({ playing }),
      // Playback stops on the frame the video shows: draw it if it was skipped while the workers were busy.
      stopped: (time) => {
        const index = frameIndexAt(time, fps);
        if (index !== this.frames.lastRequested) this.requestFrame(index, time, true);
      },
      problem: (error) => this.state.set({ error }),
    });
  }

  // ---- playback ---------------------------------------------------------------------------------

  /** The open video file (not the webcam, not a picture), which can be played, sought and stepped. */
  private get file(): { video: HTMLVideoElement; info: SourceInfo } | null {
    const source = this.source;
    return source?.video && source.info.kind === 'video' ? { video: source.video, info: source.info } : null;
  }

  play(): void {
    const video = this.file?.video;
    if (!video) return;
    if (video.ended) video.currentTime = 0;
    video.play().catch((error: unknown) => this.state.set({ error: `Playback could not start: ${describe(error)}` }));
  }

  pause(): void {
    this.file?.video.pause();
  }

  togglePlay(): void {
    if (this.state.get().playing) this.pause();
    else this.play();
  }

  /** Seeks to `seconds` (clamped to the video). */
  seek(seconds: number): void {
    const file = this.file;
    if (!file) return;
    const end = file.info.duration ?? file.video.duration;
    file.video.currentTime = Math.min(Math.max(0, seconds), Number.isFinite(end) ? end : seconds);
  }

  /** Pauses and moves `delta` frames (−1 back, +1 forward), within the video. */
  step(delta: number): void {
    const file = this.file;
    if (!file) return;
    const fps = frameRate(file.info);
    this.pause();
    const target = Math.min(Math.max(0, this.clock.get().frame + delta), lastFrameIndex(file.info.duration, fps));
    file.video.currentTime = timeOfFrame(target, fps);
  }

  /**
   * Resolves with the clock once a frame that `accept`s has been drawn after this call; rejects after
   * `timeoutMs` (a safeguard for files whose frames never come, not a pacing device).
   */
  waitForFrame(accept: (clock: LabClock) => boolean = () => true, timeoutMs = 10_000): Promise<LabClock> {
    const since = this.clock.get().drawn;
    return this.clock.waitFor((clock) => clock.drawn > since && accept(clock), timeoutMs, 'a frame being drawn');
  }

  /** Pauses on frame `index` of the video and resolves once every panel shows it (clip and CSV export). */
  showFrame(index: number): Promise<LabClock> {
    const file = this.file;
    if (!file) return Promise.reject(new Error('only a video has frames to step through'));
    this.pause();
    const drawn = this.waitForFrame((clock) => clock.frame === index);
    if (this.clock.get().frame === index) this.redraw();
    else file.video.currentTime = timeOfFrame(index, frameRate(file.info));
    return drawn;
  }

  // ---- settings ---------------------------------------------------------------------------------

  /**
   * Applies options read by lib/lab/lab-options.ts (an address, an embed's `set` command): settings and
   * keys at once, then the sample (with `start` and `autoplay` once it has opened) or, for the source
   * open now, `start` and `autoplay`. Panels, controls and theme are the page's own and are ignored here.
   * @returns problems with keys that could not be set (worded for the page)
   */
  apply(changes: LabChanges): string[] {
    const problems: string[] = [];
    const patch: Partial<LabSettings> = {};
    if (changes.layout) patch.layout = changes.layout;
    if (changes.bits !== undefined) patch.bits = changes.bits;
    if (changes.width) patch.width = changes.width;
    if (changes.modes) patch.modes = { ...changes.modes };
    for (const [mode, hex] of [
      ['ecb', changes.ecbKeyHex],
      ['gcm', changes.gcmKeyHex],
    ] as const) {
      if (!hex) continue;
      const problem = this.keys.set(mode, hex);
      if (problem) problems.push(problem);
      else Object.assign(patch, this.keys.hex());
    }
    if (Object.keys(patch).length) this.updateSettings(patch);
    if (changes.loop !== undefined) this.setLoop(changes.loop);
    if (changes.muted !== undefined) this.setMuted(changes.muted);
    const { start, autoplay } = changes;
    if (changes.source) {
      void this.openSample(sampleById(changes.source), { start, autoplay });
    } else {
      if (start !== undefined) this.seek(start);
      if (autoplay) this.play();
    }
    return problems;
  }

  /** Whether frames are measured (on by default; the bench compares with it off). */
  setAnalytics(on: boolean): void {
    this.analytics = on;
    this.redraw();
  }

  /**
   * Whether the motion maps are drawn over a dimmed copy of the picture (on by default, for bearings)
   * or as the two colours alone, which is all an eavesdropper has.
   */
  setMotionUnderlay(on: boolean): void {
    if (this.motionUnderlay === on) return;
    this.motionUnderlay = on;
    this.redraw();
  }

  /** Whether videos start again at the end (this one and the next ones opened). */
  setLoop(loop: boolean): void {
    this.loop = loop;
    if (this.source?.video) this.source.video.loop = loop;
  }

  /** Whether videos play their sound (this one and the next ones opened). */
  setMuted(muted: boolean): void {
    this.muted = muted;
    if (this.source?.video) this.source.video.muted = muted;
  }

  setLayout(layout: Layout): void {
    this.updateSettings({ layout });
  }

  setBits(bits: number): void {
    this.updateSettings({ bits });
  }

  setWidth(width: ProcessingWidth): void {
    this.updateSettings({ width });
  }

  /** Shows `mode` in ciphertext panel `panel` (the other panel keeps its mode). */
  setMode(panel: CipherPanel, mode: Mode): void {
    this.updateSettings({ modes: { ...this.state.get().settings.modes, [panel]: mode } });
  }

  /** Sets a key from typed hex; returns the reason (and keeps the old key) when it is not valid. */
  setKey(mode: LabKey, hex: string): string | null {
    const problem = this.keys.set(mode, hex);
    if (!problem) this.updateSettings(this.keys.hex());
    return problem;
  }

  /** Fresh random keys for both modes. */
  newKeys(): void {
    this.keys.renew();
    this.updateSettings(this.keys.hex());
  }

  private updateSettings(patch: Partial<LabSettings>): void {
    const { settings } = this.state.get();
    this.state.set({ settings: { ...settings, ...patch } });
    this.forgetMeasurements();
    this.redraw();
  }

  /**
   * Encrypts the frame on screen again (after a settings change, or for a panel just shown); a playing
   * video picks the change up with its next frame anyway.
   */
  redraw(): void {
    const source = this.source;
    if (!source) return;
    if (source.video && !source.video.paused) return;
    const { frame, time } = this.clock.get();
    this.requestFrame(frame, time, true);
  }

  // ---- frames -----------------------------------------------------------------------------------

  /**
   * Hands frame `index` to the workers. A frame shown on its own (`alone`: paused, sought, redrawn) is
   * always taken; a playing one is dropped when the workers are busy.
   */
  private requestFrame(index: number, time: number, alone: boolean): void {
    const source = this.source;
    if (!source) return;
    if (!alone && this.frames.busy) {
      this.frames.skip();
      return;
    }
    const { settings } = this.state.get();
    const size = fitWidth(source.info.width, source.info.height, settings.width);
    const cipher = {
      layout: settings.layout,
      bits: settings.bits,
      modes: settings.modes,
      ecbKey: this.keys.get('ecb'),
      gcmKey: this.keys.get('gcm'),
      analytics: this.analytics && this.cadence.due(alone, size.width, size.height),
      motionUnderlay: this.motionUnderlay,
      motion: this.frames.shows(MOTION_PANELS, !alone),
      follow: this.analytics && this.frames.shows(MOTION_PANELS),
    };
    this.frames.submit(source, { index, time }, cipher, size, this.analytics);
  }

  /** A new source or new settings: earlier measurements no longer describe what is shown. */
  private forgetMeasurements(): void {
    this.history.clear();
    this.clock.set({ measured: null });
  }
}
