'use client';

/**
 * Runs a call through the encoders in real time: the sample call or the reader's video played in a
 * hidden video element, or their webcam and microphone, encoded as a call would send them
 * (lib/media/call-encoder.ts); each packet is kept, and sealed with ECB and GCM in the traffic worker
 * for its wire sizes. Nothing leaves the page.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { generateKey } from '@/lib/cipher/keys';
import { CallEncoder, decodeSound, type EncodedPacket } from '@/lib/media/call-encoder';
import { openFileSource, openSampleSource } from '@/lib/media/open-source';
import { sampleById } from '@/lib/media/samples';
import type { Interval } from '@/lib/traffic/activity';
import type { TrafficWorker } from '@/lib/worker/traffic-client';
import { captureWebcam, describe, playThrough, readOwnPackets } from './call-sources';

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
