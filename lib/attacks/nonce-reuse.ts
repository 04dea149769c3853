/**
 * What a repeated nonce gives away in CTR and GCM (SP 800-38D §8.3: the uniqueness requirement): both
 * encrypt by XOR with a keystream fixed by key and nonce, so two frames under one nonce XOR to the XOR of
 * their pictures — the call reappears without the key — and one known frame (the slide everyone saw)
 * decrypts every other frame sent under that nonce.
 */

/** a ⊕ b over the shorter length. */
export function xorBytes(a: Uint8Array, b: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(Math.min(a.length, b.length));
  for (let i = 0; i < out.length; i++) out[i] = a[i] ^ b[i];
  return out;
}

/**
 * The plaintext of `ciphertext`, from another message under the same nonce whose plaintext is known:
 * c ⊕ c_known ⊕ p_known. Only as many bytes as are known can be recovered.
 */
export function decryptWithKnown(
  ciphertext: Uint8Array,
  knownCiphertext: Uint8Array,
  knownPlaintext: Uint8Array,
): Uint8Array<ArrayBuffer> {
  if (knownPlaintext.length !== knownCiphertext.length)
    throw new RangeError(
      `the known plaintext must be as long as its ciphertext, ${knownCiphertext.length} bytes, got ${knownPlaintext.length}`,
    );
  return xorBytes(xorBytes(ciphertext, knownCiphertext), knownPlaintext);
}
