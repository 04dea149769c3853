import assert from 'node:assert/strict';
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { describe, it } from 'node:test';
import { AuthenticationError, LAYOUTS, MODES, packFrame, PaddingError, parseHex, toHex } from '../../../lib/cipher';
import {
  CipherPictureError,
  decodePng,
  decryptCipherPicture,
  encodePng,
  encryptPng,
  inspectHeader,
  PngError,
  readCipherPicture,
} from '../../../lib/png';
import { flatPng, gradientPng, makePng, pixels } from '../../fixtures/png/images';
import { changePixel, dropText, setText, textOf, withText } from '../../fixtures/png/tamper';

const ECB_KEY = parseHex('000102030405060708090a0b0c0d0e0f');
const GCM_KEY = parseHex('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f');
const NONCE = parseHex('cafebabefacedbaddecaf888');
const IV = parseHex('f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff');

function damaged(message: string) {
  return (error: unknown) => {
    assert.ok(error instanceof CipherPictureError, `expected a CipherPictureError, got ${String(error)}`);
    assert.equal(error.code, 'damaged');
    assert.equal(error.message, `damaged ECB Lens picture: ${message}`);
    return true;
  };
}

describe('encodePng', () => {
  it('writes 8-bit RGB, RGBA and greyscale PNGs whose samples pngjs reads back', () => {
    const expected = {
      rgb: [2, [1, 2, 3, 255, 4, 5, 6, 255]],
      rgba: [6, [1, 2, 3, 4, 5, 6, 7, 8]],
      gray: [0, [1, 1, 1, 255, 2, 2, 2, 255]],
    } as const;
    for (const layout of LAYOUTS) {
      const png = encodePng(
        Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8).subarray(0, { rgb: 6, rgba: 8, gray: 2 }[layout]),
        2,
        1,
        layout,
      );
      const [colorType, data] = expected[layout];
      assert.deepEqual(inspectHeader(png), { width: 2, height: 1, bitDepth: 8, colorType }, layout);
      assert.deepEqual([...pixels(png).data], data, layout);
    }
  });

  it('refuses samples of the wrong length', () => {
    assert.throws(() => encodePng(new Uint8Array(5), 2, 1, 'rgb'), {
      name: 'RangeError',
      message: 'samples must be 6 bytes for a 2×1 rgb PNG, got 5',
    });
  });
});

describe('decodePng', () => {
  it('reads greyscale, RGB, grey+alpha and RGBA inputs as 8-bit RGBA', () => {
    const paint = (x: number, y: number): [number, number, number, number] => [x * 40, y * 40, 200, 255 - x];
    for (const colorType of [0, 2, 4, 6] as const) {
      const frame = decodePng(makePng(4, 3, paint, colorType));
      assert.equal(frame.data.length, 4 * 3 * 4, `colour type ${colorType}`);
      assert.deepEqual(
        [...frame.data.subarray(0, 4)],
        [...pixels(makePng(4, 3, paint, colorType)).data.subarray(0, 4)],
      );
    }
  });
});

