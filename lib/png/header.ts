/**
 * The PNG header read from raw bytes, before any decoder sees them. pngjs trusts IHDR and allocates
 * width × height × 4 bytes up front, so a 74-byte file declaring 20000 × 20000 pixels would cost 1.6 GB;
 * checking the signature and IHDR here first (PNG spec §5.2, §11.2.1, https://www.w3.org/TR/png-3/)
 * keeps every size decision to a few dozen bytes.
 */
import { crc32 } from './crc32';
import { PngError } from './errors';

/** The 8-byte PNG signature (PNG spec §5.2). */
export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
/** The widest or tallest picture accepted, in pixels. */
export const MAX_SIDE = 4096;
/** The most pixels accepted (4096 × 4096), so a decoded RGBA frame stays within 64 MiB. */
export const MAX_PIXELS = 16_777_216;

/** Byte length of signature + IHDR chunk (length, type, 13 data bytes, CRC). */
export const HEADER_LENGTH = 33;

/** PNG colour types (PNG spec §11.2.1, Table 11). */
export type ColorType = 0 | 2 | 3 | 4 | 6;

/** The IHDR fields that matter here. */
export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colorType: ColorType;
}

const ALLOWED_DEPTHS: Record<ColorType, readonly number[]> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};

const MAX_DIMENSION = 2 ** 31 - 1;

function isColorType(value: number): value is ColorType {
  return value in ALLOWED_DEPTHS;
}

/** Whether `bytes` starts with the PNG signature. */
export function hasPngSignature(bytes: Uint8Array): boolean {
  if (bytes.length < PNG_SIGNATURE.length) return false;
  return PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

/** Reads a big-endian unsigned 32-bit integer. */
export function readUint32(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset] << 24) | (bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3]) >>> 0;
}

/** The 4-letter chunk type at `offset`, as ASCII. */
export function chunkType(bytes: Uint8Array, offset: number): string {
  return String.fromCharCode(bytes[offset], bytes[offset + 1], bytes[offset + 2], bytes[offset + 3]);
}

function corrupt(message: string): PngError {
  return new PngError('corrupt', `corrupt PNG: ${message}`);
}

/**
 * Checks the signature and IHDR and enforces the limits; reads only the first 33 bytes.
 * Throws a {@link PngError}: `not-png`, `corrupt` (IHDR missing, misplaced, malformed or with a bad
 * CRC), `too-large` (over {@link MAX_SIDE} a side or {@link MAX_PIXELS} pixels) or `interlaced`.
 * @example inspectHeader(bytes) // { width: 640, height: 480, bitDepth: 8, colorType: 6 }
 */
export function inspectHeader(bytes: Uint8Array): PngHeader {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('PNG data must be a Uint8Array');
  if (!hasPngSignature(bytes)) {
    throw new PngError('not-png', 'not a PNG: the data does not start with the PNG signature');
  }
  if (bytes.length < HEADER_LENGTH) throw corrupt(`truncated after ${bytes.length} bytes, before the end of IHDR`);
  const type = chunkType(bytes, 12);
  if (type !== 'IHDR') throw corrupt(`the first chunk must be IHDR, got ${JSON.stringify(type)}`);
  const length = readUint32(bytes, 8);
  if (length !== 13) throw corrupt(`IHDR must be 13 bytes long, got ${length}`);
  if (crc32(bytes.subarray(12, 29)) !== readUint32(bytes, 29)) throw corrupt('IHDR CRC does not match its contents');

  const width = readUint32(bytes, 16);
  const height = readUint32(bytes, 20);
  const [bitDepth, colorType, compression, filter, interlace] = bytes.subarray(24, 29);
  if (width === 0 || height === 0 || width > MAX_DIMENSION || height > MAX_DIMENSION) {
    throw corrupt(`IHDR declares ${width}×${height} pixels; each side must be from 1 to 2^31-1`);
  }
  if (!isColorType(colorType)) throw corrupt(`IHDR colour type must be 0, 2, 3, 4 or 6, got ${colorType}`);
  if (!ALLOWED_DEPTHS[colorType].includes(bitDepth)) {
    throw corrupt(`IHDR bit depth ${bitDepth} is not allowed with colour type ${colorType}`);
  }
  if (compression !== 0) throw corrupt(`IHDR compression method must be 0, got ${compression}`);
  if (filter !== 0) throw corrupt(`IHDR filter method must be 0, got ${filter}`);
  if (interlace > 1) throw corrupt(`IHDR interlace method must be 0 or 1, got ${interlace}`);

  if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) {
    throw new PngError(
      'too-large',
      `PNG is ${width}×${height} pixels; the limit is ${MAX_SIDE} pixels a side and ${MAX_PIXELS.toLocaleString('en-US')} pixels`,
    );
  }
  if (interlace === 1) {
    throw new PngError('interlaced', 'interlaced (Adam7) PNGs are not supported; save the image without interlacing');
  }
  return { width, height, bitDepth, colorType };
}
