/**
 * Wire sizes: ECB's and GCM's lengths against node:crypto's own ciphertexts (OpenSSL's aes-128-ecb with
 * PKCS#7, aes-256-gcm's output plus its 16-byte tag), padding worked out by hand, and every refusal with
 * its exact message.
 */
import assert from 'node:assert/strict';
import { createCipheriv } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  ecbWireSize,
  gcmWireSize,
  paddedSize,
  trackPadding,
  wireSizes,
  wireTotals,
  type Padding,
} from '../../../lib/traffic/wire';
import { assertThrowsExactly } from '../helpers/assert-error';

const KEY16 = Buffer.alloc(16, 7);
const KEY32 = Buffer.alloc(32, 9);

function opensslEcbLength(n: number): number {
  const cipher = createCipheriv('aes-128-ecb', KEY16, null);
  return Buffer.concat([cipher.update(Buffer.alloc(n)), cipher.final()]).length;
}

function opensslGcmLength(n: number): number {
  const cipher = createCipheriv('aes-256-gcm', KEY32, Buffer.alloc(12));
  return Buffer.concat([cipher.update(Buffer.alloc(n)), cipher.final()]).length + cipher.getAuthTag().length;
}

describe('ecbWireSize and gcmWireSize', () => {
  it('by hand: ECB rounds up to whole blocks and always adds 1–16 bytes, GCM adds its tag', () => {
    assert.deepEqual([0, 1, 15, 16, 17, 31, 32, 100].map(ecbWireSize), [16, 16, 16, 32, 32, 32, 48, 112]);
    assert.deepEqual([0, 1, 16, 100].map(gcmWireSize), [16, 17, 32, 116]);
  });

  it('match the ciphertexts node:crypto (OpenSSL) makes, for every length from 0 to 300', () => {
    for (let n = 0; n <= 300; n++) {
      assert.equal(ecbWireSize(n), opensslEcbLength(n), `ECB, ${n} bytes`);
      assert.equal(gcmWireSize(n), opensslGcmLength(n), `GCM, ${n} bytes`);
    }
  });

  it('refuse what is not a whole number of bytes', () => {
    assertThrowsExactly(() => ecbWireSize(-1), RangeError, 'size must be a whole number of bytes, got -1');
    assertThrowsExactly(() => gcmWireSize(1.5), RangeError, 'size must be a whole number of bytes, got 1.5');
    assertThrowsExactly(() => ecbWireSize(NaN), RangeError, 'size must be a whole number of bytes, got NaN');
    assertThrowsExactly(
      () => gcmWireSize('16' as unknown as number),
      TypeError,
      'size must be a number of bytes, got string',
    );
  });
});

describe('paddedSize', () => {
  const bucket64: Padding = { kind: 'bucket', bytes: 64 };
  const cases: [number, Padding, number][] = [
    [100, { kind: 'none' }, 100],
    [0, { kind: 'none' }, 0],
    [100, { kind: 'constant', size: 1200 }, 1200],
    [1200, { kind: 'constant', size: 1200 }, 1200],
    [0, { kind: 'constant', size: 1200 }, 1200],
    [1, bucket64, 64],
    [63, bucket64, 64],
    [64, bucket64, 64], // a multiple stays as it is
    [65, bucket64, 128],
    [0, bucket64, 64], // an empty packet takes one bucket: 0 bytes would say "nothing was sent"
    [7, { kind: 'bucket', bytes: 1 }, 7],
  ];
  for (const [n, padding, expected] of cases) {
    it(`${n} bytes, ${JSON.stringify(padding)}: ${expected}`, () => assert.equal(paddedSize(n, padding), expected));
  }

  it('refuses a packet larger than the constant size, and malformed padding', () => {
    assertThrowsExactly(
      () => paddedSize(1201, { kind: 'constant', size: 1200 }),
      RangeError,
      'a packet of 1201 bytes does not fit the constant size of 1200 bytes',
    );
    assertThrowsExactly(
      () => paddedSize(1, { kind: 'bucket', bytes: 0 }),
      RangeError,
      'padding.bytes must be at least 1, got 0',
    );
    assertThrowsExactly(
      () => paddedSize(1, { kind: 'bucket', bytes: 2.5 }),
      RangeError,
      'padding.bytes must be a whole number of bytes, got 2.5',
    );
    assertThrowsExactly(
      () => paddedSize(1, { kind: 'constant', size: -4 }),
      RangeError,
      'padding.size must be a whole number of bytes, got -4',
    );
    assertThrowsExactly(
      () => paddedSize(1, { kind: 'random' } as unknown as Padding),
      RangeError,
      'padding.kind must be none, constant or bucket, got "random"',
    );
    assertThrowsExactly(
      () => paddedSize(1, null as unknown as Padding),
      TypeError,
      'padding must be an object, got null',
    );
  });
});

