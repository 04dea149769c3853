/**
 * Damaged copies of the media fixtures, made from a fixed seed so every run uploads the same bytes:
 * cut short, bit-flipped headers, zeroed or overwritten ranges, a box renamed, and files whose name
 * says the other container. Each carries the name a failure report shows.
 */
import { readFileSync } from 'node:fs';
import { casePrng } from '../../unit/helpers/prng';
import { mediaFixture } from '../fixtures/media';

/** One damaged file, ready for setInputFiles. */
export interface MutatedClip {
  /** The file name the page sees (and names in its messages). */
  name: string;
  mimeType: string;
  buffer: Buffer;
  /** What was done to it, for failure messages. */
  mutation: string;
}

const SEED = 20261204;

function flipBits(bytes: Buffer, count: number, from: number, to: number, index: number): number[] {
  const prng = casePrng(SEED, index);
  const bits: number[] = [];
  for (let i = 0; i < count; i++) {
    const bit = from * 8 + prng.int((to - from) * 8);
    bytes[bit >> 3] ^= 1 << (bit & 7);
    bits.push(bit);
  }
  return bits;
}

function overwrite(bytes: Buffer, start: number, length: number, index: number): void {
  bytes.set(casePrng(SEED, index).bytes(length), start);
}

/** The damaged clips: eight from the VP9 WebM, eight from the H.264 MP4. */
export function mutatedClips(): MutatedClip[] {
  const webm = readFileSync(mediaFixture('clip-320x240.webm'));
  const mp4 = readFileSync(mediaFixture('clip.mp4'));
  const clips: MutatedClip[] = [];
  const add = (
    source: Buffer,
    kind: 'webm' | 'mp4',
    label: string,
    mutation: string,
    edit: (bytes: Buffer, index: number) => Buffer | void,
  ) => {
    const index = clips.length;
    const bytes = Buffer.from(source);
    const edited = edit(bytes, index) ?? bytes;
    const [name, mimeType] = kind === 'webm' ? [`${label}.webm`, 'video/webm'] : [`${label}.mp4`, 'video/mp4'];
    clips.push({ name, mimeType, buffer: edited, mutation: `${mutation} (seed ${SEED}, case ${index})` });
  };

  add(webm, 'webm', 'webm-cut-200', 'the WebM cut to its first 200 bytes', (b) => b.subarray(0, 200));
  add(webm, 'webm', 'webm-cut-10pc', 'the WebM cut to its first 10%', (b) => b.subarray(0, Math.floor(b.length / 10)));
  add(webm, 'webm', 'webm-flip-head-a', 'the WebM with 6 bits flipped in its first 256 bytes', (b, i) => {
    flipBits(b, 6, 0, 256, i);
  });
  add(webm, 'webm', 'webm-flip-head-b', 'the WebM with 2 bits flipped in its first 64 bytes', (b, i) => {
    flipBits(b, 2, 0, 64, i);
  });
  add(webm, 'webm', 'webm-zero-magic', 'the WebM with its first 64 bytes zeroed', (b) => {
    b.fill(0, 0, 64);
  });
  add(webm, 'webm', 'webm-zero-middle', 'the WebM with 8 KB zeroed at half its length', (b) => {
    b.fill(0, b.length >> 1, (b.length >> 1) + 8192);
  });
  add(webm, 'webm', 'webm-noise-frames', 'the WebM with 4 KB of noise at 40% of its length', (b, i) => {
    overwrite(b, Math.floor(b.length * 0.4), 4096, i);
  });
  add(webm, 'mp4', 'webm-named-mp4', 'the WebM, whole, named .mp4 with type video/mp4', () => undefined);

  const moov = mp4.indexOf('moov');
  add(mp4, 'mp4', 'mp4-cut-half', 'the MP4 cut to its first half', (b) => b.subarray(0, b.length >> 1));
  add(mp4, 'mp4', 'mp4-cut-ftyp', 'the MP4 cut to its first 32 bytes (the ftyp box)', (b) => b.subarray(0, 32));
  add(mp4, 'mp4', 'mp4-flip-head', 'the MP4 with 8 bits flipped in its first 512 bytes (moov)', (b, i) => {
    flipBits(b, 8, 0, 512, i);
  });
  add(mp4, 'mp4', 'mp4-moov-renamed', 'the MP4 with its moov box renamed free', (b) => {
    b.write('free', moov, 'latin1');
  });
  add(mp4, 'mp4', 'mp4-zero-range', 'the MP4 with 1 KB zeroed at 30% of its length', (b) => {
    b.fill(0, Math.floor(b.length * 0.3), Math.floor(b.length * 0.3) + 1024);
  });
  add(mp4, 'mp4', 'mp4-noise-mdat', 'the MP4 with the second half of its media data overwritten with noise', (b, i) => {
    overwrite(b, b.length >> 1, b.length - (b.length >> 1), i);
  });
  add(mp4, 'webm', 'mp4-named-webm', 'the MP4, whole, named .webm with type video/webm', () => undefined);
  add(mp4, 'mp4', 'mp4-flip-anywhere', 'the MP4 with 16 bits flipped anywhere', (b, i) => {
    flipBits(b, 16, 0, b.length, i);
  });
  return clips;
}
