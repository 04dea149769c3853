/**
 * The forbidden attack against real AES-256-GCM from Node's OpenSSL: three messages under one key and
 * one nonce give H (checked against H = AES_K(0¹²⁸), computed here with the key the attacker never uses),
 * and a forged message of the attacker's choosing passes OpenSSL's own tag check.
 */
import assert from 'node:assert/strict';
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { describe, it } from 'node:test';
import { fromBlock, toBlock } from '../../../lib/attacks/gf128';
import { attackDegree, forge, hashKeyCandidates, narrowCandidates, satisfies } from '../../../lib/attacks/forbidden';
import { toHex } from '../../../lib/cipher/hex';
import { seededBytes } from '../helpers/seeded-bytes';

const KEY = seededBytes('forbidden key', 32);
const NONCE = seededBytes('forbidden nonce', 12);

function seal(plaintext: Uint8Array, aad: Uint8Array = new Uint8Array(0)) {
  const cipher = createCipheriv('aes-256-gcm', KEY, NONCE);
  cipher.setAAD(aad);
  const ciphertext = new Uint8Array(Buffer.concat([cipher.update(plaintext), cipher.final()]));
  return { ciphertext, tag: new Uint8Array(cipher.getAuthTag()), aad };
}

function open(ciphertext: Uint8Array, tag: Uint8Array, aad: Uint8Array = new Uint8Array(0)): Uint8Array {
  const decipher = createDecipheriv('aes-256-gcm', KEY, NONCE);
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  return new Uint8Array(Buffer.concat([decipher.update(ciphertext), decipher.final()]));
}

/** H as the key holder computes it: AES_K(0¹²⁸). */
const TRUE_H = toHex(createCipheriv('aes-256-ecb', KEY, null).setAutoPadding(false).update(Buffer.alloc(16)));

describe('the forbidden attack', () => {
  // A 12×12 RGB picture is 432 bytes: 27 blocks, plus the lengths block.
  const known = seededBytes('forbidden frame a', 432);
  const a = seal(known);
  const b = seal(seededBytes('forbidden frame b', 432));
  const c = seal(seededBytes('forbidden frame c', 432));

  it('the polynomial of two 432-byte messages has degree 28, and the true H is among its roots', () => {
    assert.equal(attackDegree(432), 28);
    const candidates = hashKeyCandidates(a, b);
    assert.ok(candidates.length >= 1 && candidates.length <= 28, `${candidates.length} candidates`);
    assert.ok(candidates.map((h) => toHex(toBlock(h))).includes(TRUE_H), 'H is a candidate');
    for (const h of candidates) assert.ok(satisfies(h, a, b));
  });

  it('a third message under the nonce leaves only the true H', () => {
    const narrowed = narrowCandidates(hashKeyCandidates(a, b), a, c);
    assert.deepEqual(
      narrowed.map((h) => toHex(toBlock(h))),
      [TRUE_H],
    );
  });

  it('a forged message, made without the key, decrypts under OpenSSL’s tag check to the attacker’s bytes', () => {
    const h = fromBlock(Buffer.from(TRUE_H, 'hex'));
    for (const length of [432, 100, 0]) {
      const target = seededBytes(`forbidden target ${length}`, length);
      const forged = forge(h, a, known, target);
      assert.deepEqual(open(forged.ciphertext, forged.tag), target, `${length} bytes`);
      // One bit off in the forged tag and OpenSSL refuses it.
      const wrong = forged.tag.slice();
      wrong[15] ^= 1;
      assert.throws(() => open(forged.ciphertext, wrong), /unable to authenticate/);
    }
  });

  it('works with AAD, and refuses a target longer than the known keystream', () => {
    const aad = seededBytes('forbidden aad', 20);
    const x = seal(seededBytes('aad x', 64), aad);
    const y = seal(seededBytes('aad y', 64), aad);
    const z = seal(seededBytes('aad z', 64), aad);
    const [h] = narrowCandidates(hashKeyCandidates(x, y), x, z);
    assert.equal(toHex(toBlock(h)), TRUE_H);
    const target = seededBytes('aad target', 64);
    const forged = forge(h, x, seededBytes('aad x', 64), target, aad);
    assert.deepEqual(open(forged.ciphertext, forged.tag, aad), target);
    assert.throws(() => forge(h, x, seededBytes('aad x', 64), new Uint8Array(65)), {
      name: 'RangeError',
      message: 'the target is 65 bytes but only 64 bytes of keystream are known',
    });
  });

  it('two identical messages give no equation', () => {
    assert.throws(() => hashKeyCandidates(a, a), { name: 'RangeError' });
  });
});
