/**
 * The lab's frames on their way through the workers and back. A frame of the open source is taken (a
 * VideoFrame, which costs the main thread next to nothing, or a bitmap of a picture) and handed to the two
 * workers with its cipher settings; what they send back is put on the panel canvases in one go, so every
 * panel shows the same frame, and the clock moves on. Frames of a source closed since are thrown away
 * when they come back.
 */
import { presentPicture } from '../media/present';
import { playbackErrorMessage } from '../media/video-source';
import { NOISY_READS_MESSAGE } from '../worker/read-check';
import type { FrameSource } from '../media/source';
import { LabEngine, type EngineFrame } from '../worker/client';
import { MOTION_PANELS, type CipherSettings, type PanelId, type PanelPicture } from '../worker/protocol';
import type { LabClock } from './lab-state';
import type { MetricsHistory } from './metrics-history';
import type { Store } from './store';

/** A frame as the lab numbers it. */
export interface LabFrame {
  index: number;
  /** Seconds into the source. */
  time: number;
}

interface FrameMeta extends LabFrame {
  generation: number;
  /**
   * Whether leak analytics were switched on when the frame was taken (not whether this frame is measured:
   * while playing, frames between two measured ones keep showing the last measurement).
   */
  analytics: boolean;
}

/** An error's message, or the thrown value as text. */
export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class FramePipeline {
  private engine: LabEngine<FrameMeta> | null = null;
  private readonly canvases: Partial<Record<PanelId, HTMLCanvasElement>> = {};
  private generation = 0;
  private skipped = 0;
  private drawnTimes: number[] = [];
  /** Whether the page has been told that this browser's pixel reads are noisy (once is enough). */
  private toldNoisy = false;
  /** Canvases out of sight (scrolled away or not displayed), as IntersectionObserver says. */
  private readonly hidden = new WeakSet<Element>();
  /** The canvas each panel's observation follows. */
  private readonly watched: Partial<Record<PanelId, HTMLCanvasElement>> = {};
  private observer: IntersectionObserver | null = null;
  /** The frame last handed to the workers for this source, drawn or on its way. */
  lastRequested = -1;

  /**
   * @param clock updated with every frame drawn
   * @param history where each measured frame's numbers go
   * @param report for the page: a problem with a frame (`error`), or something to know (`notice`, such
   * as noisy pixel reads)
   * @param shown called when a panel in sight shows an older frame than the others (it was left out
   * while out of sight), so that the frame can be drawn again in full if the video is paused
   */
  constructor(
    private readonly clock: Store<LabClock>,
    private readonly history: MetricsHistory,
    private readonly report: (message: { error: string } | { notice: string }) => void,
    private readonly shown: () => void = () => {},
  ) {}

  /** Starts the workers (and watches the canvases again after a dispose). */
  start(): void {
    if (this.engine) return;
    for (const canvas of Object.values(this.watched)) this.watch(canvas);
    this.engine = new LabEngine<FrameMeta>({
      onFrame: (frame) => this.present(frame),
      onError: (message) => this.report({ error: `A frame could not be encrypted: ${message}` }),
    });
  }

  dispose(): void {
    this.engine?.dispose();
    this.engine = null;
    this.observer?.disconnect();
    this.observer = null;
  }

  attachCanvas(panel: PanelId, canvas: HTMLCanvasElement | null): void {
    if (canvas) this.canvases[panel] = canvas;
    else delete this.canvases[panel];
    // React hands a panel's canvas back on re-renders (null, then the same element), up to every
    // frame: the element stays watched until another takes its panel, or the observer would drop its
    // first report each time and never say the panel is in sight.
    if (!canvas || this.watched[panel] === canvas) return;
    const old = this.watched[panel];
    if (old) this.observer?.unobserve(old);
    this.watched[panel] = canvas;
    this.watch(canvas);
  }

  /**
   * Follows whether `canvas` is in sight (or within 200 px of it), where the browser can tell; until it
   * has said, a panel counts as in sight.
   */
  private watch(canvas: HTMLCanvasElement): void {
    if (typeof IntersectionObserver !== 'function') return;
    this.observer ??= new IntersectionObserver(
      (entries) => {
        let cameIntoSight = false;
        for (const entry of entries) {
          const canvas = entry.target as HTMLCanvasElement;
          if (!entry.isIntersecting) this.hidden.add(canvas);
          else cameIntoSight = this.hidden.delete(canvas) || cameIntoSight;
        }
        // With frames still in the workers, the clock is not yet the frame the video stopped on: the
        // check runs again when each of them is presented.
        if (cameIntoSight && (this.engine?.idle ?? true)) this.checkBehind(this.clock.get().frame);
      },
      { rootMargin: '200px' },
    );
    this.observer.observe(canvas);
  }

  /**
   * Calls `shown` when a motion map in sight shows another frame than `frame` (the frame just drawn,
   * which left it out, or the one on screen). A frame drawn on its own draws the maps, so this cannot
   * ask twice for the same frame.
   */
  private checkBehind(frame: number, drawn: EngineFrame<FrameMeta>['panels'] = {}): void {
    for (const panel of MOTION_PANELS) {
      const canvas = this.canvases[panel];
      if (canvas && !drawn[panel] && !this.hidden.has(canvas) && canvas.dataset.frame !== String(frame)) {
        this.shown();
        return;
      }
    }
  }

  canvas(panel: PanelId): HTMLCanvasElement | undefined {
    return this.canvases[panel];
  }

  /**
   * Whether any of `panels` is on the page; with `inSight`, on the page and in sight. A playing frame
   * leaves out what nobody sees (the motion maps below the fold cost each worker a map and a picture, and
   * the page two canvas updates, every frame); a frame shown on its own draws every panel, so a paused
   * picture and an export are complete.
   */
  shows(panels: readonly PanelId[], inSight = false): boolean {
    return panels.some((panel) => {
      const canvas = this.canvases[panel];
      return canvas !== undefined && !(inSight && this.hidden.has(canvas));
    });
  }

  /** A new source: frames of the old one still in the workers are dropped when they come back. */
  reset(): void {
    this.generation++;
    this.lastRequested = -1;
    this.drawnTimes = [];
  }

  /** True when the workers are full: a playing frame now would be dropped. */
  get busy(): boolean {
    return this.engine?.busy ?? false;
  }

  /** Counts frames not taken while playing (the workers were busy, or no callback saw them). */
  skip(count = 1): void {
    this.skipped += count;
    this.clock.set({ dropped: this.dropped() });
  }

  /**
   * Hands `frame` of `source`, scaled to `size`, to the workers with `settings`; `analytics` says whether
   * leak analytics are switched on (`settings.analytics` says whether this frame is measured).
   */
  submit(
    source: FrameSource,
    frame: LabFrame,
    settings: CipherSettings,
    size: { width: number; height: number },
    analytics: boolean,
  ): void {
    const engine = this.engine;
    if (!engine) return;
    const meta: FrameMeta = { ...frame, generation: this.generation, analytics };
    const options = { index: frame.index, size };
    const fail = (error: unknown) => this.report({ error: `A frame could not be captured: ${describe(error)}` });
    if (source.video && typeof VideoFrame === 'function') {
      let image: VideoFrame;
      try {
        image = new VideoFrame(source.video);
      } catch (error) {
        // A damaged or truncated file can fail part-way: VideoFrame then calls the video a "tainted
        // source" or in an "invalid state" (Chromium), before or without an `error` event. Name the file.
        const { kind, name } = source.info;
        if (source.video.error) this.report({ error: playbackErrorMessage(source.video, name) });
        else if (kind === 'video')
          this.report({
            error: `A frame of “${name}” could not be captured (${describe(error)}): the file may be damaged.`,
          });
        else fail(error);
        return;
      }
      engine.submit(image, settings, meta, options);
      this.lastRequested = frame.index;
      return;
    }
    const from = source.video ?? source.picture;
    if (!from) return;
    createImageBitmap(from).then((bitmap) => {
      if (meta.generation !== this.generation || !this.engine) bitmap.close();
      else {
        this.engine.submit(bitmap, settings, meta, options);
        this.lastRequested = frame.index;
      }
    }, fail);
  }

  /** Frames not drawn while playing: skipped here, replaced in the engine's queue, or never seen. */
  private dropped(): number {
    return this.skipped + (this.engine?.stats.dropped ?? 0);
  }

  private present(frame: EngineFrame<FrameMeta>): void {
    const { meta, panels } = frame;
    try {
      if (meta.generation !== this.generation) return;
      for (const [panel, picture] of Object.entries(panels) as [PanelId, PanelPicture][]) {
        const canvas = this.canvases[panel];
        if (canvas) presentPicture(canvas, picture, meta.index);
      }
    } finally {
      frame.release();
    }
    if (frame.primary.reads === 'noisy' && !this.toldNoisy) {
      this.toldNoisy = true;
      this.report({ notice: NOISY_READS_MESSAGE });
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
      plaintextBytes: frame.primary.plaintextBytes,
      pixelReads: frame.primary.reads,
      streams: { ecb: frame.primary.stream, gcm: frame.second.stream },
      metrics: frame.metrics,
      measured: row ?? (meta.analytics ? previous.measured : null),
      drawn: previous.drawn + 1,
      dropped: this.dropped(),
      fps: this.drawnTimes.length,
      timings: { primary: frame.primary.timings, second: frame.second.timings, receiver: frame.receiver.timings },
    });
    this.checkBehind(meta.index, panels);
  }
}