describe('the ciphertext picture', () => {
  for (const mode of ['ecb', 'cbc', 'ctr'] as const) {
    it(`shows AES-128-${mode.toUpperCase()} ciphertext as node:crypto computes it, in every layout`, () => {
      const input = gradientPng();
      const frame = decodePng(input);
      const iv = mode === 'ecb' ? undefined : IV;
      for (const layout of LAYOUTS) {
        const plaintext = packFrame(frame, layout, 5);
        const cipher = createCipheriv(`aes-128-${mode}`, ECB_KEY, iv ?? null);
        const expected = new Uint8Array(Buffer.concat([cipher.update(plaintext), cipher.final()]));
        const { png, encrypted } = encryptPng(input, { mode, key: ECB_KEY, layout, bits: 5, iv });
        assert.deepEqual(encrypted.ciphertext, expected, layout);
        const shown = packFrame(decodePng(png), layout, 8);
        const n = plaintext.length;
        if (layout === 'rgba') {
          for (let i = 0; i < n; i++) assert.equal(shown[i], i % 4 === 3 ? 255 : expected[i], `rgba byte ${i}`);
        } else {
          assert.deepEqual(shown, expected.subarray(0, n), layout);
        }
      }
    });
  }

  it("carries the scheme's text chunks, version 1", () => {
    const { png, encrypted } = encryptPng(gradientPng(), {
      mode: 'gcm',
      key: GCM_KEY,
      nonce: NONCE,
      layout: 'rgba',
      bits: 6,
      aad: Uint8Array.of(1, 2),
    });
    const alpha = Array.from({ length: 37 * 23 }, (_, p) => encrypted.ciphertext[4 * p + 3]);
    assert.deepEqual(textOf(png), [
      { keyword: 'ecb-lens:version', text: '1', kind: 'tEXt' },
      { keyword: 'ecb-lens:mode', text: 'gcm', kind: 'tEXt' },
      { keyword: 'ecb-lens:layout', text: 'rgba', kind: 'tEXt' },
      { keyword: 'ecb-lens:bits', text: '6', kind: 'tEXt' },
      { keyword: 'ecb-lens:size', text: '37x23', kind: 'tEXt' },
      { keyword: 'ecb-lens:nonce', text: 'cafebabefacedbaddecaf888', kind: 'tEXt' },
      { keyword: 'ecb-lens:tag', text: toHex(encrypted.ciphertext.subarray(37 * 23 * 4)), kind: 'tEXt' },
      { keyword: 'ecb-lens:aad', text: '0102', kind: 'tEXt' },
      { keyword: 'ecb-lens:alpha', text: toHex(Uint8Array.from(alpha)), kind: 'zTXt' },
    ]);
    const { png: ecb } = encryptPng(gradientPng(), { mode: 'ecb', key: ECB_KEY });
    // 37 × 23 × 3 = 2553 bytes = 159 blocks + 9, so PKCS#7 pads with 7 and 7 ciphertext bytes have no pixel.
    assert.deepEqual(
      textOf(ecb).map((e) => [e.keyword, e.keyword === 'ecb-lens:padding' ? e.text.length : e.text]),
      [
        ['ecb-lens:version', '1'],
        ['ecb-lens:mode', 'ecb'],
        ['ecb-lens:layout', 'rgb'],
        ['ecb-lens:bits', '8'],
        ['ecb-lens:size', '37x23'],
        ['ecb-lens:padding', 14],
      ],
    );
  });

  it("keeps the IV of CBC and CTR, CBC's padding beside it, and no padding for CTR", () => {
    const head = (mode: string, layout: string) => [
      ['ecb-lens:version', '1'],
      ['ecb-lens:mode', mode],
      ['ecb-lens:layout', layout],
      ['ecb-lens:bits', '8'],
      ['ecb-lens:size', '37x23'],
      ['ecb-lens:iv', 'f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff'],
    ];
    const cbc = encryptPng(gradientPng(), { mode: 'cbc', key: ECB_KEY, iv: IV, layout: 'gray' });
    // 37 × 23 gray = 851 bytes = 53 blocks + 3, so PKCS#7 pads with 13.
    assert.equal(cbc.encrypted.ciphertext.length, 851 + 13);
    const padding = toHex(cbc.encrypted.ciphertext.subarray(851));
    assert.deepEqual(
      textOf(cbc.png),
      [...head('cbc', 'gray'), ['ecb-lens:padding', padding]].map(([keyword, text]) => ({
        keyword,
        text,
        kind: 'tEXt',
      })),
    );
    const ctr = encryptPng(gradientPng(), { mode: 'ctr', key: ECB_KEY, iv: IV });
    assert.equal(ctr.encrypted.ciphertext.length, 37 * 23 * 3);
    assert.deepEqual(
      textOf(ctr.png).map((e) => [e.keyword, e.text]),
      head('ctr', 'rgb'),
    );
  });

  it('is the same bytes for the same input, key and nonce', () => {
    const options = { mode: 'gcm', key: GCM_KEY, nonce: NONCE, layout: 'gray', bits: 3 } as const;
    assert.deepEqual(encryptPng(flatPng(), options).png, encryptPng(flatPng(), options).png);
  });

  it('reads back to the encrypted frame and decrypts to the quantized pixels', () => {
    const input = gradientPng();
    for (const layout of LAYOUTS) {
      for (const mode of MODES) {
        const key = mode === 'gcm' ? GCM_KEY : ECB_KEY;
        const { png, encrypted } = encryptPng(input, {
          mode,
          key,
          layout,
          bits: 4,
          ...(mode === 'gcm' && { aad: Uint8Array.of(9) }),
        });
        const picture = readCipherPicture(png);
        assert.deepEqual(picture.encrypted, encrypted, `${mode} ${layout}`);
        const plain = decodePng(decryptCipherPicture(picture, key));
        assert.deepEqual(packFrame(plain, layout, 8), packFrame(decodePng(input), layout, 4), `${mode} ${layout}`);
      }
    }
  });

  it('with one pixel changed fails GCM authentication', () => {
    const { png } = encryptPng(gradientPng(), { mode: 'gcm', key: GCM_KEY, layout: 'rgb' });
    const picture = readCipherPicture(changePixel(png, 'rgb', 5, 7));
    assert.throws(() => decryptCipherPicture(picture, GCM_KEY), AuthenticationError);
  });

  it('of CBC, with the wrong key, is refused with PaddingError (checked to be bad padding with node:crypto)', () => {
    const { png, encrypted } = encryptPng(gradientPng(), { mode: 'cbc', key: ECB_KEY, iv: IV });
    const wrong = parseHex('ffffffffffffffffffffffffffffffff');
    // Decrypted by OpenSSL, padding off, the last byte under the wrong key is no PKCS#7 length (1–16).
    const plain = createDecipheriv('aes-128-cbc', wrong, IV).setAutoPadding(false).update(encrypted.ciphertext);
    const last = plain[plain.length - 1];
    assert.ok(last === 0 || last > 16, `last byte ${last}`);
    assert.throws(() => decryptCipherPicture(readCipherPicture(png), wrong), PaddingError);
  });

  it('of CBC, with one pixel changed, decrypts without a word: one block garbled, one bit flipped in the next', () => {
    const input = gradientPng();
    const { png } = encryptPng(input, { mode: 'cbc', key: ECB_KEY, iv: IV, layout: 'gray' });
    // Pixel 20 of row 0 is byte 20: block 1. Flipping its low bit garbles block 1 and flips byte 36 (block 2).
    const plain = packFrame(
      decodePng(decryptCipherPicture(readCipherPicture(changePixel(png, 'gray', 20, 0)), ECB_KEY)),
      'gray',
      8,
    );
    const original = packFrame(decodePng(input), 'gray', 8);
    const changed = [...plain].flatMap((byte, i) => (byte === original[i] ? [] : [i]));
    assert.ok(
      changed.every((i) => (i >= 16 && i < 32) || i === 36),
      `changed bytes ${changed.join(', ')}`,
    );
    assert.equal(plain[36] ^ original[36], 0x01);
    assert.ok(changed.filter((i) => i < 32).length > 8, 'block 1 garbled');
  });

  it('of CTR, with one pixel changed, decrypts without a word to the same bit changed', () => {
    const input = gradientPng();
    const { png } = encryptPng(input, { mode: 'ctr', key: ECB_KEY, iv: IV, layout: 'gray' });
    const plain = packFrame(
      decodePng(decryptCipherPicture(readCipherPicture(changePixel(png, 'gray', 20, 3, 0x80)), ECB_KEY)),
      'gray',
      8,
    );
    const expected = packFrame(decodePng(input), 'gray', 8);
    expected[3 * 37 + 20] ^= 0x80;
    assert.deepEqual(plain, expected);
  });

  it('with a wrong AAD fails GCM authentication', () => {
    const { png } = encryptPng(gradientPng(), { mode: 'gcm', key: GCM_KEY, aad: Uint8Array.of(1) });
    assert.throws(
      () => decryptCipherPicture(readCipherPicture(setText(png, 'ecb-lens:aad', '02')), GCM_KEY),
      AuthenticationError,
    );
    assert.throws(
      () => decryptCipherPicture(readCipherPicture(dropText(png, 'ecb-lens:aad')), GCM_KEY),
      AuthenticationError,
    );
  });
});

