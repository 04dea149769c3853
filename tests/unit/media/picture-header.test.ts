/**
 * readPictureHeader: the size each format declares, read before decoding. Pictures are built here from
 * the format specifications (PNG through pngjs), cross-checked against pictures ffmpeg wrote
 * (tests/fixtures/pictures/README.md) and the committed media fixtures. Every size is odd and
 * width ≠ height, so a swapped, off-by-one or wrong-endian read shows.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { HEADER_BYTES, readPictureHeader, type PictureFormat, type PictureHeader } from '../../../lib/media/picture-header';
import { buildChunk as chunk } from '../../../lib/png/chunks';
import { PNG_SIGNATURE as SIGNATURE } from '../../../lib/png/header';
import { concat, ihdr, liarPng, makePng } from '../../fixtures/png/images';
import { bytesToHex } from '../helpers/hex';
import { seededBytes } from '../helpers/seeded-bytes';

const MEDIA = new URL('../../fixtures/media/', import.meta.url);
const PICTURES = new URL('../../fixtures/pictures/', import.meta.url);

function fixture(folder: URL, name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, folder)));
}

function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

function header(format: PictureFormat, width: number, height: number): PictureHeader {
  return { format, width, height };
}

// ---- builders, one per format, each from its specification --------------------------------------

/**
 * A complete 24-bit BMP: BITMAPFILEHEADER (14 bytes: "BM", file size, reserved, pixel offset) and
 * BITMAPINFOHEADER (40 bytes; biWidth and biHeight are signed, and a negative biHeight means the rows
 * run top-down — Microsoft, "BITMAPINFOHEADER structure"), then rows padded to 4 bytes.
 * Resolution 0 pixels/metre, as ffmpeg writes, so the header can be compared with ffmpeg's byte for byte.
 */
function bmpInfo(width: number, height: number): Uint8Array {
  const rowBytes = Math.ceil((24 * width) / 32) * 4;
  const imageBytes = rowBytes * Math.abs(height);
  const out = new Uint8Array(54 + imageBytes);
  const view = new DataView(out.buffer);
  out.set(ascii('BM'));
  view.setUint32(2, out.length, true);
  view.setUint32(10, 54, true);
  view.setUint32(14, 40, true);
  view.setInt32(18, width, true);
  view.setInt32(22, height, true);
  view.setUint16(26, 1, true); // planes
  view.setUint16(28, 24, true); // bits per pixel
  view.setUint32(34, imageBytes, true);
  return out;
}

/** An OS/2 1.x BMP header: BITMAPFILEHEADER and the 12-byte BITMAPCOREHEADER (16-bit unsigned sizes). */
function bmpCore(width: number, height: number): Uint8Array {
  const out = new Uint8Array(26);
  const view = new DataView(out.buffer);
  out.set(ascii('BM'));
  view.setUint32(2, 26, true);
  view.setUint32(10, 26, true);
  view.setUint32(14, 12, true);
  view.setUint16(18, width, true);
  view.setUint16(20, height, true);
  view.setUint16(22, 1, true);
  view.setUint16(24, 24, true);
  return out;
}

/**
 * GIF Header and Logical Screen Descriptor (GIF89a specification §17–18): "GIF87a"/"GIF89a", then
 * the logical screen width and height as unsigned 16-bit little-endian; no colour table; then the
 * trailer 0x3B.
 */
function gif(width: number, height: number, version: '87a' | '89a' = '89a'): Uint8Array {
  const out = new Uint8Array(14);
  const view = new DataView(out.buffer);
  out.set(ascii(`GIF${version}`));
  view.setUint16(6, width, true);
  view.setUint16(8, height, true);
  out[13] = 0x3b;
  return out;
}

/** A JPEG marker segment (ITU-T T.81 §B.1.1.4): 0xFF, the marker, a 16-bit big-endian length counting itself, the payload. */
function segment(marker: number, payload: Uint8Array | number[]): Uint8Array {
  const bytes = Uint8Array.from(payload);
  const out = new Uint8Array(4 + bytes.length);
  out.set([0xff, marker, (bytes.length + 2) >> 8, (bytes.length + 2) & 0xff]);
  out.set(bytes, 4);
  return out;
}

