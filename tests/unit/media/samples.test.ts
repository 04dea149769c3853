/**
 * The built-in samples against their files in public/: each file exists, and the size, frame rate and
 * duration the manifest states are what the file itself says — PNG sizes read from IHDR by hand and
 * decoded by pngjs, the video's read by mediabunny's WebM demuxer.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ALL_FORMATS, BufferSource, EncodedPacketSink, Input } from 'mediabunny';
import { PNG } from 'pngjs';
import manifest from '../../../public/samples/samples.json';
import { SAMPLE_IDS, SAMPLES, sampleById } from '../../../lib/media/samples';
import { assertThrowsExactly } from '../helpers/assert-error';

const PUBLIC = new URL('../../../public/', import.meta.url);

/** A site path such as "/samples/penguin.png" as a file URL under public/. */
function publicFile(sitePath: string): URL {
  assert.match(sitePath, /^\/samples\/[\w.-]+$/, 'a sample lives under /samples/');
  return new URL(sitePath.slice(1), PUBLIC);
}

/** Width and height from a PNG's IHDR (PNG spec §11.2.2: bytes 16–19 and 20–23, big-endian), read here, not through lib. */
function ihdrSize(bytes: Buffer): { width: number; height: number } {
  assert.equal(bytes.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', 'PNG signature');
  assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR', 'IHDR first');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('samples', () => {
  it('ids are unique, SAMPLE_IDS lists them in manifest order, and there is one video and one picture', () => {
    const ids = SAMPLES.map((sample) => sample.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual(SAMPLE_IDS, ids);
    assert.deepEqual(ids, ['meeting', 'penguin']);
    assert.deepEqual(
      SAMPLES.map((sample) => sample.kind),
      ['video', 'picture'],
    );
  });

  it('the manifest says "video" or "image" only (anything but "video" would silently become a picture)', () => {
    for (const entry of manifest)
      assert.ok(entry.kind === 'video' || entry.kind === 'image', `${entry.id}: ${entry.kind}`);
    SAMPLES.forEach((sample, i) => assert.equal(sample.kind, manifest[i].kind === 'video' ? 'video' : 'picture'));
  });

  it("every file the manifest names exists under public/ (the meeting's poster too)", () => {
    for (const sample of SAMPLES) assert.ok(existsSync(publicFile(sample.file)), sample.file);
    const posters = manifest.flatMap((entry) =>
      'poster' in entry && typeof entry.poster === 'string' ? [entry.poster] : [],
    );
    assert.deepEqual(posters, ['/samples/meeting-poster.png']);
    for (const poster of posters) assert.ok(existsSync(publicFile(poster)), poster);
  });

  for (const sample of SAMPLES.filter((candidate) => candidate.kind === 'picture')) {
    it(`${sample.id}: ${sample.file} is a PNG of ${sample.width}×${sample.height} by its IHDR and by pngjs; no fps or duration`, () => {
      const bytes = readFileSync(publicFile(sample.file));
      assert.deepEqual(ihdrSize(bytes), { width: sample.width, height: sample.height });
      const decoded = PNG.sync.read(bytes);
      assert.deepEqual([decoded.width, decoded.height], [sample.width, sample.height]);
      assert.equal(sample.fps, null);
      assert.equal(sample.durationS, null);
    });
  }

  it("penguin is 512×512 (the manifest's numbers, checked above against the file)", () => {
    assert.deepEqual([sampleById('penguin').width, sampleById('penguin').height], [512, 512]);
  });

  it('meeting: /samples/meeting.webm is under 3 MB and is a VP9 WebM of 1280×720, 12 s, 360 frames (30 fps)', async () => {
    const sample = sampleById('meeting');
    assert.deepEqual(
      { kind: sample.kind, width: sample.width, height: sample.height, fps: sample.fps, durationS: sample.durationS },
      { kind: 'video', width: 1280, height: 720, fps: 30, durationS: 12 },
    );
    const path = publicFile(sample.file);
    assert.ok(statSync(path).size < 3 * 1024 * 1024, `${statSync(path).size} bytes`);
    const input = new Input({ source: new BufferSource(readFileSync(path)), formats: ALL_FORMATS });
    assert.equal((await input.getFormat()).name, 'WebM');
    const track = await input.getPrimaryVideoTrack();
    assert.ok(track, 'a video track');
    assert.equal(track.codec, 'vp9');
    assert.deepEqual([track.displayWidth, track.displayHeight], [sample.width, sample.height]);
    assert.equal(await input.computeDuration(), sample.durationS);
    const stamps: number[] = [];
    for await (const packet of new EncodedPacketSink(track).packets(undefined, undefined, { metadataOnly: true }))
      stamps.push(packet.timestamp);
    assert.equal(stamps.length, 30 * 12);
    assert.equal(Math.max(...stamps), 11.967, 'the last frame starts 1/30 s before the end, in whole milliseconds');
  });

  it('meeting: a voice, four sentences in the manifest (speech, transcript) and an Opus track in the file; the penguin none', async () => {
    const meeting = sampleById('meeting');
    assert.equal(meeting.speech.length, 4);
    assert.equal(meeting.transcript.length, 4);
    for (const [start, end] of meeting.speech) assert.ok(start >= 0 && start < end && end <= 12, `${start}–${end}`);
    assert.deepEqual([sampleById('penguin').speech, sampleById('penguin').transcript], [[], []]);
    const input = new Input({ source: new BufferSource(readFileSync(publicFile(meeting.file))), formats: ALL_FORMATS });
    const audio = await input.getPrimaryAudioTrack();
    assert.equal(audio?.codec, 'opus');
    assert.deepEqual([await audio?.getNumberOfChannels(), await audio?.getSampleRate()], [1, 48_000]);
  });

  it('meeting: its scenes in order, as the generator made them (speaker 0–5 s, slide, slide updated at 8.5 s)', () => {
    assert.deepEqual(sampleById('meeting').scenes, [
      { name: 'speaker', start: 0, end: 5 },
      { name: 'slide', start: 5, end: 8.5 },
      { name: 'slide-updated', start: 8.5, end: 12 },
    ]);
    assert.deepEqual(sampleById('penguin').scenes, []);
  });

  it("the meeting's poster is a 1280×720 PNG, the video's size", () => {
    const poster = manifest.find((entry) => entry.id === 'meeting')?.poster;
    assert.equal(poster, '/samples/meeting-poster.png');
    assert.deepEqual(ihdrSize(readFileSync(publicFile(poster))), { width: 1280, height: 720 });
  });

  it('sampleById returns the sample object itself', () => {
    for (const sample of SAMPLES) assert.equal(sampleById(sample.id), sample);
  });

  it('sampleById throws a RangeError naming the samples for an unknown id, including a different case or an empty id', () => {
    for (const id of ['webcam', 'Penguin', '', ' penguin']) {
      assertThrowsExactly(() => sampleById(id), RangeError, `no sample “${id}”; samples are meeting, penguin`);
    }
  });
});