describe('readCipherPicture refuses', () => {
  const ecb = encryptPng(gradientPng(), { mode: 'ecb', key: ECB_KEY }).png;
  const gcm = encryptPng(gradientPng(), { mode: 'gcm', key: GCM_KEY, layout: 'rgba' }).png;
  const cbc = encryptPng(gradientPng(), { mode: 'cbc', key: ECB_KEY }).png;
  const ctr = encryptPng(gradientPng(), { mode: 'ctr', key: ECB_KEY, layout: 'gray' }).png;

  it('a PNG without ecb-lens: chunks as not a ciphertext picture', () => {
    assert.throws(
      () => readCipherPicture(gradientPng()),
      (error: unknown) => {
        assert.ok(error instanceof CipherPictureError);
        assert.equal(error.code, 'not-cipher-picture');
        assert.equal(error.message, 'not an ECB Lens ciphertext picture: it has no ecb-lens: text chunks');
        return true;
      },
    );
  });

  it('a non-PNG and a truncated picture with PngErrors', () => {
    assert.throws(
      () => readCipherPicture(new TextEncoder().encode('not an image at all')),
      (e: unknown) => e instanceof PngError && e.code === 'not-png',
    );
    assert.throws(
      () => readCipherPicture(ecb.subarray(0, ecb.length - 40)),
      (e: unknown) => e instanceof PngError && e.code === 'corrupt',
    );
  });

  it('unknown, repeated, missing and misplaced chunks', () => {
    assert.throws(
      () => readCipherPicture(setText(ecb, 'ecb-lens:colour', 'red')),
      damaged('unknown text chunk ecb-lens:colour'),
    );
    assert.throws(
      () => readCipherPicture(withText(ecb, (entries) => [...entries, entries[1]])),
      damaged('text chunk ecb-lens:mode appears more than once'),
    );
    assert.throws(
      () => readCipherPicture(dropText(ecb, 'ecb-lens:version')),
      damaged('missing text chunk ecb-lens:version'),
    );
    assert.throws(
      () => readCipherPicture(dropText(ecb, 'ecb-lens:padding')),
      damaged('missing text chunk ecb-lens:padding'),
    );
    assert.throws(() => readCipherPicture(dropText(gcm, 'ecb-lens:tag')), damaged('missing text chunk ecb-lens:tag'));
    assert.throws(
      () => readCipherPicture(dropText(gcm, 'ecb-lens:alpha')),
      damaged('missing text chunk ecb-lens:alpha'),
    );
    assert.throws(
      () => readCipherPicture(setText(ecb, 'ecb-lens:nonce', '00'.repeat(12))),
      damaged('text chunk ecb-lens:nonce does not belong in a picture of mode ecb and layout rgb'),
    );
  });

  it('an IV where the mode takes none, a missing one where it takes one, and CTR with padding', () => {
    const iv = '00'.repeat(16);
    const cases: [Uint8Array, string][] = [
      [
        setText(ecb, 'ecb-lens:iv', iv),
        'text chunk ecb-lens:iv does not belong in a picture of mode ecb and layout rgb',
      ],
      [
        setText(gcm, 'ecb-lens:iv', iv),
        'text chunk ecb-lens:iv does not belong in a picture of mode gcm and layout rgba',
      ],
      [dropText(cbc, 'ecb-lens:iv'), 'missing text chunk ecb-lens:iv'],
      [dropText(ctr, 'ecb-lens:iv'), 'missing text chunk ecb-lens:iv'],
      [dropText(cbc, 'ecb-lens:padding'), 'missing text chunk ecb-lens:padding'],
      [
        setText(ctr, 'ecb-lens:padding', '00'),
        'text chunk ecb-lens:padding does not belong in a picture of mode ctr and layout gray',
      ],
      [
        setText(ctr, 'ecb-lens:nonce', '00'.repeat(12)),
        'text chunk ecb-lens:nonce does not belong in a picture of mode ctr and layout gray',
      ],
      [
        setText(cbc, 'ecb-lens:tag', '00'.repeat(16)),
        'text chunk ecb-lens:tag does not belong in a picture of mode cbc and layout rgb',
      ],
      [
        setText(setText(ecb, 'ecb-lens:mode', 'ctr'), 'ecb-lens:iv', iv),
        'text chunk ecb-lens:padding does not belong in a picture of mode ctr and layout rgb',
      ],
    ];
    for (const [png, message] of cases) assert.throws(() => readCipherPicture(png), damaged(message), message);
  });

  it('values that are malformed or contradict the PNG', () => {
    const cases: [Uint8Array, string][] = [
      [setText(ecb, 'ecb-lens:version', '2'), 'ecb-lens:version is "2"; this tool reads version 1'],
      [setText(ecb, 'ecb-lens:mode', 'ofb'), 'ecb-lens:mode must be one of ecb, cbc, ctr, gcm, got "ofb"'],
      [setText(ecb, 'ecb-lens:mode', 'CBC'), 'ecb-lens:mode must be one of ecb, cbc, ctr, gcm, got "CBC"'],
      [setText(ecb, 'ecb-lens:layout', 'cmyk'), 'ecb-lens:layout must be one of rgb, rgba, gray, got "cmyk"'],
      [setText(ecb, 'ecb-lens:bits', '9'), 'ecb-lens:bits must be an integer from 1 to 8, got "9"'],
      [setText(ecb, 'ecb-lens:bits', '04'), 'ecb-lens:bits must be an integer from 1 to 8, got "04"'],
      [setText(ecb, 'ecb-lens:size', '10x10'), 'ecb-lens:size is "10x10" but the PNG is 37x23'],
      [
        setText(ecb, 'ecb-lens:layout', 'gray'),
        'layout gray needs an 8-bit PNG of colour type 0, got colour type 2 at 8 bits',
      ],
      [setText(ecb, 'ecb-lens:padding', 'abcd'), 'ecb-lens:padding must be 7 bytes, got 2'],
      [setText(cbc, 'ecb-lens:padding', 'abcd'), 'ecb-lens:padding must be 7 bytes, got 2'],
      [setText(cbc, 'ecb-lens:iv', '00'.repeat(15)), 'ecb-lens:iv must be 16 bytes, got 15'],
      [setText(ctr, 'ecb-lens:iv', '00'.repeat(17)), 'ecb-lens:iv must be 16 bytes, got 17'],
      [setText(ctr, 'ecb-lens:iv', 'xyz'), 'ecb-lens:iv must be hex (digits 0-9 and a-f), got "xyz"'],
      [setText(ctr, 'ecb-lens:iv', '000'), 'ecb-lens:iv must have an even number of hex digits, got 3'],
      [setText(gcm, 'ecb-lens:nonce', 'zz'), 'ecb-lens:nonce must be hex (digits 0-9 and a-f), got "zz"'],
      [setText(gcm, 'ecb-lens:tag', '00'), 'ecb-lens:tag must be 16 bytes, got 1'],
      [setText(gcm, 'ecb-lens:alpha', '00'), `ecb-lens:alpha must be ${37 * 23} bytes, got 1`],
    ];
    for (const [png, message] of cases) assert.throws(() => readCipherPicture(png), damaged(message), message);
  });
});
