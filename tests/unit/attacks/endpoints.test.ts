/**
 * The attack lab's two ends and its worker's heavy calls: the sender's frames are OpenSSL's, the receiver
 * refuses exactly what a mode can notice, the counter check refuses replays, and the worker's forbidden
 * attack finds H = AES_K(0¹²⁸) (computed here with the key, which the attack never sees).
 */
import assert from 'node:assert/strict';
import { createCipheriv } from 'node:crypto';
import { describe, it } from 'node:test';
import { receive, send, startLength } from '../../../lib/attacks/endpoints';
import { CounterCheck, nonceCounter } from '../../../lib/attacks/replay';
import { toHex } from '../../../lib/cipher/hex';
import { MODES } from '../../../lib/cipher/keys';
import { recoverHashKey } from '../../../lib/worker/attack-handlers';
import { opensslCbc, opensslCtr, opensslEcb, opensslGcm } from '../helpers/openssl';
import { seededBytes } from '../helpers/seeded-bytes';

const KEY16 = seededBytes('endpoints key 16', 16);
const KEY32 = seededBytes('endpoints key 32', 32);
const PLAIN = seededBytes('endpoints plaintext', 333);

describe('send and receive', () => {
  for (const mode of MODES) {
    it(`${mode}: the sender's frame is OpenSSL's under its IV or nonce, and the receiver gets the plaintext back`, async () => {
      const key = mode === 'gcm' ? KEY32 : KEY16;
      const wire = await send(mode, key, PLAIN);
      assert.equal(wire.start?.length ?? 0, startLength(mode));
      const expected = {
        ecb: () => opensslEcb(key, PLAIN),
        cbc: () => opensslCbc(key, wire.start as Uint8Array, PLAIN),
        ctr: () => opensslCtr(key, wire.start as Uint8Array, PLAIN),
        gcm: () => opensslGcm(key, wire.start as Uint8Array, PLAIN),
      }[mode]();
      assert.equal(toHex(wire.ciphertext), toHex(expected));
      assert.deepEqual(await receive(wire, key), { accepted: true, plaintext: PLAIN });
    });
  }

  it('a given IV or nonce is used as given (the lab’s stuck nonce)', async () => {
    const nonce = seededBytes('endpoints nonce', 12);
    const a = await send('gcm', KEY32, PLAIN, nonce);
    const b = await send('gcm', KEY32, PLAIN, nonce);
    assert.equal(toHex(a.ciphertext), toHex(b.ciphertext));
  });

  it('the receiver refuses an altered GCM frame, a CBC frame with broken padding, and a frame of the wrong length', async () => {
    const gcm = await send('gcm', KEY32, PLAIN);
    const altered = gcm.ciphertext.slice();
    altered[7] ^= 4;
    assert.deepEqual(await receive({ ...gcm, ciphertext: altered }, KEY32), {
      accepted: false,
      reason: 'authentication failed: the tag does not match',
    });
    const cbc = await send('cbc', KEY16, PLAIN);
    assert.deepEqual(await receive(cbc, seededBytes('endpoints wrong key', 16)), {
      accepted: false,
      reason: 'the padding does not check',
    });
    const short = await receive({ ...cbc, ciphertext: cbc.ciphertext.subarray(0, 30) }, KEY16);
    assert.equal(short.accepted, false);
  });
});

describe('replay protection', () => {
  it('reads the counter of a salt ‖ counter nonce', () => {
    assert.equal(nonceCounter(Uint8Array.of(1, 2, 3, 4, 0, 0, 0, 0, 0, 0, 0, 75)), 75n);
    assert.equal(nonceCounter(Uint8Array.of(9, 9, 9, 9, 0, 0, 0, 1, 0, 0, 0, 0)), 2n ** 32n);
    assert.throws(() => nonceCounter(new Uint8Array(16)), {
      name: 'RangeError',
      message: 'a nonce is 12 bytes, got 16',
    });
  });

  it('admits newer frames and refuses one not newer than the newest shown', () => {
    const check = new CounterCheck();
    const at = (n: number) => Uint8Array.of(7, 7, 7, 7, 0, 0, 0, 0, 0, 0, 0, n);
    assert.equal(check.admit(at(10)), null);
    assert.equal(check.admit(at(195)), null);
    assert.equal(check.admit(at(75)), 'replay refused: frame 75 is not newer than frame 195, already shown');
    assert.equal(check.admit(at(195)), 'replay refused: frame 195 is not newer than frame 195, already shown');
    assert.equal(check.admit(at(196)), null);
  });
});

describe('the worker’s forbidden attack', () => {
  it('three 48×27 RGB frames under one nonce give H, with degree 244', async () => {
    const nonce = seededBytes('worker nonce', 12);
    const frames = await Promise.all(
      ['a', 'b', 'c'].map((name) => send('gcm', KEY32, seededBytes(`worker ${name}`, 3888), nonce)),
    );
    const [a, b, c] = frames.map(({ ciphertext }) => ({
      ciphertext: ciphertext.subarray(0, 3888),
      tag: ciphertext.subarray(3888),
    }));
    const found = recoverHashKey(a, b, c);
    const h = createCipheriv('aes-256-ecb', KEY32, null).setAutoPadding(false).update(Buffer.alloc(16));
    assert.equal(found.degree, 244);
    assert.equal(found.remaining, 1);
    assert.ok(found.candidates >= 1);
    assert.equal(toHex(found.hashKey as Uint8Array), toHex(h));
  });
});
