/**
 * The two properties the site demonstrates, checked exhaustively on small frames:
 * - ECB: two ciphertext blocks are equal exactly when their plaintext blocks are (the leak); CBC, CTR
 *   and GCM leave none of those repeats;
 * - GCM: any change to ciphertext, tag, nonce, AAD or key makes decryption throw AuthenticationError,
 *   so no pixels come out of a tampered frame. (What CBC, CTR and ECB let through: malleability.test.ts.)
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  AuthenticationError,
  BLOCK,
  decryptFrame,
  encryptFrame,
  gcmDecrypt,
  gcmDecryptAsync,
  NONCE_LENGTH,
  type EncryptedFrame,
  type Frame,
  type Layout,
} from '../../../lib/cipher';
import { countRepeatedBlocks } from '../../../lib/metrics/blocks';
import { assertRejectsExactly, assertThrowsExactly } from '../helpers/assert-error';
import { bytesToHex, concatBytes } from '../helpers/hex';
import { referencePack } from '../helpers/reference-layout';
import { seededBytes } from '../helpers/seeded-bytes';

const AUTH_FAILED = new AuthenticationError().message;

function blocksOf(bytes: Uint8Array): string[] {
  assert.equal(bytes.length % BLOCK, 0);
  return Array.from({ length: bytes.length / BLOCK }, (_, i) => bytesToHex(bytes.subarray(i * BLOCK, (i + 1) * BLOCK)));
}

/** PKCS#7, written out: 1 to 16 bytes, each holding the count. */
function pkcs7(bytes: Uint8Array): Uint8Array {
  const pad = BLOCK - (bytes.length % BLOCK);
  return concatBytes(bytes, new Uint8Array(pad).fill(pad));
}

describe('ECB: equal plaintext blocks ⇔ equal ciphertext blocks, over every pair of blocks', () => {
  const key = seededBytes('properties ECB key', 16);

  /** 16×16 rgba frame = 64 blocks of 4 pixels, each one of 6 random blocks or a one-bit variant of the first. */
  function plantedRgba(): Frame {
    const palette = Array.from({ length: 6 }, (_, i) => seededBytes(`properties palette ${i}`, BLOCK));
    for (const bit of [0, 7, 64, 127]) {
      const variant = palette[0].slice();
      variant[bit >> 3] ^= 1 << (bit & 7);
      palette.push(variant);
    }
    const choice = seededBytes('properties choice', 64);
    const data = new Uint8Array(64 * BLOCK);
    for (let b = 0; b < 64; b++) data.set(palette[choice[b] % palette.length], b * BLOCK);
    return { width: 16, height: 16, data };
  }

  /** A striped picture: flat runs that quantize to equal blocks, with blocks straddling pixels. */
  function striped(width: number, height: number): Frame {
    const noise = seededBytes(`properties stripes ${width}×${height}`, width * height * 4);
    const data = new Uint8Array(width * height * 4);
    for (let p = 0; p < width * height; p++) {
      const stripe = Math.floor(p / width / 3) % 4;
      for (let c = 0; c < 3; c++) data[4 * p + c] = ((stripe * 70 + c * 50) % 256) | (noise[4 * p + c] & 0x0f);
      data[4 * p + 3] = 255;
    }
    return { width, height, data };
  }

  // [name, frame, layout, bits, whether it has equal blocks]
  const cases: [string, Frame, Layout, number, boolean][] = [
    ['16×16 rgba, 8 bits, planted blocks and one-bit variants', plantedRgba(), 'rgba', 8, true],
    ['37×11 rgb, 2 bits, stripes (blocks span pixels)', striped(37, 11), 'rgb', 2, true],
    ['16×24 gray, 3 bits, stripes (one block a row)', striped(16, 24), 'gray', 3, true],
    ['37×11 rgb, 8 bits, stripes with noise (no equal blocks)', striped(37, 11), 'rgb', 8, false],
  ];

  for (const [name, frame, layout, bits, hasRepeats] of cases) {
    test(name, () => {
      const plainBlocks = blocksOf(pkcs7(referencePack(frame.data, layout, bits)));
      const encrypted = encryptFrame(frame, { mode: 'ecb', key, layout, bits });
      const cipherBlocks = blocksOf(encrypted.ciphertext);
      assert.equal(cipherBlocks.length, plainBlocks.length);
      let equalPairs = 0;
      let unequalPairs = 0;
      for (let i = 0; i < plainBlocks.length; i++) {
        for (let j = i + 1; j < plainBlocks.length; j++) {
          const plainEqual = plainBlocks[i] === plainBlocks[j];
          assert.equal(cipherBlocks[i] === cipherBlocks[j], plainEqual, `blocks ${i} and ${j}`);
          if (plainEqual) equalPairs++;
          else unequalPairs++;
        }
      }
      assert.equal(equalPairs > 0, hasRepeats, `${equalPairs} equal pairs`);
      assert.ok(unequalPairs > 0);
      // The same statement in the metric's terms: ECB keeps exactly the plaintext's repeats.
      assert.deepEqual(
        countRepeatedBlocks(encrypted.ciphertext),
        countRepeatedBlocks(pkcs7(referencePack(frame.data, layout, bits))),
      );
    });
  }

  for (const mode of ['cbc', 'ctr', 'gcm'] as const) {
    test(`${mode.toUpperCase()} on the planted frame: no two ciphertext blocks are equal`, () => {
      const frame = plantedRgba();
      const key = seededBytes(`properties ${mode.toUpperCase()} key`, mode === 'gcm' ? 32 : 16);
      const encrypted = encryptFrame(frame, { mode, key, layout: 'rgba' });
      assert.ok(countRepeatedBlocks(referencePack(frame.data, 'rgba', 8)).repeated > 0);
      assert.equal(countRepeatedBlocks(encrypted.ciphertext).repeated, 0);
    });
  }
});

