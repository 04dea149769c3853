/**
 * The keyless attacks on real ciphertext from Node's OpenSSL: splicing and bit flips against ECB, CBC and
 * CTR, nonce reuse in CTR, and finding the picture's width from ECB bytes alone — with what the key holder
 * then decrypts (OpenSSL, with the key the attacker never had) as the judge. Random data is seeded, so a
 * failure names the case that rebuilds it.
 */
import assert from 'node:assert/strict';
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { PNG } from 'pngjs';
import { flipBit, rewriteKnown } from '../../../lib/attacks/bit-flip';
import { blocksOfRect, pixelByte } from '../../../lib/attacks/geometry';
import { decryptWithKnown, xorBytes } from '../../../lib/attacks/nonce-reuse';
import { blockRuns, spliceBlocks } from '../../../lib/attacks/splice';
import { findRowLength, rowLengthsForLag } from '../../../lib/attacks/width';
import { seededBytes } from '../helpers/seeded-bytes';

const KEY = seededBytes('attacks key', 16);
const IV = seededBytes('attacks iv', 16);

type Mode = 'aes-128-ecb' | 'aes-128-cbc' | 'aes-128-ctr';

function encrypt(mode: Mode, plaintext: Uint8Array, iv: Uint8Array = IV): Uint8Array {
  const cipher = createCipheriv(mode, KEY, mode === 'aes-128-ecb' ? null : iv).setAutoPadding(false);
  return new Uint8Array(Buffer.concat([cipher.update(plaintext), cipher.final()]));
}

function decrypt(mode: Mode, ciphertext: Uint8Array, iv: Uint8Array = IV): Uint8Array {
  const decipher = createDecipheriv(mode, KEY, mode === 'aes-128-ecb' ? null : iv).setAutoPadding(false);
  return new Uint8Array(Buffer.concat([decipher.update(ciphertext), decipher.final()]));
}

/** Which 16-byte blocks of a and b differ. */
function differingBlocks(a: Uint8Array, b: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < a.length; i += 16)
    if (Buffer.compare(a.subarray(i, i + 16), b.subarray(i, i + 16)) !== 0) out.push(i / 16);
  return out;
}

/** Which bits of a and b differ. */
function differingBits(a: Uint8Array, b: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < a.length * 8; i++) if (((a[i >> 3] ^ b[i >> 3]) >> (7 - (i & 7))) & 1) out.push(i);
  return out;
}

describe('geometry: pixels to bytes and blocks', () => {
  const rgb640 = { width: 640, height: 360, bytesPerPixel: 3 };

  it('pixel (2, 1) of a 640-wide RGB frame starts at byte (640 + 2)·3 = 1926', () => {
    assert.equal(pixelByte(rgb640, 2, 1), 1926);
    assert.equal(pixelByte(rgb640, 2, 1, 2), 1928);
    assert.throws(() => pixelByte(rgb640, 640, 0), {
      name: 'RangeError',
      message: 'pixel (640, 0) is outside the 640×360 frame',
    });
  });

  it('a rectangle covers the blocks of each of its rows, widened to whole blocks', () => {
    // RGBA: 4 pixels a block. Row 1 of an 8-wide frame is blocks 2 and 3; pixels 0–3 are block 2.
    assert.deepEqual(blocksOfRect({ width: 8, height: 2, bytesPerPixel: 4 }, { x: 0, y: 1, width: 4, height: 1 }), [2]);
    // RGB: pixels 5–10 of row 0 are bytes 15–32: blocks 0, 1 and 2.
    assert.deepEqual(blocksOfRect(rgb640, { x: 5, y: 0, width: 6, height: 1 }), [0, 1, 2]);
    // Clipped to the frame.
    assert.deepEqual(
      blocksOfRect({ width: 4, height: 1, bytesPerPixel: 4 }, { x: -10, y: -3, width: 100, height: 9 }),
      [0],
    );
  });
});

describe('splicing blocks from another frame', () => {
  const geometry = { width: 64, height: 16, bytesPerPixel: 3 };
  const slide = seededBytes('splice slide', 64 * 16 * 3);
  const speaker = seededBytes('splice speaker', 64 * 16 * 3);
  const blocks = blocksOfRect(geometry, { x: 16, y: 4, width: 16, height: 6 });

  it('ECB: the receiver decrypts exactly the pasted blocks of the other frame, and the rest untouched', () => {
    const doctored = spliceBlocks(encrypt('aes-128-ecb', slide), encrypt('aes-128-ecb', speaker), blocks);
    const seen = decrypt('aes-128-ecb', doctored);
    for (let block = 0; block < slide.length / 16; block++) {
      const from = blocks.includes(block) ? speaker : slide;
      assert.deepEqual(
        seen.subarray(16 * block, 16 * block + 16),
        from.subarray(16 * block, 16 * block + 16),
        `block ${block}`,
      );
    }
  });

  it('CBC: accepted, but the first block of each pasted run and the block after it come out garbled', () => {
    const doctored = spliceBlocks(encrypt('aes-128-cbc', slide), encrypt('aes-128-cbc', speaker), blocks);
    const seen = decrypt('aes-128-cbc', doctored);
    const garbled = new Set(blockRuns(blocks).flatMap(([first, last]) => [first, last + 1]));
    for (let block = 0; block < slide.length / 16; block++) {
      const at = [16 * block, 16 * block + 16] as const;
      if (garbled.has(block)) {
        assert.notDeepEqual(seen.subarray(...at), slide.subarray(...at), `block ${block} garbled`);
        assert.notDeepEqual(seen.subarray(...at), speaker.subarray(...at), `block ${block} garbled`);
      } else {
        assert.deepEqual(
          seen.subarray(...at),
          (blocks.includes(block) ? speaker : slide).subarray(...at),
          `block ${block}`,
        );
      }
    }
  });

  it('blockRuns groups consecutive blocks', () => {
    assert.deepEqual(blockRuns([1, 2, 3, 7, 9, 10]), [
      [1, 3],
      [7, 7],
      [9, 10],
    ]);
  });
});

