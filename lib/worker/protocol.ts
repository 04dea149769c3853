/**
 * Messages between the page and the lab's three workers. A frame travels one way: the page hands the
 * primary worker a video frame; the primary scales and reads it, packs the plaintext and passes it
 * straight to the second worker over a MessageChannel, then encrypts the first ciphertext panel's stream
 * itself; the second worker encrypts the second panel's stream and passes the ciphertext on to the
 * receiver, which decrypts it with the key (the key holder's view), as the other end of a call does.
 * Each worker sends its finished panels (and its measurements) to the page as RGBA pixels, which the page
 * puts on the panels' canvases (lib/media/present explains why not as ImageBitmaps). Buffers are
 * transferred, never copied across threads, and each is handed back to its sender for reuse.
 */
import type { Layout } from '../cipher/layout';
import type { Mode } from '../cipher/keys';
import type { StreamMetrics } from '../metrics/frame-metrics';
import type { PixelReads } from './read-check';

/** The panels the workers draw: the four pictures, and the motion maps of the two streams. */
export type PanelId = 'original' | 'ecb' | 'gcm' | 'decrypted' | 'motion' | 'motion-gcm';

/** A panel's picture as a worker sends it: opaque RGBA pixels, row by row, in a transferred buffer. */
export interface PanelPicture {
  width: number;
  height: number;
  pixels: ArrayBuffer;
}

/** The panels a worker (or all three) drew for one frame. */
export type PanelPictures = Partial<Record<PanelId, PanelPicture>>;

/** The buffers of some panels' pictures: what a message transfers, and what goes back for reuse. */
export function pictureBuffers(pictures: PanelPictures): ArrayBuffer[] {
  return Object.values(pictures).map((picture) => picture.pixels);
}

/**
 * The two ciphertext panels. Each can show any mode; their ids name the modes they show by default, the
 * ones the story is about: AES-128-ECB (Zoom before 5.0) and AES-256-GCM (Zoom 5.0).
 */
export type CipherPanel = 'ecb' | 'gcm';
export const CIPHER_PANELS: readonly CipherPanel[] = ['ecb', 'gcm'];
/** What the ciphertext panels show unless told otherwise. */
export const DEFAULT_MODES: Readonly<Record<CipherPanel, Mode>> = { ecb: 'ecb', gcm: 'gcm' };

/** The lab's key for a mode: the AES-128 key for ECB, CBC and CTR, the AES-256 key for GCM. */
export function keyFor(mode: Mode, keys: { ecbKey: Uint8Array; gcmKey: Uint8Array }): Uint8Array {
  return mode === 'gcm' ? keys.gcmKey : keys.ecbKey;
}
export const MAIN_PANELS: readonly PanelId[] = ['original', 'ecb', 'gcm', 'decrypted'];
export const MOTION_PANELS: readonly PanelId[] = ['motion', 'motion-gcm'];
export const PANEL_IDS: readonly PanelId[] = [...MAIN_PANELS, ...MOTION_PANELS];

