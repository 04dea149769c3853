/**
 * Messages between the page and the lab's two workers. A frame travels one way: the page hands the
 * primary worker a video frame; the primary scales and reads it, packs the plaintext and passes it
 * straight to the GCM worker over a MessageChannel, then encrypts with ECB itself; each worker sends its
 * finished panels (and its measurements) to the page as ImageBitmaps. Buffers are transferred, never
 * copied, and the GCM worker hands plaintext buffers back for reuse.
 */
import type { Layout } from '../cipher/layout';
import type { StreamMetrics } from '../metrics/frame-metrics';

/** The panels the workers draw: the four pictures, and the motion maps of the two streams. */
export type PanelId = 'original' | 'ecb' | 'gcm' | 'decrypted' | 'motion' | 'motion-gcm';
export const MAIN_PANELS: readonly PanelId[] = ['original', 'ecb', 'gcm', 'decrypted'];
export const MOTION_PANELS: readonly PanelId[] = ['motion', 'motion-gcm'];
export const PANEL_IDS: readonly PanelId[] = [...MAIN_PANELS, ...MOTION_PANELS];

/** What every frame is encrypted with, and what to measure; sent with each frame so both workers agree. */
export interface CipherSettings {
  layout: Layout;
  bits: number;
  ecbKey: Uint8Array;
  gcmKey: Uint8Array;
  /** Measure each stream (lib/metrics). */
  analytics: boolean;
  /** Draw the motion maps. */
  motion: boolean;
  /** Draw them over a dimmed copy of the picture (false: the two colours alone, an eavesdropper's view). */
  motionUnderlay: boolean;
}

/**
 * A picture handed to the workers: a VideoFrame straight from the video element (cheap to take on the
 * main thread, scaled in the worker) or an ImageBitmap (pictures, and browsers without WebCodecs).
 */
export type FrameImage = ImageBitmap | VideoFrame;

/** Page → primary worker: one frame to process, to be scaled to `width × height`. */
export interface FrameRequest {
  type: 'frame';
  seq: number;
  /** The frame's number in its source, so that consecutive frames can be compared. */
  index: number;
  image: FrameImage;
  width: number;
  height: number;
  settings: CipherSettings;
}

/** Page → either worker: the port that links the two. */
export interface ConnectMessage {
  type: 'connect';
  port: MessagePort;
}

export type PageToWorker = FrameRequest | ConnectMessage;

/** Primary → GCM worker: packed plaintext of one frame (the buffer is transferred). */
export interface PlaintextMessage {
  type: 'plaintext';
  seq: number;
  index: number;
  width: number;
  height: number;
  layout: Layout;
  bits: number;
  gcmKey: Uint8Array;
  analytics: boolean;
  motion: boolean;
  motionUnderlay: boolean;
  buffer: ArrayBuffer;
  length: number;
}

/** GCM worker → primary: a plaintext buffer to reuse. */
export interface BufferReturn {
  type: 'return';
  buffer: ArrayBuffer;
}

export type PortMessage = PlaintextMessage | BufferReturn;

/** Milliseconds per named step of one frame in one worker. */
export type StageTimings = Record<string, number>;

/** What the primary worker reports about a frame: its size, and ECB's side. */
export interface PrimaryInfo {
  width: number;
  height: number;
  plaintextBytes: number;
  ecbCiphertextBytes: number;
  /** PKCS#7 padding bytes, not drawn. */
  paddingHex: string;
  /** ECB blocks whose ciphertext was reused from the previous frame (unchanged plaintext). */
  reusedBlocks: number;
  timings: StageTimings;
}

/** What the GCM worker reports about a frame. */
export interface GcmInfo {
  nonceHex: string;
  tagHex: string;
  /** 'webcrypto' (native) or 'noble' (pure JS fallback). */
  gcmEngine: 'webcrypto' | 'noble';
  timings: StageTimings;
}

/** Measurements of the three streams of one frame. */
export interface FrameMetrics {
  original: StreamMetrics;
  ecb: StreamMetrics;
  gcm: StreamMetrics;
}

/** Primary worker → page. */
export interface PrimaryResult {
  type: 'primary';
  seq: number;
  bitmaps: Partial<Record<PanelId, ImageBitmap>>;
  info: PrimaryInfo;
  metrics: Pick<FrameMetrics, 'original' | 'ecb'> | null;
}

/** GCM worker → page. */
export interface GcmResult {
  type: 'gcm';
  seq: number;
  bitmaps: Partial<Record<PanelId, ImageBitmap>>;
  info: GcmInfo;
  metrics: Pick<FrameMetrics, 'gcm'> | null;
}

/** Either worker → page: the frame could not be processed. */
export interface WorkerFailure {
  type: 'failure';
  seq: number;
  message: string;
}

export type WorkerToPage = PrimaryResult | GcmResult | WorkerFailure;

/** The parts of a dedicated worker's global scope the lab workers use (the DOM lib lacks its type). */
export interface WorkerScope {
  onmessage: ((event: MessageEvent<PageToWorker>) => void) | null;
  postMessage(message: WorkerToPage, transfer?: Transferable[]): void;
}

/** The key, layout, depth and size of a stream: frames that differ in any are never compared. */
export function streamIdentity(key: Uint8Array, layout: Layout, bits: number, width: number, height: number): string {
  let hex = '';
  for (const byte of key) hex += byte.toString(16).padStart(2, '0');
  return `${layout}|${bits}|${width}x${height}|${hex}`;
}
