/**
 * lib/media/demux.ts on the committed media: the sample call (VP9 and Opus in WebM), the H.264 clip in
 * MP4, MKV and MOV (the same packets, remuxed by ffmpeg), the clip with AAC beside it; bytes and Blobs
 * alike; and the files it must refuse (tests/fixtures/media/README.md says what each is).
 * (It sits with the traffic tests: lib/traffic is what it reads packets for.)
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { demux, DemuxError, type MediaBytes } from '../../../lib/media/demux';
import { assertRejectsExactly } from '../helpers/assert-error';

const media = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/media/${name}`, import.meta.url)));
const meeting = new Uint8Array(readFileSync(new URL('../../../public/samples/meeting.webm', import.meta.url)));

describe('demux', () => {
  it('the sample call: 12 s, 360 VP9 packets with keyframes at 0, 5 and 8.5 s, 601 Opus packets', async () => {
    const { duration, tracks } = await demux(meeting);
    assert.equal(duration, 12);
    assert.deepEqual(
      tracks.map(({ kind, codec, packets }) => [kind, codec, packets.length]),
      [
        ['video', 'vp9', 360],
        ['audio', 'opus', 601],
      ],
    );
    const [video, audio] = tracks;
    assert.deepEqual(video.packets[0], { track: 'video', time: 0, duration: 0.033, size: 38_497, key: true });
    assert.deepEqual(
      video.packets.filter((p) => p.key).map((p) => p.time),
      [0, 5, 8.5],
    );
    assert.deepEqual(audio.packets[0], {
      track: 'audio',
      time: 0,
      duration: 0.02,
      size: audio.packets[0].size,
      key: true,
    });
    assert.ok(audio.packets.every((p) => p.key && p.track === 'audio'));
    assert.ok(!('data' in video.packets[0]), 'no bytes unless asked');
  });

  it('with { data: true } every packet carries its bytes, as many as its size', async () => {
    const { tracks } = await demux(meeting, { data: true });
    for (const { packets } of tracks)
      assert.ok(packets.every((p) => p.data instanceof Uint8Array && p.data.length === p.size));
    // A VP9 keyframe starts with its frame marker (0b10 in the top bits) and the sync code 49 83 42
    // after the profile bits (VP9 bitstream spec §6.2): the bytes are the codec's own.
    assert.equal(tracks[0].packets[0].data[0] >> 6, 0b10);
    assert.deepEqual([...tracks[0].packets[0].data.subarray(1, 4)], [0x49, 0x83, 0x42]);
  });

  it('reads a Blob (as in the browser) and an ArrayBuffer the same as bytes', async () => {
    const bytes = media('clip.mp4');
    const expected = await demux(bytes);
    const sources: MediaBytes[] = [
      new Blob([bytes]),
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
    ];
    for (const source of sources) assert.deepEqual(await demux(source), expected);
  });

  it('MP4, MKV and MOV holding the same H.264 packets give the same sizes and keyframes, and times to the ms', async () => {
    const [mp4, mkv, mov] = await Promise.all(['clip.mp4', 'clip.mkv', 'clip.mov'].map((name) => demux(media(name))));
    for (const other of [mkv, mov]) {
      assert.deepEqual(
        other.tracks.map((t) => [t.kind, t.codec]),
        [['video', 'avc']],
      );
      assert.deepEqual(
        other.tracks[0].packets.map((p) => [p.size, p.key]),
        mp4.tracks[0].packets.map((p) => [p.size, p.key]),
      );
      other.tracks[0].packets.forEach((p, i) => assert.ok(Math.abs(p.time - mp4.tracks[0].packets[i].time) < 0.001));
    }
    assert.equal(mp4.tracks[0].packets.length, 30);
  });

  it('an MP4 with H.264 and AAC: both tracks, the audio in 1024-sample frames', async () => {
    const { tracks } = await demux(media('clip-voice.mp4'));
    assert.deepEqual(
      tracks.map(({ kind, codec, packets }) => [kind, codec, packets.length]),
      [
        ['video', 'avc', 30],
        ['audio', 'aac', 48],
      ],
    );
    assert.ok(Math.abs(tracks[1].packets[1].time - tracks[1].packets[0].time - 1024 / 48_000) < 1e-6);
  });

  it('a codec mediabunny cannot name is "unknown", its packets read all the same', async () => {
    const { tracks } = await demux(media('unsupported-codec.mp4'));
    assert.deepEqual(
      tracks.map(({ kind, codec, packets }) => [kind, codec, packets.length]),
      [['video', 'unknown', 30]],
    );
  });

  it('refuses what is not media, and a recording cut short before its first packet, with a DemuxError', async () => {
    const notMedia = 'not a media file (WebM, Matroska, MP4, MOV, Ogg, …)';
    for (const name of ['not-media.webm', 'empty.webm', 'picture.png'])
      await assertRejectsExactly(() => demux(media(name)), DemuxError, notMedia);
    // truncated.webm keeps 40 % of clip-320x240.webm; mediabunny finds its track but no packet in it.
    await assertRejectsExactly(
      () => demux(media('truncated.webm')),
      DemuxError,
      'no packets in its tracks (empty, or cut short before the first?)',
    );
    await assertRejectsExactly(
      () => demux('meeting.webm' as unknown as Uint8Array),
      TypeError,
      'source must be a Uint8Array, an ArrayBuffer or a Blob, got string',
    );
  });
});
