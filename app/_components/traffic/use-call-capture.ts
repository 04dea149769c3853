'use client';

/**
 * Runs a call through the encoders in real time: the sample call or the reader's video played in a
 * hidden video element, or their webcam and microphone, encoded as a call would send them
 * (lib/media/call-encoder.ts); each packet is kept, and sealed with ECB and GCM in the traffic worker
 * for its wire sizes. Nothing leaves the page.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { generateKey } from '@/lib/cipher/keys';
import { CallEncoder, decodeSound, AUDIO_RATE, type EncodedPacket } from '@/lib/media/call-encoder';
import { demux, type Demuxed, type PacketWithData } from '@/lib/media/demux';
import { openFileSource, openSampleSource } from '@/lib/media/open-source';
import { sampleById } from '@/lib/media/samples';
import type { FrameSource } from '@/lib/media/source';
import type { Interval } from '@/lib/traffic/activity';
import type { TrafficWorker } from '@/lib/worker/traffic-client';

/** The processing size the call is encoded at, as the lab's default. */
export const CALL_SIZE = { width: 640, height: 360 };

/** A packet and its sealed sizes (0 until the worker has sealed it). */
export interface WirePacket extends Omit<EncodedPacket, 'data'> {
  ecb: number;
  gcm: number;
  data: Uint8Array;
}

/**
 * The sample call, the reader's video encoded as a call, their camera and microphone, or a file's own
 * packets as its container holds them (demuxed, not re-encoded).
 */
export type CallChoice =
  { kind: 'sample' } | { kind: 'file'; file: File } | { kind: 'webcam' } | { kind: 'packets'; file: File };

/** One meeting's keys, made when the call starts, as Zoom's server made one per meeting. */
export interface CallKeys {
  ecb: Uint8Array;
  gcm: Uint8Array;
}

/** The sample call's known events, seconds: what is said when, when the speaker is on camera, when the slide comes and changes. */
export interface CallTruth {
  speech: Interval[];
  transcript: string[];
  motion: Interval[];
  changes: number[];
}

function sampleTruth(): CallTruth {
  const sample = sampleById('meeting');
  return {
    speech: sample.speech,
    transcript: sample.transcript,
    motion: sample.scenes
      .filter((scene) => scene.name === 'speaker')
      .map((scene): Interval => [scene.start, scene.end]),
    changes: sample.scenes.filter((scene) => scene.start > 0).map((scene) => scene.start),
  };
}

/** How many packets of a file go to the worker at once. */
const SEAL_BATCH = 400;

export interface CaptureState {
  /** What is being encoded, or was. */
  source: string | null;
  /** Encoded here as a call (sample, video, camera), or the file's own packets read as they are. */
  packets: 'encoded' | 'own';
  running: boolean;
  /** Seconds of the call encoded so far. */
  time: number;
  duration: number | null;
  codec: string;
  error: string | null;
  /** The sound that was encoded, for "Hear it" (the microphone's once stopped; null without sound). */
  sound: Float32Array | null;
  /** What the source is known to hold (the sample call only). */
  truth: CallTruth | null;
  repeats: { blocks: number; within: number; across: number };
  keys: CallKeys | null;
}

const EMPTY: CaptureState = {
  source: null,
  packets: 'encoded',
  running: false,
  time: 0,
  duration: null,
  codec: '',
  error: null,
  sound: null,
  truth: null,
  repeats: { blocks: 0, within: 0, across: 0 },
  keys: null,
};

/** How often the page takes in new packets (ms): the timeline moves on four times a second. */
const BATCH_MS = 250;

