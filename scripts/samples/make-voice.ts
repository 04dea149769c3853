/**
 * Gives the sample call a voice, so the traffic page has speech to find in Opus packet sizes. espeak-ng
 * speaks a few sentences about the quarterly review at fixed times (two while the speaker is on screen,
 * two over the slide, with at least 0.8 s of silence between them), over a faint hiss such as a
 * noise-suppressed microphone leaves; ffmpeg encodes them as Opus and muxes them into meeting.webm
 * beside the untouched VP9 packets (`-c:v copy`). Each sentence's start and end are measured from the
 * generated audio and written to scripts/samples/voice.json and the meeting's entry in samples.json.
 *
 *   node --import tsx scripts/samples/make-voice.ts     (npm run samples:voice)
 *
 * Needs espeak-ng and ffmpeg with libopus (Debian: apt-get install -y espeak-ng ffmpeg). Opus: libopus,
 * VBR at 24 kbit/s, 20 ms frames, 48 kHz mono, application voip, DTX off (libopus's default; Debian's
 * ffmpeg 5.1 has no switch for it), so a packet goes out every 20 ms and only sizes tell speech from
 * silence. The video packets are checked to be byte for byte what they were before the file is replaced.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demux, type PacketWithData } from '../../lib/media/demux';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MEETING_WEBM = join(ROOT, 'public/samples/meeting.webm');
const MANIFEST = join(ROOT, 'public/samples/samples.json');
/** The committed record of the voice: what was said, when, and how it was made. */
const VOICE_JSON = fileURLToPath(new URL('./voice.json', import.meta.url));

/** What is said and when its first sound starts, s. The ends follow from the speech and are measured. */
export const SENTENCES: readonly { text: string; start: number }[] = [
  { text: 'Good morning, everyone.', start: 0.3 },
  { text: 'Let me share the quarterly review.', start: 2.75 },
  { text: 'Active users are up eighteen percent.', start: 5.6 },
  { text: 'Our forecast is three point nine million.', start: 9 },
];

const SAMPLE_RATE = 48_000;
/** libopus's encoder delay at 48 kHz, in samples: the pre-skip in the Opus header (RFC 7845 §4.2). */
const OPUS_DELAY = 312;
const CLIP_S = 12;
const ESPEAK = ['-v', 'en-us', '-s', '160'];
const OPUS = ['-c:a', 'libopus', '-b:a', '24k', '-vbr', 'on', '-frame_duration', '20', '-application', 'voip'];
/** The hiss under the voice, dBFS RMS: far below speech, enough that silence is not digital zero. */
const HISS_DBFS = -72;
/** A 10 ms window is voiced when its RMS is above this, dBFS (speech peaks near −10, the hiss is at −72). */
const VOICED_DBFS = -50;
const WINDOW = SAMPLE_RATE / 100;
/** Voiced windows closer than this belong to one sentence (a comma's pause is about 0.16 s), s. */
const SENTENCE_GAP_S = 0.5;
/** The least silence between two sentences, s. */
const MIN_SILENCE_S = 0.8;

/** One spoken sentence, as measured in the generated audio. */
export interface SpokenSentence {
  text: string;
  /** The first and last voiced 10 ms window's edges, s from the clip's start. */
  start: number;
  end: number;
}

/** What voice.json holds. */
export interface VoiceRecord {
  about: string;
  espeak: string;
  opus: string;
  hissDbfs: number;
  sentences: SpokenSentence[];
  /** The VP9 packets, which the voice must leave as they were: their count and a SHA-256 of them. */
  videoPackets: { count: number; sha256: string };
}

