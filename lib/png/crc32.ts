/**
 * CRC-32 as PNG uses it (ISO 3309 / ITU-T V.42, reflected polynomial 0xEDB88320; PNG spec §5.5,
 * https://www.w3.org/TR/png-3/#5CRC-algorithm). Every chunk we write or read needs one. node's native
 * `zlib.crc32` (from 20.15 / 22.2) is used where it exists, a table-driven version elsewhere: a 4K
 * picture's 25 MB of image data takes the table about 60 ms and zlib a few.
 */
import * as zlib from 'node:zlib';

const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/**
 * CRC-32 of `bytes`, continuing from `previous` (the CRC of what came before) when given.
 * @example crc32(new TextEncoder().encode('123456789')) // 0xcbf43926
 */
export function crc32(bytes: Uint8Array, previous = 0): number {
  return native ? native(bytes, previous) : tableCrc32(bytes, previous);
}

type Crc32 = (data: Uint8Array, value?: number) => number;
const native = (zlib as { crc32?: Crc32 }).crc32;

/** The table-driven CRC-32, for Node before 20.15 (exported so tests can hold it against zlib's). */
export function tableCrc32(bytes: Uint8Array, previous = 0): number {
  let c = ~previous >>> 0;
  for (let i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}
