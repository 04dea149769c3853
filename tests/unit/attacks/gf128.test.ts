/**
 * GF(2^128) as GCM uses it, and polynomials over it. Products are checked against SP 800-38D's own
 * definition (Algorithm 1, "Multiplication Operation on Blocks", written here bit by bit with BigInt and
 * nothing shared with the table method under test), GHASH against Node's OpenSSL (the tag of AES-GCM is
 * GHASH_H(A, C) ⊕ AES_K(J₀) with H = AES_K(0¹²⁸), so OpenSSL's tags pin GHASH down), and root finding
 * against polynomials built from known roots.
 */
import assert from 'node:assert/strict';
import { createCipheriv } from 'node:crypto';
import { describe, it } from 'node:test';
import { add, fromBlock, inverse, isZero, mul, ONE, toBlock, type Gf } from '../../../lib/attacks/gf128';
import { degree, evaluate, poly, roots, type Poly } from '../../../lib/attacks/gf128-poly';
import { ghash, ghashPolynomial } from '../../../lib/attacks/ghash';
import { toHex } from '../../../lib/cipher/hex';
import { seededBytes } from '../helpers/seeded-bytes';

/** SP 800-38D Algorithm 1: Z ← 0, V ← Y; for i = 0…127: if xᵢ then Z ⊕= V; V ← V >> 1, ⊕ R if V's last bit was 1. */
function referenceMul(x: Uint8Array, y: Uint8Array): Uint8Array {
  const R = 0xe1n << 120n;
  const X = BigInt(`0x${toHex(x)}`);
  let V = BigInt(`0x${toHex(y)}`);
  let Z = 0n;
  for (let i = 0n; i < 128n; i++) {
    if ((X >> (127n - i)) & 1n) Z ^= V;
    V = V & 1n ? (V >> 1n) ^ R : V >> 1n;
  }
  return Uint8Array.from(Buffer.from(Z.toString(16).padStart(32, '0'), 'hex'));
}

function element(label: string): Gf {
  return fromBlock(seededBytes(label, 16));
}

/** The polynomial (X + r₁)(X + r₂)…, multiplied out with the field's own product. */
function fromRoots(rs: readonly Gf[]): Poly {
  let coefficients: Gf[] = [ONE()];
  for (const r of rs) {
    const next: Gf[] = Array.from({ length: coefficients.length + 1 }, () => new Uint32Array(4));
    coefficients.forEach((c, i) => {
      next[i + 1] = add(next[i + 1], c);
      next[i] = add(next[i], mul(c, r));
    });
    coefficients = next;
  }
  return poly(coefficients);
}

const hexes = (elements: readonly Gf[]) => elements.map((e) => toHex(toBlock(e))).sort();

describe('GF(2^128) products', () => {
  it('equal SP 800-38D Algorithm 1 on 300 seeded pairs', () => {
    for (let i = 0; i < 300; i++) {
      const x = seededBytes(`gf x ${i}`, 16);
      const y = seededBytes(`gf y ${i}`, 16);
      assert.equal(toHex(toBlock(mul(fromBlock(x), fromBlock(y)))), toHex(referenceMul(x, y)), `pair ${i}`);
    }
  });

  it('1 is the block 80 00…00, and x·x¹²⁷ = x¹²⁸ = 1 + x + x² + x⁷ (the block e1 00…00)', () => {
    const b = element('gf b');
    assert.equal(toHex(toBlock(mul(ONE(), b))), toHex(toBlock(b)));
    const x = fromBlock(Uint8Array.of(0x40, ...new Uint8Array(15)));
    const x127 = fromBlock(Uint8Array.of(...new Uint8Array(15), 0x01));
    assert.equal(toHex(toBlock(mul(x, x127))), 'e1000000000000000000000000000000');
  });

  it('every non-zero element times its inverse is 1; zero has none', () => {
    for (let i = 0; i < 5; i++) {
      const a = element(`gf inverse ${i}`);
      assert.equal(toHex(toBlock(mul(a, inverse(a)))), '80000000000000000000000000000000');
    }
    assert.throws(() => inverse(new Uint32Array(4)), {
      name: 'RangeError',
      message: 'zero has no inverse in GF(2^128)',
    });
  });
});

