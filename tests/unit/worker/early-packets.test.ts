/**
 * EarlyPackets: the receiver's GCM packets opened as they arrive. A frame's packets, all there and under
 * the frame's own nonces, give its plaintext (checked against the plaintext sealed); anything else gives
 * null so the frame is opened whole; a refused packet refuses the frame; frames that never got their
 * message are let go.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NonceSequence } from '../../../lib/cipher';
import { sealPackets, type SealedPacket } from '../../../lib/cipher/gcm-packets';
import { EarlyPackets } from '../../../lib/worker/early-packets';
import { bytesToHex } from '../helpers/hex';
import { seededBytes } from '../helpers/seeded-bytes';

const KEY = seededBytes('early packets key', 32);
const SALT = Uint8Array.of(1, 2, 3, 4);

/** Frame `seq`: 250 bytes sealed as 100-byte packets, and what the receiver gets of it. */
async function sealFrame(seq: number, seed: string, first = 0n) {
  const plaintext = seededBytes(`early packets ${seed}`, 250);
  const handed: SealedPacket[] = [];
  const { sealed, nonces } = await sealPackets(KEY, new NonceSequence(SALT, first), plaintext, 100, (packet) =>
    handed.push(packet),
  );
  const packets = handed.map((packet) => ({
    seq,
    index: packet.index,
    count: packet.count,
    key: KEY,
    nonce: packet.nonce,
    buffer: packet.message.slice().buffer,
  }));
  const message = { mode: 'gcm' as const, nonces, length: sealed.length };
  return { plaintext, packets, message };
}

describe('EarlyPackets', () => {
  it('joins a frame’s packets, opened as they came, into its plaintext', async () => {
    const early = new EarlyPackets();
    const { plaintext, packets, message } = await sealFrame(5, 'joined');
    packets.forEach((packet) => early.add(packet));
    const opened = await early.plaintext(early.take(5), message);
    assert.ok(opened);
    assert.equal(bytesToHex(opened), bytesToHex(plaintext));
    assert.equal(early.waiting, 0);
  });

  it('packets arriving out of order are joined in the frame’s order', async () => {
    const early = new EarlyPackets();
    const { plaintext, packets, message } = await sealFrame(1, 'reordered');
    [packets[2], packets[0], packets[1]].forEach((packet) => early.add(packet));
    assert.equal(bytesToHex((await early.plaintext(early.take(1), message)) as Uint8Array), bytesToHex(plaintext));
  });

  it('null, so the frame is opened whole: a packet missing, other nonces, another mode, no packets', async () => {
    const early = new EarlyPackets();
    const { packets, message } = await sealFrame(2, 'missing');
    early.add(packets[0]);
    early.add(packets[2]);
    assert.equal(await early.plaintext(early.take(2), message), null, 'a packet missing');

    const other = await sealFrame(3, 'other nonces', 40n);
    const frame = await sealFrame(3, 'other nonces', 41n);
    other.packets.forEach((packet) => early.add(packet));
    assert.equal(await early.plaintext(early.take(3), frame.message), null, 'packets under other nonces');

    const again = await sealFrame(4, 'ctr');
    again.packets.forEach((packet) => early.add(packet));
    assert.equal(await early.plaintext(early.take(4), { ...again.message, mode: 'ctr' }), null, 'not GCM');
    assert.equal(await early.plaintext(early.take(9), again.message), null, 'no packets came');
  });

  it('a packet with one bit flipped refuses the whole frame', async () => {
    const early = new EarlyPackets();
    const { packets, message } = await sealFrame(6, 'flipped');
    new Uint8Array(packets[1].buffer)[7] ^= 0x01;
    packets.forEach((packet) => early.add(packet));
    await assert.rejects(early.plaintext(early.take(6), message), { name: 'AuthenticationError' });
  });

  it('a frame whose message never came is let go when the next frame’s packets arrive', async () => {
    const early = new EarlyPackets();
    const failed = await sealFrame(7, 'failed');
    const next = await sealFrame(8, 'next', 3n);
    failed.packets.slice(0, 2).forEach((packet) => early.add(packet));
    assert.equal(early.waiting, 1);
    early.add(next.packets[0]);
    assert.equal(early.waiting, 1, 'only the next frame waits');
    assert.equal(early.take(7), null);
    next.packets.slice(1).forEach((packet) => early.add(packet));
    assert.equal(
      bytesToHex((await early.plaintext(early.take(8), next.message)) as Uint8Array),
      bytesToHex(next.plaintext),
    );
  });
});
