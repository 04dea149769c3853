/**
 * A frame sealed as GCM packets: every packet is exactly what OpenSSL's aes-256-gcm gives for that slice
 * of the plaintext under that packet's nonce, laid out as the packets' ciphertext then their tags; the
 * nonces are the stream's next counter values; a change to any packet, tag or nonce is refused.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AuthenticationError, NonceSequence } from '../../../lib/cipher';
import {
  GCM_PACKET_BYTES,
  openPackets,
  packetCount,
  sealPackets,
  type SealedPacket,
} from '../../../lib/cipher/gcm-packets';
import { bytesToHex, concatBytes } from '../helpers/hex';
import { opensslGcm } from '../helpers/openssl';
import { seededBytes } from '../helpers/seeded-bytes';

const KEY = seededBytes('gcm packets key', 32);
const SALT = Uint8Array.of(0xde, 0xad, 0xbe, 0xef);

/** The nonce with counter `n` under SALT, written out by hand: salt ‖ 8-byte big-endian counter. */
function nonceHex(n: number): string {
  return 'deadbeef' + n.toString(16).padStart(16, '0');
}

describe('packetCount', () => {
  it('counts whole and partial packets; an empty frame is one packet', () => {
    assert.equal(GCM_PACKET_BYTES, 921_600);
    assert.equal(packetCount(0), 1);
    assert.equal(packetCount(1), 1);
    assert.equal(packetCount(640 * 360 * 4), 1);
    assert.equal(packetCount(640 * 360 * 4 + 1), 2);
    assert.equal(packetCount(1280 * 720 * 4), 4);
    assert.equal(packetCount(1280 * 720 * 3), 3);
    assert.equal(packetCount(1920 * 1080 * 4), 9);
    assert.equal(packetCount(250, 100), 3);
    assert.throws(() => packetCount(10, 0), RangeError);
  });
});

describe('sealPackets', () => {
  it('cuts 2553 bytes into 100-byte packets: each is OpenSSL aes-256-gcm of its slice under the next nonce', async () => {
    const plaintext = seededBytes('gcm packets 2553', 2553);
    const { sealed, nonces } = await sealPackets(KEY, new NonceSequence(SALT, 7n), plaintext, 100);
    assert.equal(nonces.length, 26);
    assert.equal(sealed.length, 2553 + 26 * 16);
    nonces.forEach((nonce, i) => {
      assert.equal(bytesToHex(nonce), nonceHex(7 + i), `packet ${i}'s nonce`);
      const slice = plaintext.subarray(i * 100, Math.min(2553, (i + 1) * 100));
      const expected = opensslGcm(KEY, nonce, slice);
      const body = sealed.subarray(i * 100, i * 100 + slice.length);
      const tag = sealed.subarray(2553 + i * 16, 2553 + (i + 1) * 16);
      assert.equal(bytesToHex(concatBytes(body, tag)), bytesToHex(expected), `packet ${i}`);
    });
  });

  it('a 640×360 RGBA frame is one packet: the same bytes as one GCM message', async () => {
    const plaintext = seededBytes('gcm packets 640', 640 * 360 * 4);
    const { sealed, nonces } = await sealPackets(KEY, new NonceSequence(SALT), plaintext);
    assert.deepEqual(nonces.map(bytesToHex), [nonceHex(0)]);
    assert.equal(bytesToHex(sealed), bytesToHex(opensslGcm(KEY, nonces[0], plaintext)));
  });

  it('a 1280×720 RGBA frame is four packets of 921600 bytes, tags after the ciphertext', async () => {
    const length = 1280 * 720 * 4;
    const plaintext = seededBytes('gcm packets 1280', length);
    const { sealed, nonces } = await sealPackets(KEY, new NonceSequence(SALT, 41n), plaintext);
    assert.deepEqual(nonces.map(bytesToHex), [41, 42, 43, 44].map(nonceHex));
    assert.equal(sealed.length, length + 64);
    for (let i = 0; i < 4; i++) {
      const expected = opensslGcm(KEY, nonces[i], plaintext.subarray(i * 921_600, (i + 1) * 921_600));
      const got = concatBytes(
        sealed.subarray(i * 921_600, (i + 1) * 921_600),
        sealed.subarray(length + i * 16, length + i * 16 + 16),
      );
      assert.ok(Buffer.from(got).equals(Buffer.from(expected)), `packet ${i}`);
    }
  });
});

