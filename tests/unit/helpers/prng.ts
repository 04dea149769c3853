/**
 * A small seeded PRNG for the fuzz tests: mulberry32 (Tommy Ettinger's 32-bit generator, public domain,
 * https://gist.github.com/tommyettinger/46a874533244883189143505d203312c), so every case is rebuilt
 * from its seed and index alone and a failure reproduces exactly.
 */

/** A stream of pseudo-random numbers, and the draws the fuzzers make from it. */
export interface Prng {
  /** The next unsigned 32-bit integer. */
  next(): number;
  /** An integer from 0 to `n - 1`. */
  int(n: number): number;
  /** An integer from `min` to `max`, both included. */
  between(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of `items`. */
  pick<T>(items: readonly T[]): T;
  /** `length` pseudo-random bytes. */
  bytes(length: number): Uint8Array<ArrayBuffer>;
}

/** mulberry32 from a 32-bit seed. */
export function mulberry32(seed: number): Prng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const int = (n: number): number => {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`int(n) needs a positive integer, got ${n}`);
    return Math.floor((next() / 2 ** 32) * n);
  };
  return {
    next,
    int,
    between: (min, max) => min + int(max - min + 1),
    chance: (p) => next() / 2 ** 32 < p,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick() needs at least one item');
      return items[int(items.length)];
    },
    bytes: (length) => {
      const out = new Uint8Array(length);
      for (let i = 0; i < length; i++) out[i] = next() & 0xff;
      return out;
    },
  };
}

/**
 * The PRNG of case `index` of a run seeded with `seed`: each case has its own stream, so one case can
 * be rebuilt without replaying the cases before it.
 */
export function casePrng(seed: number, index: number): Prng {
  return mulberry32(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35));
}

/** The fuzz seed: `FUZZ_SEED` from the environment (to explore), else `fallback` (what CI runs). */
export function fuzzSeed(fallback: number): number {
  const text = process.env.FUZZ_SEED;
  if (text === undefined || text === '') return fallback;
  const seed = Number(text);
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32)
    throw new RangeError(`FUZZ_SEED must be an integer from 0 to 2^32-1, got ${JSON.stringify(text)}`);
  return seed;
}