describe('trackPadding', () => {
  const packets = [{ size: 40 }, { size: 90 }, { size: 65 }];

  it('none, constant (the largest packet), or buckets of a number of bytes', () => {
    assert.deepEqual(trackPadding(packets, 'none'), { kind: 'none' });
    assert.deepEqual(trackPadding(packets, 'constant'), { kind: 'constant', size: 90 });
    assert.deepEqual(trackPadding([], 'constant'), { kind: 'constant', size: 0 });
    assert.deepEqual(trackPadding(packets, 256), { kind: 'bucket', bytes: 256 });
  });

  it('refuses another policy and bad packets', () => {
    assertThrowsExactly(() => trackPadding(packets, 0), RangeError, 'padding.bytes must be at least 1, got 0');
    assertThrowsExactly(
      () => trackPadding(packets, 'max' as unknown as 'constant'),
      TypeError,
      'policy must be "none", "constant" or a number of bytes, got "max"',
    );
    assertThrowsExactly(
      () => trackPadding([{ size: -1 }], 'none'),
      RangeError,
      'packets[0].size must be a whole number of bytes, got -1',
    );
    assertThrowsExactly(
      () => trackPadding([null as unknown as { size: number }], 'none'),
      TypeError,
      'packets[0] must be an object, got null',
    );
    assertThrowsExactly(
      () => trackPadding('abc' as unknown as [], 'none'),
      TypeError,
      'packets must be an array, got string',
    );
  });
});

describe('wireSizes and wireTotals', () => {
  // Three payloads of 40, 90 and 65 bytes.
  //   no padding:       ECB 48 + 96 + 80 = 224,   GCM 56 + 106 + 81 = 243
  //   constant (90):    padded 270, ECB 3 × 96 = 288,  GCM 3 × 106 = 318, overhead (270 − 195) / 195
  //   buckets of 64:    padded 64 + 128 + 128 = 320, ECB 80 + 144 + 144 = 368, GCM 80 + 144 + 144 = 368
  const packets = [{ size: 40 }, { size: 90 }, { size: 65 }];

  it('every packet, in order', () => {
    assert.deepEqual(wireSizes(packets, { kind: 'none' }), [
      { size: 40, padded: 40, ecb: 48, gcm: 56 },
      { size: 90, padded: 90, ecb: 96, gcm: 106 },
      { size: 65, padded: 65, ecb: 80, gcm: 81 },
    ]);
    assert.deepEqual(
      wireSizes(packets, { kind: 'bucket', bytes: 64 }).map((s) => [s.padded, s.ecb, s.gcm]),
      [
        [64, 80, 80],
        [128, 144, 144],
        [128, 144, 144],
      ],
    );
  });

  it('totals, and the share of bandwidth padding adds', () => {
    assert.deepEqual(wireTotals(packets, { kind: 'none' }), {
      packets: 3,
      bytes: 195,
      ecbBytes: 224,
      gcmBytes: 243,
      paddedBytes: 195,
      overhead: 0,
    });
    assert.deepEqual(wireTotals(packets, trackPadding(packets, 'constant')), {
      packets: 3,
      bytes: 195,
      ecbBytes: 288,
      gcmBytes: 318,
      paddedBytes: 270,
      overhead: 75 / 195,
    });
    assert.deepEqual(wireTotals(packets, { kind: 'bucket', bytes: 64 }), {
      packets: 3,
      bytes: 195,
      ecbBytes: 368,
      gcmBytes: 368,
      paddedBytes: 320,
      overhead: 125 / 195,
    });
    assert.deepEqual(wireTotals([], { kind: 'none' }), {
      packets: 0,
      bytes: 0,
      ecbBytes: 0,
      gcmBytes: 0,
      paddedBytes: 0,
      overhead: 0,
    });
  });
});
