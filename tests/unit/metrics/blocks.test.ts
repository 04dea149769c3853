/**
 * countRepeatedBlocks: hand-counted cases, then agreement with a naive Map-of-hex-strings count on
 * pseudo-random data with planted repeats, with fresh tables and with one table reused across sizes.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BLOCK_SIZE, BlockTable, countRepeatedBlocks, type RepeatedBlocks } from '../../../lib/metrics/blocks';
import { bytesToHex } from '../helpers/hex';
import { seededBytes } from '../helpers/seeded-bytes';

/** The obvious count: a Map from each whole block's hex to how often it occurs. */
function naiveCount(bytes: Uint8Array): RepeatedBlocks {
  const counts = new Map<string, number>();
  const blocks = Math.floor(bytes.length / BLOCK_SIZE);
  for (let b = 0; b < blocks; b++) {
    const hex = bytesToHex(bytes.subarray(b * BLOCK_SIZE, (b + 1) * BLOCK_SIZE));
    counts.set(hex, (counts.get(hex) ?? 0) + 1);
  }
  let repeated = 0;
  for (const count of counts.values()) if (count > 1) repeated += count;
  return { blocks, distinct: counts.size, repeated };
}

/** Blocks built from a pattern string: each letter names one random block, e.g. 'ABAC'. */
function fromPattern(pattern: string, seed = 'blocks pattern'): Uint8Array {
  const bytes = new Uint8Array(pattern.length * BLOCK_SIZE);
  for (let i = 0; i < pattern.length; i++) bytes.set(seededBytes(`${seed} ${pattern[i]}`, BLOCK_SIZE), i * BLOCK_SIZE);
  return bytes;
}

/**
 * `blocks` blocks: random ones with every `every`-th replaced by one of a few planted blocks, some of
 * them one byte away from another, so equal and nearly-equal blocks both occur.
 */
function withPlantedRepeats(seed: string, blocks: number, every: number, extra = 0): Uint8Array {
  const bytes = seededBytes(seed, blocks * BLOCK_SIZE + extra);
  const planted = Array.from({ length: 5 }, (_, i) => seededBytes(`${seed} planted ${i}`, BLOCK_SIZE));
  for (let i = 0; i < BLOCK_SIZE; i++) {
    const nearly = planted[0].slice();
    nearly[i] ^= 0x80;
    planted.push(nearly);
  }
  const choice = seededBytes(`${seed} choice`, blocks);
  for (let b = 0; b < blocks; b += every) bytes.set(planted[choice[b] % planted.length], b * BLOCK_SIZE);
  return bytes;
}

