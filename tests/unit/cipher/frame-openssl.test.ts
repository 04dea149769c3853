/**
 * encryptFrame/decryptFrame/toPicture against OpenSSL (node:crypto), on pseudo-random frames of odd
 * sizes, in every layout and every colour depth. The plaintext OpenSSL encrypts is packed here by a
 * plain per-pixel reference (helpers/reference-layout), so these tests also prove packFrame.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  decryptFrame,
  encryptFrame,
  LAYOUTS,
  luma,
  MAX_BITS,
  MIN_BITS,
  packFrame,
  TAG_LENGTH,
  toPicture,
  trailingBytes,
  type Frame,
} from '../../../lib/cipher';
import { bytesToHex } from '../helpers/hex';
import { opensslEcb, opensslGcm } from '../helpers/openssl';
import { referenceLuma, referencePack, referenceUnpack } from '../helpers/reference-layout';
import { seededBytes } from '../helpers/seeded-bytes';

/** [width, height, pixel array type]: odd sizes, a single pixel, and shapes whose plaintext is whole blocks. */
const SIZES: [number, number, 'Uint8Array' | 'Uint8ClampedArray'][] = [
  [317, 211, 'Uint8ClampedArray'],
  [1, 1, 'Uint8Array'],
  [5, 3, 'Uint8ClampedArray'],
  [4, 4, 'Uint8Array'], // rgba: exactly 4 blocks, so ECB adds a full block of padding
  [16, 1, 'Uint8Array'], // rgb: 48 bytes, gray: 16 bytes — whole blocks too
  [13, 7, 'Uint8ClampedArray'],
];

const ECB_KEY = seededBytes('frame-openssl ECB key', 16);
const GCM_KEY = seededBytes('frame-openssl GCM key', 32);
const NONCE = seededBytes('frame-openssl nonce', 12);
const AAD = seededBytes('frame-openssl AAD', 13);

function makeFrame(width: number, height: number, type: 'Uint8Array' | 'Uint8ClampedArray'): Frame {
  const bytes = seededBytes(`frame-openssl ${width}×${height}`, width * height * 4);
  return { width, height, data: type === 'Uint8Array' ? bytes : new Uint8ClampedArray(bytes.buffer) };
}

test('luma is BT.601 round(0.299 R + 0.587 G + 0.114 B), halves up, on all 2^24 colours', () => {
  let mismatches = 0;
  for (let r = 0; r < 256; r++) {
    for (let g = 0; g < 256; g++) {
      for (let b = 0; b < 256; b++) if (luma(r, g, b) !== referenceLuma(r, g, b)) mismatches++;
    }
  }
  assert.equal(mismatches, 0);
});

for (const [width, height, type] of SIZES) {
  describe(`${width}×${height} frame (${type})`, () => {
    const frame = makeFrame(width, height, type);
    const pixels = width * height;

    for (const layout of LAYOUTS) {
      for (let bits = MIN_BITS; bits <= MAX_BITS; bits++) {
        const packed = referencePack(frame.data, layout, bits);
        const quantized = bytesToHex(referenceUnpack(packed, layout, pixels));

        test(`${layout}, ${bits} bits: packFrame = reference; ECB = openssl aes-128-ecb; decryptFrame; toPicture; trailingBytes`, () => {
          assert.equal(bytesToHex(packFrame(frame, layout, bits)), bytesToHex(packed));
          const expected = opensslEcb(ECB_KEY, packed);
          const encrypted = encryptFrame(frame, { mode: 'ecb', key: ECB_KEY, layout, bits });
          assert.deepEqual(
            { ...encrypted, ciphertext: bytesToHex(encrypted.ciphertext) },
            { mode: 'ecb', layout, bits, width, height, nonce: null, plaintextLength: packed.length, ciphertext: bytesToHex(expected) },
          );

          const decrypted = decryptFrame(encrypted, ECB_KEY);
          assert.equal(decrypted.width, width);
          assert.equal(decrypted.height, height);
          assert.equal(bytesToHex(decrypted.data), quantized);

          const picture = toPicture(encrypted);
          assert.deepEqual([picture.width, picture.height], [width, height]);
          assert.equal(bytesToHex(picture.data), bytesToHex(referenceUnpack(expected.subarray(0, packed.length), layout, pixels, true)));
          // PKCS#7 always pads: 1 to 16 bytes past the picture.
          assert.equal(bytesToHex(trailingBytes(encrypted)), bytesToHex(expected.subarray(packed.length)));
          assert.equal(trailingBytes(encrypted).length, 16 - (packed.length % 16));
        });

        test(`${layout}, ${bits} bits: GCM ciphertext ‖ tag = openssl aes-256-gcm, with and without AAD; decryptFrame; toPicture; trailingBytes`, () => {
          for (const aad of [AAD, undefined]) {
            const expected = opensslGcm(GCM_KEY, NONCE, packed, aad);
            const encrypted = encryptFrame(frame, { mode: 'gcm', key: GCM_KEY, layout, bits, nonce: NONCE, aad });
            assert.equal(bytesToHex(encrypted.ciphertext), bytesToHex(expected));
            assert.equal(bytesToHex(encrypted.nonce ?? new Uint8Array()), bytesToHex(NONCE));
            assert.equal(encrypted.plaintextLength, packed.length);

            assert.equal(bytesToHex(decryptFrame(encrypted, GCM_KEY, aad).data), quantized);

            const picture = toPicture(encrypted);
            assert.equal(bytesToHex(picture.data), bytesToHex(referenceUnpack(expected.subarray(0, packed.length), layout, pixels, true)));
            assert.equal(bytesToHex(trailingBytes(encrypted)), bytesToHex(expected.subarray(packed.length)));
            assert.equal(trailingBytes(encrypted).length, TAG_LENGTH);
          }
        });
      }
    }
  });
}
