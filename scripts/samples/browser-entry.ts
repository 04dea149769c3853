/**
 * The browser half of the sample generator: draws the synthetic meeting, encodes it with WebCodecs
 * through mediabunny, decodes files back through a plain <video> element (as the site does), and rasterises
 * the penguin SVG. Bundled by make-samples.ts and run in headless Chromium from a file:// page, because
 * WebCodecs needs a secure context. Bytes cross to Node as base64.
 */
import {
  ALL_FORMATS,
  BufferSource,
  BufferTarget,
  CanvasSource,
  Input,
  Mp4OutputFormat,
  Output,
  Quality,
  WebMOutputFormat,
} from 'mediabunny';
import { drawMeetingFrame, MEETING_SCENES } from './synthetic-meeting';
import { packFrame } from '../../lib/cipher/layout';
import { countRepeatedBlocks } from '../../lib/metrics/blocks';

/** How to encode a stretch of the meeting. */
export interface EncodeRequest {
  width: number;
  height: number;
  fps: number;
  /** Meeting time of the clip's first frame, seconds. */
  fromS: number;
  durationS: number;
  codec: 'vp9' | 'vp8' | 'avc';
  container: 'webm' | 'mp4';
  /** Constant quantizer (VP8/VP9 0–63, lower is better); a bitrate is the fallback. */
  quantizer: number;
  bitrate: number;
}

/** RGBA pixels crossing to Node. */
export interface RgbaImage {
  width: number;
  height: number;
  rgbaBase64: string;
}

/** One frame read back from a decoded file. */
export interface DecodedFrame extends RgbaImage {
  timeS: number;
  /** Share of 16-byte blocks of the 8-bit RGB bytes whose value occurs more than once. */
  repeatedRgb: number;
}

/** What mediabunny and WebCodecs make of a file: its container, its video codec, and whether it decodes. */
export interface WebCodecsProbe {
  container: string | null;
  codec: string | null;
  codecString: string | null;
  canDecode: boolean | null;
  error: string | null;
}

/** What a <video> element made of a file. */
export interface PlaybackProbe {
  canPlayType: string;
  outcome: 'loadeddata' | 'error';
  errorCode: number | null;
  errorMessage: string | null;
  videoWidth: number;
  videoHeight: number;
  durationS: number;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function canvas2d(width: number, height: number): { canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D } {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2D canvas context');
  return { canvas, ctx };
}

function snapshot(ctx: CanvasRenderingContext2D, width: number, height: number): RgbaImage {
  const data = ctx.getImageData(0, 0, width, height).data;
  return { width, height, rgbaBase64: toBase64(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)) };
}

function repeatedShare(ctx: CanvasRenderingContext2D, width: number, height: number): number {
  const image = ctx.getImageData(0, 0, width, height);
  const stats = countRepeatedBlocks(packFrame({ width, height, data: image.data }, 'rgb', 8));
  return stats.repeated / stats.blocks;
}

/** The meeting drawn straight to a canvas at `timeS`, with its repeated-block share. */
function drawMeeting(width: number, height: number, timeS: number): RgbaImage & { repeatedRgb: number } {
  const { ctx } = canvas2d(width, height);
  drawMeetingFrame(ctx, width, height, timeS);
  return { ...snapshot(ctx, width, height), repeatedRgb: repeatedShare(ctx, width, height) };
}

/**
 * Encodes frames `fromS + n / fps` one by one with exact timestamps, not in real time. Key frames fall
 * only on the first frame and where a scene starts, as a scene-cut detector would put them, so a static
 * slide is not re-encoded mid-scene and its pixels stay put from frame to frame.
 */
async function encodeMeeting(request: EncodeRequest): Promise<string> {
  const { width, height, fps, fromS, durationS } = request;
  const { canvas, ctx } = canvas2d(width, height);
  const output = new Output({
    format: request.container === 'webm' ? new WebMOutputFormat() : new Mp4OutputFormat({ fastStart: 'in-memory' }),
    target: new BufferTarget(),
  });
  const source = new CanvasSource(canvas, {
    codec: request.codec,
    quality: new Quality({ quantizer: request.quantizer, bitrate: request.bitrate }),
    latencyMode: 'quality',
  });
  output.addVideoTrack(source, { frameRate: fps });
  await output.start();
  const frames = Math.round(durationS * fps);
  const first = Math.round(fromS * fps);
  const sceneStarts = new Set(MEETING_SCENES.map((scene) => Math.round(scene.start * fps)));
  for (let n = 0; n < frames; n++) {
    drawMeetingFrame(ctx, width, height, (first + n) / fps);
    await source.add(n / fps, 1 / fps, { keyFrame: n === 0 || sceneStarts.has(first + n) });
  }
  await output.finalize();
  const buffer = output.target.buffer;
  if (!buffer) throw new Error('the encoder produced no file');
  return toBase64(new Uint8Array(buffer));
}

