/**
 * The lab's main-thread brain, free of React: it owns the current source, the settings and the two
 * workers, takes a frame each time the video presents one, and puts the workers' pictures on the panel
 * canvases. Components only render its snapshots and call its methods.
 *
 * Frames are taken from `requestVideoFrameCallback`, so each one is numbered by its own presentation
 * time. While playing, a frame that arrives when the workers are still busy is dropped (the lab skips
 * rather than falls behind); when paused, the latest request always wins, so a settings change or a
 * seek is never lost.
 */
import { generateKey, parseKey, type Mode } from '../cipher/keys';
import { toHex } from '../cipher/hex';
import type { Layout } from '../cipher/layout';
import { LabEngine, type EngineFrame } from '../worker/client';
import { MOTION_PANELS, type FrameMetrics, type PanelId } from '../worker/protocol';
import { MetricsHistory, type MetricsRow } from './metrics-history';
import { fitWidth, looksLikePicture, openPicture } from './image-source';
import { DEFAULT_WIDTH, type ProcessingWidth } from './lab-options';
import { presentBitmap } from './present';
import { SourceError, type FrameSource, type SourceInfo } from './source';
import { Store } from './store';
import { openVideo, openWebcam, playbackErrorMessage } from './video-source';

export interface LabSettings {
  layout: Layout;
  bits: number;
  width: ProcessingWidth;
  ecbKeyHex: string;
  gcmKeyHex: string;
}

/** Everything but the per-frame clock; changes when the user does something. */
export interface LabState {
  source: SourceInfo | null;
  /** Name of the source being opened, while it opens. */
  opening: string | null;
  /** The last problem with the user's input, until dismissed or replaced. */
  error: string | null;
  /** Problems with the options the lab was opened with (the address), until dismissed. */
  notice: string | null;
  playing: boolean;
  settings: LabSettings;
}

/** Changes with every frame drawn. */
export interface LabClock {
  frame: number;
  time: number;
  size: { width: number; height: number } | null;
  nonceHex: string;
  tagHex: string;
  paddingHex: string;
  plaintextBytes: number;
  ecbCiphertextBytes: number;
  gcmEngine: 'webcrypto' | 'noble' | null;
  /** ECB blocks whose ciphertext was reused from the previous frame. */
  reusedBlocks: number;
  /**
   * The three streams' measurements for the frame on screen; null with analytics off, and for the
   * frames played between two measured ones (see MEASURE_INTERVAL_MS).
   */
  metrics: FrameMetrics | null;
  /**
   * The last frame measured: the frame on screen when paused, at most ~100 ms behind while playing;
   * null before any, after a new source, or with analytics off.
   */
  measured: MetricsRow | null;
  drawn: number;
  dropped: number;
  /** Frames drawn per second over the last second. */
  fps: number;
  /** Milliseconds per step of the last frame, per worker (for the bench). */
  timings: { primary: Record<string, number>; gcm: Record<string, number> };
}

interface FrameMeta {
  generation: number;
  index: number;
  time: number;
}

/** Options fixed when the lab is created (from the URL, or an embed's settings). */
export interface LabOptions {
  ecbKeyHex?: string | null;
  gcmKeyHex?: string | null;
  layout?: Layout;
  bits?: number;
  width?: ProcessingWidth;
  loop?: boolean;
  muted?: boolean;
  /** Problems found while reading the options, shown until dismissed. */
  problems?: string[];
}

/** Frame number of a presentation time, for a stream at `fps`. */
export function frameIndexAt(mediaTime: number, fps: number): number {
  return Math.max(0, Math.round(mediaTime * fps));
}

/**
 * The time to seek to so that frame `index` is shown: a quarter of the way into its display interval,
 * safely inside it, and close enough to its start that {@link frameIndexAt} maps it back to `index`.
 */
export function timeOfFrame(index: number, fps: number): number {
  return (index + 0.25) / fps;
}

/**
 * While playing, frames of up to 640×360 are measured in full at most this often (ten times a second);
 * larger frames proportionally less often (1280×720: every 400 ms), so measuring takes the same share of
 * the two workers' time at every width.
 */
export const MEASURE_INTERVAL_MS = 100;
const MEASURE_BASE_PIXELS = 640 * 360;

