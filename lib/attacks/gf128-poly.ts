/**
 * Polynomials over GF(2^128) and their roots in the field, which is all the "forbidden attack" needs:
 * the hash key H is a root of a polynomial made from two GCM messages under one nonce. The roots of f
 * are the roots of g = gcd(f, X^(2^128) − X) (the product of f's distinct linear factors); g is then
 * split by the trace map, Tr(δX) = Σ (δX)^(2^i), whose gcd with g takes about half of g's roots for a
 * random δ (Cantor–Zassenhaus in characteristic 2; von zur Gathen & Gerhard, "Modern Computer Algebra",
 * §14.3). The cost is 128 squarings modulo f, each about deg(f)² field multiplications: the degree is the
 * number of 16-byte blocks of the messages, which is what limits the attack to small frames in a browser.
 *
 * A polynomial is a Uint32Array of 4·(degree + 1) words, coefficient i (of X^i) at words 4i…4i+3, never
 * with a zero leading coefficient (the zero polynomial is empty).
 */
import { equals, inverse, isZero, mulTableInto, ONE, table, type Gf } from './gf128';

export type Poly = Uint32Array;

export function degree(p: Poly): number {
  return p.length / 4 - 1;
}

/** p without zero leading coefficients. */
export function trim(p: Poly): Poly {
  let n = p.length / 4;
  while (n > 0 && isZero(p, 4 * (n - 1))) n--;
  return n * 4 === p.length ? p : p.slice(0, 4 * n);
}

/** The polynomial with these coefficients, lowest degree first. */
export function poly(coefficients: readonly Gf[]): Poly {
  const p = new Uint32Array(4 * coefficients.length);
  coefficients.forEach((c, i) => p.set(c, 4 * i));
  return trim(p);
}

export function coefficient(p: Poly, i: number): Gf {
  return 4 * i < p.length ? p.slice(4 * i, 4 * i + 4) : new Uint32Array(4);
}

export function polyAdd(a: Poly, b: Poly): Poly {
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  const out = long.slice();
  for (let i = 0; i < short.length; i++) out[i] ^= short[i];
  return trim(out);
}

/** p(x), by Horner's rule. */
export function evaluate(p: Poly, x: Gf): Gf {
  const t = table(x);
  const acc = new Uint32Array(4);
  for (let i = p.length / 4 - 1; i >= 0; i--) {
    mulTableInto(acc, 0, t, acc, 0);
    for (let w = 0; w < 4; w++) acc[w] ^= p[4 * i + w];
  }
  return acc;
}

/** p multiplied by the constant c. */
function scale(p: Poly, c: Gf): Poly {
  const t = table(c);
  const out = new Uint32Array(p.length);
  for (let i = 0; i < p.length; i += 4) mulTableInto(p, i, t, out, i);
  return out;
}

/** p divided by its leading coefficient. */
export function monic(p: Poly): Poly {
  if (p.length === 0) return p;
  const lead = p.slice(p.length - 4);
  return equals(lead, ONE()) ? p : scale(p, inverse(lead));
}

/** Reduction modulo a fixed monic f, with a multiplication table for each of f's coefficients. */
class Modulus {
  readonly d: number;
  private readonly tables: Uint32Array[];

  constructor(readonly f: Poly) {
    if (f.length === 0) throw new RangeError('cannot reduce modulo the zero polynomial');
    if (!equals(f, ONE(), f.length - 4)) throw new RangeError('the modulus must be monic');
    this.d = degree(f);
    this.tables = Array.from({ length: this.d }, (_, j) => table(f, 4 * j));
  }

  /** r (of any length, changed in place) modulo f: the first 4·d words of r afterwards. */
  reduce(r: Poly): Uint32Array {
    const d = this.d;
    const product = new Uint32Array(4);
    for (let k = r.length / 4 - 1; k >= d; k--) {
      const c = 4 * k;
      if (isZero(r, c)) continue;
      const base = 4 * (k - d);
      for (let j = 0; j < d; j++) {
        mulTableInto(r, c, this.tables[j], product, 0);
        const at = base + 4 * j;
        r[at] ^= product[0];
        r[at + 1] ^= product[1];
        r[at + 2] ^= product[2];
        r[at + 3] ^= product[3];
      }
      r[c] = r[c + 1] = r[c + 2] = r[c + 3] = 0;
    }
    return r.subarray(0, Math.min(r.length, 4 * d));
  }

  /** a² mod f, for a of degree below d. Squaring is additive in characteristic 2: (Σ aᵢXⁱ)² = Σ aᵢ²X²ⁱ. */
  square(a: Uint32Array): Poly {
    const r = new Uint32Array(Math.max(4, 8 * this.d));
    for (let i = 0; 4 * i < a.length; i++) {
      if (isZero(a, 4 * i)) continue;
      mulTableInto(a, 4 * i, table(a, 4 * i), r, 8 * i);
    }
    return this.reduce(r).slice();
  }
}