function run(command: string, args: readonly string[], input?: Uint8Array): Buffer {
  const result = spawnSync(command, args, { input, maxBuffer: 256 * 1024 * 1024 });
  if (result.error)
    throw new Error(`${command} did not run (${result.error.message}): apt-get install -y espeak-ng ffmpeg`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr.toString().trim()}`);
  return result.stdout;
}

/** A sentence as 48 kHz mono 16-bit samples: espeak-ng's 22.05 kHz WAV, resampled by ffmpeg. */
function speak(text: string): Int16Array {
  const wav = run('espeak-ng', [...ESPEAK, '--stdout', text]);
  const raw = run(
    'ffmpeg',
    ['-v', 'error', '-f', 'wav', '-i', 'pipe:0', '-ar', `${SAMPLE_RATE}`, '-ac', '1', '-f', 's16le', 'pipe:1'],
    wav,
  );
  return new Int16Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.length));
}

/** Which 10 ms windows of `samples` are voiced. */
function voicedWindows(samples: Int16Array): boolean[] {
  const floor = (32768 * 10 ** (VOICED_DBFS / 20)) ** 2;
  const windows: boolean[] = [];
  for (let at = 0; at + WINDOW <= samples.length; at += WINDOW) {
    let energy = 0;
    for (let i = at; i < at + WINDOW; i++) energy += samples[i] * samples[i];
    windows.push(energy / WINDOW > floor);
  }
  return windows;
}

/** The voiced stretches of `samples`, in windows, joining stretches less than `gapWindows` apart. */
function voicedSpans(samples: Int16Array, gapWindows: number): [number, number][] {
  const spans: [number, number][] = [];
  voicedWindows(samples).forEach((voiced, w) => {
    if (!voiced) return;
    const last = spans[spans.length - 1];
    if (last && w - last[1] <= gapWindows) last[1] = w + 1;
    else spans.push([w, w + 1]);
  });
  return spans;
}

/** A deterministic hiss: uniform noise of RMS {@link HISS_DBFS} (uniform on ±a has RMS a/√3). */
function hiss(length: number): Int16Array {
  const amplitude = Math.sqrt(3) * 32768 * 10 ** (HISS_DBFS / 20);
  let state = 0x2545f491;
  const out = new Int16Array(length);
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out[i] = Math.round(((state >>> 0) / 0x1_0000_0000 - 0.5) * 2 * amplitude);
  }
  return out;
}

/** The clip's audio: the hiss, each sentence's first sound placed at its start. */
function mix(spoken: readonly Int16Array[]): Int16Array {
  const out = hiss(CLIP_S * SAMPLE_RATE);
  SENTENCES.forEach(({ start }, k) => {
    const speech = spoken[k];
    const [first] = voicedSpans(speech, Infinity)[0];
    const offset = Math.round(start * SAMPLE_RATE) - first * WINDOW;
    for (let i = 0; i < speech.length && offset + i < out.length; i++)
      out[offset + i] = Math.max(-32768, Math.min(32767, out[offset + i] + speech[i]));
  });
  return out;
}

/** The sentences as they sound in `audio`: one voiced stretch each, at least {@link MIN_SILENCE_S} apart. */
function measure(audio: Int16Array): SpokenSentence[] {
  const spans = voicedSpans(audio, Math.round(SENTENCE_GAP_S * 100));
  if (spans.length !== SENTENCES.length)
    throw new Error(`the mix has ${spans.length} voiced stretches, not one per sentence (${SENTENCES.length})`);
  const sentences = spans.map(([from, to], k) => ({ text: SENTENCES[k].text, start: from / 100, end: to / 100 }));
  sentences.forEach((sentence, k) => {
    if (Math.abs(sentence.start - SENTENCES[k].start) > 0.011)
      throw new Error(`"${sentence.text}" starts at ${sentence.start} s, not ${SENTENCES[k].start} s`);
    const next = sentences[k + 1];
    if (next && next.start - sentence.end < MIN_SILENCE_S)
      throw new Error(`only ${(next.start - sentence.end).toFixed(2)} s of silence after "${sentence.text}"`);
    if (sentence.end > CLIP_S - 0.2) throw new Error(`"${sentence.text}" runs to the end of the clip`);
  });
  return sentences;
}

function wav(samples: Int16Array): Buffer {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + samples.byteLength, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(SAMPLE_RATE, 24);
  header.writeUInt32LE(SAMPLE_RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(samples.byteLength, 40);
  return Buffer.concat([header, Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength)]);
}

/**
 * SHA-256 over the video packets in order: each one's time, size and key flag as a JSON line, then its
 * bytes. Equal digests, equal packets.
 */
function videoDigest(packets: readonly PacketWithData[]): string {
  const hash = createHash('sha256');
  for (const packet of packets) {
    hash.update(`${JSON.stringify([packet.time, packet.size, packet.key])}\n`);
    hash.update(packet.data);
  }
  return hash.digest('hex');
}

async function videoPackets(path: string): Promise<{ duration: number; packets: PacketWithData[] }> {
  const { duration, tracks } = await demux(new Uint8Array(await readFile(path)), { data: true });
  const video = tracks.filter((track) => track.kind === 'video');
  if (video.length !== 1) throw new Error(`${path} has ${video.length} video tracks, not one`);
  return { duration, packets: video[0].packets };
}

/** The tool's name and version, as the first line of its version output says them ("ffmpeg version 5.1.9…"). */
function version(command: string): string {
  const first = run(command, command === 'ffmpeg' ? ['-version'] : ['--version'])
    .toString()
    .split('\n')[0];
  return first.replace(/\s+(Copyright|Data at).*$/, '').trim();
}

/**
 * Speaks the sentences, muxes them into `webm` as its audio track (replacing any it had; the video is
 * copied), checks the video packets are unchanged, and writes voice.json. Returns what it wrote there.
 * @example const { sentences } = await addVoice('public/samples/meeting.webm')
 */
export async function addVoice(webm: string): Promise<VoiceRecord> {
  const audio = mix(SENTENCES.map(({ text }) => speak(text)));
  const sentences = measure(audio);
  const before = await videoPackets(webm);
  const dir = await mkdtemp(join(tmpdir(), 'ecb-lens-voice-'));
  try {
    await writeFile(join(dir, 'voice.wav'), wav(audio));
    const out = join(dir, 'meeting.webm');
    // Opus's first packet carries 312 samples of encoder delay (6.5 ms, the pre-skip that Matroska's
    // CodecDelay tells the player to drop). Offsetting the voice by that much makes its first packet
    // start at 0 and its first real sample play at 0. ffmpeg reads the file's start as -6.5 ms for it,
    // so -copyts keeps the video's timestamps when a meeting.webm that has a voice is voiced again, and
    // -avoid_negative_ts disabled stops ffmpeg from shifting every stream to make anything start at 0.
    run('ffmpeg', [
      ...['-v', 'error', '-y', '-copyts', '-i', webm, '-itsoffset', `${OPUS_DELAY / SAMPLE_RATE}`],
      ...['-i', join(dir, 'voice.wav'), '-map', '0:v:0', '-map', '1:a:0'],
      ...['-c:v', 'copy', ...OPUS, '-ac', '1', '-ar', `${SAMPLE_RATE}`],
      ...[
        '-avoid_negative_ts',
        'disabled',
        '-map_metadata',
        '-1',
        '-fflags',
        '+bitexact',
        '-flags:a',
        '+bitexact',
        out,
      ],
    ]);
    const after = await videoPackets(out);
    const digest = videoDigest(before.packets);
    if (videoDigest(after.packets) !== digest || after.packets.length !== before.packets.length)
      throw new Error('muxing changed the video packets; meeting.webm is left as it was');
    if (after.duration !== before.duration)
      throw new Error(`muxing changed the duration from ${before.duration} s to ${after.duration} s`);
    await copyFile(out, webm);
    const record: VoiceRecord = {
      about:
        'Written by scripts/samples/make-voice.ts: the sentences spoken in public/samples/meeting.webm, start and end in seconds as measured in the generated audio (10 ms windows above -50 dBFS).',
      espeak: `${version('espeak-ng')}; voice ${ESPEAK.join(' ')}`,
      opus: `${version('ffmpeg')}; ${OPUS.join(' ')} -ac 1 -ar ${SAMPLE_RATE}`,
      hissDbfs: HISS_DBFS,
      sentences,
      videoPackets: { count: after.packets.length, sha256: digest },
    };
    await writeFile(VOICE_JSON, `${JSON.stringify(record, null, 2)}\n`);
    return record;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The manifest's voice fields: `speech` ([start, end] per sentence, s) and `transcript` (their text). */
export function voiceFields(record: Pick<VoiceRecord, 'sentences'>): {
  speech: [number, number][];
  transcript: string[];
} {
  return {
    speech: record.sentences.map(({ start, end }) => [start, end]),
    transcript: record.sentences.map(({ text }) => text),
  };
}

/** `entry` with `speech` and `transcript` after its `regions` (replacing any it had). */
function withVoice(entry: Record<string, unknown>, record: Pick<VoiceRecord, 'sentences'>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry)) {
    if (key === 'speech' || key === 'transcript') continue;
    out[key] = value;
    if (key === 'regions') Object.assign(out, voiceFields(record));
  }
  return out;
}

async function main(): Promise<void> {
  const record = await addVoice(MEETING_WEBM);
  const manifest = JSON.parse(await readFile(MANIFEST, 'utf8')) as Record<string, unknown>[];
  const updated = manifest.map((entry) => (entry.id === 'meeting' ? withVoice(entry, record) : entry));
  await writeFile(MANIFEST, `${JSON.stringify(updated, null, 2)}\n`);
  for (const { text, start, end } of record.sentences)
    console.log(`  ${start.toFixed(2).padStart(5)}–${end.toFixed(2).padStart(5)} s  ${text}`);
  console.log(`wrote ${relative(ROOT, MEETING_WEBM)}, ${relative(ROOT, VOICE_JSON)} and ${relative(ROOT, MANIFEST)}`);
  console.log(`  the ${record.videoPackets.count} video packets are unchanged (SHA-256 ${record.videoPackets.sha256})`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  });
}