/** A frame header SOFn (T.81 §B.2.2): P = 8, Y = height, X = width (big-endian), three components. */
function sof(marker: number, width: number, height: number): Uint8Array {
  return segment(marker, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
}

const SOI = Uint8Array.of(0xff, 0xd8);
const EOI = Uint8Array.of(0xff, 0xd9);
/** APP0 JFIF 1.01, aspect 1:1, no thumbnail. */
const APP0_JFIF = segment(0xe0, [...ascii('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0]);
/** APP1 Exif: "Exif\0\0", a big-endian TIFF header, and 300 bytes of IFD data (zeros and 0xFF). */
const APP1_EXIF = segment(0xe1, concat(ascii('Exif\0\0MM\0*\0\0\0\x08'), new Uint8Array(300).fill(0xff, 100, 200)));
/** DQT with one table of 64 ones. */
const DQT = segment(0xdb, [0, ...new Array<number>(64).fill(1)]);
/** SOS header for three components, then a few entropy-coded bytes. */
const SOS = concat(segment(0xda, [3, 1, 0, 2, 0x11, 3, 0x11, 0, 0x3f, 0]), Uint8Array.of(0x12, 0x34, 0x56));
/** Three fill bytes: "any marker may optionally be preceded by any number of fill bytes" (T.81 §B.1.1.2). */
const FILL = Uint8Array.of(0xff, 0xff, 0xff);

/** SOI, APP0, APP1, DQT, fill bytes, SOFn, SOS, EOI: what a camera's JPEG looks like up to the scan. */
function jpeg(width: number, height: number, marker = 0xc0): Uint8Array {
  return concat(SOI, APP0_JFIF, APP1_EXIF, DQT, FILL, sof(marker, width, height), SOS, EOI);
}

/** Index of the 0xFF right before the first SOF marker byte `marker` (where the walker stands). */
function sofOffset(bytes: Uint8Array, marker: number): number {
  for (let i = 2; i + 1 < bytes.length; i++) if (bytes[i] === 0xff && bytes[i + 1] === marker) return i;
  throw new Error(`no marker ${marker.toString(16)}`);
}

/** A RIFF chunk: FourCC, uint32 little-endian size, payload, a pad byte when the size is odd. */
function riffChunk(fourcc: string, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(8 + payload.length + (payload.length % 2));
  out.set(ascii(fourcc));
  new DataView(out.buffer).setUint32(4, payload.length, true);
  out.set(payload, 8);
  return out;
}

/** The WebP file header, "RIFF", file size − 8, "WEBP" (WebP Container Specification, "WebP File Header"), and the chunks. */
function webp(...chunks: Uint8Array[]): Uint8Array {
  const body = concat(...chunks);
  const out = new Uint8Array(12 + body.length);
  out.set(ascii('RIFF'));
  new DataView(out.buffer).setUint32(4, 4 + body.length, true);
  out.set(ascii('WEBP'), 8);
  out.set(body, 12);
  return out;
}

/**
 * A 'VP8 ' chunk ("Simple File Format (Lossy)") holding a VP8 key frame's uncompressed data chunk
 * (RFC 6386 §9.1): a 3-byte frame tag (key frame, version 0, shown, first partition size 16), the start
 * code 9D 01 2A, then 14-bit width and height, each with a 2-bit upscaling factor on top, little-endian;
 * then 16 bytes standing in for the partition.
 */
function vp8(width: number, height: number, horizontalScale = 0, verticalScale = 0): Uint8Array {
  const payload = new Uint8Array(10 + 16);
  const tag = 0 | (0 << 1) | (1 << 4) | (16 << 5);
  payload.set([tag & 0xff, (tag >> 8) & 0xff, tag >> 16, 0x9d, 0x01, 0x2a]);
  const view = new DataView(payload.buffer);
  view.setUint16(6, width | (horizontalScale << 14), true);
  view.setUint16(8, height | (verticalScale << 14), true);
  return riffChunk('VP8 ', payload);
}

/**
 * A 'VP8L' chunk ("Simple File Format (Lossless)"): the signature 0x2F, then (WebP Lossless Bitstream
 * Specification, "RIFF Header") 14 bits width − 1, 14 bits height − 1, 1 bit alpha_is_used and 3 bits
 * version 0, least significant bit first; then 8 bytes standing in for the image data.
 */
function vp8l(width: number, height: number, alpha = false): Uint8Array {
  const payload = new Uint8Array(5 + 8);
  payload[0] = 0x2f;
  new DataView(payload.buffer).setUint32(1, ((width - 1) | ((height - 1) << 14) | (Number(alpha) << 28)) >>> 0, true);
  return riffChunk('VP8L', payload);
}

/**
 * A 'VP8X' chunk ("Extended File Format"): 8 bits of flags, 24 reserved bits, then the canvas width − 1
 * and height − 1 as uint24 little-endian.
 */
function vp8x(width: number, height: number, flags = 0): Uint8Array {
  const payload = new Uint8Array(10);
  payload[0] = flags;
  payload.set([(width - 1) & 0xff, ((width - 1) >> 8) & 0xff, (width - 1) >> 16], 4);
  payload.set([(height - 1) & 0xff, ((height - 1) >> 8) & 0xff, (height - 1) >> 16], 7);
  return riffChunk('VP8X', payload);
}

/** A flat-colour PNG from pngjs. */
function png(width: number, height: number): Uint8Array {
  return makePng(width, height, () => [45, 108, 223, 255], 2);
}

// ---- the cases --------------------------------------------------------------------------------

interface Case {
  name: string;
  bytes: Uint8Array;
  expected: PictureHeader;
  /** Fewest leading bytes from which the format is recognised (fewer give null). */
  formatFrom: number;
  /** Fewest leading bytes from which the size is read (fewer give the format with 0×0). */
  sizeFrom: number;
}

const JPEG_BASELINE = jpeg(4001, 2999, 0xc0);
const JPEG_PROGRESSIVE = jpeg(37, 23, 0xc2);

/**
 * Thresholds: PNG needs its 8-byte signature to be recognised and IHDR's width and height (bytes 16–23);
 * GIF its 6-byte magic and the screen size (bytes 6–9); BMP is only trusted with the whole 26-byte core
 * header ("BM" alone is two letters of text); JPEG is recognised by SOI and sized once the SOF's width
 * bytes are in; WebP needs "RIFF" and "WEBP" (bytes 0–11) and reads its size from the first 30 bytes.
 */
const CASES: Case[] = [
  { name: 'PNG 37×23 (pngjs)', bytes: png(37, 23), expected: header('png', 37, 23), formatFrom: 8, sizeFrom: 24 },
  { name: 'PNG 1×1 (pngjs)', bytes: png(1, 1), expected: header('png', 1, 1), formatFrom: 8, sizeFrom: 24 },
  { name: 'PNG 5001×3 (pngjs)', bytes: png(5001, 3), expected: header('png', 5001, 3), formatFrom: 8, sizeFrom: 24 },
  {
    name: 'PNG IHDR declaring 2^31−1 × 3 (the PNG maximum, §11.2.2), hand-built',
    bytes: concat(SIGNATURE, chunk('IHDR', ihdr(2 ** 31 - 1, 3))),
    expected: header('png', 2 ** 31 - 1, 3),
    formatFrom: 8,
    sizeFrom: 24,
  },
  { name: 'GIF89a 37×23', bytes: gif(37, 23), expected: header('gif', 37, 23), formatFrom: 6, sizeFrom: 10 },
  { name: 'GIF87a 65535×257', bytes: gif(65535, 257, '87a'), expected: header('gif', 65535, 257), formatFrom: 6, sizeFrom: 10 },
  { name: 'BMP BITMAPINFOHEADER 37×23 (bottom-up)', bytes: bmpInfo(37, 23), expected: header('bmp', 37, 23), formatFrom: 26, sizeFrom: 26 },
  { name: 'BMP BITMAPINFOHEADER 37×−23 (top-down)', bytes: bmpInfo(37, -23), expected: header('bmp', 37, 23), formatFrom: 26, sizeFrom: 26 },
  { name: 'BMP BITMAPCOREHEADER 300×65535', bytes: bmpCore(300, 65535), expected: header('bmp', 300, 65535), formatFrom: 26, sizeFrom: 26 },
  {
    name: 'JPEG SOF0 4001×2999 behind APP0, APP1 (Exif), DQT and fill bytes',
    bytes: JPEG_BASELINE,
    expected: header('jpeg', 4001, 2999),
    formatFrom: 2,
    sizeFrom: sofOffset(JPEG_BASELINE, 0xc0) + 9,
  },
  {
    name: 'JPEG SOF2 (progressive) 37×23 behind APP0, APP1 (Exif), DQT and fill bytes',
    bytes: JPEG_PROGRESSIVE,
    expected: header('jpeg', 37, 23),
    formatFrom: 2,
    sizeFrom: sofOffset(JPEG_PROGRESSIVE, 0xc2) + 9,
  },
  { name: 'WebP VP8 37×23', bytes: webp(vp8(37, 23)), expected: header('webp', 37, 23), formatFrom: 12, sizeFrom: 30 },
  {
    name: 'WebP VP8 16383×16381 with both scale fields 3 (masked off)',
    bytes: webp(vp8(16383, 16381, 3, 3)),
    expected: header('webp', 16383, 16381),
    formatFrom: 12,
    sizeFrom: 30,
  },
  { name: 'WebP VP8L 37×23', bytes: webp(vp8l(37, 23)), expected: header('webp', 37, 23), formatFrom: 12, sizeFrom: 30 },
  {
    name: 'WebP VP8L 16384×16383 with alpha (largest 14-bit sizes; alpha bit not part of height)',
    bytes: webp(vp8l(16384, 16383, true)),
    expected: header('webp', 16384, 16383),
    formatFrom: 12,
    sizeFrom: 30,
  },
  {
    name: 'WebP VP8X 37×23 (alpha flag) with a VP8L image chunk',
    bytes: webp(vp8x(37, 23, 0x10), vp8l(37, 23, true)),
    expected: header('webp', 37, 23),
    formatFrom: 12,
    sizeFrom: 30,
  },
  {
    name: 'WebP VP8X 2^24 × 65537 (largest 24-bit width)',
    bytes: webp(vp8x(2 ** 24, 65537, 0x02), vp8(1, 1)),
    expected: header('webp', 2 ** 24, 65537),
    formatFrom: 12,
    sizeFrom: 30,
  },
];

describe('readPictureHeader on pictures built from the format specifications', () => {
  for (const { name, bytes, expected } of CASES) {
    it(`${name} → ${expected.format} ${expected.width}×${expected.height}`, () => {
      assert.deepEqual(readPictureHeader(bytes), expected);
      assert.deepEqual(readPictureHeader(bytes.slice().buffer), expected, 'as an ArrayBuffer');
    });
  }

  it('reads a Uint8Array view relative to its own offset, not the start of its buffer', () => {
    for (const { bytes, expected } of CASES) {
      const backing = new Uint8Array(bytes.length + 13).fill(0x5a);
      backing.set(bytes, 7);
      assert.deepEqual(readPictureHeader(backing.subarray(7, 7 + bytes.length)), expected);
    }
  });

  it('JPEG: every SOF marker C0–CF except DHT (C4), JPG (C8) and DAC (CC) gives the frame size (T.81 Table B.1)', () => {
    const sofMarkers = [0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf];
    for (const marker of sofMarkers) assert.deepEqual(readPictureHeader(jpeg(37, 23, marker)), header('jpeg', 37, 23), marker.toString(16));
  });

  it('JPEG: DHT, JPG and DAC segments before the SOF are skipped, not read as sizes', () => {
    // Payloads whose bytes 1–4 would read as a 4660×22136 frame if taken for a SOF.
    const decoy = [0x08, 0x56, 0x78, 0x12, 0x34, 0x03];
    const bytes = concat(SOI, segment(0xc4, decoy), segment(0xc8, decoy), segment(0xcc, decoy), sof(0xc0, 37, 23), EOI);
    assert.deepEqual(readPictureHeader(bytes), header('jpeg', 37, 23));
  });

  it('JPEG: an Exif thumbnail (a whole 160×120 JPEG inside APP1) does not hide the main 4001×2999 frame', () => {
    const thumbnail = concat(SOI, APP0_JFIF, sof(0xc0, 160, 120), EOI);
    const app1 = segment(0xe1, concat(ascii('Exif\0\0'), thumbnail));
    const bytes = concat(SOI, app1, sof(0xc0, 4001, 2999), SOS, EOI);
    assert.deepEqual(readPictureHeader(bytes), header('jpeg', 4001, 2999));
  });

  it('JPEG: a SOF after the first scan (SOS) or after EOI is not reached: 0×0', () => {
    assert.deepEqual(readPictureHeader(concat(SOI, APP0_JFIF, SOS, sof(0xc0, 37, 23), EOI)), header('jpeg', 0, 0));
    assert.deepEqual(readPictureHeader(concat(SOI, APP0_JFIF, EOI, sof(0xc0, 37, 23), EOI)), header('jpeg', 0, 0));
  });

  it('JPEG: a byte other than 0xFF where a marker should be (a wrong segment length) gives 0×0', () => {
    const broken = concat(SOI, APP0_JFIF, sof(0xc0, 37, 23));
    broken[5] += 1; // APP0's length one too long: the walker lands on the 0xC0, not the 0xFF before it
    assert.deepEqual(readPictureHeader(broken), header('jpeg', 0, 0));
  });

  it('PNG whose first chunk is not IHDR (as in Apple\'s CgBI PNGs) → png 0×0', () => {
    const cgbi = concat(SIGNATURE, chunk('CgBI', Uint8Array.of(0x50, 0x00, 0x20, 0x06)), chunk('IHDR', ihdr(37, 23)));
    assert.deepEqual(readPictureHeader(cgbi), header('png', 0, 0));
  });

  it('a WebP with an unknown first chunk → webp 0×0', () => {
    assert.deepEqual(readPictureHeader(webp(riffChunk('VP9 ', new Uint8Array(30)))), header('webp', 0, 0));
  });

  it('HEADER_BYTES is 256 KiB: room for a maximal 64 KiB APP1 and more before the SOF', () => {
    assert.equal(HEADER_BYTES, 262_144);
  });
});

describe('the hand-built headers have the layout real encoders write (ffmpeg 5.1.9, tests/fixtures/pictures)', () => {
  it('ffmpeg BMP: the first 54 bytes equal bmpInfo(37, 23) byte for byte, and read 37×23', () => {
    const real = fixture(PICTURES, 'ffmpeg-37x23.bmp');
    assert.equal(bytesToHex(real.subarray(0, 54)), bytesToHex(bmpInfo(37, 23).subarray(0, 54)));
    assert.equal(real.length, bmpInfo(37, 23).length);
    assert.deepEqual(readPictureHeader(real), header('bmp', 37, 23));
  });

  it('ffmpeg GIF: bytes 0–9 equal gif(37, 23), and read 37×23', () => {
    const real = fixture(PICTURES, 'ffmpeg-37x23.gif');
    assert.equal(bytesToHex(real.subarray(0, 10)), bytesToHex(gif(37, 23).subarray(0, 10)));
    assert.deepEqual(readPictureHeader(real), header('gif', 37, 23));
  });

  it('ffmpeg JPEG: DHT (FFC4) comes before SOF0, whose payload equals sof(0xC0, 37, 23)\'s first 5 bytes; reads 37×23', () => {
    const real = fixture(PICTURES, 'ffmpeg-37x23.jpg');
    const at = sofOffset(real, 0xc0);
    assert.ok(sofOffset(real, 0xc4) < at, 'a DHT segment precedes the SOF');
    assert.equal(bytesToHex(real.subarray(at, at + 9)), bytesToHex(sof(0xc0, 37, 23).subarray(0, 9)));
    assert.deepEqual(readPictureHeader(real), header('jpeg', 37, 23));
  });

  it('ffmpeg WebP lossy: start code and size fields (bytes 23–29) equal vp8(37, 23)\'s; reads 37×23', () => {
    const real = fixture(PICTURES, 'ffmpeg-37x23-vp8.webp');
    assert.equal(bytesToHex(real.subarray(0, 4)), bytesToHex(ascii('RIFF')));
    assert.equal(bytesToHex(real.subarray(8, 16)), bytesToHex(ascii('WEBPVP8 ')));
    assert.equal(bytesToHex(real.subarray(23, 30)), bytesToHex(webp(vp8(37, 23)).subarray(23, 30)));
    assert.deepEqual(readPictureHeader(real), header('webp', 37, 23));
  });

  it('ffmpeg WebP lossless: bytes 8–15 and the 5-byte VP8L header (20–24) equal vp8l(37, 23)\'s; reads 37×23', () => {
    const real = fixture(PICTURES, 'ffmpeg-37x23-vp8l.webp');
    const built = webp(vp8l(37, 23));
    assert.equal(bytesToHex(real.subarray(8, 16)), bytesToHex(built.subarray(8, 16)));
    assert.equal(bytesToHex(real.subarray(20, 25)), bytesToHex(built.subarray(20, 25)));
    assert.deepEqual(readPictureHeader(real), header('webp', 37, 23));
  });

  it('ffmpeg WebP with alpha: the VP8X chunk (bytes 12–29) equals vp8x(37, 23, 0x10); reads 37×23', () => {
    const real = fixture(PICTURES, 'ffmpeg-37x23-vp8x-alpha.webp');
    assert.equal(bytesToHex(real.subarray(12, 30)), bytesToHex(vp8x(37, 23, 0x10)));
    assert.deepEqual(readPictureHeader(real), header('webp', 37, 23));
  });
});

describe('readPictureHeader on the committed media fixtures (tests/fixtures/media/README.md)', () => {
  it('picture.png → png 200×150', () => {
    assert.deepEqual(readPictureHeader(fixture(MEDIA, 'picture.png')), header('png', 200, 150));
  });

  it('picture.jpg (APP0, then an APP2 ICC profile before the SOF) → jpeg 200×150', () => {
    assert.deepEqual(readPictureHeader(fixture(MEDIA, 'picture.jpg')), header('jpeg', 200, 150));
  });

  it('huge-8000x8000.png → png 8000×8000, from its first 24 bytes alone', () => {
    const huge = fixture(MEDIA, 'huge-8000x8000.png');
    assert.deepEqual(readPictureHeader(huge), header('png', 8000, 8000));
    assert.deepEqual(readPictureHeader(huge.subarray(0, 24)), header('png', 8000, 8000));
  });

  it('a 74-byte PNG whose IHDR claims 20000×20000 → png 20000×20000 (the header is believed; the size check refuses it)', () => {
    assert.deepEqual(readPictureHeader(liarPng(20000, 20000)), header('png', 20000, 20000));
  });
});

describe('readPictureHeader on what is not a picture → null', () => {
  const cases: [string, Uint8Array][] = [
    ['not-media.webm (UTF-8 text)', fixture(MEDIA, 'not-media.webm')],
    ['the first 64 bytes of clip-320x240.webm (EBML)', fixture(MEDIA, 'clip-320x240.webm').subarray(0, 64)],
    ['all of clip-320x240.webm', fixture(MEDIA, 'clip-320x240.webm')],
    ['truncated.webm', fixture(MEDIA, 'truncated.webm')],
    ['clip.mp4 (ftyp box)', fixture(MEDIA, 'clip.mp4')],
    ['empty.webm (0 bytes)', fixture(MEDIA, 'empty.webm')],
    ['an empty ArrayBuffer', new Uint8Array(0)],
    ['one byte 0xFF (half a JPEG SOI)', Uint8Array.of(0xff)],
    ['one byte 0x89 (the first PNG signature byte)', Uint8Array.of(0x89)],
    ['JSON text', ascii('{"width": 37, "height": 23, "format": "png"}')],
    ['a RIFF WAVE header (RIFF, but not WEBP)', concat(ascii('RIFF'), new Uint8Array(4), ascii('WAVEfmt '), new Uint8Array(24))],
    ['a PNG signature with one byte changed', concat(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x00), chunk('IHDR', ihdr(37, 23)))],
    ['"GIF88a" (no such version)', concat(ascii('GIF88a'), new Uint8Array(20))],
    ['0xFF 0xD9 (EOI, not SOI)', concat(Uint8Array.of(0xff, 0xd9), sof(0xc0, 37, 23))],
    ['text that starts with "BM" (no DIB header size at bytes 14–17)', ascii('BMW drivers club: minutes of the March meeting')],
  ];
  for (const [name, bytes] of cases) {
    it(name, () => {
      assert.equal(readPictureHeader(bytes), null);
    });
  }
});

describe('truncated headers: the format with 0×0 (or null before the format is recognisable), never a throw', () => {
  for (const { name, bytes, expected, formatFrom, sizeFrom } of CASES) {
    it(`${name}: every length 0…${bytes.length}`, () => {
      // The cut sits inside a larger buffer whose next bytes are the real ones: a reader that looked past
      // the end of its view (or at the wrong offset) would find the size there.
      const backing = concat(new Uint8Array(5), bytes, bytes);
      for (let length = 0; length <= bytes.length; length++) {
        const want = length < formatFrom ? null : length < sizeFrom ? header(expected.format, 0, 0) : expected;
        assert.deepEqual(readPictureHeader(bytes.slice(0, length)), want, `copy of ${length} bytes`);
        assert.deepEqual(readPictureHeader(backing.subarray(5, 5 + length)), want, `view of ${length} bytes`);
      }
    });
  }
});

describe('fuzz: random bytes never make readPictureHeader throw', () => {
  const MAGICS: [string, Uint8Array, PictureFormat | null][] = [
    ['none', new Uint8Array(0), null],
    ['PNG signature', SIGNATURE, 'png'],
    ['PNG signature + IHDR type', concat(SIGNATURE, Uint8Array.of(0, 0, 0, 13), ascii('IHDR')), 'png'],
    ['GIF87a', ascii('GIF87a'), 'gif'],
    ['GIF89a', ascii('GIF89a'), 'gif'],
    ['BM', ascii('BM'), 'bmp'],
    ['JPEG SOI', SOI, 'jpeg'],
    ['JPEG SOI + 0xFF', Uint8Array.of(0xff, 0xd8, 0xff), 'jpeg'],
    ['RIFF????WEBP', concat(ascii('RIFF'), new Uint8Array(4), ascii('WEBP')), 'webp'],
    ['RIFF????WEBPVP8 ', concat(ascii('RIFF'), new Uint8Array(4), ascii('WEBPVP8 ')), 'webp'],
    ['RIFF????WEBPVP8L', concat(ascii('RIFF'), new Uint8Array(4), ascii('WEBPVP8L')), 'webp'],
    ['RIFF????WEBPVP8X', concat(ascii('RIFF'), new Uint8Array(4), ascii('WEBPVP8X')), 'webp'],
  ];
  /** Largest size each format's fields can hold. */
  const MAX_SIDE: Record<PictureFormat, number> = { png: 2 ** 32 - 1, gif: 65535, bmp: 2 ** 31, jpeg: 65535, webp: 2 ** 24 };

  function checkShape(result: PictureHeader | null, allowed: PictureFormat | null, what: string): void {
    if (result === null) return;
    assert.deepEqual(Object.keys(result).sort(), ['format', 'height', 'width'], what);
    if (allowed) assert.equal(result.format, allowed, what);
    for (const side of [result.width, result.height]) {
      assert.ok(Number.isInteger(side) && side >= 0 && side <= MAX_SIDE[result.format], `${what}: side ${side}`);
    }
  }

  for (const [name, magic, format] of MAGICS) {
    it(`1000 random tails of 0–80 bytes after ${name}`, () => {
      const noise = seededBytes(`picture-header fuzz ${name}`, 1000 * 81);
      for (let i = 0; i < 1000; i++) {
        const length = noise[i * 81] % 81;
        const bytes = concat(magic, noise.subarray(i * 81 + 1, i * 81 + 1 + length));
        checkShape(readPictureHeader(bytes), format, `seed "picture-header fuzz ${name}", case ${i}`);
      }
    });
  }

  it('2000 random truncations of every valid picture, as copies and as views into larger buffers', () => {
    const noise = seededBytes('picture-header truncations', 2000 * 2);
    for (let i = 0; i < 2000; i++) {
      const { bytes, expected } = CASES[i % CASES.length];
      const length = ((noise[2 * i] << 8) | noise[2 * i + 1]) % (bytes.length + 1);
      for (const cut of [bytes.slice(0, length), concat(Uint8Array.of(1, 2, 3), bytes).subarray(3, 3 + length)]) {
        const result = readPictureHeader(cut);
        checkShape(result, expected.format, `case ${i}, ${length} bytes`);
        if (result && result.width !== 0) assert.deepEqual(result, expected);
      }
    }
  });

  it('JPEG walker on 0xFF-heavy noise (markers, fill bytes and lengths everywhere) terminates without throwing', () => {
    const noise = seededBytes('picture-header jpeg noise', 3000 * 64);
    for (let i = 0; i < 3000; i++) {
      const tail = noise.subarray(i * 64, i * 64 + 64).map((byte, j) => (j % 3 === 0 ? 0xff : byte));
      const result = readPictureHeader(concat(SOI, tail));
      checkShape(result, 'jpeg', `case ${i}`);
      assert.notEqual(result, null);
    }
  });
});
