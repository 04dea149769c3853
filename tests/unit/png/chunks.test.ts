import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deflateSync } from 'node:zlib';
import { buildChunk, decodePng, inspectPng, PngError } from '../../../lib/png';
import { buildChunk as chunk } from '../../../lib/png/chunks';
import { PNG_SIGNATURE as SIGNATURE } from '../../../lib/png/header';
import { concat, gradientPng, ihdr, truncate } from '../../fixtures/png/images';
import { pngjsReads } from './pngjs-spy';

function corrupt(message: string) {
  return (error: unknown) => {
    assert.ok(error instanceof PngError, `expected a PngError, got ${String(error)}`);
    assert.equal(error.code, 'corrupt');
    assert.equal(error.message, `corrupt PNG: ${message}`);
    return true;
  };
}

describe('buildChunk', () => {
  it("writes length, type, data and CRC, as in every PNG's IEND", () => {
    assert.deepEqual(
      [...buildChunk('IEND', new Uint8Array(0))],
      [0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82],
    );
  });

  it('writes the IHDR chunk pngjs writes, byte for byte', () => {
    // gradientPng() is 37 × 23 RGBA written by pngjs, whose own CRC code made bytes 8–32 (IHDR).
    assert.deepEqual([...buildChunk('IHDR', ihdr(37, 23, 8, 6))], [...gradientPng().subarray(8, 33)]);
  });

  it('refuses a type that is not 4 letters', () => {
    assert.throws(() => buildChunk('tEX', new Uint8Array(0)), {
      name: 'RangeError',
      message: 'chunk type must be 4 ASCII letters, got "tEX"',
    });
  });
});

describe('inspectPng', () => {
  it('lists the chunks of a pngjs PNG up to IEND and ignores bytes after it', () => {
    const png = gradientPng();
    const withTrailer = concat(png, new TextEncoder().encode('trailing junk'));
    const { chunks, end } = inspectPng(withTrailer);
    assert.deepEqual(
      chunks.map((c) => c.type),
      ['IHDR', 'IDAT', 'IEND'],
    );
    assert.equal(end, png.length);
    assert.equal(decodePng(withTrailer).width, 37);
  });

  it('refuses a PNG cut in the middle of its image data, without calling pngjs', () => {
    const png = gradientPng();
    const cut = truncate(png, 100);
    const idatLength = new DataView(png.buffer, png.byteOffset).getUint32(33);
    const message = `truncated: chunk IDAT at byte 33 needs ${idatLength + 12} bytes, 67 remain`;
    assert.equal(
      pngjsReads(() => assert.throws(() => decodePng(cut), corrupt(message))),
      0,
    );
  });

  it('refuses a PNG cut right after a chunk, with no IEND', () => {
    const png = gradientPng();
    assert.throws(
      () => inspectPng(png.subarray(0, png.length - 12)),
      corrupt(`truncated at byte ${png.length - 12}: no IEND chunk`),
    );
  });

  it('refuses a chunk whose CRC does not match', () => {
    const png = gradientPng();
    png[60] ^= 0x40;
    assert.throws(() => inspectPng(png), corrupt('chunk IDAT at byte 33 has a bad CRC'));
  });

  it('refuses a PNG without image data, an unknown critical chunk, and a palette image without PLTE', () => {
    const iend = chunk('IEND', new Uint8Array(0));
    const idat = chunk('IDAT', Uint8Array.of(0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01));
    assert.throws(() => inspectPng(concat(SIGNATURE, chunk('IHDR', ihdr(1, 1)), iend)), corrupt('no IDAT chunk'));
    assert.throws(
      () => inspectPng(concat(SIGNATURE, chunk('IHDR', ihdr(1, 1)), chunk('ABCD', new Uint8Array(0)), idat, iend)),
      corrupt('unknown critical chunk ABCD at byte 33'),
    );
    assert.throws(
      () => inspectPng(concat(SIGNATURE, chunk('IHDR', ihdr(1, 1, 8, 3)), idat, iend)),
      corrupt('colour type 3 needs a PLTE chunk before the image data'),
    );
  });
});

describe('decodePng on damaged image data', () => {
  const png = (idat: Uint8Array) =>
    concat(SIGNATURE, chunk('IHDR', ihdr(2, 2)), chunk('IDAT', idat), chunk('IEND', new Uint8Array(0)));
  // A 2×2 8-bit RGB image holds 2 rows of 1 filter byte + 6 sample bytes: 14 bytes.
  const rows = Uint8Array.of(0, 1, 2, 3, 4, 5, 6, 0, 7, 8, 9, 10, 11, 12);

  it('decodes the intact image (the baseline the cases below damage)', () => {
    assert.deepEqual(
      [...decodePng(png(deflateSync(rows))).data],
      [1, 2, 3, 255, 4, 5, 6, 255, 7, 8, 9, 255, 10, 11, 12, 255],
    );
  });

  it('refuses data that is not zlib, where pngjs alone would return black pixels', () => {
    const notZlib = png(new TextEncoder().encode('this is not zlib data'));
    assert.throws(
      () => decodePng(notZlib),
      (error: unknown) =>
        error instanceof PngError &&
        error.code === 'corrupt' &&
        error.message.startsWith('corrupt PNG: the image data does not inflate ('),
    );
  });

  it('refuses a zlib stream cut short, too little data and too much', () => {
    const stream = deflateSync(rows);
    assert.throws(() => decodePng(png(stream.subarray(0, stream.length - 3))), {
      name: 'PngError',
      message: 'corrupt PNG: the image data does not inflate (unexpected end of file)',
    });
    assert.throws(
      () => decodePng(png(deflateSync(rows.subarray(0, 10)))),
      corrupt('the image data holds 10 of the 14 bytes its header needs'),
    );
    assert.throws(
      () => decodePng(png(deflateSync(concat(rows, rows)))),
      corrupt('the image data inflates past the 14 bytes its header allows'),
    );
  });

  it('refuses a row with a filter type PNG does not define', () => {
    const badFilter = rows.slice();
    badFilter[7] = 9;
    assert.throws(() => decodePng(png(deflateSync(badFilter))), corrupt('row 1 has filter type 9; PNG defines 0 to 4'));
  });

  it('turns what pngjs throws (for the kinds it decodes, here 16-bit) into a corrupt PngError', () => {
    // A 2×2 16-bit RGB image: 2 rows of 1 filter byte + 12 sample bytes.
    const rows16 = new Uint8Array(26);
    rows16[0] = 9;
    const png16 = concat(
      SIGNATURE,
      chunk('IHDR', ihdr(2, 2, 16, 2)),
      chunk('IDAT', deflateSync(rows16)),
      chunk('IEND', new Uint8Array(0)),
    );
    assert.throws(() => decodePng(png16), corrupt('the image data cannot be decoded (Unrecognised filter type - 9)'));
  });
});
