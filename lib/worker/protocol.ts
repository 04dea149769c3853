/**
 * Messages between the page and the lab's two workers. A frame travels one way: the page hands the
 * primary worker an ImageBitmap; the primary packs the pixels and passes the plaintext straight to the
 * ECB worker over a MessageChannel; each worker sends its finished panels to the page as ImageBitmaps.
 * Buffers are transferred, never copied, and the ECB worker hands plaintext buffers back for reuse.
 */
import type { Layout } from '../cipher/layout';

/** The panels the workers draw. */
export type PanelId = 'original' | 'ecb' | 'gcm' | 'decrypted';
export const PANEL_IDS: readonly PanelId[] = ['original', 'ecb', 'gcm', 'decrypted'];

/** What every frame is encrypted with; sent with each frame so both workers always agree. */
export interface CipherSettings {
  layout: Layout;
  bits: number;
  ecbKey: Uint8Array;
  gcmKey: Uint8Array;
}

/** Page → primary worker: one frame to process. */
export interface FrameRequest {
  type: 'frame';
  seq: number;
  bitmap: ImageBitmap;
  settings: CipherSettings;
}

/** Page → either worker: the port that links the two. */
export interface ConnectMessage {
  type: 'connect';
  port: MessagePort;
}

export type PageToWorker = FrameRequest | ConnectMessage;

/** Primary → ECB worker: packed plaintext of one frame (the buffer is transferred). */
export interface PlaintextMessage {
  type: 'plaintext';
  seq: number;
  width: number;
  height: number;
  layout: Layout;
  bits: number;
  ecbKey: Uint8Array;
  buffer: ArrayBuffer;
  length: number;
}

/** ECB worker → primary: a plaintext buffer to reuse. */
export interface BufferReturn {
  type: 'return';
  buffer: ArrayBuffer;
}

export type PortMessage = PlaintextMessage | BufferReturn;

/** What the ECB worker reports about a frame. */
export interface EcbInfo {
  ciphertextBytes: number;
  /** PKCS#7 padding bytes, not drawn. */
  paddingHex: string;
  /** Milliseconds spent per step, for the bench. */
  timings: StageTimings;
}

/** Milliseconds per named step of one frame in one worker. */
export type StageTimings = Record<string, number>;

/** What the primary worker reports about a frame. */
export interface PrimaryInfo {
  width: number;
  height: number;
  plaintextBytes: number;
  nonceHex: string;
  tagHex: string;
  /** 'webcrypto' (native) or 'noble' (pure JS fallback). */
  gcmEngine: 'webcrypto' | 'noble';
  timings: StageTimings;
}

/** ECB worker → page. */
export interface EcbResult {
  type: 'ecb';
  seq: number;
  bitmap: ImageBitmap;
  info: EcbInfo;
}

/** Primary worker → page. */
export interface PrimaryResult {
  type: 'primary';
  seq: number;
  bitmaps: Record<'original' | 'gcm' | 'decrypted', ImageBitmap>;
  info: PrimaryInfo;
}

/** Either worker → page: the frame could not be processed. */
export interface WorkerFailure {
  type: 'failure';
  seq: number;
  message: string;
}

export type WorkerToPage = EcbResult | PrimaryResult | WorkerFailure;

/** The parts of a dedicated worker's global scope the lab workers use (the DOM lib lacks its type). */
export interface WorkerScope {
  onmessage: ((event: MessageEvent<PageToWorker>) => void) | null;
  postMessage(message: WorkerToPage, transfer?: Transferable[]): void;
}
