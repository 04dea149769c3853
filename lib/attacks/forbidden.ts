/**
 * Joux's "forbidden attack" on GCM (A. Joux, "Authentication Failures in NIST version of GCM", comment to
 * NIST, 2006; https://csrc.nist.gov/csrc/media/projects/block-cipher-techniques/documents/bcm/comments/800-38-series-drafts/gcm/joux_comments.pdf):
 * two messages under one key and one nonce have tags T₁ = GHASH_H(C₁) ⊕ S and T₂ = GHASH_H(C₂) ⊕ S with the
 * same S = AES_K(J₀), so H is a root of GHASH(C₁) + GHASH(C₂) + T₁ + T₂. A third message under the nonce
 * picks the true H among the roots. With H, and the keystream that one known plaintext gives away (the
 * nonce repeats, so the keystream does too), anyone can make a ciphertext of their choosing and its valid
 * tag — without the key. Pure functions; the tag is checked by the receiver's own AES-GCM.
 */
import { equals, fromBlock, isZero, toBlock, type Gf } from './gf128';
import { degree, evaluate, polyAdd, poly, roots, type RandomElements } from './gf128-poly';
import { ghash, ghashPolynomial } from './ghash';

/** One GCM message as the wire carries it: ciphertext, tag and AAD (the nonce is shared). */
export interface GcmMessage {
  ciphertext: Uint8Array;
  tag: Uint8Array;
  aad?: Uint8Array;
}

const NO_AAD = new Uint8Array(0);

const xor = (x: Gf, y: Gf): Gf => Uint32Array.of(x[0] ^ y[0], x[1] ^ y[1], x[2] ^ y[2], x[3] ^ y[3]);

function checkMessage(message: GcmMessage, name: string): void {
  if (!(message.ciphertext instanceof Uint8Array)) throw new TypeError(`${name}: ciphertext must be a Uint8Array`);
  if (!(message.tag instanceof Uint8Array) || message.tag.length !== 16)
    throw new RangeError(`${name}: the tag must be 16 bytes, got ${message.tag?.length}`);
}

/**
 * The polynomial whose roots include H: GHASH(a) + GHASH(b) + T_a + T_b. Its degree is the number of
 * 16-byte blocks GHASH reads from the longer message (AAD, ciphertext, one lengths block).
 */
export function forbiddenPolynomial(a: GcmMessage, b: GcmMessage) {
  checkMessage(a, 'the first message');
  checkMessage(b, 'the second message');
  const sum = polyAdd(ghashPolynomial(a.aad ?? NO_AAD, a.ciphertext), ghashPolynomial(b.aad ?? NO_AAD, b.ciphertext));
  return polyAdd(sum, poly([xor(fromBlock(a.tag), fromBlock(b.tag))]));
}

/**
 * The degree of the polynomial two messages give: what the root finding costs grows with its square.
 * @example attackDegree(1728) // 109: 108 ciphertext blocks and the lengths block
 */
export function attackDegree(ciphertextBytes: number, aadBytes = 0): number {
  return Math.ceil(ciphertextBytes / 16) + Math.ceil(aadBytes / 16) + 1;
}

/** S = T ⊕ GHASH_H(C) = AES_K(J₀), the same for every message under the nonce, if H is right. */
function mask(h: Gf, message: GcmMessage): Gf {
  return xor(ghash(h, message.aad ?? NO_AAD, message.ciphertext), fromBlock(message.tag));
}

/**
 * The candidates for the hash key H that messages `a` and `b` (one key, one nonce) allow: every root of
 * their forbidden polynomial. Zero is never H (AES_K(0) = 0 has odds 2⁻¹²⁸) and is left out.
 */
export function hashKeyCandidates(a: GcmMessage, b: GcmMessage, random?: RandomElements): Gf[] {
  const f = forbiddenPolynomial(a, b);
  if (degree(f) < 1) throw new RangeError('the two messages give no equation for H: are they the same message?');
  return roots(f, random).filter((h) => !isZero(h));
}

/** The candidates under which `c` (a further message under the same nonce) has the same mask as `a`. */
export function narrowCandidates(candidates: readonly Gf[], a: GcmMessage, c: GcmMessage): Gf[] {
  checkMessage(c, 'the third message');
  return candidates.filter((h) => {
    return equals(mask(h, a), mask(h, c));
  });
}

/**
 * A forged message under the nonce of `known`: `target` encrypted with the keystream that `known`'s
 * ciphertext and plaintext give away, and the tag H makes for it. `target` may be at most as long as the
 * known plaintext (only that much keystream is known).
 * @example forge(h, { ciphertext, tag }, plaintext, target) // { ciphertext, tag } that the key holder accepts
 */
export function forge(
  h: Gf,
  known: GcmMessage,
  knownPlaintext: Uint8Array,
  target: Uint8Array,
  aad: Uint8Array = NO_AAD,
): { ciphertext: Uint8Array; tag: Uint8Array } {
  checkMessage(known, 'the known message');
  if (knownPlaintext.length !== known.ciphertext.length)
    throw new RangeError(
      `the known plaintext must be as long as its ciphertext, ${known.ciphertext.length} bytes, got ${knownPlaintext.length}`,
    );
  if (target.length > knownPlaintext.length)
    throw new RangeError(
      `the target is ${target.length} bytes but only ${knownPlaintext.length} bytes of keystream are known`,
    );
  const ciphertext = new Uint8Array(target.length);
  for (let i = 0; i < target.length; i++) ciphertext[i] = target[i] ^ known.ciphertext[i] ^ knownPlaintext[i];
  const s = mask(h, known);
  const g = ghash(h, aad, ciphertext);
  return { ciphertext, tag: toBlock(xor(g, s)) };
}

/** Whether `h` is a root of the two messages' polynomial (for checking a candidate without roots()). */
export function satisfies(h: Gf, a: GcmMessage, b: GcmMessage): boolean {
  return isZero(evaluate(forbiddenPolynomial(a, b), h));
}
