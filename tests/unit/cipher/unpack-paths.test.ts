/**
 * unpackFrame writes whole pixels as 32-bit words where its output is 4-byte aligned, and byte by byte
 * where not: both paths must give the reference pixels, in every layout, opaque or not.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LAYOUTS, unpackFrame } from '../../../lib/cipher';
import { referenceUnpack } from '../helpers/reference-layout';
import { seededBytes } from '../helpers/seeded-bytes';

test('aligned and unaligned outputs agree with the reference in every layout', () => {
  const perPixel = { rgb: 3, rgba: 4, gray: 1 } as const;
  for (const layout of LAYOUTS) {
    for (const [width, height] of [
      [1, 1],
      [7, 5],
      [64, 3],
    ]) {
      const pixels = width * height;
      const bytes = seededBytes(`unpack ${layout} ${width}`, pixels * perPixel[layout]);
      for (const opaque of [false, true]) {
        const expected = referenceUnpack(bytes, layout, pixels, opaque && layout === 'rgba');
        const label = `${layout} ${width}×${height} opaque ${opaque}`;
        const aligned = unpackFrame(bytes, layout, width, height, { opaque }).data;
        assert.deepEqual(new Uint8Array(aligned), expected, `${label}, aligned`);
        const odd = new Uint8ClampedArray(pixels * 4 + 1).subarray(1);
        unpackFrame(bytes, layout, width, height, { opaque, out: odd });
        assert.deepEqual(new Uint8Array(odd), expected, `${label}, unaligned`);
      }
    }
  }
});
