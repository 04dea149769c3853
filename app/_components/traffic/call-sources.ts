'use client';

/**
 * Where a call's packets come from: a video played through once, the webcam and microphone read frame
 * by frame, or a file's own packets read as its container holds them.
 */
import { AUDIO_RATE, decodeSound, type CallEncoder } from '@/lib/media/call-encoder';
import { demux, type Demuxed, type PacketWithData } from '@/lib/media/demux';
import type { FrameSource } from '@/lib/media/source';
import type { CaptureState, WirePacket } from './use-call-capture';

/** How many packets of a file go to the worker at once. */
const SEAL_BATCH = 400;

/** An error's message, for the page. */
export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The frame a video element shows, at its media time. It wraps the decoded frame without copying; the
 * encoder scales it to the call's size, as WebCodecs requires of it (VideoEncoderConfig.width: "The
 * encoder MUST scale any VideoFrame whose [[visible width]] differs from this value"). Resizing here
 * instead (createImageBitmap) cost 35–70 ms of main thread a frame in headless Chromium.
 */
function frameOf(video: HTMLVideoElement, mediaTime: number): VideoFrame {
  return new VideoFrame(video, { timestamp: Math.round(mediaTime * 1e6) });
}

/**
 * A file's own packets (demuxed with their bytes, not re-encoded) queued for sealing, `SEAL_BATCH` at a
 * time, in presentation order per track; and its sound decoded for "Hear it".
 */
export async function readOwnPackets(
  file: File,
  pending: WirePacket[],
  seal: () => void,
  setState: (update: (current: CaptureState) => CaptureState) => void,
): Promise<void> {
  let demuxed: Demuxed<PacketWithData>;
  try {
    demuxed = await demux(file, { data: true });
  } catch (error) {
    throw new Error(`“${file.name}” has no packets to read: ${describe(error)}. Try a WebM, MP4, MKV or MOV video.`);
  }
  const { duration, tracks } = demuxed;
  const codec = tracks.map((track) => `${track.kind} ${track.codec}`).join(', ');
  setState((current) => ({ ...current, codec, duration, time: duration }));
  const all = tracks.flatMap((track) => [...track.packets].sort((a, b) => a.time - b.time));
  for (let at = 0; at < all.length; at += SEAL_BATCH) {
    pending.push(...all.slice(at, at + SEAL_BATCH).map((packet) => ({ ...packet, ecb: 0, gcm: 0 })));
    seal();
  }
  const sound = await decodeSound(await file.arrayBuffer());
  setState((current) => ({ ...current, sound }));
}

/** Plays a video file once, encoding every frame it presents and the sound up to that frame's time. */
export function playThrough(
  source: FrameSource,
  encoder: CallEncoder,
  sound: Float32Array | null,
  cleanups: (() => void)[],
  finish: () => void,
  fail: (error: unknown) => void,
  progress: (time: number) => void,
): void {
  const video = source.video as HTMLVideoElement;
  let live = true;
  cleanups.push(() => {
    live = false;
  });
  const feedSound = (until: number) => {
    if (!sound) return;
    const from = Math.round(encoder.audioSeconds * AUDIO_RATE);
    const to = Math.min(sound.length, Math.round(until * AUDIO_RATE));
    if (to > from) encoder.encodeSamples(sound.subarray(from, to), from / AUDIO_RATE);
  };
  const onFrame = (_now: number, metadata: VideoFrameCallbackMetadata) => {
    if (!live) return;
    video.requestVideoFrameCallback(onFrame);
    const time = metadata.mediaTime;
    feedSound(time);
    progress(time);
    try {
      encoder.encodeFrame(frameOf(video, time));
    } catch (error) {
      fail(error);
    }
  };
  video.requestVideoFrameCallback(onFrame);
  video.addEventListener(
    'ended',
    () => {
      feedSound(video.duration);
      progress(video.duration);
      finish();
    },
    { once: true },
  );
  video.currentTime = 0;
  video.play().catch(fail);
}

