/** Hex ⇄ bytes for test fixtures, written here so the vectors are not read through the code under test. */

/** Strict: an even number of hex digits and nothing else (Buffer.from(…, 'hex') silently stops at junk). */
export function hexToBytes(hex: string): Uint8Array {
  if (!/^([0-9a-fA-F]{2})*$/.test(hex)) throw new Error(`not an even-length hex string: "${hex.slice(0, 40)}"`);
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

/** Lower-case hex; comparing hex strings gives readable assertion diffs. */
export function bytesToHex(bytes: Uint8Array | Uint8ClampedArray): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

/** The parts joined into one plain Uint8Array (node:crypto returns Buffers, which deepStrictEqual tells apart). */
export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