function describe(error: unknown): string {
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

export function useCallCapture(worker: TrafficWorker, videoBitrate: number) {
  const [state, setCaptureState] = useState<CaptureState>(EMPTY);
  const [packets, setCapturePackets] = useState<WirePacket[]>([]);
  const stopRef = useRef<(() => void) | null>(null);
  /** Counts calls: a call's late updates (a flush after a new call began) are dropped. */
  const generation = useRef(0);

  const stop = useCallback(() => {
    stopRef.current?.();
    stopRef.current = null;
  }, []);
  useEffect(() => stop, [stop]);

  const start = useCallback(
    async (choice: CallChoice) => {
      stop();
      const mine = ++generation.current;
      const setState = (update: (current: CaptureState) => CaptureState) => {
        if (generation.current === mine) setCaptureState(update);
      };
      const setPackets = (list: WirePacket[]) => {
        if (generation.current === mine) setCapturePackets(list);
      };
      const name =
        choice.kind === 'sample'
          ? sampleById('meeting').title
          : choice.kind === 'webcam'
            ? 'Your camera and microphone'
            : choice.file.name;
      const keys: CallKeys = { ecb: generateKey('ecb'), gcm: generateKey('gcm') };
      let stopped = false;
      const cleanups: (() => void)[] = [];
      const pending: WirePacket[] = [];
      const all: WirePacket[] = [];
      let flushing = Promise.resolve();
      const seal = () => {
        const batch = pending.splice(0);
        if (batch.length === 0) return;
        flushing = flushing.then(async () => {
          const sealed = await worker.call(
            'sealPackets',
            batch.map((p) => p.data),
            keys,
          );
          batch.forEach((packet, i) => {
            packet.ecb = sealed.ecb[i];
            packet.gcm = sealed.gcm[i];
          });
          all.push(...batch);
          setPackets([...all]);
          setState((current) => ({ ...current, repeats: sealed.repeats }));
        });
      };
      const timer = setInterval(seal, BATCH_MS);
      cleanups.push(() => clearInterval(timer));
      const fail = (error: unknown) => {
        if (!stopped) setState((current) => ({ ...current, running: false, error: describe(error) }));
        finish();
      };
      const encoder = new CallEncoder({
        ...CALL_SIZE,
        videoBitrate,
        audioBitrate: 24_000,
        onPacket: (packet) => pending.push({ ...packet, ecb: 0, gcm: 0 }),
        onError: fail,
      });
      const finish = () => {
        if (stopped) return;
        stopped = true;
        cleanups.forEach((cleanup) => cleanup());
        void encoder
          .flush()
          .catch(() => undefined)
          .then(() => {
            encoder.close();
            seal();
            return flushing;
          })
          .then(() => setState((current) => ({ ...current, running: false })));
      };
      stopRef.current = finish;
      setPackets([]);
      setState(() => ({
        ...EMPTY,
        source: name,
        running: true,
        keys,
        packets: choice.kind === 'packets' ? 'own' : 'encoded',
      }));

      try {
        if (choice.kind === 'packets') {
          await readOwnPackets(choice.file, pending, seal, setState);
          finish();
          return;
        }
        await encoder.start();
        if (stopped) return;
        if (choice.kind === 'webcam') await captureWebcam(encoder, cleanups, setState, fail, () => stopped);
        else {
          const bytes =
            choice.kind === 'sample'
              ? await (await fetch(sampleById('meeting').file)).arrayBuffer()
              : await choice.file.arrayBuffer();
          const sound = await decodeSound(bytes);
          const source =
            choice.kind === 'sample'
              ? await openSampleSource(sampleById('meeting'))
              : await openFileSource(choice.file);
          if (stopped) {
            source.dispose();
            return;
          }
          cleanups.push(() => source.dispose());
          if (!source.video) throw new Error(`“${source.info.name}” is a picture: a call needs a video.`);
          const truth = choice.kind === 'sample' ? sampleTruth() : null;
          setState((current) => ({ ...current, codec: encoder.codec, duration: source.info.duration, sound, truth }));
          playThrough(source, encoder, sound, cleanups, finish, fail, (time) =>
            setState((current) => ({ ...current, time })),
          );
        }
      } catch (error) {
        fail(error);
      }
    },
    [worker, videoBitrate, stop],
  );

  return { state, packets, start, stop };
}

/**
 * A file's own packets (demuxed with their bytes, not re-encoded) queued for sealing, `SEAL_BATCH` at a
 * time, in presentation order per track; and its sound decoded for "Hear it".
 */
async function readOwnPackets(
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
function playThrough(
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
async function captureWebcam(
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
