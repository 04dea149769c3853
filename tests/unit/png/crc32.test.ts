import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import zlib from 'node:zlib';
import { crc32 } from '../../../lib/png';
import { tableCrc32 } from '../../../lib/png/crc32';

for (const [name, crc] of [
  ['crc32', crc32],
  ['tableCrc32 (the fallback before Node 20.15)', tableCrc32],
] as const) {
  describe(name, () => {
    it('gives the CRC-32/ISO-HDLC check value for "123456789"', () => {
      // Check value 0xCBF43926 from the Catalogue of parametrised CRC algorithms (reveng.sourceforge.io).
      assert.equal(crc(new TextEncoder().encode('123456789')), 0xcbf43926);
    });

    it('gives the CRC every PNG ends with, over the type "IEND"', () => {
      // The last 4 bytes of every PNG file: AE 42 60 82 (PNG spec §11.2.5, empty IEND chunk).
      assert.equal(crc(new TextEncoder().encode('IEND')), 0xae426082);
    });

    it('is 0 for no bytes and continues from a previous CRC', () => {
      const bytes = randomBytes(1000);
      assert.equal(crc(new Uint8Array(0)), 0);
      assert.equal(crc(bytes.subarray(300), crc(bytes.subarray(0, 300))), crc(bytes));
    });
  });
}

describe('tableCrc32', () => {
  it('agrees with zlib.crc32 on random data', (t) => {
    if (typeof zlib.crc32 !== 'function') return t.skip('this node has no zlib.crc32');
    for (const length of [1, 15, 16, 17, 4096, 100_003]) {
      const bytes = randomBytes(length);
      assert.equal(tableCrc32(bytes), zlib.crc32(bytes), `length ${length}`);
    }
  });
});
