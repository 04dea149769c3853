/**
 * The field GCM authenticates in: GF(2^128) modulo x^128 + x^7 + x^2 + x + 1, with GCM's bit order
 * (NIST SP 800-38D §6.3, https://doi.org/10.6028/NIST.SP.800-38D): a 16-byte block is a polynomial whose
 * coefficient of x^0 is the top bit of byte 0 and of x^127 the low bit of byte 15. GHASH is a polynomial
 * in the hash key H over this field, which is why two messages under one nonce give H away (forbidden.ts).
 *
 * An element is four 32-bit words, big-endian (word 0 holds bytes 0–3). Multiplication uses Shoup's
 * 4-bit tables: a table of the 16 multiples of one factor, then 32 steps of "times x^4, add an entry".
 */

/** An element of GF(2^128): four big-endian 32-bit words. */
export type Gf = Uint32Array;

export const ZERO = (): Gf => new Uint32Array(4);
/** The multiplicative identity: the polynomial 1, i.e. the block 80 00 … 00. */
export const ONE = (): Gf => Uint32Array.of(0x80000000, 0, 0, 0);

/**
 * The element a 16-byte block stands for.
 * @example toHexBlock(fromBlock(block)) === toHex(block)
 */
export function fromBlock(block: Uint8Array, offset = 0): Gf {
  if (block.length - offset < 16) throw new RangeError(`a field element needs 16 bytes, got ${block.length - offset}`);
  const view = new DataView(block.buffer, block.byteOffset + offset, 16);
  return Uint32Array.of(view.getUint32(0), view.getUint32(4), view.getUint32(8), view.getUint32(12));
}

/** The 16-byte block of an element. */
export function toBlock(a: Gf): Uint8Array {
  const out = new Uint8Array(16);
  const view = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) view.setUint32(4 * i, a[i]);
  return out;
}

export function equals(a: Gf, b: Gf, at = 0, bt = 0): boolean {
  return a[at] === b[bt] && a[at + 1] === b[bt + 1] && a[at + 2] === b[bt + 2] && a[at + 3] === b[bt + 3];
}

export function isZero(a: Gf, at = 0): boolean {
  return (a[at] | a[at + 1] | a[at + 2] | a[at + 3]) === 0;
}

/** a + b (XOR), as a new element. */
export function add(a: Gf, b: Gf): Gf {
  return Uint32Array.of(a[0] ^ b[0], a[1] ^ b[1], a[2] ^ b[2], a[3] ^ b[3]);
}

/**
 * x^128 + x^{128+j} for the low nibble n of the last word (coefficients of x^124…x^127, x^124 the top bit
 * of the nibble), reduced: x^{128+j} = x^j (1 + x + x^2 + x^7). Every term lands in word 0.
 */
const REDUCE_4 = (() => {
  const table = new Uint32Array(16);
  for (let n = 0; n < 16; n++) {
    let word = 0;
    for (let j = 0; j < 4; j++) {
      if (!((n >> (3 - j)) & 1)) continue;
      for (const k of [0, 1, 2, 7]) word ^= 1 << (31 - (j + k));
    }
    table[n] = word >>> 0;
  }
  return table;
})();

/**
 * The 16 multiples of `h` that Shoup's method needs: entry v is h·p_v, where p_v is the nibble v read
 * as GCM reads bits (its top bit the coefficient of x^0). Build it once for a factor used many times.
 */
export function table(h: Gf, at = 0): Uint32Array {
  const t = new Uint32Array(64);
  // Entry 8 is h; 4, 2, 1 are h·x, h·x², h·x³ (times x: one bit towards the end, reduced).
  let w0 = h[at];
  let w1 = h[at + 1];
  let w2 = h[at + 2];
  let w3 = h[at + 3];
  for (const entry of [8, 4, 2, 1]) {
    t[4 * entry] = w0;
    t[4 * entry + 1] = w1;
    t[4 * entry + 2] = w2;
    t[4 * entry + 3] = w3;
    const carry = w3 & 1;
    w3 = ((w3 >>> 1) | (w2 << 31)) >>> 0;
    w2 = ((w2 >>> 1) | (w1 << 31)) >>> 0;
    w1 = ((w1 >>> 1) | (w0 << 31)) >>> 0;
    w0 = (w0 >>> 1) ^ (carry ? 0xe1000000 : 0);
    w0 >>>= 0;
  }
  for (let v = 2; v < 16; v++) {
    if ((v & (v - 1)) === 0) continue;
    const high = 1 << (31 - Math.clz32(v));
    for (let i = 0; i < 4; i++) t[4 * v + i] = t[4 * high + i] ^ t[4 * (v ^ high) + i];
  }
  return t;
}

/**
 * out[o…o+3] = a · (the factor `t` is the table of), a read from a[at…at+3].
 * Horner over a's 32 nibbles from the last (x^124…x^127) to the first: z = z·x^4 + p_nibble·h.
 */
export function mulTableInto(a: Gf, at: number, t: Uint32Array, out: Uint32Array, o: number): void {
  let z0 = 0;
  let z1 = 0;
  let z2 = 0;
  let z3 = 0;
  for (let word = 3; word >= 0; word--) {
    const w = a[at + word];
    for (let shift = 0; shift < 32; shift += 4) {
      const rem = z3 & 15;
      z3 = (z3 >>> 4) | (z2 << 28);
      z2 = (z2 >>> 4) | (z1 << 28);
      z1 = (z1 >>> 4) | (z0 << 28);
      z0 = (z0 >>> 4) ^ REDUCE_4[rem];
      const v = 4 * ((w >>> shift) & 15);
      z0 ^= t[v];
      z1 ^= t[v + 1];
      z2 ^= t[v + 2];
      z3 ^= t[v + 3];
    }
  }
  out[o] = z0 >>> 0;
  out[o + 1] = z1 >>> 0;
  out[o + 2] = z2 >>> 0;
  out[o + 3] = z3 >>> 0;
}

/**
 * a · b.
 * @example toHex(toBlock(mul(ONE(), b))) === toHex(toBlock(b))
 */
export function mul(a: Gf, b: Gf): Gf {
  const out = new Uint32Array(4);
  mulTableInto(a, 0, table(b), out, 0);
  return out;
}

/** a², as a new element. */
export function square(a: Gf): Gf {
  return mul(a, a);
}

/**
 * The inverse of a non-zero element: a^(2^128 − 2), by 127 squarings and multiplications.
 * @example mul(a, inverse(a)) equals ONE()
 */
export function inverse(a: Gf): Gf {
  if (isZero(a)) throw new RangeError('zero has no inverse in GF(2^128)');
  // 2^128 − 2 = 0b111…110 (127 ones, then a zero): result = a^(2^127 − 1), squared.
  let result: Gf = a.slice();
  for (let i = 1; i < 127; i++) result = mul(square(result), a);
  return square(result);
}
