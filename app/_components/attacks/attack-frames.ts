'use client';

/**
 * The frames the attack lab works on, taken from the source the reader picks: three moments of a video
 * (the meeting: its slide, and the speaker twice), three grabs of the webcam a few frames apart (the
 * camera is released at once), or a picture with its mirror images as the other two frames.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Frame } from '@/lib/cipher/frame';
import type { FrameGeometry, PixelRect } from '@/lib/attacks/geometry';
import { grabFrame } from '@/lib/media/frame-grabber';
import { openFileSource, openSampleSource } from '@/lib/media/open-source';
import { sampleById } from '@/lib/media/samples';
import type { FrameSource } from '@/lib/media/source';
import { openWebcam } from '@/lib/media/video-source';

/** How wide the attack lab's frames are: small enough that every attack answers at once. */
export const ATTACK_WIDTH = 320;

/** The three frames and what is known about them. */
export interface AttackFrames {
  /** The source's name. */
  source: string;
  /** Frame A: the one everyone saw (the meeting's slide): the attacker's known plaintext. */
  a: Frame;
  /** Frames B and C: two more frames of the call (the meeting's speaker). */
  b: Frame;
  c: Frame;
  /** What each frame is, for the captions. */
  names: { a: string; b: string; c: string };
  geometry: FrameGeometry;
  /** Regions worth pointing at, in frame pixels: the speaker's face, the slide's first bar. */
  regions: { face: PixelRect | null; firstBar: PixelRect | null };
}

export type AttackSourceChoice = { kind: 'sample'; id: string } | { kind: 'file'; file: File } | { kind: 'webcam' };

/** A picture turned: mirrored left to right, or upside down. */
function turned(frame: Frame, how: 'mirror' | 'flip'): Frame {
  const { width, height, data } = frame;
  const out = new Uint8ClampedArray(data.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const from = how === 'mirror' ? (y * width + (width - 1 - x)) * 4 : ((height - 1 - y) * width + x) * 4;
      out.set(data.subarray(from, from + 4), (y * width + x) * 4);
    }
  }
  return { width, height, data: out };
}

/** Waits until the video has presented `count` more frames. */
function framesLater(video: HTMLVideoElement, count: number): Promise<void> {
  return new Promise((resolve) => {
    let left = count;
    const tick = () => (--left <= 0 ? resolve() : video.requestVideoFrameCallback(tick));
    video.requestVideoFrameCallback(tick);
  });
}

async function takeFrames(source: FrameSource, sampleId: string | null): Promise<AttackFrames> {
  const { info } = source;
  const geometryOf = (frame: Frame): FrameGeometry => ({ width: frame.width, height: frame.height, bytesPerPixel: 3 });
  if (info.kind === 'picture') {
    const a = await grabFrame(source, ATTACK_WIDTH);
    return {
      source: info.name,
      a,
      b: turned(a, 'mirror'),
      c: turned(a, 'flip'),
      names: { a: 'the picture', b: 'the picture mirrored', c: 'the picture upside down' },
      geometry: geometryOf(a),
      regions: { face: null, firstBar: null },
    };
  }
  if (info.kind === 'webcam') {
    const video = source.video as HTMLVideoElement;
    const a = await grabFrame(source, ATTACK_WIDTH);
    await framesLater(video, 10);
    const b = await grabFrame(source, ATTACK_WIDTH);
    await framesLater(video, 10);
    const c = await grabFrame(source, ATTACK_WIDTH);
    return {
      source: info.name,
      a,
      b,
      c,
      names: { a: 'your camera, first frame', b: 'a third of a second later', c: 'later again' },
      geometry: geometryOf(a),
      regions: { face: null, firstBar: null },
    };
  }
  const sample = sampleId ? sampleById(sampleId) : null;
  const moments = sample?.moments ?? {};
  const duration = info.duration ?? 1;
  const at = (name: string, share: number) => moments[name] ?? duration * share;
  const a = await grabFrame(source, ATTACK_WIDTH, at('slide', 0.5));
  const b = await grabFrame(source, ATTACK_WIDTH, at('speaker', 0.2));
  const c = await grabFrame(source, ATTACK_WIDTH, at('speaker', 0.2) + 0.6);
  const scale = a.width / info.width;
  const region = (name: string): PixelRect | null => {
    const r = sample?.regions[name];
    return r
      ? {
          x: Math.round(r.x * scale),
          y: Math.round(r.y * scale),
          width: Math.round(r.width * scale),
          height: Math.round(r.height * scale),
        }
      : null;
  };
  const named = sample?.id === 'meeting';
  return {
    source: info.name,
    a,
    b,
    c,
    names: named
      ? { a: 'the shared slide', b: 'the speaker', c: 'the speaker, a moment later' }
      : { a: 'the middle of the video', b: 'a fifth of the way in', c: 'a moment later' },
    geometry: geometryOf(a),
    regions: { face: region('face'), firstBar: region('firstBar') },
  };
}

/** The name of what the reader chose, as the page says it is taking frames from it. */
function nameOf(choice: AttackSourceChoice): string {
  return choice.kind === 'sample' ? sampleById(choice.id).title : choice.kind === 'file' ? choice.file.name : 'Webcam';
}

/** Opens what the reader chose, takes its frames, and lets the source go; the last good frames stay on error. */
export function useAttackFrames(initial: AttackSourceChoice) {
  const [frames, setFrames] = useState<AttackFrames | null>(null);
  const [busy, setBusy] = useState<string | null>(() => nameOf(initial));
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);

  /** Takes the frames of `choice` as call number `call`; an answer to an older call is dropped. */
  const take = useCallback(async (choice: AttackSourceChoice, call: number) => {
    let source: FrameSource | null = null;
    try {
      source =
        choice.kind === 'sample'
          ? await openSampleSource(sampleById(choice.id))
          : choice.kind === 'file'
            ? await openFileSource(choice.file)
            : await openWebcam();
      const taken = await takeFrames(source, choice.kind === 'sample' ? choice.id : null);
      if (call === latest.current) {
        setFrames(taken);
        setError(null);
      }
    } catch (reason) {
      if (call === latest.current) setError(reason instanceof Error ? reason.message : String(reason));
    } finally {
      source?.dispose();
      if (call === latest.current) setBusy(null);
    }
  }, []);

  const choose = useCallback(
    (choice: AttackSourceChoice) => {
      setBusy(nameOf(choice));
      return take(choice, ++latest.current);
    },
    [take],
  );

  const [start] = useState(initial);
  useEffect(() => {
    void take(start, ++latest.current);
  }, [take, start]);

  return { frames, busy, error, choose, dismiss: () => setError(null) };
}
