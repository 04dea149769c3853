'use client';

import { useEffect, useMemo, useState } from 'react';
import { changeTimes, readActivity, type Interval } from '@/lib/traffic/activity';
import type { Packet, TrackKind } from '@/lib/traffic/packets';
import { ecbWireSize, gcmWireSize, paddedSize, trackPadding, wireTotals } from '@/lib/traffic/wire';
import { TrafficWorker } from '@/lib/worker/traffic-client';
import { primaryButton, secondaryButton } from '../fields';
import { MediaFileButton } from '../media-file-button';
import { HearIt } from './hear-it';
import { SizeTimeline } from './size-timeline';
import { useCallCapture, type CaptureState, type WirePacket } from './use-call-capture';

type PadChoice = 'none' | 'bucket' | 'constant';

/**
 * The buckets the padding defence rounds up to, per track: about the size of a loud sound packet and of
 * a quiet video frame at 640 wide, so that most packets of a track fill the same bucket.
 */
const BUCKET: Record<TrackKind, number> = { audio: 64, video: 1024 };

const BITRATES = [
  [300_000, '300 kbit/s'],
  [600_000, '600 kbit/s'],
  [1_200_000, '1.2 Mbit/s'],
] as const;

/**
 * The bands' colours, apart for colour-blind readers too: vermillion and blue from Okabe and Ito's palette
 * (M. Okabe, K. Ito, "Color Universal Design", https://jfly.uni-koeln.de/color/, 2008) and a dark grey for
 * the truth, each at least 3:1 against the white plot. Each band also has its own row and a label.
 */
const READ_COLOUR = '#d55e00';
const CHANGE_COLOUR = '#0072b2';
const TRUTH_COLOUR = '#475569';

/** One track's sizes on the wire after padding, and what an eavesdropper reads from its GCM sizes. */
function track(packets: readonly WirePacket[], kind: TrackKind, pad: PadChoice) {
  const list: Packet[] = packets
    .filter((packet) => packet.track === kind && packet.gcm > 0)
    .map(({ track: t, time, duration, size, key }) => ({ track: t, time, duration, size, key }));
  const padding = trackPadding(list, pad === 'bucket' ? BUCKET[kind] : pad);
  const padded = list.map((packet) => paddedSize(packet.size, padding));
  const ecb = padded.map(ecbWireSize);
  const gcm = padded.map(gcmWireSize);
  const seen = list.map((packet, i) => ({ ...packet, size: gcm[i] }));
  return {
    list,
    times: list.map((packet) => packet.time),
    ecb,
    gcm,
    activity: readActivity(seen, kind),
    changes: kind === 'video' ? changeTimes(seen).map(mark) : [],
    totals: wireTotals(list, padding),
  };
}

/** What is on the timeline, in a sentence. */
function status(state: CaptureState, packets: number, frames: number): string {
  if (!state.source)
    return 'Nothing encoded yet: play the sample call, or use a video of yours or your camera and microphone. Nothing leaves this page.';
  if (state.packets === 'own')
    return `${state.source}: its own ${packets.toLocaleString('en')} packets (${state.codec}) over ${(state.duration ?? 0).toFixed(1)} s, read in this tab, not re-encoded.`;
  const progress = `${state.running ? 'encoding' : 'encoded'} ${state.time.toFixed(1)} s${state.duration ? ` of ${state.duration.toFixed(1)} s` : ''}`;
  const how = state.codec ? ` as ${state.codec} video, 640×360, and Opus sound in 20 ms packets` : '';
  const fps = state.time > 1 ? Math.round(frames / state.time) : null;
  const dropped = fps !== null && fps < 28 ? ' (a call drops the frames its encoder cannot keep up with)' : '';
  const rate = fps === null ? '' : `, ${fps} video frames a second${dropped}`;
  return `${state.source}: ${progress}${how}, in this tab. ${packets.toLocaleString('en')} packets${rate}.`;
}

/** A moment drawn as a short band. */
function mark(time: number): Interval {
  return [time, time + 0.12];
}

function percent(share: number): string {
  return `${(share * 100).toFixed(share < 0.1 ? 1 : 0)} %`;
}

/**
 * /traffic: the call's packets on the wire, ECB beside GCM, and what their sizes and timing give away —
 * who speaks, when something moves — with a padding defence to try and the sound of ECB to hear.
 */
