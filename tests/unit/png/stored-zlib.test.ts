/**
 * The stored zlib stream the PNG writer puts ciphertext in: Adler-32 against published values, every
 * stream read back by node:zlib (which checks the Adler-32 and each block's LEN/NLEN), block edges at
 * 0, 1 and 65,535 bytes, and whole PNGs of incompressible samples decoded by pngjs.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inflateSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { encodePng } from '../../../lib/png';
import { adler32, STORED_BLOCK, storedZlibLength, writeStoredZlib } from '../../../lib/png/stored-zlib';
import { seededBytes } from '../helpers/seeded-bytes';

const text = (s: string) => new TextEncoder().encode(s);

function stored(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(storedZlibLength(data.length));
  const end = writeStoredZlib(out, 0, data.length, (into, from) => into.set(data.subarray(from, from + into.length)));
  assert.equal(end, out.length);
  return out;
}

describe('adler32', () => {
  it('gives the published values', () => {
    // RFC 1950 §8.2 starts from 1; "Wikipedia" → 0x11E60398 is the worked example of the Adler-32
    // article on Wikipedia; "abc" → 0x024D0127 and 1 for nothing as Python's zlib.adler32 gives them.
    assert.equal(adler32(new Uint8Array(0)), 1);
    assert.equal(adler32(text('Wikipedia')), 0x11e60398);
    assert.equal(adler32(text('abc')), 0x024d0127);
  });

  it('reduces often enough: 100,000 bytes of 255 (0x149A302C, as Python’s zlib.adler32 gives it)', () => {
    assert.equal(adler32(new Uint8Array(100_000).fill(255)), 0x149a302c);
  });

  it('continues from a previous checksum', () => {
    const bytes = seededBytes('adler', 20_000);
    assert.equal(adler32(bytes.subarray(7_000), adler32(bytes.subarray(0, 7_000))), adler32(bytes));
  });
});

describe('writeStoredZlib', () => {
  it('writes the bytes RFC 1950 and 1951 prescribe for three bytes', () => {
    // 78 01 header; final stored block, LEN 3, NLEN ~3; the data; Adler-32 of 01 02 03 = 0x000D0007.
    assert.deepEqual(
      [...stored(new Uint8Array([1, 2, 3]))],
      [0x78, 0x01, 0x01, 0x03, 0x00, 0xfc, 0xff, 1, 2, 3, 0x00, 0x0d, 0x00, 0x07],
    );
  });

  it('is read back by zlib at every block edge', () => {
    for (const length of [0, 1, 15, STORED_BLOCK - 1, STORED_BLOCK, STORED_BLOCK + 1, 3 * STORED_BLOCK, 200_003]) {
      const data = seededBytes(`stored ${length}`, length);
      const stream = stored(data);
      assert.equal(stream.length, 2 + 5 * Math.max(1, Math.ceil(length / 65535)) + length + 4, `length ${length}`);
      assert.deepEqual(new Uint8Array(inflateSync(stream)), data, `length ${length}`);
    }
  });

  it('carries a checksum zlib checks: one changed data byte is refused', () => {
    const stream = stored(seededBytes('checked', 1000));
    stream[500] ^= 1;
    assert.throws(() => inflateSync(stream), /incorrect data check/);
  });

  it('refuses a target without room and a bad length', () => {
    assert.throws(() => writeStoredZlib(new Uint8Array(10), 0, 5, () => {}), /no room for 16 bytes/);
    assert.throws(() => writeStoredZlib(new Uint8Array(10), 0, -1, () => {}), /dataLength must be a whole number/);
  });
});

describe('encodePng of incompressible samples (stored)', () => {
  it('writes PNGs pngjs decodes to the same samples, rows crossing block edges', () => {
    for (const [width, height, layout, channels] of [
      [7001, 5, 'rgb', 3],
      [1, 1, 'gray', 1],
      [333, 211, 'rgba', 4],
    ] as const) {
      const samples = seededBytes(`png ${width}`, width * height * channels);
      const png = encodePng(samples, width, height, layout);
      const decoded = PNG.sync.read(Buffer.from(png), { skipRescale: true });
      assert.equal(decoded.width, width);
      const rgba = new Uint8Array(decoded.data);
      const back = new Uint8Array(width * height * channels);
      for (let p = 0; p < width * height; p++)
        for (let c = 0; c < channels; c++) back[p * channels + c] = rgba[p * 4 + c];
      assert.deepEqual(back, samples, `${width}×${height} ${layout}`);
      // Stored: the file is no smaller than its samples.
      assert.ok(png.length > samples.length, `${width}×${height} ${layout} stored`);
    }
  });
});
