/**
 * AES-128 block encryption over many blocks at once, for ECB on whole video frames (FIPS 197 §5.1).
 * Each round is four lookups per column in 1 KiB "T-tables" that fold SubBytes, ShiftRows and
 * MixColumns together (Daemen & Rijmen, The Design of Rijndael, §4.2), on 32-bit words read straight
 * from the buffer. The tables fit in a CPU's first-level cache and no block allocates: a frame encrypts in
 * about half the time @noble/ciphers' general ECB takes (README, Performance). Lookups indexed by secret
 * bytes leak through cache timing to code on the same machine; here the key protects a teaching picture
 * on the user's own screen, and the lab shows the key anyway.
 * https://nvlpubs.nist.gov/nistpubs/FIPS/NIST.FIPS.197-upd1.pdf
 */

/** Multiplication by x (that is, {02}) in GF(2⁸) modulo x⁸ + x⁴ + x³ + x + 1 (FIPS 197 §4.2). */
function xtime(b: number): number {
  return ((b << 1) ^ (b & 0x80 ? 0x1b : 0)) & 0xff;
}

/** The S-box (FIPS 197 §5.1.1): the multiplicative inverse in GF(2⁸), then the affine map. */
function makeSbox(): Uint8Array {
  const box = new Uint8Array(256);
  // Walk p over all non-zero elements as powers of 3 and q over their inverses as powers of 3⁻¹.
  let p = 1;
  let q = 1;
  do {
    p = p ^ xtime(p); // p × 3
    q ^= q << 1; // q ÷ 3
    q ^= q << 2;
    q ^= q << 4;
    q &= 0xff;
    if (q & 0x80) q ^= 0x09;
    const rotl = (x: number, n: number) => ((x << n) | (x >>> (8 - n))) & 0xff;
    box[p] = q ^ rotl(q, 1) ^ rotl(q, 2) ^ rotl(q, 3) ^ rotl(q, 4) ^ 0x63;
  } while (p !== 1);
  box[0] = 0x63;
  return box;
}

const SBOX = makeSbox();

/**
 * Column tables for words whose first byte is the least significant (little-endian, as a Uint32Array
 * reads bytes on every platform browsers run on): T0[s] holds the column {02}s, s, s, {03}s, and T1–T3 are
 * it rotated a byte at a time, for the bytes that ShiftRows brings from the next columns. Signed 32-bit
 * arrays throughout: V8 keeps their elements as small integers, where unsigned ones above 2³¹ become
 * floating-point numbers.
 */
const T0 = new Int32Array(256);
const T1 = new Int32Array(256);
const T2 = new Int32Array(256);
const T3 = new Int32Array(256);
for (let i = 0; i < 256; i++) {
  const s = SBOX[i];
  const s2 = xtime(s);
  const word = ((s2 ^ s) << 24) | (s << 16) | (s << 8) | s2;
  T0[i] = word;
  T1[i] = (word << 8) | (word >>> 24);
  T2[i] = (word << 16) | (word >>> 16);
  T3[i] = (word << 24) | (word >>> 8);
}

/** Whether this platform stores a Uint32Array's words least significant byte first. */
export const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** The 44 round-key words of AES-128 (FIPS 197 §5.2), little-endian like the tables. */
export function expandKey128(key: Uint8Array): Int32Array {
  if (key.length !== 16) throw new RangeError(`key must be 16 bytes for AES-128, got ${key.length}`);
  const w = new Int32Array(44);
  for (let i = 0; i < 4; i++)
    w[i] = key[4 * i] | (key[4 * i + 1] << 8) | (key[4 * i + 2] << 16) | (key[4 * i + 3] << 24);
  let rcon = 1;
  for (let i = 4; i < 44; i++) {
    let t = w[i - 1];
    if (i % 4 === 0) {
      // RotWord then SubWord, and the round constant in the first byte.
      t = (t >>> 8) | (t << 24);
      t =
        (SBOX[t & 0xff] | (SBOX[(t >>> 8) & 0xff] << 8) | (SBOX[(t >>> 16) & 0xff] << 16) | (SBOX[t >>> 24] << 24)) ^
        rcon;
      rcon = xtime(rcon);
    }
    w[i] = w[i - 4] ^ t;
  }
  return w;
}

/**
 * Encrypts `count` 16-byte blocks of `input`, starting at word `from`, into `output` at the same words:
 * AES-128 applied to each block on its own, which is ECB without padding. Both arrays hold the bytes as
 * little-endian words (see {@link LITTLE_ENDIAN}); `input` and `output` may be the same array. The nine
 * full rounds are written out (s → u → s …): about a tenth faster than a loop over them in V8.
 */