/** a mod b (b non-zero). */
export function polyMod(a: Poly, b: Poly): Poly {
  const lead = b.slice(b.length - 4);
  const scaled = equals(lead, ONE()) ? b : scale(b, inverse(lead));
  return trim(new Modulus(scaled).reduce(a.slice()).slice());
}

/** The monic greatest common divisor of a and b. */
export function gcd(a: Poly, b: Poly): Poly {
  let [x, y] = [trim(a), trim(b)];
  while (y.length > 0) [x, y] = [y, polyMod(x, y)];
  return monic(x);
}

/** X^(2^k) mod f (f monic, degree ≥ 1), by k squarings. */
export function frobeniusPower(f: Poly, k = 128): Poly {
  const modulus = new Modulus(monic(f));
  let x: Poly = new Uint32Array(4 * Math.max(2, modulus.d));
  x.set(ONE(), 4); // X
  x = modulus.reduce(x).slice();
  for (let i = 0; i < k; i++) x = modulus.square(x);
  return trim(x);
}

/** Σ_{i<128} (δX)^(2^i) mod g: the trace map that splits a product of distinct linear factors. */
function traceMap(g: Poly, delta: Gf): Poly {
  const modulus = new Modulus(g);
  let term: Poly = new Uint32Array(4 * Math.max(2, modulus.d));
  term.set(delta, 4); // δX
  term = modulus.reduce(term).slice();
  const sum = term.slice();
  for (let i = 1; i < 128; i++) {
    term = modulus.square(term);
    for (let w = 0; w < sum.length; w++) sum[w] ^= term[w];
  }
  return trim(sum);
}

/** Random field elements, for splitting; crypto.getRandomValues by default, a seeded source in tests. */
export type RandomElements = () => Gf;

const randomElement: RandomElements = () => {
  const words = new Uint32Array(4);
  globalThis.crypto.getRandomValues(words);
  return words;
};

/** The roots of g, a monic product of distinct linear factors. */
function splitLinear(g: Poly, random: RandomElements, out: Gf[]): void {
  const d = degree(g);
  if (d <= 0) return;
  if (d === 1) {
    // g = X + g₀ (monic): its root is g₀ (minus is plus in characteristic 2).
    out.push(g.slice(0, 4));
    return;
  }
  for (let attempt = 0; attempt < 256; attempt++) {
    const factor = gcd(g, traceMap(g, random()));
    const k = degree(factor);
    if (k > 0 && k < d) {
      splitLinear(factor, random, out);
      splitLinear(polyDivExact(g, factor), random, out);
      return;
    }
  }
  throw new Error(`could not split a degree-${d} product of linear factors in 256 attempts`);
}

/** a / b when b divides a exactly (b monic). */
export function polyDivExact(a: Poly, b: Poly): Poly {
  const d = degree(b);
  const n = degree(a);
  if (n < d) throw new RangeError('the divisor is of higher degree than the dividend');
  const r = a.slice();
  const q = new Uint32Array(4 * (n - d + 1));
  const tables = Array.from({ length: d }, (_, j) => table(b, 4 * j));
  const product = new Uint32Array(4);
  for (let k = n; k >= d; k--) {
    const c = 4 * k;
    q.set(r.subarray(c, c + 4), 4 * (k - d));
    if (isZero(r, c)) continue;
    for (let j = 0; j < d; j++) {
      mulTableInto(r, c, tables[j], product, 0);
      const at = 4 * (k - d + j);
      for (let w = 0; w < 4; w++) r[at + w] ^= product[w];
    }
    r[c] = r[c + 1] = r[c + 2] = r[c + 3] = 0;
  }
  if (trim(r.subarray(0, 4 * d)).length !== 0) throw new RangeError('the divisor does not divide the dividend');
  return trim(q);
}

/**
 * Every root of `f` in GF(2^128), each once, in no particular order.
 * @example roots(poly([r, ONE()])) // [r]: the root of X + r
 */
export function roots(f: Poly, random: RandomElements = randomElement): Gf[] {
  const p = monic(trim(f));
  if (p.length === 0) throw new RangeError('every element is a root of the zero polynomial');
  if (degree(p) === 0) return [];
  const x = new Uint32Array(8);
  x.set(ONE(), 4);
  // X^(2^128) − X, reduced: the product of (X − a) over all a; its gcd with f keeps f's linear factors.
  const frobenius = degree(p) === 1 ? trim(x) : frobeniusPower(p);
  const linear = gcd(p, polyAdd(frobenius, trim(x)));
  const out: Gf[] = [];
  splitLinear(linear, random, out);
  return out;
}
