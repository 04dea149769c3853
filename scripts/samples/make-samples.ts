/**
 * Generates the project's own samples in headless Chromium: the penguin (from penguin.svg) and the
 * synthetic meeting clip (scripts/samples/synthetic-meeting.ts, VP9 through WebCodecs), then decodes the clip
 * back and measures how many 16-byte RGB blocks repeat, since that is what ECB leaks. The clip then gets
 * its voice (make-voice.ts: espeak-ng and ffmpeg, which must be installed), and the manifest its `speech`
 * and `transcript`.
 *
 *   node --import tsx scripts/samples/make-samples.ts              public/samples/*
 *   node --import tsx scripts/samples/make-samples.ts --fixtures   tests/fixtures/media/* (browser-made ones)
 *   add --check DIR to write PNGs of what was made and decoded, --probe DIR to ask Chromium which files in
 *   DIR it can play.
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  MEETING_DURATION_S,
  MEETING_FPS,
  MEETING_HEIGHT,
  MEETING_MOMENTS,
  MEETING_REGIONS,
  MEETING_SCENES,
  MEETING_WIDTH,
  meetingSceneAt,
} from './synthetic-meeting';
import type { EncodeRequest, RgbaImage } from './browser-entry';
import { openSamplesPage, type SamplesPage } from './chromium-page';
import { addVoice, voiceFields } from './make-voice';
import { encodeRgbPng, writeSolidPng } from './png-files';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SAMPLES_DIR = join(ROOT, 'public/samples');
const FIXTURES_DIR = join(ROOT, 'tests/fixtures/media');
const PENGUIN_SVG = fileURLToPath(new URL('./penguin.svg', import.meta.url));

const PENGUIN_SIZE = 512;
const MAX_MEETING_BYTES = 3 * 1024 * 1024;
const MAX_PICTURE_BYTES = 200 * 1024;
/** Decoded slide frames must keep at least this share of repeated blocks, or the demo loses its point. */
const MIN_SLIDE_REPEATED = 0.6;

const MEETING: EncodeRequest = {
  width: MEETING_WIDTH,
  height: MEETING_HEIGHT,
  fps: MEETING_FPS,
  fromS: 0,
  durationS: MEETING_DURATION_S,
  codec: 'vp9',
  container: 'webm',
  quantizer: 6,
  bitrate: 2_000_000,
};
const CHECK_TIMES_S = [0, 1.0, 2.4, 6.0, 8.0, 10.0];

const MIME: Record<string, string> = {
  '.webm': 'video/webm',
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.mov': 'video/quicktime',
  '.mkv': 'video/x-matroska',
  '.ogg': 'video/ogg',
  '.ogv': 'video/ogg',
  '.avi': 'video/x-msvideo',
};

const NOT_MEDIA_TEXT = `ECB Lens test fixture: not a video.

This file is named .webm but holds plain UTF-8 text, so a media element must
fail to load it and the site must say the file is not a video it can play.
`;

function fromBase64(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'base64'));
}

function rgbaOf(image: RgbaImage): { width: number; height: number; rgba: Uint8Array } {
  return { width: image.width, height: image.height, rgba: fromBase64(image.rgbaBase64) };
}

