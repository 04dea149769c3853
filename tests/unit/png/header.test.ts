import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deflateSync } from 'node:zlib';
import { decodePng, inspectHeader, MAX_PIXELS, MAX_SIDE, PngError, type PngErrorCode } from '../../../lib/png';
import { buildChunk as chunk } from '../../../lib/png/chunks';
import { PNG_SIGNATURE as SIGNATURE } from '../../../lib/png/header';
import { concat, gradientPng, ihdr, interlacedPng, liarPng, pixels } from '../../fixtures/png/images';
import { pngjsReads } from './pngjs-spy';

function refusal(code: PngErrorCode, message: string) {
  return (error: unknown) => {
    assert.ok(error instanceof PngError, `expected a PngError, got ${String(error)}`);
    assert.equal(error.code, code);
    assert.equal(error.message, message);
    return true;
  };
}

const iend = chunk('IEND', new Uint8Array(0));

function headerOnly(data: Uint8Array): Uint8Array {
  return concat(SIGNATURE, chunk('IHDR', data), iend);
}

describe('inspectHeader', () => {
  it('reads width, height, bit depth and colour type from IHDR', () => {
    assert.deepEqual(inspectHeader(gradientPng(37, 23)), { width: 37, height: 23, bitDepth: 8, colorType: 6 });
    assert.deepEqual(inspectHeader(headerOnly(ihdr(5, 3, 16, 0))), { width: 5, height: 3, bitDepth: 16, colorType: 0 });
  });

  it('says "not a PNG" for data without the signature', () => {
    const notPng = refusal('not-png', 'not a PNG: the data does not start with the PNG signature');
    assert.throws(() => inspectHeader(new Uint8Array(0)), notPng);
    assert.throws(
      () => inspectHeader(new TextEncoder().encode('{"json": true, "and": "more than eight bytes"}')),
      notPng,
    );
    assert.throws(() => inspectHeader(Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46)), notPng);
    assert.throws(() => inspectHeader(SIGNATURE.subarray(0, 7)), notPng);
  });

  it('refuses a 74-byte PNG declaring 20000×20000 pixels before pngjs sees it', () => {
    const liar = liarPng(20000, 20000);
    assert.equal(liar.length, 74);
    const tooLarge = refusal(
      'too-large',
      'PNG is 20000×20000 pixels; the limit is 4096 pixels a side and 16,777,216 pixels',
    );
    assert.throws(() => inspectHeader(liar), tooLarge);
    assert.equal(
      pngjsReads(() => assert.throws(() => decodePng(liar), tooLarge)),
      0,
    );
  });

  it('hands a good 16-bit PNG to pngjs exactly once (the spy above works)', () => {
    // 8-bit RGB, RGBA and grey are unfiltered without pngjs; 16-bit samples still go through it.
    const rows16 = new Uint8Array(2 * 13);
    const png16 = concat(SIGNATURE, chunk('IHDR', ihdr(2, 2, 16, 2)), chunk('IDAT', deflateSync(rows16)), iend);
    assert.equal(
      pngjsReads(() => decodePng(png16)),
      1,
    );
    assert.equal(
      pngjsReads(() => decodePng(gradientPng())),
      0,
    );
  });

  it(`allows up to ${MAX_SIDE} pixels a side and ${MAX_PIXELS} pixels, and no more`, () => {
    assert.deepEqual(inspectHeader(headerOnly(ihdr(4096, 4096))), {
      width: 4096,
      height: 4096,
      bitDepth: 8,
      colorType: 2,
    });
    assert.deepEqual(inspectHeader(headerOnly(ihdr(4096, 1))), { width: 4096, height: 1, bitDepth: 8, colorType: 2 });
    const message = (w: number, h: number) =>
      `PNG is ${w}×${h} pixels; the limit is 4096 pixels a side and 16,777,216 pixels`;
    assert.throws(() => inspectHeader(headerOnly(ihdr(4097, 1))), refusal('too-large', message(4097, 1)));
    assert.throws(() => inspectHeader(headerOnly(ihdr(1, 4097))), refusal('too-large', message(1, 4097)));
    assert.throws(
      () => inspectHeader(liarPng(2 ** 31 - 1, 2 ** 31 - 1)),
      refusal('too-large', message(2 ** 31 - 1, 2 ** 31 - 1)),
    );
  });

  it('refuses an interlaced PNG that pngjs itself could decode, without calling pngjs', () => {
    const interlaced = interlacedPng();
    assert.equal(pixels(interlaced).width, 9, 'the fixture is a valid Adam7 PNG');
    const message = 'interlaced (Adam7) PNGs are not supported; save the image without interlacing';
    assert.throws(() => inspectHeader(interlaced), refusal('interlaced', message));
    assert.equal(
      pngjsReads(() => assert.throws(() => decodePng(interlaced), refusal('interlaced', message))),
      0,
    );
  });

  it('reports a malformed or misplaced IHDR as corrupt', () => {
    const cases: [string, Uint8Array, string][] = [
      [
        'cut inside IHDR',
        concat(SIGNATURE, chunk('IHDR', ihdr(4, 4))).subarray(0, 20),
        'truncated after 20 bytes, before the end of IHDR',
      ],
      [
        'tEXt first',
        concat(SIGNATURE, chunk('tEXt', new TextEncoder().encode('a\0b')), chunk('IHDR', ihdr(4, 4)), iend),
        'the first chunk must be IHDR, got "tEXt"',
      ],
      ['IHDR 14 bytes', headerOnly(concat(ihdr(4, 4), Uint8Array.of(0))), 'IHDR must be 13 bytes long, got 14'],
      ['width 0', headerOnly(ihdr(0, 4)), 'IHDR declares 0×4 pixels; each side must be from 1 to 2^31-1'],
      [
        'height 2^31',
        headerOnly(ihdr(4, 2 ** 31)),
        'IHDR declares 4×2147483648 pixels; each side must be from 1 to 2^31-1',
      ],
      ['colour type 5', headerOnly(ihdr(4, 4, 8, 5)), 'IHDR colour type must be 0, 2, 3, 4 or 6, got 5'],
      ['RGB at 4 bits', headerOnly(ihdr(4, 4, 4, 2)), 'IHDR bit depth 4 is not allowed with colour type 2'],
      ['palette at 16 bits', headerOnly(ihdr(4, 4, 16, 3)), 'IHDR bit depth 16 is not allowed with colour type 3'],
      ['interlace 2', headerOnly(ihdr(4, 4, 8, 2, 2)), 'IHDR interlace method must be 0 or 1, got 2'],
    ];
    for (const [what, bytes, message] of cases) {
      assert.throws(() => inspectHeader(bytes), refusal('corrupt', `corrupt PNG: ${message}`), what);
    }
  });

  it('reports an IHDR whose CRC does not match as corrupt', () => {
    const png = gradientPng();
    png[16 + 3] ^= 1;
    assert.throws(() => inspectHeader(png), refusal('corrupt', 'corrupt PNG: IHDR CRC does not match its contents'));
  });
});