export function TrafficLab() {
  const [worker] = useState(() => new TrafficWorker());
  useEffect(() => () => worker.dispose(), [worker]);
  const [bitrate, setBitrate] = useState(600_000);
  const [pad, setPad] = useState<PadChoice>('none');
  const { state, packets, start, stop } = useCallCapture(worker, bitrate);

  const audio = useMemo(() => track(packets, 'audio', pad), [packets, pad]);
  const video = useMemo(() => track(packets, 'video', pad), [packets, pad]);
  const duration = state.duration ?? Math.max(1, state.time);
  const truth = state.truth;
  const keyframes = video.list.filter((packet) => packet.key).map((packet) => mark(packet.time));

  return (
    <div
      className="flex flex-col gap-6"
      data-testid="traffic-lab"
      data-running={state.running}
      data-source={state.source ?? ''}
      data-time={state.time}
      data-sealed-time={packets.at(-1)?.time ?? 0}
    >
      <section className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
        <div className="flex flex-wrap items-center gap-2" role="group" aria-label="The call">
          <button
            type="button"
            className={primaryButton}
            onClick={() => void start({ kind: 'sample' })}
            disabled={state.running}
            data-testid="traffic-sample"
          >
            Play the sample call
          </button>
          <MediaFileButton
            className={secondaryButton}
            inputLabel="Encode a video of yours as a call"
            testId="traffic-file"
            onFile={(file) => void start({ kind: 'file', file })}
          >
            Your video…
          </MediaFileButton>
          <MediaFileButton
            className={secondaryButton}
            inputLabel="Read a WebM, MP4, MKV or MOV file's own packets"
            testId="traffic-packets"
            onFile={(file) => void start({ kind: 'packets', file })}
          >
            A file’s own packets…
          </MediaFileButton>
          <button
            type="button"
            className={secondaryButton}
            onClick={() => void start({ kind: 'webcam' })}
            disabled={state.running}
            data-testid="traffic-webcam"
          >
            Your camera and microphone
          </button>
          <button
            type="button"
            className={secondaryButton}
            onClick={stop}
            disabled={!state.running}
            data-testid="traffic-stop"
          >
            Stop
          </button>
          <label className="ml-auto flex items-center gap-2 text-sm">
            Video bitrate
            <select
              value={bitrate}
              onChange={(event) => setBitrate(Number(event.target.value))}
              disabled={state.running}
              className="rounded-md bg-white px-2 py-1 ring-1 ring-slate-300 ring-inset dark:bg-slate-900 dark:ring-slate-700"
              data-testid="traffic-bitrate"
            >
              {BITRATES.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite" data-testid="traffic-status">
          {status(state, audio.list.length + video.list.length, video.list.length)}
        </p>
        {state.error && (
          <p
            role="alert"
            className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-900 dark:bg-rose-950/60 dark:text-rose-100"
            data-testid="traffic-error"
          >
            {state.error}
          </p>
        )}
      </section>

      <section
        aria-labelledby="wire-title"
        className="flex flex-col gap-4 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-6 dark:bg-slate-900 dark:ring-slate-800"
      >
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div className="flex max-w-3xl flex-col gap-1">
            <h2 id="wire-title" className="text-xl font-bold tracking-tight">
              On the wire: ECB and GCM have the same shape
            </h2>
            <p className="text-sm leading-relaxed text-slate-700 dark:text-slate-300">
              Each packet sealed as Zoom did before 5.0 (AES-128-ECB: padded up to the next 16 bytes) and after
              (AES-256-GCM: 16 bytes of tag added). The sizes still follow the sound and the picture, and the amber band
              is what someone who sees only the GCM packets’ sizes and times reads from them.
            </p>
          </div>
          <label className="flex max-w-full min-w-0 flex-wrap items-center gap-2 text-sm">
            Defence: pad every packet
            <select
              value={pad}
              onChange={(event) => setPad(event.target.value as PadChoice)}
              className="max-w-full min-w-0 rounded-md bg-white px-2 py-1 ring-1 ring-slate-300 ring-inset dark:bg-slate-900 dark:ring-slate-700"
              data-testid="traffic-pad"
            >
              <option value="none">not at all</option>
              <option value="bucket">
                up to a multiple of {BUCKET.audio} bytes (sound), {BUCKET.video} (picture)
              </option>
              <option value="constant">to the track’s largest packet</option>
            </select>
          </label>
        </div>
        <SizeTimeline
          title="Sound: Opus packets, 20 ms each"
          times={audio.times}
          ecb={audio.ecb}
          gcm={audio.gcm}
          duration={duration}
          bands={[
            { label: 'someone speaks, read from GCM sizes', intervals: audio.activity, colour: READ_COLOUR },
            ...(truth ? [{ label: 'when they really speak', intervals: truth.speech, colour: TRUTH_COLOUR }] : []),
          ]}
          testId="timeline-audio"
        />
        {truth && (
          <ol
            className="-mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-400"
            aria-label="What the sample call says"
          >
            {truth.speech.map(([start, end], i) => (
              <li key={start}>
                {start.toFixed(1)}–{end.toFixed(1)} s: “{truth.transcript[i]}”
              </li>
            ))}
          </ol>
        )}
        <SizeTimeline
          title="Picture: video frames"
          times={video.times}
          ecb={video.ecb}
          gcm={video.gcm}
          duration={duration}
          bands={[
            { label: 'something moves, read from GCM sizes', intervals: video.activity, colour: READ_COLOUR },
            ...(truth ? [{ label: 'the speaker on camera', intervals: truth.motion, colour: TRUTH_COLOUR }] : []),
            {
              label: 'a keyframe or a new scene, read from GCM sizes',
              intervals: video.changes,
              colour: CHANGE_COLOUR,
            },
            ...(truth
              ? [{ label: 'the slide shared, then changed', intervals: truth.changes.map(mark), colour: TRUTH_COLOUR }]
              : []),
            ...(state.packets === 'encoded'
              ? [{ label: 'keyframes sent', intervals: keyframes, colour: TRUTH_COLOUR }]
              : []),
          ]}
          testId="timeline-video"
        />
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2" data-testid="traffic-totals">
          {(
            [
              ['Sound', audio.totals],
              ['Picture', video.totals],
            ] as const
          ).map(([name, totals]) => (
            <div key={name} className="flex flex-wrap gap-x-2">
              <dt className="font-semibold">{name}:</dt>
              <dd>
                {totals.packets} packets, {totals.bytes.toLocaleString('en')} bytes of payload;{' '}
                {totals.gcmBytes.toLocaleString('en')} bytes under GCM
                {pad !== 'none' && (
                  <>
                    {' '}
                    — padding costs{' '}
                    <span data-testid={`overhead-${name === 'Sound' ? 'audio' : 'video'}`}>
                      {percent(totals.overhead)}
                    </span>{' '}
                    more bandwidth
                  </>
                )}
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <section
        aria-labelledby="ecb-title"
        className="flex flex-col gap-2 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-6 dark:bg-slate-900 dark:ring-slate-800"
      >
        <h2 id="ecb-title" className="text-xl font-bold tracking-tight">
          ECB on compressed packets: no picture shows through
        </h2>
        <p
          className="max-w-4xl text-sm leading-relaxed text-slate-700 dark:text-slate-300"
          data-testid="traffic-repeats"
          data-blocks={state.repeats.blocks}
          data-within={state.repeats.within}
          data-across={state.repeats.across}
        >
          Of the {state.repeats.blocks.toLocaleString('en')} whole 16-byte blocks of these packets,{' '}
          {state.repeats.within.toLocaleString('en')} repeat within their packet and{' '}
          {state.repeats.across.toLocaleString('en')} repeat a block of an earlier packet. Codec data is already
          compressed, so its blocks almost never repeat and ECB does not draw the picture as it does on raw pixels in
          the lab. What leaked in 2020 was the server-held key, the missing integrity (see{' '}
          <a href="attacks" className="font-medium text-sky-700 underline dark:text-sky-300">
            the attack lab
          </a>
          ) and, as in every mode, the sizes and timing above.
        </p>
      </section>

      <section
        aria-labelledby="hear-title"
        className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-6 dark:bg-slate-900 dark:ring-slate-800"
      >
        <h2 id="hear-title" className="text-xl font-bold tracking-tight">
          Hear it: ECB on the raw sound
        </h2>
        <p className="max-w-4xl text-sm leading-relaxed text-slate-700 dark:text-slate-300">
          Before compression, sound is samples. Encrypted with ECB, 16 samples to a block, a silence is one block over
          and over — a steady tone — and speech is noise, so you hear exactly when someone talks. GCM is steady noise.
        </p>
        {state.keys && (
          <HearIt
            sound={state.sound}
            speech={truth ? truth.speech : audio.activity}
            worker={worker}
            keys={state.keys}
          />
        )}
      </section>
    </div>
  );
}