function loadVideo(bytes: Uint8Array, mimeType: string): Promise<{ video: HTMLVideoElement; url: string; probe: PlaybackProbe }> {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mimeType }));
  const video = document.createElement('video');
  video.muted = true;
  video.preload = 'auto';
  const canPlayType = video.canPlayType(mimeType);
  return new Promise((resolve) => {
    const done = (outcome: PlaybackProbe['outcome']) => {
      const duration = Number.isFinite(video.duration) ? video.duration : NaN;
      resolve({
        video,
        url,
        probe: {
          canPlayType,
          outcome,
          errorCode: video.error?.code ?? null,
          errorMessage: video.error?.message ?? null,
          videoWidth: video.videoWidth,
          videoHeight: video.videoHeight,
          durationS: duration,
        },
      });
    };
    video.addEventListener('loadeddata', () => done('loadeddata'), { once: true });
    video.addEventListener('error', () => done('error'), { once: true });
    video.src = url;
  });
}

async function probeWebCodecs(bytes: Uint8Array): Promise<WebCodecsProbe> {
  const probe: WebCodecsProbe = { container: null, codec: null, codecString: null, canDecode: null, error: null };
  const input = new Input({ source: new BufferSource(bytes), formats: ALL_FORMATS });
  try {
    if (!(await input.canRead())) return probe;
    probe.container = (await input.getFormat()).name;
    const track = await input.getPrimaryVideoTrack();
    if (!track) return probe;
    probe.codec = track.codec;
    probe.codecString = await track.getCodecParameterString();
    probe.canDecode = await track.canDecode();
  } catch (error) {
    probe.error = error instanceof Error ? error.message : String(error);
  } finally {
    input.dispose();
  }
  return probe;
}

/**
 * Loads a file into a <video> element and reports whether Chromium could decode a first frame, and what
 * mediabunny's WebCodecs path makes of the same bytes.
 */
async function probePlayback(base64: string, mimeType: string): Promise<PlaybackProbe & { webCodecs: WebCodecsProbe }> {
  const bytes = fromBase64(base64);
  const { url, probe } = await loadVideo(bytes, mimeType);
  URL.revokeObjectURL(url);
  return { ...probe, webCodecs: await probeWebCodecs(bytes) };
}

function seek(video: HTMLVideoElement, timeS: number): Promise<void> {
  return new Promise((resolve, reject) => {
    video.addEventListener('seeked', () => resolve(), { once: true });
    video.addEventListener('error', () => reject(new Error(`seek to ${timeS}s failed: ${video.error?.message}`)), { once: true });
    video.currentTime = timeS;
  });
}

/** Decodes a file through <video>, draws the frames at `timesS` to a canvas and measures them. */
async function decodeFrames(base64: string, mimeType: string, timesS: number[]): Promise<DecodedFrame[]> {
  const { video, url, probe } = await loadVideo(fromBase64(base64), mimeType);
  if (probe.outcome === 'error') throw new Error(`Chromium cannot play this ${mimeType}: ${probe.errorMessage}`);
  const { videoWidth: width, videoHeight: height } = video;
  const { ctx } = canvas2d(width, height);
  const frames: DecodedFrame[] = [];
  for (const timeS of timesS) {
    await seek(video, timeS);
    ctx.drawImage(video, 0, 0, width, height);
    frames.push({ timeS, ...snapshot(ctx, width, height), repeatedRgb: repeatedShare(ctx, width, height) });
  }
  URL.revokeObjectURL(url);
  return frames;
}

/** Rasterises an SVG document at `width × height`. */
async function rasterizeSvg(svg: string, width: number, height: number): Promise<RgbaImage> {
  const image = new Image(width, height);
  image.src = `data:image/svg+xml;base64,${btoa(svg)}`;
  await image.decode();
  const { ctx } = canvas2d(width, height);
  ctx.drawImage(image, 0, 0, width, height);
  return snapshot(ctx, width, height);
}

/** A small picture of flat shapes (sky, sun, hills, a house) for image-upload tests. */
function drawPicture(ctx: CanvasRenderingContext2D, width: number, height: number): void {
  ctx.fillStyle = '#A9D2EA';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#F4C95D';
  ctx.beginPath();
  ctx.arc(160, 34, 18, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = '#4F7A8A';
  ctx.fillRect(0, 104, width, height - 104);
  ctx.fillStyle = '#F8F5EF';
  ctx.fillRect(40, 70, 64, 50);
  ctx.fillStyle = '#C0392B';
  ctx.beginPath();
  ctx.moveTo(32, 72);
  ctx.lineTo(72, 40);
  ctx.lineTo(112, 72);
  ctx.closePath();
  ctx.fill();
  ctx.fillStyle = '#2F3640';
  ctx.fillRect(64, 92, 16, 28);
}

/** The flat-shapes picture as RGBA pixels and as a JPEG from canvas.toBlob. */
async function makePicture(width: number, height: number, jpegQuality: number): Promise<RgbaImage & { jpegBase64: string }> {
  const { canvas, ctx } = canvas2d(width, height);
  drawPicture(ctx, width, height);
  const jpeg = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('canvas.toBlob gave no JPEG'))), 'image/jpeg', jpegQuality),
  );
  return { ...snapshot(ctx, width, height), jpegBase64: toBase64(new Uint8Array(await jpeg.arrayBuffer())) };
}

const api = { drawMeeting, encodeMeeting, probePlayback, decodeFrames, rasterizeSvg, makePicture };

/** What the bundle puts on `globalThis.ecbLensSamples`. */
export type SamplesApi = typeof api;

(globalThis as unknown as { ecbLensSamples: SamplesApi }).ecbLensSamples = api;