describe('flipping one ciphertext bit', () => {
  const plaintext = seededBytes('flip plaintext', 160);

  it('ECB garbles exactly the one block; CBC that block and the same bit of the next; CTR exactly that bit', () => {
    for (let trial = 0; trial < 40; trial++) {
      const bit = Number.parseInt(Buffer.from(seededBytes(`flip bit ${trial}`, 2)).toString('hex'), 16) % (144 * 8);
      const block = Math.floor(bit / 128);
      const ecb = decrypt('aes-128-ecb', flipBit(encrypt('aes-128-ecb', plaintext), bit));
      assert.deepEqual(differingBlocks(ecb, plaintext), [block], `ECB, bit ${bit}`);
      const cbc = decrypt('aes-128-cbc', flipBit(encrypt('aes-128-cbc', plaintext), bit));
      assert.deepEqual(differingBlocks(cbc, plaintext), [block, block + 1], `CBC, bit ${bit}`);
      assert.deepEqual(
        differingBits(cbc.subarray(16 * (block + 1)), plaintext.subarray(16 * (block + 1))),
        [bit - 128 * block],
        `CBC next block, bit ${bit}`,
      );
      const ctr = decrypt('aes-128-ctr', flipBit(encrypt('aes-128-ctr', plaintext), bit));
      assert.deepEqual(differingBits(ctr, plaintext), [bit], `CTR, bit ${bit}`);
    }
  });

  it('CTR: knowing a pixel, the attacker sets it to any colour and nothing else changes', () => {
    const geometry = { width: 10, height: 4, bytesPerPixel: 3 };
    const frame = seededBytes('ctr frame', 120);
    const at = pixelByte(geometry, 7, 2);
    const edited = rewriteKnown(
      encrypt('aes-128-ctr', frame),
      at,
      frame.subarray(at, at + 3),
      Uint8Array.of(255, 0, 0),
    );
    const seen = decrypt('aes-128-ctr', edited);
    assert.deepEqual([...seen.subarray(at, at + 3)], [255, 0, 0]);
    assert.deepEqual(
      differingBytes(seen, frame).filter((i) => i < at || i >= at + 3),
      [],
    );
  });

  it('refuses a bit outside the ciphertext', () => {
    assert.throws(() => flipBit(new Uint8Array(2), 16), { name: 'RangeError', message: 'bit must be 0 to 15, got 16' });
  });
});

function differingBytes(a: Uint8Array, b: Uint8Array): number[] {
  return [...a.keys()].filter((i) => a[i] !== b[i]);
}

describe('a repeated CTR nonce', () => {
  const first = seededBytes('reuse first', 300);
  const second = seededBytes('reuse second', 300);

  it('two ciphertexts XOR to the XOR of their plaintexts, and one known plaintext decrypts the other', () => {
    const a = encrypt('aes-128-ctr', first);
    const b = encrypt('aes-128-ctr', second);
    assert.deepEqual(xorBytes(a, b), xorBytes(first, second));
    assert.deepEqual(decryptWithKnown(b, a, first), second);
  });

  it('under a fresh counter block, the XOR says nothing of the plaintexts', () => {
    const a = encrypt('aes-128-ctr', first);
    const b = encrypt('aes-128-ctr', second, seededBytes('another iv', 16));
    assert.notDeepEqual(xorBytes(a, b), xorBytes(first, second));
  });
});

describe('finding the width from ECB ciphertext alone', () => {
  const png = PNG.sync.read(readFileSync(new URL('../../../public/samples/penguin.png', import.meta.url)));

  /** The penguin cropped to `width` columns, in a layout of `bytesPerPixel` (1: grey from green, 3: RGB, 4: RGBA). */
  function penguin(width: number, bytesPerPixel: number): Uint8Array {
    const out = new Uint8Array(width * png.height * bytesPerPixel);
    for (let y = 0; y < png.height; y++)
      for (let x = 0; x < width; x++)
        for (let c = 0; c < bytesPerPixel; c++)
          out[(y * width + x) * bytesPerPixel + c] = png.data[(y * png.width + x) * 4 + (bytesPerPixel === 1 ? 1 : c)];
    return out;
  }

  it('the lags that line rows up: rows of 1920 bytes every 120 blocks; odd rows allow five lengths', () => {
    assert.deepEqual(rowLengthsForLag(120), [1920]);
    assert.deepEqual(rowLengthsForLag(903), [903, 1806, 3612, 7224, 14448]);
  });

  // The lab's widths (rows a multiple of 16 bytes in every layout), cut from the 512-wide penguin.
  for (const [width, bytesPerPixel] of [
    [512, 3],
    [512, 1],
    [512, 4],
    [480, 3],
    [320, 1],
    [320, 4],
  ] as const) {
    it(`${width} pixels of ${bytesPerPixel} bytes: ECB gives rows of ${width * bytesPerPixel} bytes; CBC, CTR nothing`, () => {
      const frame = penguin(width, bytesPerPixel);
      const padded = frame.subarray(0, frame.length - (frame.length % 16));
      const found = findRowLength(encrypt('aes-128-ecb', padded), { bytesPerPixel });
      assert.equal(found?.rowBytes, width * bytesPerPixel, JSON.stringify(found));
      assert.equal(findRowLength(encrypt('aes-128-cbc', padded)), null);
      assert.equal(findRowLength(encrypt('aes-128-ctr', padded)), null);
    });
  }
});