describe('GCM: any change to a sealed frame makes decryption throw AuthenticationError', () => {
  const key = seededBytes('properties GCM key', 32);
  const nonce = seededBytes('properties GCM nonce', NONCE_LENGTH);
  const aad = seededBytes('properties GCM aad', 13);
  // 3×2 rgb: 18 bytes of ciphertext + 16 of tag = 272 bits.
  const frame: Frame = { width: 3, height: 2, data: seededBytes('properties GCM frame', 3 * 2 * 4) };
  const sealed = encryptFrame(frame, { mode: 'gcm', key, layout: 'rgb', nonce, aad });

  function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
    const copy = bytes.slice();
    copy[bit >> 3] ^= 1 << (bit & 7);
    return copy;
  }

  function refused(encrypted: EncryptedFrame, withKey: Uint8Array, withAad: Uint8Array | undefined): void {
    const frameNonce = encrypted.nonce;
    assert.ok(frameNonce);
    assertThrowsExactly(
      () => gcmDecrypt(withKey, frameNonce, encrypted.ciphertext, withAad),
      AuthenticationError,
      AUTH_FAILED,
    );
    assertThrowsExactly(() => decryptFrame(encrypted, withKey, withAad), AuthenticationError, AUTH_FAILED);
  }

  test('control: the untouched frame decrypts', () => {
    assert.equal(decryptFrame(sealed, key, aad).data.length, 3 * 2 * 4);
  });

  test('every single-bit flip of the ciphertext and of the tag (272 bits), sync and async', async () => {
    assert.equal(sealed.ciphertext.length, 18 + 16);
    for (let bit = 0; bit < sealed.ciphertext.length * 8; bit++) {
      const ciphertext = flipBit(sealed.ciphertext, bit);
      refused({ ...sealed, ciphertext }, key, aad);
      await assertRejectsExactly(() => gcmDecryptAsync(key, nonce, ciphertext, aad), AuthenticationError, AUTH_FAILED);
    }
  });

  test('every single-bit flip of the nonce (96 bits)', () => {
    for (let bit = 0; bit < NONCE_LENGTH * 8; bit++) refused({ ...sealed, nonce: flipBit(nonce, bit) }, key, aad);
  });

  test('every single-bit flip of the AAD (104 bits), and AAD dropped, cut short or extended', () => {
    for (let bit = 0; bit < aad.length * 8; bit++) refused(sealed, key, flipBit(aad, bit));
    refused(sealed, key, undefined);
    refused(sealed, key, new Uint8Array(0));
    refused(sealed, key, aad.subarray(0, aad.length - 1));
    refused(sealed, key, concatBytes(aad, new Uint8Array(1)));
  });

  test('a frame sealed without AAD does not open with one', () => {
    const plain = encryptFrame(frame, { mode: 'gcm', key, layout: 'rgb', nonce });
    assert.equal(decryptFrame(plain, key).data.length, 3 * 2 * 4);
    refused(plain, key, new Uint8Array(1));
  });

  test('every single-bit flip of the key (256 bits)', () => {
    for (let bit = 0; bit < key.length * 8; bit++) refused(sealed, flipBit(key, bit), aad);
  });
});

describe('CBC and CTR without an iv option', () => {
  for (const mode of ['cbc', 'ctr'] as const) {
    test(`${mode}: encryptFrame draws a fresh random 16-byte IV per frame, and the frame still decrypts`, () => {
      const key = seededBytes(`properties random IV key ${mode}`, 16);
      const frame: Frame = { width: 2, height: 2, data: seededBytes('properties random IV frame', 16) };
      const a = encryptFrame(frame, { mode, key });
      const b = encryptFrame(frame, { mode, key });
      assert.equal(a.iv?.length, 16);
      assert.notEqual(bytesToHex(a.iv ?? new Uint8Array()), bytesToHex(b.iv ?? new Uint8Array()));
      assert.notEqual(bytesToHex(a.ciphertext), bytesToHex(b.ciphertext));
      assert.equal(bytesToHex(decryptFrame(a, key).data), bytesToHex(decryptFrame(b, key).data));
    });
  }
});

describe('GCM without a nonce option', () => {
  test('encryptFrame draws a fresh random 12-byte nonce per frame, and the frame still decrypts', () => {
    const key = seededBytes('properties random nonce key', 32);
    const frame: Frame = { width: 2, height: 2, data: seededBytes('properties random nonce frame', 16) };
    const a = encryptFrame(frame, { mode: 'gcm', key });
    const b = encryptFrame(frame, { mode: 'gcm', key });
    assert.equal(a.nonce?.length, NONCE_LENGTH);
    assert.notEqual(bytesToHex(a.nonce ?? new Uint8Array()), bytesToHex(b.nonce ?? new Uint8Array()));
    assert.notEqual(bytesToHex(a.ciphertext), bytesToHex(b.ciphertext));
    assert.equal(bytesToHex(decryptFrame(a, key).data), bytesToHex(decryptFrame(b, key).data));
  });
});
