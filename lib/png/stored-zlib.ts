/**
 * A zlib stream (RFC 1950) of stored deflate blocks (RFC 1951 §3.2.4), written straight into its
 * destination. Ciphertext does not compress, so an encrypted picture's image data is stored; doing it
 * here rather than through `deflateSync(rows, { level: 0 })` lets the PNG writer copy each pixel once,
 * from the ciphertext into the file, instead of building the filtered rows, deflating them into
 * 16 KiB pieces, joining the pieces and copying the result into the file.
 */

/** The most a stored block holds: its LEN field is 16 bits. */
export const STORED_BLOCK = 65535;

/** Adler-32's modulus, the largest prime below 2^16 (RFC 1950 §8.2). */
const BASE = 65521;
/** Bytes that can be summed before `b` could pass 2^32 and must be reduced (zlib's NMAX). */
const NMAX = 5552;

/**
 * Adler-32 (RFC 1950 §8.2) of `bytes`, continuing from `previous` (1 for a fresh checksum).
 * @example adler32(new TextEncoder().encode('Wikipedia')) // 0x11e60398
 */
export function adler32(bytes: Uint8Array, previous = 1): number {
  let a = previous & 0xffff;
  let b = previous >>> 16;
  let i = 0;
  while (i < bytes.length) {
    const end = Math.min(bytes.length, i + NMAX);
    for (; i < end; i++) {
      a += bytes[i];
      b += a;
    }
    a %= BASE;
    b %= BASE;
  }
  return ((b << 16) | a) >>> 0;
}

/** Bytes a stored zlib stream of `dataLength` bytes takes: 2 of header, 5 per block, the data, 4 of Adler-32. */
export function storedZlibLength(dataLength: number): number {
  const blocks = Math.max(1, Math.ceil(dataLength / STORED_BLOCK));
  return 2 + 5 * blocks + dataLength + 4;
}

/**
 * Writes a stored zlib stream of `dataLength` bytes into `target` at `offset` and returns the offset
 * just past it. `fill(into, from)` writes the data's bytes `from` to `from + into.length` into `into`
 * (a view of `target`), so the data need not exist anywhere else first. Blocks are full (65,535 bytes)
 * but the last, so the same data always gives the same stream; `inflateSync` reads it back.
 * @example writeStoredZlib(out, 0, 3, (into) => into.set([1, 2, 3])) // 78 01 01 03 00 fc ff 01 02 03 00 0d 00 07
 */
export function writeStoredZlib(
  target: Uint8Array,
  offset: number,
  dataLength: number,
  fill: (into: Uint8Array, from: number) => void,
): number {
  if (!Number.isSafeInteger(dataLength) || dataLength < 0)
    throw new RangeError(`dataLength must be a whole number ≥ 0, got ${dataLength}`);
  if (offset + storedZlibLength(dataLength) > target.length)
    throw new RangeError(`target has no room for ${storedZlibLength(dataLength)} bytes at ${offset}`);
  // CMF 0x78: deflate with a 32 KiB window; FLG 0x01: no dictionary, and (0x78 × 256 + 0x01) % 31 = 0.
  target[offset++] = 0x78;
  target[offset++] = 0x01;
  let checksum = 1;
  let from = 0;
  do {
    const length = Math.min(STORED_BLOCK, dataLength - from);
    const inverse = ~length & 0xffff;
    target[offset] = from + length === dataLength ? 1 : 0; // BFINAL, BTYPE 00
    target[offset + 1] = length & 0xff;
    target[offset + 2] = length >>> 8;
    target[offset + 3] = inverse & 0xff;
    target[offset + 4] = inverse >>> 8;
    offset += 5;
    const into = target.subarray(offset, offset + length);
    fill(into, from);
    checksum = adler32(into, checksum);
    offset += length;
    from += length;
  } while (from < dataLength);
  target[offset] = checksum >>> 24;
  target[offset + 1] = (checksum >>> 16) & 0xff;
  target[offset + 2] = (checksum >>> 8) & 0xff;
  target[offset + 3] = checksum & 0xff;
  return offset + 4;
}