export function encryptBlocks(k: Int32Array, input: Int32Array, output: Int32Array, from: number, count: number): void {
  const t0 = T0;
  const t1 = T1;
  const t2 = T2;
  const t3 = T3;
  const sbox = SBOX;
  const end = from + count * 4;
  for (let i = from; i < end; i += 4) {
    let s0 = input[i] ^ k[0];
    let s1 = input[i + 1] ^ k[1];
    let s2 = input[i + 2] ^ k[2];
    let s3 = input[i + 3] ^ k[3];
    let u0 = t0[s0 & 0xff] ^ t1[(s1 >>> 8) & 0xff] ^ t2[(s2 >>> 16) & 0xff] ^ t3[s3 >>> 24] ^ k[4];
    let u1 = t0[s1 & 0xff] ^ t1[(s2 >>> 8) & 0xff] ^ t2[(s3 >>> 16) & 0xff] ^ t3[s0 >>> 24] ^ k[5];
    let u2 = t0[s2 & 0xff] ^ t1[(s3 >>> 8) & 0xff] ^ t2[(s0 >>> 16) & 0xff] ^ t3[s1 >>> 24] ^ k[6];
    let u3 = t0[s3 & 0xff] ^ t1[(s0 >>> 8) & 0xff] ^ t2[(s1 >>> 16) & 0xff] ^ t3[s2 >>> 24] ^ k[7];
    s0 = t0[u0 & 0xff] ^ t1[(u1 >>> 8) & 0xff] ^ t2[(u2 >>> 16) & 0xff] ^ t3[u3 >>> 24] ^ k[8];
    s1 = t0[u1 & 0xff] ^ t1[(u2 >>> 8) & 0xff] ^ t2[(u3 >>> 16) & 0xff] ^ t3[u0 >>> 24] ^ k[9];
    s2 = t0[u2 & 0xff] ^ t1[(u3 >>> 8) & 0xff] ^ t2[(u0 >>> 16) & 0xff] ^ t3[u1 >>> 24] ^ k[10];
    s3 = t0[u3 & 0xff] ^ t1[(u0 >>> 8) & 0xff] ^ t2[(u1 >>> 16) & 0xff] ^ t3[u2 >>> 24] ^ k[11];
    u0 = t0[s0 & 0xff] ^ t1[(s1 >>> 8) & 0xff] ^ t2[(s2 >>> 16) & 0xff] ^ t3[s3 >>> 24] ^ k[12];
    u1 = t0[s1 & 0xff] ^ t1[(s2 >>> 8) & 0xff] ^ t2[(s3 >>> 16) & 0xff] ^ t3[s0 >>> 24] ^ k[13];
    u2 = t0[s2 & 0xff] ^ t1[(s3 >>> 8) & 0xff] ^ t2[(s0 >>> 16) & 0xff] ^ t3[s1 >>> 24] ^ k[14];
    u3 = t0[s3 & 0xff] ^ t1[(s0 >>> 8) & 0xff] ^ t2[(s1 >>> 16) & 0xff] ^ t3[s2 >>> 24] ^ k[15];
    s0 = t0[u0 & 0xff] ^ t1[(u1 >>> 8) & 0xff] ^ t2[(u2 >>> 16) & 0xff] ^ t3[u3 >>> 24] ^ k[16];
    s1 = t0[u1 & 0xff] ^ t1[(u2 >>> 8) & 0xff] ^ t2[(u3 >>> 16) & 0xff] ^ t3[u0 >>> 24] ^ k[17];
    s2 = t0[u2 & 0xff] ^ t1[(u3 >>> 8) & 0xff] ^ t2[(u0 >>> 16) & 0xff] ^ t3[u1 >>> 24] ^ k[18];
    s3 = t0[u3 & 0xff] ^ t1[(u0 >>> 8) & 0xff] ^ t2[(u1 >>> 16) & 0xff] ^ t3[u2 >>> 24] ^ k[19];
    u0 = t0[s0 & 0xff] ^ t1[(s1 >>> 8) & 0xff] ^ t2[(s2 >>> 16) & 0xff] ^ t3[s3 >>> 24] ^ k[20];
    u1 = t0[s1 & 0xff] ^ t1[(s2 >>> 8) & 0xff] ^ t2[(s3 >>> 16) & 0xff] ^ t3[s0 >>> 24] ^ k[21];
    u2 = t0[s2 & 0xff] ^ t1[(s3 >>> 8) & 0xff] ^ t2[(s0 >>> 16) & 0xff] ^ t3[s1 >>> 24] ^ k[22];
    u3 = t0[s3 & 0xff] ^ t1[(s0 >>> 8) & 0xff] ^ t2[(s1 >>> 16) & 0xff] ^ t3[s2 >>> 24] ^ k[23];
    s0 = t0[u0 & 0xff] ^ t1[(u1 >>> 8) & 0xff] ^ t2[(u2 >>> 16) & 0xff] ^ t3[u3 >>> 24] ^ k[24];
    s1 = t0[u1 & 0xff] ^ t1[(u2 >>> 8) & 0xff] ^ t2[(u3 >>> 16) & 0xff] ^ t3[u0 >>> 24] ^ k[25];
    s2 = t0[u2 & 0xff] ^ t1[(u3 >>> 8) & 0xff] ^ t2[(u0 >>> 16) & 0xff] ^ t3[u1 >>> 24] ^ k[26];
    s3 = t0[u3 & 0xff] ^ t1[(u0 >>> 8) & 0xff] ^ t2[(u1 >>> 16) & 0xff] ^ t3[u2 >>> 24] ^ k[27];
    u0 = t0[s0 & 0xff] ^ t1[(s1 >>> 8) & 0xff] ^ t2[(s2 >>> 16) & 0xff] ^ t3[s3 >>> 24] ^ k[28];
    u1 = t0[s1 & 0xff] ^ t1[(s2 >>> 8) & 0xff] ^ t2[(s3 >>> 16) & 0xff] ^ t3[s0 >>> 24] ^ k[29];
    u2 = t0[s2 & 0xff] ^ t1[(s3 >>> 8) & 0xff] ^ t2[(s0 >>> 16) & 0xff] ^ t3[s1 >>> 24] ^ k[30];
    u3 = t0[s3 & 0xff] ^ t1[(s0 >>> 8) & 0xff] ^ t2[(s1 >>> 16) & 0xff] ^ t3[s2 >>> 24] ^ k[31];
    s0 = t0[u0 & 0xff] ^ t1[(u1 >>> 8) & 0xff] ^ t2[(u2 >>> 16) & 0xff] ^ t3[u3 >>> 24] ^ k[32];
    s1 = t0[u1 & 0xff] ^ t1[(u2 >>> 8) & 0xff] ^ t2[(u3 >>> 16) & 0xff] ^ t3[u0 >>> 24] ^ k[33];
    s2 = t0[u2 & 0xff] ^ t1[(u3 >>> 8) & 0xff] ^ t2[(u0 >>> 16) & 0xff] ^ t3[u1 >>> 24] ^ k[34];
    s3 = t0[u3 & 0xff] ^ t1[(u0 >>> 8) & 0xff] ^ t2[(u1 >>> 16) & 0xff] ^ t3[u2 >>> 24] ^ k[35];
    u0 = t0[s0 & 0xff] ^ t1[(s1 >>> 8) & 0xff] ^ t2[(s2 >>> 16) & 0xff] ^ t3[s3 >>> 24] ^ k[36];
    u1 = t0[s1 & 0xff] ^ t1[(s2 >>> 8) & 0xff] ^ t2[(s3 >>> 16) & 0xff] ^ t3[s0 >>> 24] ^ k[37];
    u2 = t0[s2 & 0xff] ^ t1[(s3 >>> 8) & 0xff] ^ t2[(s0 >>> 16) & 0xff] ^ t3[s1 >>> 24] ^ k[38];
    u3 = t0[s3 & 0xff] ^ t1[(s0 >>> 8) & 0xff] ^ t2[(s1 >>> 16) & 0xff] ^ t3[s2 >>> 24] ^ k[39];
    // The last round has no MixColumns: S-box bytes only.
    output[i + 0] =
      (sbox[u0 & 0xff] | (sbox[(u1 >>> 8) & 0xff] << 8) | (sbox[(u2 >>> 16) & 0xff] << 16) | (sbox[u3 >>> 24] << 24)) ^
      k[40];
    output[i + 1] =
      (sbox[u1 & 0xff] | (sbox[(u2 >>> 8) & 0xff] << 8) | (sbox[(u3 >>> 16) & 0xff] << 16) | (sbox[u0 >>> 24] << 24)) ^
      k[41];
    output[i + 2] =
      (sbox[u2 & 0xff] | (sbox[(u3 >>> 8) & 0xff] << 8) | (sbox[(u0 >>> 16) & 0xff] << 16) | (sbox[u1 >>> 24] << 24)) ^
      k[42];
    output[i + 3] =
      (sbox[u3 & 0xff] | (sbox[(u0 >>> 8) & 0xff] << 8) | (sbox[(u1 >>> 16) & 0xff] << 16) | (sbox[u2 >>> 24] << 24)) ^
      k[43];
  }
}