/** The webcam and microphone, read frame by frame (MediaStreamTrackProcessor) until stopped. */
export async function captureWebcam(
  encoder: CallEncoder,
  cleanups: (() => void)[],
  setState: (update: (current: CaptureState) => CaptureState) => void,
  fail: (error: unknown) => void,
  stopped: () => boolean,
): Promise<void> {
  type Processor = new (init: { track: MediaStreamTrack }) => { readable: ReadableStream<VideoFrame | AudioData> };
  const Processor = (globalThis as unknown as { MediaStreamTrackProcessor?: Processor }).MediaStreamTrackProcessor;
  if (!Processor)
    throw new Error(
      'This browser cannot read camera and microphone frames directly (no MediaStreamTrackProcessor): use the sample call or a video of yours here.',
    );
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      video: { width: 640, height: 360 },
      audio: { channelCount: 1, sampleRate: AUDIO_RATE },
    });
  } catch (error) {
    throw new Error(`The camera and microphone could not be opened: ${describe(error)}.`);
  }
  const release = () => stream.getTracks().forEach((track) => track.stop());
  // Stopped while the browser asked for permission: let go of the camera at once.
  if (stopped()) return release();
  cleanups.push(release);
  setState((current) => ({ ...current, codec: encoder.codec, duration: null }));
  // The microphone's sound, kept in the page for "Hear it" once the call stops (up to ten minutes).
  const heard: Float32Array[] = [];
  let heardLength = 0;
  cleanups.push(() => {
    const length = Math.min(MAX_HEARD, heardLength);
    const sound = new Float32Array(length);
    let at = 0;
    for (const chunk of heard) {
      if (at >= length) break;
      sound.set(chunk.subarray(0, length - at), at);
      at += chunk.length;
    }
    setState((current) => ({ ...current, sound: length > 0 ? sound : null }));
  });
  let first: number | null = null;
  const read = async (track: MediaStreamTrack) => {
    const reader = new Processor({ track }).readable.getReader();
    cleanups.push(() => void reader.cancel());
    for (;;) {
      const { value, done } = await reader.read();
      if (done || !value) return;
      first ??= value.timestamp;
      const time = (value.timestamp - first) / 1e6;
      if (value instanceof VideoFrame) {
        // Re-stamped on the call's clock; the encoder scales it to the call's size.
        const frame = new VideoFrame(value, { timestamp: Math.round(time * 1e6) });
        value.close();
        encoder.encodeFrame(frame);
        setState((current) => ({ ...current, time }));
      } else {
        const samples = new Float32Array(value.numberOfFrames);
        value.copyTo(samples, { planeIndex: 0, format: 'f32-planar' });
        const rate = value.sampleRate;
        value.close();
        const at48k = rate === AUDIO_RATE ? samples : resample(samples, rate);
        encoder.encodeSamples(at48k, time);
        if (heardLength < MAX_HEARD) {
          heard.push(at48k);
          heardLength += at48k.length;
        }
      }
    }
  };
  for (const track of stream.getTracks()) read(track).catch(fail);
}

/** The most microphone sound kept for "Hear it": ten minutes at 48 kHz (115 MB as floats). */
const MAX_HEARD = 10 * 60 * AUDIO_RATE;

/** Samples at `rate` brought to 48 kHz by linear interpolation (a microphone may run at 44.1 kHz). */
function resample(samples: Float32Array, rate: number): Float32Array {
  const out = new Float32Array(Math.round((samples.length * AUDIO_RATE) / rate));
  for (let i = 0; i < out.length; i++) {
    const at = (i * rate) / AUDIO_RATE;
    const low = Math.floor(at);
    const high = Math.min(samples.length - 1, low + 1);
    out[i] = samples[low] + (samples[high] - samples[low]) * (at - low);
  }
  return out;
}
