/**
 * `traffic` end to end, in-process (and once as a real process): the sample call's bytes on the wire,
 * checked against sums computed here from the demuxed sizes; what its GCM sizes give away, against
 * the sentences spoken into it; padding; `--packets`; and every refusal, exit 2 with one line.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { before, describe, it } from 'node:test';
import type { TrafficReport } from '../../../lib/cli/traffic';
import { demux, type Demuxed } from '../../../lib/media/demux';
import { sampleById } from '../../../lib/media/samples';
import { cli, cliProcess, workspace } from './harness';

const MEETING = fileURLToPath(new URL('../../../public/samples/meeting.webm', import.meta.url));
const MEDIA = (name: string) => fileURLToPath(new URL(`../../fixtures/media/${name}`, import.meta.url));

function report(result: { code: number; stdout: string; stderr: string }): TrafficReport {
  assert.equal(result.stderr, '');
  assert.equal(result.code, 0);
  assert.equal(result.stdout.split('\n').length, 2, 'one line of JSON');
  return JSON.parse(result.stdout) as TrafficReport;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

let meeting: Demuxed;
before(async () => {
  meeting = await demux(new Uint8Array(readFileSync(MEETING)));
});

describe('traffic on the sample call', () => {
  it('each track: its packets and bytes as the file holds them, 16·(⌊n/16⌋+1) each under ECB, n + 16 under GCM', async () => {
    const out = report(await cli('traffic', MEETING));
    assert.deepEqual(Object.keys(out), ['duration', 'tracks']);
    assert.equal(out.duration, 12);
    out.tracks.forEach((track, i) => {
      const sizes = meeting.tracks[i].packets.map((p) => p.size);
      assert.deepEqual(Object.keys(track), [
        'kind',
        'codec',
        'packets',
        'bytes',
        'ecbBytes',
        'gcmBytes',
        'activity',
        'changes',
      ]);
      assert.deepEqual(
        [track.kind, track.codec, track.packets, track.bytes, track.ecbBytes, track.gcmBytes],
        [
          meeting.tracks[i].kind,
          meeting.tracks[i].codec,
          sizes.length,
          sum(sizes),
          sum(sizes.map((n) => 16 * (Math.floor(n / 16) + 1))),
          sum(sizes.map((n) => n + 16)),
        ],
      );
    });
    assert.deepEqual(
      out.tracks.map((t) => [t.kind, t.codec, t.packets]),
      [
        ['video', 'vp9', 360],
        ['audio', 'opus', 601],
      ],
    );
  });

  it('activity: the four sentences spoken (to within 0.3 s) and the speaker scene’s motion; the slide changes', async () => {
    const [video, audio] = report(await cli('traffic', MEETING)).tracks;
    const speech = sampleById('meeting').speech;
    assert.equal(audio.activity.length, speech.length, JSON.stringify(audio.activity));
    audio.activity.forEach(([start, end], k) => {
      assert.ok(
        Math.abs(start - speech[k][0]) <= 0.3 && Math.abs(end - speech[k][1]) <= 0.3,
        `${start}–${end} vs ${speech[k]}`,
      );
    });
    assert.deepEqual(video.activity, [[0.033, 5]]);
    assert.deepEqual(video.changes, [0, 5, 8.5]);
    assert.deepEqual(audio.changes, []);
  });

  it('--pad constant: every packet as large as its track’s largest, no activity left, and what it costs', async () => {
    const out = report(await cli('traffic', '--pad', 'constant', MEETING));
    out.tracks.forEach((track, i) => {
      const sizes = meeting.tracks[i].packets.map((p) => p.size);
      const largest = Math.max(...sizes);
      assert.deepEqual(track.activity, []);
      assert.deepEqual(track.changes, []);
      assert.equal(track.ecbBytes, sizes.length * 16 * (Math.floor(largest / 16) + 1));
      assert.equal(track.gcmBytes, sizes.length * (largest + 16));
      assert.deepEqual(track.padding, {
        kind: 'constant',
        size: largest,
        paddedBytes: sizes.length * largest,
        overhead: Math.round(((sizes.length * largest) / sum(sizes) - 1) * 10_000) / 10_000,
      });
    });
    const bytes = sum(out.tracks.map((t) => t.bytes));
    const padded = sum(out.tracks.map((t) => t.padding?.paddedBytes ?? NaN));
    assert.deepEqual(out.padding, {
      policy: 'constant',
      bytes,
      paddedBytes: padded,
      overhead: Math.round((padded / bytes - 1) * 10_000) / 10_000,
    });
    assert.ok(out.padding.overhead > 19, 'about twenty times the bytes: the keyframes are 70 KB');
  });

  it('--pad 128: the voice (every Opus packet under 128 bytes) goes quiet, the video still moves', async () => {
    const [video, audio] = report(await cli('traffic', '--pad', '128', MEETING)).tracks;
    assert.deepEqual(audio.activity, []);
    assert.deepEqual(video.activity, [[0.033, 5]]);
    assert.equal(audio.padding?.paddedBytes, 601 * 128);
    assert.deepEqual(
      [video.padding?.kind, video.padding && 'bytes' in video.padding && video.padding.bytes],
      ['bucket', 128],
    );
  });

  it('--pad none is the default: no padding summary', async () => {
    assert.deepEqual(report(await cli('traffic', '--pad', 'none', MEETING)), report(await cli('traffic', MEETING)));
  });

  it('--packets: every packet as [time, bytes, ecbBytes, gcmBytes], bytes before padding, ECB and GCM after', async () => {
    const [video, audio] = report(await cli('traffic', '--packets', '--pad', '64', MEETING)).tracks;
    assert.equal(video.wire?.length, 360);
    // The first keyframe: 38,497 bytes padded to 38,528 (602 × 64), a multiple of 16, so ECB adds a
    // whole block of PKCS#7 padding (38,544) and GCM its 16-byte tag (38,544).
    assert.deepEqual(video.wire?.[0], [0, 38_497, 38_544, 38_544]);
    assert.equal(audio.wire?.length, 601);
    audio.wire?.forEach(([time, bytes, ecb, gcm], i) => {
      const packet = meeting.tracks[1].packets[i];
      const padded = Math.max(1, Math.ceil(bytes / 64)) * 64;
      assert.deepEqual([time, bytes, ecb, gcm], [packet.time, packet.size, padded + 16, padded + 16]);
    });
  });

  it('reads MKV and MOV too', async () => {
    for (const name of ['clip.mkv', 'clip.mov']) {
      const out = report(await cli('traffic', MEDIA(name)));
      assert.deepEqual(
        out.tracks.map((t) => [t.kind, t.codec, t.packets]),
        [['video', 'avc', 30]],
      );
    }
  });

  it('as a real process: one JSON line on stdout, exit 0', async () => {
    const out = report(await cliProcess('traffic', '--pad', 'constant', MEETING));
    assert.deepEqual(
      out.tracks.map((t) => t.activity),
      [[], []],
    );
  });
});

describe('traffic refuses: exit 2, one line on stderr, nothing on stdout', () => {
  it('files that are not media, or hold no packets, or are missing', async (t) => {
    const { path } = await workspace(t);
    const cases: [string, string][] = [
      [MEDIA('not-media.webm'), `${MEDIA('not-media.webm')}: not a media file (WebM, Matroska, MP4, MOV, Ogg, …)`],
      [MEDIA('empty.webm'), `${MEDIA('empty.webm')}: not a media file (WebM, Matroska, MP4, MOV, Ogg, …)`],
      [MEDIA('picture.png'), `${MEDIA('picture.png')}: not a media file (WebM, Matroska, MP4, MOV, Ogg, …)`],
      [
        MEDIA('truncated.webm'),
        `${MEDIA('truncated.webm')}: no packets in its tracks (empty, or cut short before the first?)`,
      ],
      [path('nope.webm'), `cannot read ${path('nope.webm')}: no such file`],
    ];
    for (const [file, message] of cases)
      assert.deepEqual(await cli('traffic', file), { code: 2, stdout: '', stderr: `ecb-lens: ${message}\n` });
  });

  // prettier-ignore
  const usage: [string[], string][] = [
    [['traffic'], 'traffic needs one file, IN.webm (or .mp4, .mkv, .mov); got 0'],
    [['traffic', MEETING, MEETING], 'traffic needs one file, IN.webm (or .mp4, .mkv, .mov); got 2'],
    [['traffic', '--colour', 'red', MEETING], 'unknown option --colour for traffic (see traffic --help)'],
    [['traffic', '--pad', 'max', MEETING], '--pad must be none, constant or a whole number of bytes from 1 to 65536, got "max"'],
    [['traffic', '--pad', '0', MEETING], '--pad must be none, constant or a whole number of bytes from 1 to 65536, got "0"'],
    [['traffic', '--pad', '65537', MEETING], '--pad must be none, constant or a whole number of bytes from 1 to 65536, got "65537"'],
    [['traffic', '--pad', '1.5', MEETING], '--pad must be none, constant or a whole number of bytes from 1 to 65536, got "1.5"'],
    [['traffic', '--pad=-16', MEETING], '--pad must be none, constant or a whole number of bytes from 1 to 65536, got "-16"'],
    [['traffic', '--pad', '--packets', MEETING], '--pad needs a value'],
    [['traffic', '--pad', '64', '--pad', '128', MEETING], '--pad is given more than once'],
    [['traffic', '--packets=yes', MEETING], '--packets takes no value'],
  ];
  for (const [argv, message] of usage) {
    it(
      argv
        .slice(1)
        .map((a) => (a === MEETING ? 'meeting.webm' : a))
        .join(' ') || '(no file)',
      async () => {
        assert.deepEqual(await cli(...argv), { code: 2, stdout: '', stderr: `ecb-lens: ${message}\n` });
      },
    );
  }
});