describe('countRepeatedBlocks, hand-counted', () => {
  test('all-zero data: one distinct block, every block repeated', () => {
    assert.deepEqual(countRepeatedBlocks(new Uint8Array(64)), { blocks: 4, distinct: 1, repeated: 4 });
    assert.deepEqual(countRepeatedBlocks(new Uint8Array(16 * 1000)), { blocks: 1000, distinct: 1, repeated: 1000 });
  });

  test('all-distinct data: block i holds the counter i', () => {
    const bytes = new Uint8Array(300 * BLOCK_SIZE);
    const view = new DataView(bytes.buffer);
    for (let b = 0; b < 300; b++) view.setUint32(b * BLOCK_SIZE + 12, b);
    assert.deepEqual(countRepeatedBlocks(bytes), { blocks: 300, distinct: 300, repeated: 0 });
  });

  test('blocks that differ in a single byte, at each of the 16 positions, are all distinct', () => {
    const bytes = new Uint8Array(17 * BLOCK_SIZE);
    for (let b = 1; b <= 16; b++) bytes[b * BLOCK_SIZE + (b - 1)] = 1;
    assert.deepEqual(countRepeatedBlocks(bytes), { blocks: 17, distinct: 17, repeated: 0 });
  });

  test('blocks whose 32-bit words are the same but in another order are distinct', () => {
    const words = [0x01020304, 0x05060708, 0x090a0b0c, 0x0d0e0f10];
    const orders = [[0, 1, 2, 3], [1, 0, 2, 3], [3, 2, 1, 0], [0, 1, 3, 2], [0, 1, 2, 3]];
    const bytes = new Uint8Array(orders.length * BLOCK_SIZE);
    const view = new DataView(bytes.buffer);
    orders.forEach((order, b) => order.forEach((w, i) => view.setUint32(b * BLOCK_SIZE + 4 * i, words[w])));
    assert.deepEqual(countRepeatedBlocks(bytes), { blocks: 5, distinct: 4, repeated: 2 });
  });

  test('planted pattern ABACBADE: A three times and B twice, so 5 of 8 blocks are repeats', () => {
    assert.deepEqual(countRepeatedBlocks(fromPattern('ABACBADE')), { blocks: 8, distinct: 5, repeated: 5 });
  });

  test('a trailing partial block is ignored, even when it matches a whole block’s start', () => {
    const whole = fromPattern('ABAC');
    const bytes = new Uint8Array(whole.length + 15);
    bytes.set(whole);
    bytes.set(whole.subarray(0, 15), whole.length);
    assert.deepEqual(countRepeatedBlocks(bytes), { blocks: 4, distinct: 3, repeated: 2 });
    assert.deepEqual(countRepeatedBlocks(bytes.subarray(0, 15)), { blocks: 0, distinct: 0, repeated: 0 });
    assert.deepEqual(countRepeatedBlocks(new Uint8Array(0)), { blocks: 0, distinct: 0, repeated: 0 });
  });

  test('a subarray view at any offset counts its own blocks, not the buffer’s', () => {
    const pattern = fromPattern('ABACBADE');
    for (const offset of [1, 2, 3, 4, 5, 8, 13, 16]) {
      const backing = seededBytes(`blocks backing ${offset}`, offset + pattern.length + 7);
      backing.set(pattern, offset);
      const view = backing.subarray(offset, offset + pattern.length);
      assert.deepEqual(countRepeatedBlocks(view), { blocks: 8, distinct: 5, repeated: 5 }, `offset ${offset}`);
      assert.equal(bytesToHex(view), bytesToHex(pattern), 'the view is left as it was');
    }
  });

  test('bytes that are not a Uint8Array: TypeError', () => {
    assert.throws(
      () => countRepeatedBlocks([0, 1, 2] as unknown as Uint8Array),
      (error: unknown) => error instanceof TypeError && error.message === 'bytes must be a Uint8Array',
    );
  });
});

describe('countRepeatedBlocks = naive Map count, on pseudo-random data with planted repeats', () => {
  const cases: [string, number, number, number][] = [
    // [seed, blocks, 1 in n blocks planted, extra trailing bytes]
    ['small', 7, 2, 0],
    ['one block', 1, 1, 3],
    ['odd tail', 1000, 3, 9],
    ['sparse repeats', 5000, 50, 0],
    ['dense repeats', 5000, 1, 15],
    ['only the first block planted', 4096, 1_000_000, 0],
    ['1280×720 rgb frame', (1280 * 720 * 3) / BLOCK_SIZE, 7, 0],
  ];

  for (const [seed, blocks, every, extra] of cases) {
    test(`${seed}: ${blocks} blocks, 1 in ${every} planted, ${extra} trailing bytes`, () => {
      const bytes = withPlantedRepeats(seed, blocks, every, extra);
      assert.deepEqual(countRepeatedBlocks(bytes), naiveCount(bytes));
    });
  }

  test('the planted data really has repeats and near-repeats (the comparison is not vacuous)', () => {
    const naive = naiveCount(withPlantedRepeats('dense repeats', 5000, 1, 15));
    assert.ok(naive.repeated > 4000 && naive.distinct >= 15 && naive.distinct <= 21, JSON.stringify(naive));
  });

  test('one BlockTable reused across calls of growing and shrinking sizes gives the same answers as fresh ones', () => {
    const table = new BlockTable();
    // 4096 twice and 100 then 120 keep the table's capacity; the others make it grow or shrink.
    const sizes = [64, 1, 5000, 3, 0, 7, 4096, 4096, 100, 120, 20000, 16];
    sizes.forEach((blocks, i) => {
      const bytes = withPlantedRepeats(`reuse ${i}`, blocks, 1 + (i % 4), i % 16);
      const expected = naiveCount(bytes);
      assert.deepEqual(countRepeatedBlocks(bytes, table), expected, `call ${i}: ${blocks} blocks`);
      assert.deepEqual(countRepeatedBlocks(bytes), expected);
    });
    // The same data twice in a row through one table: nothing left over from the first count.
    const bytes = fromPattern('ABCA');
    assert.deepEqual(countRepeatedBlocks(bytes, table), countRepeatedBlocks(bytes, table));
  });
});
