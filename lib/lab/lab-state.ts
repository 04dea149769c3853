/**
 * What the lab shows, as two snapshots for the page to render: the state, which changes when the user
 * does something, and the clock, which changes with every frame drawn (so its readers stay small).
 */
import type { Layout } from '../cipher/layout';
import type { Mode } from '../cipher/keys';
import type { PixelReads } from '../worker/read-check';
import type { SourceInfo } from '../media/source';
import type { CipherPanel, FrameMetrics, StreamInfo } from '../worker/protocol';
import type { LabParams, ProcessingWidth } from './lab-options';
import type { MetricsRow } from './metrics-history';

export interface LabSettings {
  layout: Layout;
  bits: number;
  width: ProcessingWidth;
  /** The mode each ciphertext panel shows (ECB and GCM unless changed). */
  modes: Record<CipherPanel, Mode>;
  /** The AES-128 key (ECB, CBC, CTR) and the AES-256 key (GCM), as hex. */
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
  plaintextBytes: number;
  /** How the frame on screen was read: exactly (from a canvas or a VideoFrame) or noisily; null before any. */
  pixelReads: PixelReads | null;
  /** The two ciphertext panels' streams in the frame on screen: mode, nonce or IV, padding or tag; null before any. */
  streams: Record<CipherPanel, StreamInfo> | null;
  /**
   * The three streams' measurements for the frame on screen; null with analytics off, and for the
   * frames played between two measured ones (see lib/lab/measure-cadence.ts).
   */
  metrics: FrameMetrics | null;
  /**
   * The last frame measured: the frame on screen when paused; while playing, at most one measuring
   * interval behind (100 ms up to 640×360, 400 ms at 1280×720); null before any, after a new source or
   * new settings, or with analytics off.
   */
  measured: MetricsRow | null;
  drawn: number;
  dropped: number;
  /** Frames drawn per second over the last second. */
  fps: number;
  /** Milliseconds per step of the last frame, per worker (for the bench). */
  timings: { primary: Record<string, number>; second: Record<string, number>; receiver: Record<string, number> };
}

/** Options fixed when the lab is created (from the URL, or an embed's settings). */
export interface LabOptions {
  /** Keys as hex, already checked by the lab's options (lib/lab/lab-options.ts); random when absent. */
  ecbKeyHex?: string | null;
  gcmKeyHex?: string | null;
  layout?: Layout;
  bits?: number;
  width?: ProcessingWidth;
  modes?: Record<CipherPanel, Mode>;
  loop?: boolean;
  muted?: boolean;
  /** Measure every frame and draw motion maps (default true); a still demo needs neither. */
  analytics?: boolean;
  /** Problems found while reading the options, shown until dismissed. */
  problems?: string[];
}

/** What {@link LabController.apply} acts on: the options that belong to the lab, not to a page's view. */
export type LabChanges = Partial<Omit<LabParams, 'panels' | 'controls' | 'theme' | 'lms'>>;

/** The clock before any frame is drawn. */
export const EMPTY_CLOCK: LabClock = {
  frame: 0,
  time: 0,
  size: null,
  plaintextBytes: 0,
  pixelReads: null,
  streams: null,
  metrics: null,
  measured: null,
  drawn: 0,
  dropped: 0,
  fps: 0,
  timings: { primary: {}, second: {}, receiver: {} },
};
