/**
 * The chunk structure of a PNG (PNG spec §5.3, https://www.w3.org/TR/png-3/#5Chunk-layout), walked and
 * CRC-checked without decoding any pixels: a truncated or damaged file is refused here with a clear
 * reason instead of failing somewhere inside pngjs, and text chunks can be read and written.
 */
import { crc32 } from './crc32';
import { PngError } from './errors';
import { chunkType, inspectHeader, readUint32, type PngHeader } from './header';

/** One chunk: its 4-letter type, its data (a view into the file) and the byte offset where it starts. */
export interface Chunk {
  type: string;
  data: Uint8Array;
  offset: number;
}

/** A PNG whose header and chunk structure have been checked. */
export interface PngStructure {
  header: PngHeader;
  /** Every chunk from IHDR to IEND, in file order. */
  chunks: Chunk[];
  /** Byte offset just past IEND; anything after it is ignored. */
  end: number;
}

const MAX_CHUNK_LENGTH = 2 ** 31 - 1;
const CHUNK_TYPE = /^[A-Za-z]{4}$/;
const KNOWN_CRITICAL = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND']);

function corrupt(message: string): PngError {
  return new PngError('corrupt', `corrupt PNG: ${message}`);
}

/**
 * Checks the header (see {@link inspectHeader}) and then every chunk's length, type and CRC, up to IEND.
 * Throws a {@link PngError} with code `corrupt` for a truncated file, a bad CRC, a missing IDAT or
 * IEND, a missing palette, or a critical chunk this reader does not know.
 * @example inspectPng(bytes).chunks.map((c) => c.type) // ['IHDR', 'tEXt', 'IDAT', 'IEND']
 */
export function inspectPng(bytes: Uint8Array): PngStructure {
  const header = inspectHeader(bytes);
  const chunks: Chunk[] = [];
  let offset = 8;
  for (;;) {
    if (offset + 12 > bytes.length) throw corrupt(`truncated at byte ${bytes.length}: no IEND chunk`);
    const length = readUint32(bytes, offset);
    const type = chunkType(bytes, offset + 4);
    if (!CHUNK_TYPE.test(type)) throw corrupt(`chunk at byte ${offset} has an invalid type`);
    if (length > MAX_CHUNK_LENGTH) throw corrupt(`chunk ${type} at byte ${offset} declares ${length} bytes`);
    const dataEnd = offset + 8 + length;
    if (dataEnd + 4 > bytes.length) {
      throw corrupt(
        `truncated: chunk ${type} at byte ${offset} needs ${length + 12} bytes, ${bytes.length - offset} remain`,
      );
    }
    if (crc32(bytes.subarray(offset + 4, dataEnd)) !== readUint32(bytes, dataEnd)) {
      throw corrupt(`chunk ${type} at byte ${offset} has a bad CRC`);
    }
    if (type === 'IHDR' && offset !== 8) throw corrupt(`a second IHDR at byte ${offset}`);
    const critical = type.charCodeAt(0) < 0x61;
    if (critical && !KNOWN_CRITICAL.has(type)) throw corrupt(`unknown critical chunk ${type} at byte ${offset}`);
    chunks.push({ type, data: bytes.subarray(offset + 8, dataEnd), offset });
    offset = dataEnd + 4;
    if (type === 'IEND') break;
  }
  const firstData = chunks.findIndex((c) => c.type === 'IDAT');
  if (firstData === -1) throw corrupt('no IDAT chunk');
  if (header.colorType === 3 && !chunks.slice(0, firstData).some((c) => c.type === 'PLTE')) {
    throw corrupt('colour type 3 needs a PLTE chunk before the image data');
  }
  return { header, chunks, end: offset };
}

function checkChunk(type: string, data: { length: number }): void {
  if (!CHUNK_TYPE.test(type)) throw new RangeError(`chunk type must be 4 ASCII letters, got ${JSON.stringify(type)}`);
  if (data.length > MAX_CHUNK_LENGTH)
    throw new RangeError(`chunk data must be at most 2^31-1 bytes, got ${data.length}`);
}

/** Bytes a chunk with `dataLength` bytes of data takes in the file: length, type, data and CRC. */
export function chunkLength(dataLength: number): number {
  return dataLength + 12;
}

/**
 * Writes a complete chunk into `target` at `offset` without an intermediate copy; returns the offset
 * just past it. {@link buildChunk} is the same into a fresh array.
 */
export function writeChunk(target: Uint8Array, offset: number, type: string, data: Uint8Array): number {
  return writeChunkWith(target, offset, type, data.length, (into) => into.set(data));
}

/**
 * Writes a chunk of `length` bytes of data into `target` at `offset`, its data written in place by
 * `fill` (given the view the data goes in), then its CRC; returns the offset just past it.
 */
export function writeChunkWith(
  target: Uint8Array,
  offset: number,
  type: string,
  length: number,
  fill: (into: Uint8Array) => void,
): number {
  checkChunk(type, { length });
  const view = new DataView(target.buffer, target.byteOffset, target.byteLength);
  view.setUint32(offset, length);
  for (let i = 0; i < 4; i++) target[offset + 4 + i] = type.charCodeAt(i);
  const end = offset + 8 + length;
  fill(target.subarray(offset + 8, end));
  view.setUint32(end, crc32(target.subarray(offset + 4, end)));
  return end + 4;
}

/**
 * A complete chunk: length, type, data and CRC-32 over type and data.
 * @example buildChunk('IEND', new Uint8Array(0)) // 00 00 00 00 49 45 4e 44 ae 42 60 82
 */
export function buildChunk(type: string, data: Uint8Array): Uint8Array {
  checkChunk(type, data);
  const chunk = new Uint8Array(chunkLength(data.length));
  writeChunk(chunk, 0, type, data);
  return chunk;
}
