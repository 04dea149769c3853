/**
 * ecbBlockRepeats: counted by hand on a repetitive payload, checked against a plain count of equal
 * plaintext blocks (ECB makes equal blocks equal and unequal ones unequal), and measured on the sample
 * call's real Opus and VP9 packets, where compression leaves almost nothing for ECB to show.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { demux, type PacketWithData } from '../../../lib/media/demux';
import { ecbBlockRepeats, type BlockRepeats } from '../../../lib/traffic/repeats';
import { assertThrowsExactly } from '../helpers/assert-error';
import { bytesToHex } from '../helpers/hex';
import { seededBytes } from '../helpers/seeded-bytes';

const KEY = seededBytes('repeats key', 16);

/** The same count on the plaintext, with hex strings: what ECB must reproduce on the ciphertext. */
function plaintextRepeats(payloads: readonly Uint8Array[]): BlockRepeats {
  const seen = new Set<string>();
  const result = { packets: payloads.length, blocks: 0, distinct: 0, within: 0, across: 0 };
  for (const payload of payloads) {
    const here = new Set<string>();
    for (let at = 0; at + 16 <= payload.length; at += 16) {
      const block = bytesToHex(payload.subarray(at, at + 16));
      result.blocks++;
      if (here.has(block)) result.within++;
      else if (seen.has(block)) result.across++;
      here.add(block);
    }
    here.forEach((block) => seen.add(block));
  }
  return { ...result, distinct: seen.size };
}

describe('ecbBlockRepeats by hand', () => {
  it('ten packets of 160 zero bytes: one block value, 9 repeats within each packet, 1 across for each later one', () => {
    // 10 blocks a packet, 100 in all, all equal: in each packet blocks 2–10 repeat block 1 (within:
    // 10 × 9 = 90), and block 1 of packets 2–10 repeats packet 1's (across: 9). 90 + 9 = 100 − 1.
    assert.deepEqual(
      ecbBlockRepeats(
        Array.from({ length: 10 }, () => new Uint8Array(160)),
        KEY,
      ),
      {
        packets: 10,
        blocks: 100,
        distinct: 1,
        within: 90,
        across: 9,
      },
    );
  });

  it('the last, padded block is left out: 15 and 31 bytes count 0 and 1 whole blocks; a multiple of 16 all of them', () => {
    assert.deepEqual(ecbBlockRepeats([new Uint8Array(15), new Uint8Array(31), new Uint8Array(32)], KEY), {
      packets: 3,
      blocks: 3,
      distinct: 1,
      within: 1,
      across: 1,
    });
    assert.deepEqual(ecbBlockRepeats([], KEY), { packets: 0, blocks: 0, distinct: 0, within: 0, across: 0 });
  });

  it('random payloads: no repeats', () => {
    const payloads = Array.from({ length: 50 }, (_, i) => seededBytes(`random payload ${i}`, 100 + 13 * i));
    const counted = ecbBlockRepeats(payloads, KEY);
    assert.equal(counted.within + counted.across, 0);
    assert.equal(counted.distinct, counted.blocks);
  });

  it('equals the count of equal plaintext blocks, on payloads with planted repeats', () => {
    const planted = seededBytes('planted', 16);
    const payloads = Array.from({ length: 40 }, (_, i) => {
      const payload = seededBytes(`planted payload ${i}`, 50 + 7 * i);
      for (let at = 0; at + 16 <= payload.length; at += 16 * (1 + (i % 3))) payload.set(planted, at);
      return payload;
    });
    const counted = ecbBlockRepeats(payloads, KEY);
    assert.deepEqual(counted, plaintextRepeats(payloads));
    assert.ok(counted.within > 0 && counted.across > 0);
  });

  it('refuses what it cannot encrypt', () => {
    assertThrowsExactly(
      () => ecbBlockRepeats([new Uint8Array(16)], KEY.subarray(1)),
      RangeError,
      'key must be 16 bytes for AES-128-ECB, got 15',
    );
    assertThrowsExactly(
      () => ecbBlockRepeats([[1, 2, 3] as unknown as Uint8Array], KEY),
      TypeError,
      'payloads[0] must be a Uint8Array, got object',
    );
    assertThrowsExactly(
      () => ecbBlockRepeats('abc' as unknown as Uint8Array[], KEY),
      TypeError,
      'payloads must be an array, got string',
    );
  });
});

describe('ecbBlockRepeats on the sample call: codec data has almost nothing for ECB to show', () => {
  let tracks: { kind: string; packets: PacketWithData[] }[];
  before(async () => {
    tracks = (
      await demux(new Uint8Array(readFileSync(new URL('../../../public/samples/meeting.webm', import.meta.url))), {
        data: true,
      })
    ).tracks;
  });
  const payloads = (kind: string) => tracks.find((track) => track.kind === kind)?.packets.map((p) => p.data) ?? [];

  it('Opus: not one of its 1,814 whole blocks repeats', () => {
    assert.deepEqual(ecbBlockRepeats(payloads('audio'), KEY), {
      packets: 601,
      blocks: 1814,
      distinct: 1814,
      within: 0,
      across: 0,
    });
  });

  it('VP9: 102 of 76,517 blocks (0.13 %), nearly all frame headers of the still slide', () => {
    // 91 across: the first one to three blocks of small inter frames, whose VP9 headers match an
    // earlier frame's when nothing but the self-view changed. 11 within: short runs inside keyframes.
    const counted = ecbBlockRepeats(payloads('video'), KEY);
    assert.deepEqual(counted, { packets: 360, blocks: 76_517, distinct: 76_415, within: 11, across: 91 });
    assert.deepEqual(counted, plaintextRepeats(payloads('video')));
  });
});
