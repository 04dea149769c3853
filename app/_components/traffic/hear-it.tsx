'use client';

import { useEffect, useRef, useState } from 'react';
import type { Interval } from '@/lib/traffic/activity';
import { fromPcm8, repeatingShare, toPcm8 } from '@/lib/traffic/pcm';
import { AUDIO_RATE } from '@/lib/media/call-encoder';
import type { TrafficWorker } from '@/lib/worker/traffic-client';
import { secondaryButton } from '../fields';

/** How loud the ciphertext plays: ciphertext is full-scale noise, so a tenth of it. */
const GAIN = 0.08;

type Version = 'plain' | 'ecb' | 'gcm';

const LABEL: Record<Version, string> = {
  plain: 'the sound (8-bit)',
  ecb: 'AES-128-ECB',
  gcm: 'AES-256-GCM',
};

/** The share of ECB blocks repeating the one before, inside the intervals and outside them. */
function shares(bytes: Uint8Array, speech: readonly Interval[]): { silence: number; speech: number } {
  const inside = (t: number) => speech.some(([a, b]) => t >= a && t < b);
  const spans: { speech: [number, number][]; silence: [number, number][] } = { speech: [], silence: [] };
  const step = AUDIO_RATE / 10;
  for (let at = 0; at + step <= bytes.length; at += step)
    spans[inside(at / AUDIO_RATE) ? 'speech' : 'silence'].push([at, at + step]);
  const mean = (list: [number, number][]) =>
    list.length ? list.reduce((sum, [a, b]) => sum + repeatingShare(bytes, a, b), 0) / list.length : 0;
  return { silence: mean(spans.silence), speech: mean(spans.speech) };
}

/**
 * "Hear it": the call's raw sound encrypted with ECB and played back as sound. Never plays by itself; a
 * warning stands beside the buttons, and the level is low.
 */
export function HearIt({
  sound,
  speech,
  worker,
  keys,
}: {
  sound: Float32Array | null;
  speech: readonly Interval[];
  worker: TrafficWorker;
  keys: { ecb: Uint8Array; gcm: Uint8Array };
}) {
  const [encrypted, setEncrypted] = useState<{ ecb: Uint8Array; gcm: Uint8Array } | null>(null);
  const [playing, setPlaying] = useState<Version | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const context = useRef<AudioContext | null>(null);
  const node = useRef<AudioBufferSourceNode | null>(null);

  useEffect(() => {
    if (!sound) return;
    let live = true;
    worker
      .call('encryptSound', sound, keys)
      .then((result) => live && setEncrypted(result))
      .catch(
        (error: unknown) =>
          live &&
          setProblem(`The sound could not be encrypted: ${error instanceof Error ? error.message : String(error)}`),
      );
    return () => {
      live = false;
    };
  }, [sound, worker, keys]);

  useEffect(() => () => void context.current?.close(), []);

  const stop = () => {
    node.current?.stop();
    node.current = null;
    setPlaying(null);
  };

  const play = async (version: Version) => {
    if (!sound || !encrypted) return;
    stop();
    context.current ??= new AudioContext({ sampleRate: AUDIO_RATE });
    await context.current.resume();
    const samples = version === 'plain' ? fromPcm8(toPcm8(sound), 1) : fromPcm8(encrypted[version], GAIN);
    const buffer = context.current.createBuffer(1, samples.length, AUDIO_RATE);
    buffer.copyToChannel(samples, 0);
    const source = context.current.createBufferSource();
    source.buffer = buffer;
    source.connect(context.current.destination);
    source.onended = () => node.current === source && setPlaying(null);
    source.start();
    node.current = source;
    setPlaying(version);
  };

  if (!sound) return <p className="text-sm text-slate-600 dark:text-slate-400">This source has no sound to play.</p>;
  const measured = encrypted ? shares(encrypted.ecb, speech) : null;
  return (
    <div className="flex flex-col gap-3" data-testid="hear-it" data-playing={playing ?? ''}>
      <p
        role="note"
        className="max-w-3xl rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200 ring-inset dark:bg-amber-950/50 dark:text-amber-100 dark:ring-amber-900"
      >
        Mind your ears: ciphertext played as sound is harsh noise and a high tone. It plays quietly, only when you press
        a button, and Stop ends it.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        {(['plain', 'ecb', 'gcm'] as const).map((version) => (
          <button
            key={version}
            type="button"
            className={secondaryButton}
            disabled={!encrypted}
            aria-pressed={playing === version}
            onClick={() => void play(version)}
            data-testid={`hear-${version}`}
          >
            Play {LABEL[version]}
          </button>
        ))}
        <button type="button" className={secondaryButton} onClick={stop} disabled={!playing} data-testid="hear-stop">
          Stop
        </button>
      </div>
      {problem && (
        <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
          {problem}
        </p>
      )}
      {measured && (
        <p
          className="max-w-3xl text-sm text-slate-700 dark:text-slate-300"
          data-testid="hear-measure"
          data-silence={measured.silence.toFixed(3)}
          data-speech={measured.speech.toFixed(3)}
        >
          Under ECB, in the silences {Math.round(measured.silence * 100)} % of the 16-sample blocks repeat the block
          before: one block over and over, a steady 3 kHz tone. Where someone speaks,{' '}
          {Math.round(measured.speech * 100)} %: noise. So you hear exactly when someone talks. GCM is steady noise
          throughout.
        </p>
      )}
    </div>
  );
}
