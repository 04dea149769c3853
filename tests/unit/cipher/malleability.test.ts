/**
 * What an attacker can do to a ciphertext of the modes without integrity, over seeded pseudo-random
 * data (helpers/seeded-bytes: a failure names its seed). GCM, which refuses every such change, is
 * checked in properties.test.ts.
 * - CTR: flipping ciphertext bit i flips exactly plaintext bit i, so XORing the ciphertext with
 *   plaintext ⊕ target turns any known byte into any chosen one, and decryption cannot tell.
 * - CBC: flipping a bit in ciphertext block j garbles plaintext block j and flips the same bit in
 *   block j + 1, nothing else; a flip in the IV flips the same bit in block 0. Only an edit that
 *   reaches the padding is noticed.
 * - ECB: swapping two ciphertext blocks swaps the two plaintext blocks, and decryption accepts it.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  BLOCK,
  cbcDecrypt,
  cbcEncrypt,
  ctrDecrypt,
  ctrEncrypt,
  decryptFrame,
  ecbDecrypt,
  ecbEncrypt,
  encryptFrame,
  PaddingError,
  type Frame,
} from '../../../lib/cipher';
import { assertThrowsExactly } from '../helpers/assert-error';
import { bytesToHex } from '../helpers/hex';
import { seededBytes } from '../helpers/seeded-bytes';

const KEY = seededBytes('malleability key', 16);
const IV = seededBytes('malleability iv', 16);

function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const copy = bytes.slice();
  copy[bit >> 3] ^= 1 << (bit & 7);
  return copy;
}

function xor(a: Uint8Array, b: Uint8Array): Uint8Array {
  assert.equal(a.length, b.length);
  return a.map((byte, i) => byte ^ b[i]);
}

/** How many bits are set. */
function weight(bytes: Uint8Array): number {
  let bits = 0;
  for (let byte of bytes) for (; byte; byte &= byte - 1) bits++;
  return bits;
}

const block = (bytes: Uint8Array, index: number) => bytes.subarray(index * BLOCK, (index + 1) * BLOCK);

describe('CTR: the ciphertext is the plaintext under a keystream, bit for bit', () => {
  // 37 bytes: two whole blocks and a part block.
  const plaintext = seededBytes('malleability CTR plaintext', 37);
  const ciphertext = ctrEncrypt(KEY, IV, plaintext);

  test('flipping ciphertext bit i flips plaintext bit i and nothing else, for all 296 bits', () => {
    for (let bit = 0; bit < plaintext.length * 8; bit++) {
      const decrypted = ctrDecrypt(KEY, IV, flipBit(ciphertext, bit));
      assert.equal(
        bytesToHex(xor(decrypted, plaintext)),
        bytesToHex(flipBit(new Uint8Array(plaintext.length), bit)),
        `bit ${bit}`,
      );
    }
  });

  test('ciphertext ⊕ plaintext ⊕ target decrypts to the target, for any target', () => {
    for (let n = 0; n < 8; n++) {
      const target = seededBytes(`malleability CTR target ${n}`, plaintext.length);
      const forged = xor(ciphertext, xor(plaintext, target));
      assert.equal(bytesToHex(ctrDecrypt(KEY, IV, forged)), bytesToHex(target));
    }
  });

  test('in a frame: knowing one pixel, anyone can repaint it any colour without the key', () => {
    const frame: Frame = { width: 7, height: 5, data: seededBytes('malleability CTR frame', 7 * 5 * 4) };
    const encrypted = encryptFrame(frame, { mode: 'ctr', key: KEY, layout: 'rgb' });
    const original = decryptFrame(encrypted, KEY);
    const pixel = 17;
    const known = original.data.subarray(4 * pixel, 4 * pixel + 3);
    const red = Uint8Array.of(255, 0, 0);
    const ciphertext = encrypted.ciphertext.slice();
    ciphertext.set(xor(ciphertext.subarray(3 * pixel, 3 * pixel + 3), xor(Uint8Array.from(known), red)), 3 * pixel);
    const repainted = decryptFrame({ ...encrypted, ciphertext }, KEY).data;
    const expected = Uint8Array.from(original.data);
    expected.set(red, 4 * pixel);
    assert.equal(bytesToHex(repainted), bytesToHex(expected));
  });
});

