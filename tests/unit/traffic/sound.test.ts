/**
 * The call's sound under ECB and GCM, and the traffic worker's sealing of packets: the ECB tone in a
 * silence is measured from the samples (every 16-sample block the same), and the wire sizes are checked
 * against the padding rules written out by hand.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fromPcm8, repeatingShare, SAMPLES_PER_BLOCK, toPcm8 } from '../../../lib/traffic/pcm';
import { encryptSound, sealPackets } from '../../../lib/worker/traffic-handlers';
import { seededBytes } from '../helpers/seeded-bytes';

const KEYS = { ecb: seededBytes('sound ecb', 16), gcm: seededBytes('sound gcm', 32) };

describe('8-bit samples', () => {
  it('keep the top 8 bits, rounding near-silence to exactly 0', () => {
    assert.deepEqual([...toPcm8(Float32Array.of(0, 0.00001, -0.00001, -1, 0.5, 1))], [0, 0, 0, 0x80, 0x40, 0x7f]);
    assert.deepEqual([...fromPcm8(Uint8Array.of(0x40, 0x80, 0), 1)], [0.5, -1, 0]);
    assert.deepEqual([...fromPcm8(Uint8Array.of(0x40), 0.1)], [0.05000000074505806]);
  });

  it('a block repeating the one before is counted, other blocks not', () => {
    const tone = new Uint8Array(16 * 10);
    for (let i = 0; i < tone.length; i++) tone[i] = i % 16;
    assert.equal(repeatingShare(tone, 0, tone.length), 1);
    assert.equal(repeatingShare(seededBytes('noise', 160), 0, 160), 0);
  });
});

describe('the call’s sound under ECB and GCM', () => {
  // Half a second of silence, half a second of "speech" (seeded noise at speech level), at 48 kHz.
  const silence = new Float32Array(24_000);
  const speech = Float32Array.from(seededBytes('speech', 24_000), (b) => (b - 128) / 256);
  const sound = new Float32Array(48_000);
  sound.set(silence);
  sound.set(speech, 24_000);

  it('ECB turns the silence into one block over and over (a tone every 16 samples, 3 kHz) and the speech into noise', async () => {
    const { ecb, gcm } = await encryptSound(sound, KEYS);
    assert.equal(ecb.length, 48_000);
    assert.equal(repeatingShare(ecb, 0, 24_000), 1);
    assert.ok(repeatingShare(ecb, 24_000, 48_000) < 0.01);
    assert.equal(48_000 / SAMPLES_PER_BLOCK, 3000);
    assert.ok(repeatingShare(gcm, 0, 24_000) < 0.01, 'GCM: noise in the silence too');
  });
});

describe('sealing packets', () => {
  it('ECB pads to the next 16 bytes (a whole block when already whole), GCM adds the 16-byte tag', async () => {
    const sizes = [0, 1, 15, 16, 17, 100, 1200];
    const sealed = await sealPackets(
      sizes.map((n) => seededBytes(`packet ${n}`, n)),
      KEYS,
    );
    assert.deepEqual(sealed.ecb, [16, 16, 16, 32, 32, 112, 1216]);
    assert.deepEqual(sealed.gcm, [16, 17, 31, 32, 33, 116, 1216]);
  });

  it('counts ECB blocks that repeat within a packet and across packets', async () => {
    const keys = { ecb: seededBytes('repeats ecb', 16), gcm: KEYS.gcm };
    const block = seededBytes('one block', 16);
    const repeated = new Uint8Array(64);
    for (let i = 0; i < 4; i++) repeated.set(block, i * 16);
    const sealed = await sealPackets([repeated, block, seededBytes('fresh', 48)], keys);
    assert.deepEqual(sealed.repeats, { packets: 3, blocks: 4 + 1 + 3, distinct: 4, within: 3, across: 1 });
    // The next batch of the same call counts on from there: the block is seen across again.
    const next = await sealPackets([block], keys);
    assert.deepEqual(next.repeats, { packets: 4, blocks: 9, distinct: 4, within: 3, across: 2 });
  });
});