describe('sealPackets, packet by packet', () => {
  it('hands over each packet once it is sealed, in order: OpenSSL aes-256-gcm of its slice, its nonce', async () => {
    const plaintext = seededBytes('gcm packets streamed', 250);
    const handed: { packet: SealedPacket; sealedSoFar: string }[] = [];
    let sealedBytes: Uint8Array | null = null;
    const result = sealPackets(KEY, new NonceSequence(SALT, 3n), plaintext, 100, (packet) => {
      handed.push({ packet, sealedSoFar: String(sealedBytes) });
    });
    sealedBytes = (await result).sealed;
    assert.deepEqual(
      handed.map(({ packet }) => [packet.index, packet.count, bytesToHex(packet.nonce)]),
      [
        [0, 3, nonceHex(3)],
        [1, 3, nonceHex(4)],
        [2, 3, nonceHex(5)],
      ],
    );
    assert.ok(
      handed.every(({ sealedSoFar }) => sealedSoFar === 'null'),
      'each is handed over before the frame is done',
    );
    handed.forEach(({ packet }, i) => {
      const slice = plaintext.subarray(i * 100, Math.min(250, (i + 1) * 100));
      assert.equal(bytesToHex(packet.message), bytesToHex(opensslGcm(KEY, packet.nonce, slice)), `packet ${i}`);
    });
  });

  it('a packet handed over may be taken away (its buffer detached) without changing the frame', async () => {
    const plaintext = seededBytes('gcm packets taken', 300);
    const kept = await sealPackets(KEY, new NonceSequence(SALT, 9n), plaintext, 100);
    const taken = await sealPackets(KEY, new NonceSequence(SALT, 9n), plaintext, 100, (packet) => {
      structuredClone(packet.message.buffer, { transfer: [packet.message.buffer] });
    });
    assert.equal(bytesToHex(taken.sealed), bytesToHex(kept.sealed));
  });

  it('a frame of one packet is not handed over packet by packet', async () => {
    let calls = 0;
    await sealPackets(KEY, new NonceSequence(SALT), seededBytes('one packet', 100), 100, () => calls++);
    assert.equal(calls, 0);
  });
});

describe('openPackets', () => {
  async function sealed250() {
    const plaintext = seededBytes('gcm packets 250', 250);
    return { plaintext, ...(await sealPackets(KEY, new NonceSequence(SALT), plaintext, 100)) };
  }

  it('gives the plaintext back, into the buffer given when it fits', async () => {
    const { plaintext, sealed, nonces } = await sealed250();
    assert.equal(bytesToHex(await openPackets(KEY, nonces, sealed, 100)), bytesToHex(plaintext));
    const out = new Uint8Array(250);
    assert.equal(await openPackets(KEY, nonces, sealed, 100, out), out);
    assert.equal(bytesToHex(out), bytesToHex(plaintext));
  });

  it('refuses a flipped bit in any packet or tag, swapped nonces, and a wrong key', async () => {
    const { sealed, nonces } = await sealed250();
    for (const at of [0, 99, 100, 249, 250, 266, 297]) {
      const changed = sealed.slice();
      changed[at] ^= 1;
      await assert.rejects(openPackets(KEY, nonces, changed, 100), AuthenticationError, `byte ${at}`);
    }
    await assert.rejects(openPackets(KEY, [nonces[1], nonces[0], nonces[2]], sealed, 100), AuthenticationError);
    await assert.rejects(openPackets(seededBytes('other', 32), nonces, sealed, 100), AuthenticationError);
  });

  it('refuses sealed bytes that are not that many packets', async () => {
    const { sealed, nonces } = await sealed250();
    await assert.rejects(openPackets(KEY, nonces.slice(0, 2), sealed, 100), RangeError);
    await assert.rejects(openPackets(KEY, nonces, sealed.subarray(0, 40), 100), RangeError);
    await assert.rejects(openPackets(KEY, [], sealed, 100), RangeError);
  });
});