describe('CBC: a flipped bit garbles its block and flips the same bit in the next', () => {
  // 5 whole blocks of plaintext, so the ciphertext is 5 blocks and a sixth of padding.
  const plaintext = seededBytes('malleability CBC plaintext', 5 * BLOCK);
  const ciphertext = cbcEncrypt(KEY, IV, plaintext);

  test('a flip in ciphertext blocks 0–3, every bit: block j garbled, block j + 1 one bit flipped, the rest intact', () => {
    assert.equal(ciphertext.length, 6 * BLOCK);
    for (let bit = 0; bit < 4 * BLOCK * 8; bit++) {
      const j = Math.floor(bit / (BLOCK * 8));
      const difference = xor(cbcDecrypt(KEY, IV, flipBit(ciphertext, bit)), plaintext);
      for (let b = 0; b < 5; b++) {
        const changed = block(difference, b);
        if (b === j) assert.ok(weight(changed) > 16, `bit ${bit}: block ${j} garbled (${weight(changed)} bits differ)`);
        else if (b === j + 1)
          assert.equal(
            bytesToHex(changed),
            bytesToHex(block(flipBit(new Uint8Array(6 * BLOCK), bit), j)),
            `bit ${bit}: block ${b}`,
          );
        else assert.equal(weight(changed), 0, `bit ${bit}: block ${b} intact`);
      }
    }
  });

  test('a flip in the IV flips the same bit of plaintext block 0 and nothing else, for all 128 bits', () => {
    for (let bit = 0; bit < BLOCK * 8; bit++) {
      const difference = xor(cbcDecrypt(KEY, flipBit(IV, bit), ciphertext), plaintext);
      assert.equal(bytesToHex(difference), bytesToHex(flipBit(new Uint8Array(plaintext.length), bit)), `bit ${bit}`);
    }
  });

  test('a flip in block 4 flips a bit of the padding block: always refused with PaddingError', () => {
    // The padding block decrypts to sixteen 0x10 bytes. A flip in its last byte makes it 0x10 ⊕ 2^k:
    // 0x11, 0x12, 0x14, 0x18, 0x00, 0x30, 0x50 or 0x90, none from 1 to 16. A flip elsewhere leaves a
    // last byte of 0x10, which asks for sixteen 0x10 bytes, and one is no longer. Never valid.
    for (let bit = 4 * BLOCK * 8; bit < 5 * BLOCK * 8; bit++) {
      assertThrowsExactly(
        () => cbcDecrypt(KEY, IV, flipBit(ciphertext, bit)),
        PaddingError,
        new PaddingError().message,
      );
    }
  });
});

describe('ECB: blocks can be moved around unnoticed', () => {
  const plaintext = seededBytes('malleability ECB plaintext', 6 * BLOCK);
  const ciphertext = ecbEncrypt(KEY, plaintext);

  test('swapping ciphertext blocks i and j swaps plaintext blocks i and j, for all 15 pairs of the 6', () => {
    for (let i = 0; i < 6; i++) {
      for (let j = i + 1; j < 6; j++) {
        const swapped = ciphertext.slice();
        swapped.set(block(ciphertext, j), i * BLOCK);
        swapped.set(block(ciphertext, i), j * BLOCK);
        const expected = plaintext.slice();
        expected.set(block(plaintext, j), i * BLOCK);
        expected.set(block(plaintext, i), j * BLOCK);
        assert.equal(bytesToHex(ecbDecrypt(KEY, swapped)), bytesToHex(expected), `blocks ${i} and ${j}`);
      }
    }
  });
});
