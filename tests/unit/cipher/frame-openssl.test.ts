/**
 * encryptFrame/decryptFrame/toPicture against OpenSSL (node:crypto), on pseudo-random frames of odd
 * sizes, in every layout and every colour depth, in all four modes. The plaintext OpenSSL encrypts is
 * packed here by a plain per-pixel reference (helpers/reference-layout), so these tests also prove
 * packFrame. The CTR counter block starts at ff…fe, so every frame of three blocks or more runs the
 * 128-bit counter through ff…ff and on from 00…00, as OpenSSL does.
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
  type Mode,
} from '../../../lib/cipher';
import { bytesToHex, hexToBytes } from '../helpers/hex';
import { opensslCbc, opensslCtr, opensslEcb, opensslGcm } from '../helpers/openssl';
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
const CBC_KEY = seededBytes('frame-openssl CBC key', 16);
const CBC_IV = seededBytes('frame-openssl CBC IV', 16);
const CTR_KEY = seededBytes('frame-openssl CTR key', 16);
const CTR_IV = hexToBytes('fffffffffffffffffffffffffffffffe');
const GCM_KEY = seededBytes('frame-openssl GCM key', 32);
const NONCE = seededBytes('frame-openssl nonce', 12);
const AAD = seededBytes('frame-openssl AAD', 13);

/** The AES-128 modes, each with its OpenSSL twin; GCM, with its tag and AAD, is checked on its own. */
const AES_128: {
  mode: Mode;
  key: Uint8Array;
  iv?: Uint8Array;
  openssl: string;
  expected: (packed: Uint8Array) => Uint8Array;
}[] = [
  { mode: 'ecb', key: ECB_KEY, openssl: 'aes-128-ecb', expected: (packed) => opensslEcb(ECB_KEY, packed) },
  {
    mode: 'cbc',
    key: CBC_KEY,
    iv: CBC_IV,
    openssl: 'aes-128-cbc',
    expected: (packed) => opensslCbc(CBC_KEY, CBC_IV, packed),
  },
  {
    mode: 'ctr',
    key: CTR_KEY,
    iv: CTR_IV,
    openssl: 'aes-128-ctr',
    expected: (packed) => opensslCtr(CTR_KEY, CTR_IV, packed),
  },
];

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

        test(`${layout}, ${bits} bits: packFrame = reference`, () => {
          assert.equal(bytesToHex(packFrame(frame, layout, bits)), bytesToHex(packed));
        });

        for (const { mode, key, iv, openssl, expected: opensslOf } of AES_128) {
          test(`${layout}, ${bits} bits: ${mode.toUpperCase()} = openssl ${openssl}; decryptFrame; toPicture; trailingBytes`, () => {
            const expected = opensslOf(packed);
            const encrypted = encryptFrame(frame, { mode, key, layout, bits, iv });
            assert.deepEqual(
              {
                ...encrypted,
                iv: encrypted.iv && bytesToHex(encrypted.iv),
                ciphertext: bytesToHex(encrypted.ciphertext),
              },
              {
                mode,
                layout,
                bits,
                width,
                height,
                nonce: null,
                iv: iv ? bytesToHex(iv) : null,
                plaintextLength: packed.length,
                ciphertext: bytesToHex(expected),
              },
            );

            const decrypted = decryptFrame(encrypted, key);
            assert.equal(decrypted.width, width);
            assert.equal(decrypted.height, height);
            assert.equal(bytesToHex(decrypted.data), quantized);

            const picture = toPicture(encrypted);
            assert.deepEqual([picture.width, picture.height], [width, height]);
            assert.equal(
              bytesToHex(picture.data),
              bytesToHex(referenceUnpack(expected.subarray(0, packed.length), layout, pixels, true)),
            );
            // PKCS#7 always pads ECB and CBC: 1 to 16 bytes past the picture. CTR adds nothing.
            assert.equal(bytesToHex(trailingBytes(encrypted)), bytesToHex(expected.subarray(packed.length)));
            assert.equal(trailingBytes(encrypted).length, mode === 'ctr' ? 0 : 16 - (packed.length % 16));
          });
        }

        test(`${layout}, ${bits} bits: GCM ciphertext ‖ tag = openssl aes-256-gcm, with and without AAD; decryptFrame; toPicture; trailingBytes`, () => {
          for (const aad of [AAD, undefined]) {
            const expected = opensslGcm(GCM_KEY, NONCE, packed, aad);
            const encrypted = encryptFrame(frame, { mode: 'gcm', key: GCM_KEY, layout, bits, nonce: NONCE, aad });
            assert.equal(bytesToHex(encrypted.ciphertext), bytesToHex(expected));
            assert.equal(bytesToHex(encrypted.nonce ?? new Uint8Array()), bytesToHex(NONCE));
            assert.equal(encrypted.plaintextLength, packed.length);

            assert.equal(bytesToHex(decryptFrame(encrypted, GCM_KEY, aad).data), quantized);

            const picture = toPicture(encrypted);
            assert.equal(
              bytesToHex(picture.data),
              bytesToHex(referenceUnpack(expected.subarray(0, packed.length), layout, pixels, true)),
            );
            assert.equal(bytesToHex(trailingBytes(encrypted)), bytesToHex(expected.subarray(packed.length)));
            assert.equal(trailingBytes(encrypted).length, TAG_LENGTH);
          }
        });
      }
    }
  });
}
