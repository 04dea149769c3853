/**
 * decodePng unfilters 8-bit greyscale, RGB and RGBA itself and hands other kinds to pngjs. The two
 * must agree: pictures written by pngjs with each of the five filters (and its adaptive choice), at
 * odd sizes, decode here to exactly the RGBA pixels pngjs reads back, without pngjs being called.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PNG } from 'pngjs';
import { encryptFrame, LAYOUTS } from '../../../lib/cipher';
import { decodePng, encodePng, encryptPng, writeCipherPicture } from '../../../lib/png';
import { OPENSSL_AES } from '../../../lib/png/openssl-aes';
import { seededBytes } from '../helpers/seeded-bytes';
import { pngjsReads } from './pngjs-spy';

/** A pngjs-written PNG of seeded pixels: smooth ramps plus noise, so every filter has work to do. */
function pngjsPicture(width: number, height: number, colorType: 0 | 2 | 6, filterType: number): Buffer {
  const noise = seededBytes(`decode ${width}×${height} ${colorType} ${filterType}`, width * height * 4);
  const png = new PNG({ width, height });
  for (let p = 0; p < width * height; p++) {
    const x = p % width;
    const y = Math.floor(p / width);
    png.data[4 * p] = (x * 7 + (noise[4 * p] & 15)) & 255;
    png.data[4 * p + 1] = (y * 11) & 255;
    png.data[4 * p + 2] = noise[4 * p + 2];
    png.data[4 * p + 3] = colorType === 6 ? noise[4 * p + 3] | 1 : 255;
  }
  return PNG.sync.write(png, { colorType, inputColorType: 6, bitDepth: 8, filterType });
}

describe('decodePng without pngjs', () => {
  for (const colorType of [0, 2, 6] as const) {
    for (const filterType of [0, 1, 2, 3, 4, -1]) {
      it(`reads colour type ${colorType}, filter ${filterType === -1 ? 'adaptive' : filterType} as pngjs does`, () => {
        for (const [width, height] of [
          [1, 1],
          [1, 9],
          [13, 1],
          [37, 23],
          [101, 7],
        ]) {
          const file = pngjsPicture(width, height, colorType, filterType);
          const expected = PNG.sync.read(file).data;
          let decoded: Uint8Array | undefined;
          assert.equal(
            pngjsReads(() => (decoded = decodePng(file).data as Uint8Array)),
            0,
            'decoded without pngjs',
          );
          assert.deepEqual(Buffer.from(decoded ?? []), expected, `${width}×${height}`);
        }
      });
    }
  }
});

describe('encodePng', () => {
  it('writes pictures pngjs reads back to the same samples, stored or compressed', () => {
    const noise = seededBytes('encode noise', 300 * 200 * 3);
    const flat = new Uint8Array(300 * 200 * 3).fill(7);
    for (const [name, samples] of [
      ['noise (stored)', noise],
      ['flat (deflated)', flat],
    ] as const) {
      const file = encodePng(samples, 300, 200, 'rgb');
      const read = PNG.sync.read(Buffer.from(file));
      const rgb = new Uint8Array(300 * 200 * 3);
      for (let p = 0; p < 300 * 200; p++) rgb.set(read.data.subarray(4 * p, 4 * p + 3), 3 * p);
      assert.deepEqual(rgb, samples, name);
    }
    assert.ok(encodePng(noise, 300, 200, 'rgb').length > noise.length, 'noise is stored, not deflated');
    assert.ok(encodePng(flat, 300, 200, 'rgb').length < flat.length / 20, 'flat samples are deflated');
  });
});

describe('encryptPng', () => {
  it('gives, from samples stored in the layout itself, the picture the RGBA frame gives', () => {
    const key = new Uint8Array(16).fill(9);
    const iv = new Uint8Array(16).fill(3);
    for (const colorType of [0, 2, 6] as const) {
      const file = pngjsPicture(37, 23, colorType, 4);
      for (const layout of LAYOUTS) {
        for (const bits of [3, 8]) {
          const viaFrame = writeCipherPicture(
            encryptFrame(decodePng(file), { mode: 'cbc', key, iv, layout, bits, engine: OPENSSL_AES }),
          );
          const { png } = encryptPng(file, { mode: 'cbc', key, iv, layout, bits });
          assert.deepEqual(png, viaFrame, `colour type ${colorType}, ${layout}, ${bits} bits`);
        }
      }
    }
  });
});
