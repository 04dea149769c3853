/**
 * GHASH, GCM's authenticator (NIST SP 800-38D §6.4): the AAD and the ciphertext, each zero-padded to
 * whole 16-byte blocks, then one block of their lengths in bits, are the coefficients of a polynomial
 * evaluated at the hash key H = AES_K(0¹²⁸). The tag is GHASH ⊕ AES_K(J₀), where J₀ depends only on the
 * nonce — so two tags under one nonce differ by exactly the difference of two polynomials in H.
 */
import { fromBlock, mulTableInto, table, type Gf } from './gf128';
import { poly, type Poly } from './gf128-poly';

/** The blocks GHASH runs over, in order: AAD, ciphertext, lengths; four words each. */
export function ghashBlocks(aad: Uint8Array, ciphertext: Uint8Array): Uint32Array {
  const padded = (n: number) => Math.ceil(n / 16) * 16;
  const bytes = new Uint8Array(padded(aad.length) + padded(ciphertext.length) + 16);
  bytes.set(aad, 0);
  bytes.set(ciphertext, padded(aad.length));
  const lengths = new DataView(bytes.buffer, bytes.length - 16, 16);
  lengths.setBigUint64(0, BigInt(aad.length) * 8n);
  lengths.setBigUint64(8, BigInt(ciphertext.length) * 8n);
  const words = new Uint32Array(bytes.length / 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < words.length; i++) words[i] = view.getUint32(4 * i);
  return words;
}

/**
 * GHASH_H(aad, ciphertext): Y ← (Y ⊕ Xᵢ) · H over the blocks.
 * @example ghash(h, new Uint8Array(0), ciphertext) // the tag minus AES_K(J₀)
 */
export function ghash(h: Gf, aad: Uint8Array, ciphertext: Uint8Array): Gf {
  const blocks = ghashBlocks(aad, ciphertext);
  const t = table(h);
  const y = new Uint32Array(4);
  for (let i = 0; i < blocks.length; i += 4) {
    for (let w = 0; w < 4; w++) y[w] ^= blocks[i + w];
    mulTableInto(y, 0, t, y, 0);
  }
  return y;
}

/**
 * GHASH as a polynomial in H: with m blocks X₁…X_m, Σ Xⱼ·H^(m+1−j) (no constant term), so
 * evaluate(ghashPolynomial(a, c), h) equals ghash(h, a, c).
 */
export function ghashPolynomial(aad: Uint8Array, ciphertext: Uint8Array): Poly {
  const blocks = ghashBlocks(aad, ciphertext);
  const m = blocks.length / 4;
  const coefficients: Gf[] = [new Uint32Array(4)];
  for (let power = 1; power <= m; power++) coefficients.push(blocks.slice(4 * (m - power), 4 * (m - power) + 4));
  return poly(coefficients);
}

/** The tag's 16 bytes as a field element. */
export const tagElement = (tag: Uint8Array): Gf => fromBlock(tag);
