/**
 * Flipping bits of ciphertext, which needs no key, and what each mode makes of it (SP 800-38A §6): ECB
 * decrypts the changed block to 16 bytes of garbage; CBC garbles that block and flips the same bit in the
 * next one; CTR flips exactly that bit of the plaintext — so whoever knows a byte's plaintext can set it to
 * any value. GCM's tag covers the ciphertext, and the receiver refuses any change.
 */

/** A copy of `ciphertext` with bit `bit` (0 = the top bit of byte 0) flipped. */
export function flipBit(ciphertext: Uint8Array, bit: number): Uint8Array<ArrayBuffer> {
  if (!Number.isInteger(bit) || bit < 0 || bit >= ciphertext.length * 8)
    throw new RangeError(`bit must be 0 to ${ciphertext.length * 8 - 1}, got ${bit}`);
  const out = ciphertext.slice();
  out[bit >> 3] ^= 0x80 >> (bit & 7);
  return out;
}

/**
 * A copy of CTR (or any stream-cipher) `ciphertext` edited so that the bytes at `offset`, known to
 * decrypt to `known`, decrypt to `wanted` instead: c ⊕ known ⊕ wanted. No key, and no other byte changes.
 * @example rewriteKnown(ciphertext, pixelByte(geometry, x, y), Uint8Array.of(r, g, b), Uint8Array.of(255, 0, 0))
 */
export function rewriteKnown(
  ciphertext: Uint8Array,
  offset: number,
  known: Uint8Array,
  wanted: Uint8Array,
): Uint8Array<ArrayBuffer> {
  if (known.length !== wanted.length)
    throw new RangeError(`known and wanted must be as long as each other, got ${known.length} and ${wanted.length}`);
  if (!Number.isInteger(offset) || offset < 0 || offset + known.length > ciphertext.length)
    throw new RangeError(
      `bytes ${offset}–${offset + known.length - 1} are outside the ${ciphertext.length}-byte ciphertext`,
    );
  const out = ciphertext.slice();
  for (let i = 0; i < known.length; i++) out[offset + i] ^= known[i] ^ wanted[i];
  return out;
}
