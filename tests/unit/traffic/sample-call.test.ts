/**
 * The ground truth: the sample call (public/samples/meeting.webm) read the way an eavesdropper on its
 * GCM packets would, against what is known to be in it: the sentences scripts/samples/make-voice.ts
 * spoke (samples.json `speech`, measured from the generated audio) and the scenes
 * scripts/samples/synthetic-meeting.ts drew (the speaker 0–5 s, the slide 5–8.5 s, its update from
 * 8.5 s). Each expectation says why it holds; the numbers in the comments are what the code finds.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { demux, type PacketWithData } from '../../../lib/media/demux';
import { sampleById } from '../../../lib/media/samples';
import { changeTimes, keyframeTimes, readActivity, type Interval } from '../../../lib/traffic/activity';
import { trackPadding, wireSizes, type PaddingPolicy } from '../../../lib/traffic/wire';

const MEETING = new URL('../../../public/samples/meeting.webm', import.meta.url);
/** Each end of a sentence must be found within this, s (the brief's bar; the code does ten times better). */
const TOLERANCE = 0.3;

let audio: PacketWithData[];
let video: PacketWithData[];
const speech = sampleById('meeting').speech;

before(async () => {
  const { tracks } = await demux(new Uint8Array(readFileSync(MEETING)), { data: true });
  audio = tracks.find((track) => track.kind === 'audio')?.packets ?? [];
  video = tracks.find((track) => track.kind === 'video')?.packets ?? [];
});

/** The packets as the wire shows them: their sizes under GCM (or ECB), after padding. */
function onWire(packets: readonly PacketWithData[], mode: 'gcm' | 'ecb', policy: PaddingPolicy = 'none') {
  const sizes = wireSizes(packets, trackPadding(packets, policy));
  return packets.map((packet, i) => ({ ...packet, size: sizes[i][mode] }));
}

function assertFindsSpeech(found: Interval[]): void {
  assert.equal(found.length, speech.length, `found ${JSON.stringify(found)}`);
  found.forEach(([start, end], k) => {
    assert.ok(Math.abs(start - speech[k][0]) <= TOLERANCE, `sentence ${k} starts at ${speech[k][0]}, found ${start}`);
    assert.ok(Math.abs(end - speech[k][1]) <= TOLERANCE, `sentence ${k} ends at ${speech[k][1]}, found ${end}`);
  });
}

describe('the sample call has a voice', () => {
  it('four sentences, two while the speaker is on screen and two over the slide, 0.8 s or more apart', () => {
    assert.equal(speech.length, 4);
    assert.deepEqual(
      sampleById('meeting').transcript.map((text) => text.split(' ')[0]),
      ['Good', 'Let', 'Active', 'Our'],
    );
    assert.deepEqual(
      speech.map(([start]) => start < 5),
      [true, true, false, false],
    );
    for (let k = 1; k < speech.length; k++) assert.ok(speech[k][0] - speech[k - 1][1] >= 0.8, `silence before ${k}`);
  });

  it('an Opus track of 20 ms packets, one every 20 ms (DTX off), over the whole 12 s', () => {
    assert.equal(audio.length, 601);
    assert.ok(audio.every((packet, i) => Math.abs(packet.time - i * 0.02) < 1e-9 && packet.key));
  });

  it('the video packets are byte for byte those of meeting.webm before the voice (commit c57adc7)', () => {
    // SHA-256 over each packet's [time, size, key] as a JSON line and then its bytes, in order; the
    // digest was computed from `git show c57adc7:public/samples/meeting.webm` with mediabunny.
    const hash = createHash('sha256');
    for (const packet of video) {
      hash.update(`${JSON.stringify([packet.time, packet.size, packet.key])}\n`);
      hash.update(packet.data);
    }
    assert.equal(video.length, 360);
    assert.equal(hash.digest('hex'), 'b9ee4d2672022596fee8160be5c91681a9811c97d41448769ef52d7a66e3599f');
  });
});

describe('what the GCM packet sizes of the sample call give away', () => {
  it('each sentence, to within 0.3 s at both ends, and nothing in the silences between them', () => {
    // Found: [0.3, 1.8], [2.74, 4.62], [5.62, 7.64], [9.02, 11.32] against the spoken [0.3, 1.81],
    // [2.75, 4.64], [5.6, 7.66], [9, 11.33]: Opus at 24 kbit/s sends about 65 bytes a frame in speech
    // and about 44 in the hiss between sentences. One found interval per sentence, each near its own,
    // leaves nothing in the silences (the longest is 7.66–9.00 s).
    assertFindsSpeech(readActivity(onWire(audio, 'gcm'), 'audio'));
  });

  it('ECB sizes tell the same: rounding to 16 bytes hides nothing', () => {
    assertFindsSpeech(readActivity(onWire(audio, 'ecb'), 'audio'));
  });

  it('padding: 64-byte buckets still show every sentence; 128-byte buckets or a constant size none', () => {
    // Speech frames straddle 64 bytes and silence frames sit under it, so 64-byte buckets keep the
    // difference (for 49 % more audio bytes). Every Opus packet of this call is under 128 bytes, so
    // 128-byte buckets are a constant size here (125 % more), as is padding to the largest (71 % more).
    assert.ok(Math.max(...audio.map((packet) => packet.size)) < 128);
    assertFindsSpeech(readActivity(onWire(audio, 'gcm', 64), 'audio'));
    assert.deepEqual(readActivity(onWire(audio, 'gcm', 128), 'audio'), []);
    assert.deepEqual(readActivity(onWire(audio, 'gcm', 'constant'), 'audio'), []);
  });

  it('motion through the speaker scene, none on the slide, and the slide change as a change, not motion', () => {
    // Found: [[0.033, 5]]. The speaker's head sways all through 0–5 s (synthetic-meeting.ts speakerPose),
    // so VP9 sends frames of about 5,000–17,000 bytes there; on the slide only the self-view moves and
    // frames are about 50–2,500 bytes, the still baseline. The keyframes (0, 5 and 8.5 s: the first
    // picture, the cut to the slide, the slide's update) are left out of the levels, so the update at
    // 8.5 s shows in changeTimes instead: far bigger than every frame within a second of it.
    const packets = onWire(video, 'gcm');
    const found = readActivity(packets, 'video');
    assert.equal(found.length, 1, `found ${JSON.stringify(found)}`);
    const [[start, end]] = found;
    assert.ok(start <= 0.1 && end >= 4.9 && end <= 5.2, `motion ${start}–${end}`);
    assert.deepEqual(changeTimes(packets), [0, 5, 8.5]);
    assert.deepEqual(keyframeTimes(video), [0, 5, 8.5]);
  });

  it('padded to each track’s largest packet, the call says nothing, and costs about 20 times the bytes', () => {
    assert.deepEqual(readActivity(onWire(video, 'gcm', 'constant'), 'video'), []);
    assert.deepEqual(changeTimes(onWire(video, 'gcm', 'constant')), []);
    const sizes = wireSizes(video, trackPadding(video, 'constant'));
    const ratio = sizes.reduce((sum, s) => sum + s.padded, 0) / sizes.reduce((sum, s) => sum + s.size, 0);
    assert.ok(ratio > 20 && ratio < 22, `${ratio}`);
  });
});