/** What every frame is encrypted with, and what to measure; sent with each frame so the workers agree. */
export interface CipherSettings {
  layout: Layout;
  bits: number;
  /** The mode each ciphertext panel shows. */
  modes: Record<CipherPanel, Mode>;
  /** The AES-128 key (ECB, CBC and CTR). */
  ecbKey: Uint8Array;
  /** The AES-256 key (GCM). */
  gcmKey: Uint8Array;
  /** Measure each stream (lib/metrics). */
  analytics: boolean;
  /** Draw the motion maps. */
  motion: boolean;
  /**
   * Leak analytics are on with the motion maps on the page: compare each frame with the one before, even
   * one neither measured nor mapped (maps out of sight), so the maps and the next measured frame are
   * compared with their predecessor.
   */
  follow: boolean;
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

/**
 * Page → worker: the ports that link it to its neighbours, in one message so that both are in place
 * before anything arrives on either. The primary gets `port` to the second worker; the second gets the
 * other end of it and `next`, to the receiver; the receiver gets the other end of that.
 */
export interface ConnectMessage {
  type: 'connect';
  port: MessagePort;
  next?: MessagePort;
}

/** Page → any worker: the buffers of pictures it sent, shown (or given up on) and handed back for reuse. */
export interface PicturesBack {
  type: 'pictures-back';
  buffers: ArrayBuffer[];
}

export type PageToWorker = FrameRequest | ConnectMessage | PicturesBack;

/** Primary → second worker: packed plaintext of one frame (the buffer is transferred). */
export interface PlaintextMessage {
  type: 'plaintext';
  seq: number;
  index: number;
  width: number;
  height: number;
  layout: Layout;
  bits: number;
  /** The second ciphertext panel's mode, and the key for it. */
  mode: Mode;
  key: Uint8Array;
  analytics: boolean;
  motion: boolean;
  follow: boolean;
  motionUnderlay: boolean;
  buffer: ArrayBuffer;
  length: number;
}

/** Second worker → primary, receiver → second worker: a buffer to reuse. */
export interface BufferReturn {
  type: 'return';
  buffer: ArrayBuffer;
}

export type PortMessage = PlaintextMessage | BufferReturn;

/** Second worker → receiver: one frame of the second ciphertext panel's stream (the buffer is transferred). */
export interface CiphertextMessage {
  type: 'ciphertext';
  seq: number;
  width: number;
  height: number;
  layout: Layout;
  mode: Mode;
  key: Uint8Array;
  /** GCM's first nonce, CBC's IV or CTR's initial counter block; null for ECB. */
  nonce: Uint8Array | null;
  /** GCM: each packet's nonce. */
  nonces: Uint8Array[];
  buffer: ArrayBuffer;
  /** The ciphertext's length in `buffer`. */
  length: number;
}

/**
 * Second worker → receiver: one GCM packet of a frame of several, sent as soon as it is sealed (the
 * buffer, one GCM message, is transferred), so the receiver opens it while the next packets are sealed.
 * The frame's CiphertextMessage follows its packets (unless the frame fails in the GCM worker).
 */
export interface PacketMessage {
  type: 'packet';
  seq: number;
  index: number;
  count: number;
  key: Uint8Array;
  nonce: Uint8Array;
  buffer: ArrayBuffer;
}

/** Milliseconds per named step of one frame in one worker. */
export type StageTimings = Record<string, number>;

/** What a worker reports about the ciphertext stream it made. */
export interface StreamInfo {
  mode: Mode;
  /** All the ciphertext, padding or tag included. */
  ciphertextBytes: number;
  /** GCM's (first packet's) nonce, CBC's IV or CTR's initial counter block, as hex; '' for ECB. */
  nonceHex: string;
  /** GCM: how many packets the frame was sealed as, each under the next nonce; 1 in the other modes. */
  packets: number;
  /** The bytes the picture cannot show, as hex: ECB's and CBC's padding, GCM's tags; '' for CTR. */
  trailingHex: string;
  /** Who ran AES: the browser's native WebCrypto, or noble (JavaScript). */
  engine: 'webcrypto' | 'noble';
  /** ECB blocks whose ciphertext was reused from the previous frame (unchanged plaintext); 0 otherwise. */
  reusedBlocks: number;
}

/** What the primary worker reports about a frame: its size, and the first ciphertext panel's stream. */
export interface PrimaryInfo {
  width: number;
  height: number;
  /** How the frame's pixels were read: exactly from a canvas or a VideoFrame, or noisily (see read-check). */
  reads: PixelReads;
  plaintextBytes: number;
  stream: StreamInfo;
  timings: StageTimings;
}

/** What the second worker reports about a frame: the second ciphertext panel's stream. */
export interface SecondInfo {
  stream: StreamInfo;
  timings: StageTimings;
}

/**
 * Measurements of the three streams of one frame: the plaintext, and the two ciphertext panels' streams
 * (named by their panels, whatever mode they show).
 */
export interface FrameMetrics {
  original: StreamMetrics;
  ecb: StreamMetrics;
  gcm: StreamMetrics;
}

/** Primary worker → page. */
export interface PrimaryResult {
  type: 'primary';
  seq: number;
  panels: PanelPictures;
  info: PrimaryInfo;
  metrics: Pick<FrameMetrics, 'original' | 'ecb'> | null;
}

/** Second worker → page. */
export interface SecondResult {
  type: 'second';
  seq: number;
  panels: PanelPictures;
  info: SecondInfo;
  metrics: Pick<FrameMetrics, 'gcm'> | null;
}

/** Receiver → page: the key holder's panel. */
export interface ReceiverResult {
  type: 'receiver';
  seq: number;
  panels: PanelPictures;
  info: { timings: StageTimings };
}

/** Any worker → page: the frame could not be processed. */
export interface WorkerFailure {
  type: 'failure';
  seq: number;
  message: string;
}

export type WorkerToPage = PrimaryResult | SecondResult | ReceiverResult | WorkerFailure;

/** The parts of a dedicated worker's global scope the lab workers use (the DOM lib lacks its type). */
export interface WorkerScope {
  onmessage: ((event: MessageEvent<PageToWorker>) => void) | null;
  postMessage(message: WorkerToPage, transfer?: Transferable[]): void;
}

/** The mode, key, layout, depth and size of a stream: frames that differ in any are never compared. */
export function streamIdentity(
  mode: Mode | 'plain',
  key: Uint8Array,
  layout: Layout,
  bits: number,
  width: number,
  height: number,
): string {
  let hex = '';
  for (const byte of key) hex += byte.toString(16).padStart(2, '0');
  return `${mode}|${layout}|${bits}|${width}x${height}|${hex}`;
}