/** The time between full measurements of a playing `width × height` source. */
export function measureInterval(width: number, height: number): number {
  return MEASURE_INTERVAL_MS * Math.max(1, (width * height) / MEASURE_BASE_PIXELS);
}

function describe(error: unknown): string {
  if (error instanceof SourceError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

export class LabController {
  readonly state: Store<LabState>;
  readonly clock: Store<LabClock>;
  /** Measurements of recent consecutive frames, for charts. */
  readonly history = new MetricsHistory();
  private analytics = true;
  private motionUnderlay = true;
  private readonly canvases: Partial<Record<PanelId, HTMLCanvasElement>> = {};
  private engine: LabEngine<FrameMeta> | null = null;
  private source: FrameSource | null = null;
  private generation = 0;
  private ecbKey: Uint8Array;
  private gcmKey: Uint8Array;
  private webcamCounter = 0;
  private skipped = 0;
  /** The frame last handed to the workers (for this source), drawn or on its way. */
  private lastRequested = -1;
  /** When a playing frame was last sent to be measured in full (performance.now()). */
  private lastMeasured = -Infinity;
  private frameCallback = 0;
  private drawnTimes: number[] = [];
  private loop: boolean;
  private muted: boolean;
  private readonly detachVideo: (() => void)[] = [];

  constructor(options: LabOptions = {}) {
    const problems: string[] = [...(options.problems ?? [])];
    const key = (mode: Mode, hex: string | null | undefined, param: string) => {
      if (!hex) return generateKey(mode);
      try {
        return parseKey(hex, mode);
      } catch (error) {
        problems.push(`${param}=${hex} is not valid (${describe(error)}); a random key is used.`);
        return generateKey(mode);
      }
    };
    this.ecbKey = key('ecb', options.ecbKeyHex, 'ecbKey');
    this.gcmKey = key('gcm', options.gcmKeyHex, 'gcmKey');
    this.loop = options.loop ?? false;
    this.muted = options.muted ?? true;
    this.state = new Store<LabState>({
      source: null,
      opening: null,
      error: null,
      notice: problems.length ? problems.join(' ') : null,
      playing: false,
      settings: {
        layout: options.layout ?? 'rgb',
        bits: options.bits ?? 8,
        width: options.width ?? DEFAULT_WIDTH,
        ecbKeyHex: toHex(this.ecbKey),
        gcmKeyHex: toHex(this.gcmKey),
      },
    });
    this.clock = new Store<LabClock>({
      frame: 0,
      time: 0,
      size: null,
      nonceHex: '',
      tagHex: '',
      paddingHex: '',
      plaintextBytes: 0,
      ecbCiphertextBytes: 0,
      gcmEngine: null,
      drawn: 0,
      dropped: 0,
      fps: 0,
      timings: { primary: {}, gcm: {} },
      reusedBlocks: 0,
      metrics: null,
      measured: null,
    });
  }

  /** Starts the workers. Call once the page is in the browser. */
  start(): void {
    if (this.engine) return;
    this.engine = new LabEngine<FrameMeta>({
      onFrame: (frame) => this.present(frame),
      onError: (message) => this.state.set({ error: `A frame could not be encrypted: ${message}` }),
    });
  }

  /** Stops the workers and releases the source (camera included). */
  dispose(): void {
    this.closeSource();
    this.engine?.dispose();
    this.engine = null;
  }

  attachCanvas(panel: PanelId, canvas: HTMLCanvasElement | null): void {
    if (canvas) this.canvases[panel] = canvas;
    else delete this.canvases[panel];
  }

  /** The canvas of a panel, for downloads. */
  canvas(panel: PanelId): HTMLCanvasElement | undefined {
    return this.canvases[panel];
  }

  dismissError(): void {
    this.state.set({ error: null, notice: null });
  }

  // ---- sources ----------------------------------------------------------------------------------

  /** Opens a built-in sample by URL. */
  openSample(url: string, name: string, kind: 'video' | 'picture', fps?: number): Promise<boolean> {
    return this.switchTo(name, () => (kind === 'picture' ? openPicture(url, name) : openVideo(url, { name, fps })));
  }

  /** Opens a file the user dropped or picked: a picture when its header says so, a video otherwise. */
  openFile(file: File): Promise<boolean> {
    return this.switchTo(file.name, async () => {
      if (file.size === 0) throw new SourceError(`“${file.name}” is empty (0 bytes).`);
      if (file.type.startsWith('image/') || (await looksLikePicture(file))) return openPicture(file);
      return openVideo(file);
    });
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
    this.generation++;
    this.lastRequested = -1;
    this.webcamCounter = 0;
    this.drawnTimes = [];
    this.forgetMeasurements();
    this.state.set({ source: next.info, opening: null, error: null, playing: false });
    if (next.video) this.watchVideo(next);
    else this.requestFrame(0, 0, true);
    return true;
  }

  private closeSource(): void {
    this.detachVideo.splice(0).forEach((detach) => detach());
    this.source?.dispose();
    this.source = null;
  }

  private watchVideo(source: FrameSource): void {
    const video = source.video as HTMLVideoElement;
    const { info } = source;
    video.loop = this.loop;
    video.muted = this.muted;
    const generation = this.generation;
    const fps = info.fps ?? 30;
    let lastMediaTime = video.currentTime;
    let lastPresented = -1;
    const onFrame = (_now: number, metadata: VideoFrameCallbackMetadata) => {
      if (generation !== this.generation) return;
      this.frameCallback = video.requestVideoFrameCallback(onFrame);
      lastMediaTime = metadata.mediaTime;
      // A busy main thread coalesces callbacks: frames presented in between were never seen here.
      if (lastPresented >= 0 && !video.paused)
        this.skipped += Math.max(0, metadata.presentedFrames - lastPresented - 1);
      lastPresented = metadata.presentedFrames;
      const index = info.kind === 'webcam' ? this.webcamCounter++ : frameIndexAt(metadata.mediaTime, fps);
      this.requestFrame(index, metadata.mediaTime, video.paused);
    };
    this.frameCallback = video.requestVideoFrameCallback(onFrame);
    const onPlay = () => this.state.set({ playing: true });
    // Playback stops on the frame the video shows: draw it if it was skipped while the workers were busy.
    const showLastFrame = () => {
      if (info.kind === 'webcam') return; // a camera shows no "last frame": the next one is live
      const index = frameIndexAt(lastMediaTime, fps);
      if (index !== this.lastRequested) this.requestFrame(index, lastMediaTime, true);
    };
    const onPause = () => {
      this.state.set({ playing: false });
      showLastFrame();
    };
    const onEnded = () => {
      this.state.set({ playing: false });
      // Where the frames run out. The last frame seen while playing depends on the load (a busy page drops
      // frames, the last ones too, or runs their callbacks after `ended`), so seek to the end, which decodes
      // the file's last frame, and take the time of the first frame presented after the seek.
      const end = video.duration;
      if (!Number.isFinite(end)) {
        showLastFrame();
        return;
      }
      const seekStarted = performance.now();
      const onEndFrame = (_now: number, metadata: VideoFrameCallbackMetadata) => {
        if (generation !== this.generation) return;
        if (metadata.presentationTime < seekStarted) {
          video.requestVideoFrameCallback(onEndFrame); // a frame from playback, reported late
          return;
        }
        if (!video.paused || video.currentTime < end - 1 / fps) return; // played or sought since
        lastMediaTime = metadata.mediaTime;
        showLastFrame();
        // A truncated file keeps its declared duration but runs out of frames early; say so.
        const missing = (info.duration ?? 0) - lastMediaTime;
        if (info.duration !== null && missing > Math.max(0.5, 3 / fps)) {
          this.state.set({
            error: `“${info.name}” ran out of frames at ${lastMediaTime.toFixed(2)} s of ${info.duration.toFixed(2)} s: the file seems truncated or damaged.`,
          });
        }
      };
      video.requestVideoFrameCallback(onEndFrame);
      video.currentTime = end;
    };
    const onError = () => this.state.set({ playing: false, error: playbackErrorMessage(video, info.name) });
    video.addEventListener('play', onPlay);
    video.addEventListener('pause', onPause);
    video.addEventListener('ended', onEnded);
    video.addEventListener('error', onError);
    this.detachVideo.push(() => {
      video.cancelVideoFrameCallback(this.frameCallback);
      video.removeEventListener('play', onPlay);
      video.removeEventListener('pause', onPause);
      video.removeEventListener('ended', onEnded);
      video.removeEventListener('error', onError);
    });
    if (info.kind === 'webcam') {
      this.state.set({ playing: true });
    } else {
      this.requestFrame(frameIndexAt(video.currentTime, info.fps ?? 30), video.currentTime, true);
    }
  }

  // ---- playback ---------------------------------------------------------------------------------

  play(): void {
    const video = this.source?.video;
    if (!video || this.source?.info.kind !== 'video') return;
    if (video.ended) video.currentTime = 0;
    video.play().catch((error: unknown) => this.state.set({ error: `Playback could not start: ${describe(error)}` }));
  }

  pause(): void {
    if (this.source?.info.kind === 'video') this.source.video?.pause();
  }

  togglePlay(): void {
    if (this.state.get().playing) this.pause();
    else this.play();
  }

  /** Seeks to `seconds` (clamped to the video). */
  seek(seconds: number): void {
    const source = this.source;
    if (!source?.video || source.info.kind !== 'video') return;
    const end = source.info.duration ?? source.video.duration;
    source.video.currentTime = Math.min(Math.max(0, seconds), Number.isFinite(end) ? end : seconds);
  }

  /**
   * Resolves with the clock once a frame that `accept`s has been drawn after this call; rejects after
   * `timeoutMs` (a safeguard for files whose frames never come, not a pacing device).
   */
  waitForFrame(accept: (clock: LabClock) => boolean = () => true, timeoutMs = 10_000): Promise<LabClock> {
    const since = this.clock.get().drawn;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        unsubscribe();
        reject(new Error(`no frame was drawn within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      const unsubscribe = this.clock.subscribe(() => {
        const clock = this.clock.get();
        if (clock.drawn <= since || !accept(clock)) return;
        clearTimeout(timer);
        unsubscribe();
        resolve(clock);
      });
    });
  }

  /** Pauses on frame `index` of the video and resolves once every panel shows it (used by clip export). */
  showFrame(index: number): Promise<LabClock> {
    const source = this.source;
    if (!source?.video || source.info.kind !== 'video')
      return Promise.reject(new Error('only a video has frames to step through'));
    this.pause();
    const drawn = this.waitForFrame((clock) => clock.frame === index);
    if (this.clock.get().frame === index) this.redraw();
    else source.video.currentTime = timeOfFrame(index, source.info.fps ?? 30);
    return drawn;
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

  /** Pauses and moves `delta` frames (−1 back, +1 forward). */
  step(delta: number): void {
    const source = this.source;
    if (!source?.video || source.info.kind !== 'video') return;
    const fps = source.info.fps ?? 30;
    this.pause();
    const last = source.info.duration ? Math.max(0, Math.ceil(source.info.duration * fps) - 1) : Infinity;
    const target = Math.min(Math.max(0, this.clock.get().frame + delta), last);
    source.video.currentTime = timeOfFrame(target, fps);
  }

  // ---- settings ---------------------------------------------------------------------------------

  setLayout(layout: Layout): void {
    this.updateSettings({ layout });
  }

  setBits(bits: number): void {
    this.updateSettings({ bits });
  }

  setWidth(width: ProcessingWidth): void {
    this.updateSettings({ width });
  }

  /** Sets a key from hex; returns an error message (and keeps the old key) when it is not valid. */
  setKey(mode: Mode, hex: string): string | null {
    try {
      const key = parseKey(hex.trim().toLowerCase(), mode);
      if (mode === 'ecb') this.ecbKey = key;
      else this.gcmKey = key;
      this.updateSettings(mode === 'ecb' ? { ecbKeyHex: toHex(key) } : { gcmKeyHex: toHex(key) });
      return null;
    } catch (error) {
      return describe(error);
    }
  }

  /** Fresh random keys for both modes. */
  newKeys(): void {
    this.ecbKey = generateKey('ecb');
    this.gcmKey = generateKey('gcm');
    this.updateSettings({ ecbKeyHex: toHex(this.ecbKey), gcmKeyHex: toHex(this.gcmKey) });
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

  private requestFrame(index: number, time: number, latest: boolean): void {
    const engine = this.engine;
    const source = this.source;
    if (!engine || !source) return;
    if (!latest && engine.busy) {
      this.skipped++;
      this.clock.set({ dropped: this.droppedFrames() });
      return;
    }
    const { settings } = this.state.get();
    const size = fitWidth(source.info.width, source.info.height, settings.width);
    const meta: FrameMeta = { generation: this.generation, index, time };
    const cipher = {
      layout: settings.layout,
      bits: settings.bits,
      ecbKey: this.ecbKey,
      gcmKey: this.gcmKey,
      analytics: this.analytics && this.measureNow(latest, measureInterval(size.width, size.height)),
      motionUnderlay: this.motionUnderlay,
      motion: MOTION_PANELS.some((panel) => this.canvases[panel]),
    };
    const fail = (error: unknown) => this.state.set({ error: `A frame could not be captured: ${describe(error)}` });
    if (source.video && typeof VideoFrame === 'function') {
      // Taking a VideoFrame costs the main thread next to nothing; the worker scales it.
      let image: VideoFrame;
      try {
        image = new VideoFrame(source.video);
      } catch (error) {
        fail(error);
        return;
      }
      engine.submit(image, cipher, meta, { index, size });
      this.lastRequested = index;
      return;
    }
    const from = source.video ?? source.picture;
    if (!from) return;
    createImageBitmap(from).then((bitmap) => {
      if (meta.generation !== this.generation || !this.engine) bitmap.close();
      else {
        this.engine.submit(bitmap, cipher, meta, { index, size });
        this.lastRequested = index;
      }
    }, fail);
  }

  /**
   * Whether to take every measure of this frame. A frame shown on its own (paused, stepped, sought,
   * redrawn — so every frame of the CSV) always is; while playing, at most every `interval` ms (see
   * measureInterval), as the table and charts cannot show more and the workers need the time on two
   * cores. The other frames are still compared with their predecessor for the motion maps.
   */
  private measureNow(latest: boolean, interval: number): boolean {
    const now = performance.now();
    if (!latest && now - this.lastMeasured < interval) return false;
    this.lastMeasured = now;
    return true;
  }

  /** A new source or new settings: earlier measurements no longer describe what is shown. */
  private forgetMeasurements(): void {
    this.history.clear();
    this.clock.set({ measured: null });
  }

  /** Frames not drawn while playing: skipped here, replaced in the engine's queue, or never seen. */
  private droppedFrames(): number {
    return this.skipped + (this.engine?.stats.dropped ?? 0);
  }

  private present(frame: EngineFrame<FrameMeta>): void {
    const { meta, bitmaps } = frame;
    const drawn = Object.entries(bitmaps) as [PanelId, ImageBitmap][];
    if (meta.generation !== this.generation) {
      drawn.forEach(([, bitmap]) => bitmap.close());
      return;
    }
    for (const [panel, bitmap] of drawn) {
      const canvas = this.canvases[panel];
      if (canvas) presentBitmap(canvas, bitmap, meta.index);
      else bitmap.close();
    }
    const row = frame.metrics ? { index: meta.index, time: meta.time, metrics: frame.metrics } : null;
    if (row) this.history.push(row);
    const now = performance.now();
    this.drawnTimes.push(now);
    while (this.drawnTimes.length && this.drawnTimes[0] < now - 1000) this.drawnTimes.shift();
    const previous = this.clock.get();
    this.clock.set({
      frame: meta.index,
      time: meta.time,
      size: { width: frame.primary.width, height: frame.primary.height },
      nonceHex: frame.gcm.nonceHex,
      tagHex: frame.gcm.tagHex,
      paddingHex: frame.primary.paddingHex,
      plaintextBytes: frame.primary.plaintextBytes,
      ecbCiphertextBytes: frame.primary.ecbCiphertextBytes,
      gcmEngine: frame.gcm.gcmEngine,
      reusedBlocks: frame.primary.reusedBlocks,
      metrics: frame.metrics,
      measured: row ?? (this.analytics ? this.clock.get().measured : null),
      drawn: previous.drawn + 1,
      dropped: this.droppedFrames(),
      fps: this.drawnTimes.length,
      timings: { primary: frame.primary.timings, gcm: frame.gcm.timings },
    });
  }
}