describe('GHASH', () => {
  it('McGrew–Viega test case 2: H = 66e94bd4…, C = 0388dace…, GHASH = f38cbb1a…', () => {
    // "The Galois/Counter Mode of Operation (GCM)", McGrew & Viega, Appendix B, test case 2 (K = 0¹²⁸, P = 0¹²⁸).
    const h = fromBlock(Buffer.from('66e94bd4ef8a2c3b884cfa59ca342b2e', 'hex'));
    const c = Buffer.from('0388dace60b6a392f328c2b971b2fe78', 'hex');
    assert.equal(toHex(toBlock(ghash(h, new Uint8Array(0), c))), 'f38cbb1ad69223dcc3457ae5b6b0f885');
  });

  it('tags from Node’s OpenSSL AES-256-GCM are GHASH ⊕ AES_K(J₀), for AAD and ciphertext of any length', () => {
    for (const [aadLength, length] of [
      [0, 0],
      [0, 1],
      [0, 16],
      [13, 37],
      [16, 432],
      [20, 1000],
    ]) {
      const key = seededBytes(`ghash key ${length}`, 32);
      const nonce = seededBytes(`ghash nonce ${length}`, 12);
      const aad = seededBytes(`ghash aad ${length}`, aadLength);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      cipher.setAAD(aad);
      const ciphertext = Buffer.concat([cipher.update(seededBytes(`ghash p ${length}`, length)), cipher.final()]);
      const tag = cipher.getAuthTag();
      const aes = (block: Uint8Array) => createCipheriv('aes-256-ecb', key, null).setAutoPadding(false).update(block);
      const h = fromBlock(aes(new Uint8Array(16)));
      const j0 = fromBlock(aes(Uint8Array.of(...nonce, 0, 0, 0, 1)));
      assert.equal(toHex(toBlock(add(ghash(h, aad, ciphertext), j0))), toHex(tag), `${aadLength} + ${length} bytes`);
      assert.equal(
        toHex(toBlock(evaluate(ghashPolynomial(aad, ciphertext), h))),
        toHex(toBlock(ghash(h, aad, ciphertext))),
      );
    }
  });
});

describe('roots of polynomials over GF(2^128)', () => {
  /** A seeded source of field elements, so a failing split reproduces. */
  const seeded = (label: string) => {
    let n = 0;
    return () => element(`${label} ${n++}`);
  };

  it('finds exactly the roots a product of linear factors was built from, 1 to 6 of them', () => {
    for (let count = 1; count <= 6; count++) {
      const rs = Array.from({ length: count }, (_, i) => element(`root ${count} ${i}`));
      const f = fromRoots(rs);
      assert.equal(degree(f), count);
      assert.deepEqual(hexes(roots(f, seeded(`split ${count}`))), hexes(rs), `${count} roots`);
    }
  });

  it('with other factors beside them, finds the known roots and only true roots, each once', () => {
    const rs = [element('mixed a'), element('mixed b'), element('mixed c')];
    // (X + a)²(X + b)(X + c) times a random cubic: its own roots, if any, are roots of the product too.
    const cubic = poly([element('cubic 0'), element('cubic 1'), element('cubic 2'), ONE()]);
    const f = fromRoots([rs[0], ...rs]);
    const product = poly(
      Array.from({ length: degree(f) + 4 }, (_, k) => {
        let sum: Gf = new Uint32Array(4);
        for (let i = 0; i <= k; i++) {
          const a = i <= degree(f) ? f.slice(4 * i, 4 * i + 4) : new Uint32Array(4);
          const b = k - i <= 3 ? cubic.slice(4 * (k - i), 4 * (k - i) + 4) : new Uint32Array(4);
          sum = add(sum, mul(a, b));
        }
        return sum;
      }),
    );
    const found = roots(product, seeded('mixed split'));
    for (const r of found) assert.ok(isZero(evaluate(product, r)), `${toHex(toBlock(r))} is a root`);
    const foundHex = hexes(found);
    for (const r of hexes(rs)) assert.ok(foundHex.includes(r), `known root ${r} found`);
    assert.equal(new Set(foundHex).size, foundHex.length, 'each root once');
  });

  it('a constant has no roots; the zero polynomial is refused', () => {
    assert.deepEqual(roots(poly([element('constant')])), []);
    assert.throws(() => roots(poly([])), { name: 'RangeError' });
  });
});