function kb(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

async function save(path: string, bytes: Uint8Array | string): Promise<number> {
  await writeFile(path, bytes);
  const { size } = await stat(path);
  console.log(`wrote ${relative(ROOT, path).padEnd(44)} ${kb(size).padStart(10)}`);
  return size;
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

async function makePenguin(page: SamplesPage, checkDir?: string): Promise<void> {
  const svg = await readFile(PENGUIN_SVG, 'utf8');
  const image = await page.call('rasterizeSvg', svg, PENGUIN_SIZE, PENGUIN_SIZE);
  const png = encodeRgbPng(rgbaOf(image));
  const size = await save(join(SAMPLES_DIR, 'penguin.png'), png);
  if (size > MAX_PICTURE_BYTES) throw new Error(`penguin.png is ${kb(size)}, over the ${kb(MAX_PICTURE_BYTES)} budget`);
  if (checkDir) await writeFile(join(checkDir, 'penguin.png'), png);
}

async function makeMeeting(page: SamplesPage, checkDir?: string): Promise<void> {
  const started = Date.now();
  const webm = fromBase64(await page.call('encodeMeeting', MEETING));
  const size = await save(join(SAMPLES_DIR, 'meeting.webm'), webm);
  console.log(`  encoded ${MEETING.durationS * MEETING.fps} frames in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (size > MAX_MEETING_BYTES)
    throw new Error(`meeting.webm is ${kb(size)}, over the ${kb(MAX_MEETING_BYTES)} budget`);

  const poster = encodeRgbPng(rgbaOf(await page.call('drawMeeting', MEETING_WIDTH, MEETING_HEIGHT, 0)));
  const posterSize = await save(join(SAMPLES_DIR, 'meeting-poster.png'), poster);
  if (posterSize > MAX_PICTURE_BYTES) throw new Error(`meeting-poster.png is ${kb(posterSize)}, over budget`);

  const decoded = await page.call('decodeFrames', Buffer.from(webm).toString('base64'), 'video/webm', CHECK_TIMES_S);
  console.log('  repeated 16-byte blocks, 8-bit RGB (drawn → decoded from meeting.webm):');
  for (const frame of decoded) {
    const drawn = await page.call('drawMeeting', MEETING_WIDTH, MEETING_HEIGHT, frame.timeS);
    const scene = meetingSceneAt(frame.timeS).name;
    console.log(
      `    t=${frame.timeS.toFixed(1).padStart(4)} s  ${scene.padEnd(13)} ${percent(drawn.repeatedRgb).padStart(6)} → ${percent(frame.repeatedRgb).padStart(6)}`,
    );
    if (scene !== 'speaker' && frame.repeatedRgb < MIN_SLIDE_REPEATED) {
      throw new Error(
        `decoded slide frame at ${frame.timeS} s keeps only ${percent(frame.repeatedRgb)} repeated blocks; raise the quality`,
      );
    }
    if (checkDir) {
      const name = `meeting-${frame.timeS.toFixed(1)}s`;
      await writeFile(join(checkDir, `${name}-decoded.png`), encodeRgbPng(rgbaOf(frame)));
      await writeFile(join(checkDir, `${name}-drawn.png`), encodeRgbPng(rgbaOf(drawn)));
    }
  }

  const voice = await addVoice(join(SAMPLES_DIR, 'meeting.webm'));
  console.log(`  voiced: ${voice.sentences.length} sentences; the ${voice.videoPackets.count} video packets unchanged`);

  const manifest = [
    {
      id: 'meeting',
      kind: 'video',
      file: '/samples/meeting.webm',
      poster: '/samples/meeting-poster.png',
      width: MEETING.width,
      height: MEETING.height,
      fps: MEETING.fps,
      durationS: MEETING.durationS,
      codec: MEETING.codec,
      scenes: MEETING_SCENES,
      moments: MEETING_MOMENTS,
      regions: MEETING_REGIONS,
      ...voiceFields(voice),
      title: 'A video meeting',
      description:
        'A synthetic call: a speaker talks in front of a flat wall, then shares a slide that changes once. ' +
        'Flat areas repeat the same 16-byte blocks, so under AES-128-ECB (as in Zoom in 2020) the picture still shows through.',
    },
    {
      id: 'penguin',
      kind: 'image',
      file: '/samples/penguin.png',
      width: PENGUIN_SIZE,
      height: PENGUIN_SIZE,
      title: 'The ECB penguin',
      description:
        'A penguin in flat colours. Encrypted with ECB its outline survives, because equal pixels give equal ciphertext blocks; with GCM it turns to noise.',
    },
  ];
  await save(join(SAMPLES_DIR, 'samples.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

async function makeFixtures(page: SamplesPage, checkDir?: string): Promise<void> {
  const clip = fromBase64(
    await page.call('encodeMeeting', {
      ...MEETING,
      width: 320,
      height: 240,
      fromS: 4,
      durationS: 2,
      quantizer: 10,
      bitrate: 500_000,
    }),
  );
  await save(join(FIXTURES_DIR, 'clip-320x240.webm'), clip);
  await save(join(FIXTURES_DIR, 'truncated.webm'), clip.subarray(0, Math.floor(clip.length * 0.4)));

  const mp4 = fromBase64(
    await page.call('encodeMeeting', {
      ...MEETING,
      width: 160,
      height: 120,
      fromS: 0,
      durationS: 1,
      codec: 'avc',
      container: 'mp4',
      quantizer: 20,
      bitrate: 300_000,
    }),
  );
  await save(join(FIXTURES_DIR, 'clip.mp4'), mp4);

  const picture = await page.call('makePicture', 200, 150, 0.9);
  await save(join(FIXTURES_DIR, 'picture.png'), encodeRgbPng(rgbaOf(picture)));
  await save(join(FIXTURES_DIR, 'picture.jpg'), fromBase64(picture.jpegBase64));

  await save(join(FIXTURES_DIR, 'not-media.webm'), NOT_MEDIA_TEXT);
  await save(join(FIXTURES_DIR, 'empty.webm'), new Uint8Array(0));

  const huge = join(FIXTURES_DIR, 'huge-8000x8000.png');
  await writeSolidPng(huge, 8000, 8000, [0x2d, 0x6c, 0xdf]);
  const { size } = await stat(huge);
  console.log(`wrote ${relative(ROOT, huge).padEnd(44)} ${kb(size).padStart(10)}`);

  if (checkDir) {
    const frames = await page.call('decodeFrames', Buffer.from(clip).toString('base64'), 'video/webm', [0.5, 1.5]);
    for (const frame of frames) {
      await writeFile(join(checkDir, `clip-320x240-${frame.timeS}s.png`), encodeRgbPng(rgbaOf(frame)));
    }
    const [mp4Frame] = await page.call('decodeFrames', Buffer.from(mp4).toString('base64'), 'video/mp4', [0.5]);
    await writeFile(join(checkDir, 'clip-mp4-0.5s.png'), encodeRgbPng(rgbaOf(mp4Frame)));
    await writeFile(join(checkDir, 'picture.png'), encodeRgbPng(rgbaOf(picture)));
  }
  await probeDir(page, FIXTURES_DIR);
}

async function probeDir(page: SamplesPage, dir: string): Promise<void> {
  const files = (await readdir(dir)).filter((name) => extname(name) in MIME).sort();
  const shown = relative(ROOT, dir);
  console.log(`Chromium playback of ${shown.startsWith('..') ? dir : shown}:`);
  for (const name of files) {
    const bytes = await readFile(join(dir, name));
    const probe = await page.call('probePlayback', bytes.toString('base64'), MIME[extname(name)]);
    const detail =
      probe.outcome === 'error'
        ? `error ${probe.errorCode}: ${probe.errorMessage}`
        : `${probe.videoWidth}×${probe.videoHeight}, ${probe.durationS.toFixed(2)} s`;
    const wc = probe.webCodecs;
    const webCodecs = wc.error
      ? `error: ${wc.error}`
      : `${wc.container ?? 'unreadable'} ${wc.codecString ?? wc.codec ?? ''} canDecode=${wc.canDecode}`;
    console.log(`  ${name.padEnd(24)} <video>: ${probe.outcome.padEnd(10)} ${detail}`);
    console.log(
      `  ${''.padEnd(24)} canPlayType(${MIME[extname(name)]})=${JSON.stringify(probe.canPlayType)}; WebCodecs: ${webCodecs}`,
    );
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      fixtures: { type: 'boolean', default: false },
      check: { type: 'string' },
      probe: { type: 'string' },
    },
  });
  const checkDir = values.check;
  if (checkDir) await mkdir(checkDir, { recursive: true });
  const page = await openSamplesPage();
  try {
    if (values.probe) {
      await probeDir(page, values.probe);
    } else if (values.fixtures) {
      await mkdir(FIXTURES_DIR, { recursive: true });
      await makeFixtures(page, checkDir);
    } else {
      await mkdir(SAMPLES_DIR, { recursive: true });
      await makePenguin(page, checkDir);
      await makeMeeting(page, checkDir);
    }
  } finally {
    await page.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
