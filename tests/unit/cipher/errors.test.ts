/**
 * Errors at the door: exact class and exact message for every bad input the core checks. A wrong type
 * or format is a TypeError, a wrong size or an unknown choice a RangeError, a failed tag an
 * AuthenticationError, CBC padding that does not check a PaddingError.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  AuthenticationError,
  cbcDecrypt,
  cbcEncrypt,
  ctrDecrypt,
  ctrEncrypt,
  decryptBytes,
  decryptFrame,
  ecbDecrypt,
  ecbEncrypt,
  encryptFrame,
  gcmDecrypt,
  gcmDecryptAsync,
  gcmEncrypt,
  gcmEncryptAsync,
  packFrame,
  PaddingError,
  parseKey,
  toPicture,
  unpackFrame,
  type FrameCipherOptions,
  type Layout,
  type Mode,
} from '../../../lib/cipher';
import { assertRejectsExactly, assertThrowsExactly } from '../helpers/assert-error';
import { bytesToHex, hexToBytes } from '../helpers/hex';
import { opensslCbcRaw, opensslEcbRaw } from '../helpers/openssl';
import { seededBytes } from '../helpers/seeded-bytes';

const KEY16 = seededBytes('errors key 16', 16);
const KEY32 = seededBytes('errors key 32', 32);
const NONCE = seededBytes('errors nonce', 12);
const IV = seededBytes('errors iv', 16);
const FRAME = { width: 4, height: 3, data: seededBytes('errors frame', 4 * 3 * 4) };

/** Lets a test pass a value of the wrong type, as a JavaScript caller could. */
function untyped<T>(value: unknown): T {
  return value as T;
}

describe('keys', () => {
  test('wrong key length for each mode: RangeError naming the cipher', () => {
    assertThrowsExactly(
      () => ecbEncrypt(new Uint8Array(15), new Uint8Array(1)),
      RangeError,
      'key must be 16 bytes for AES-128-ECB, got 15',
    );
    assertThrowsExactly(
      () => ecbDecrypt(KEY32, new Uint8Array(16)),
      RangeError,
      'key must be 16 bytes for AES-128-ECB, got 32',
    );
    assertThrowsExactly(
      () => gcmEncrypt(KEY16, NONCE, new Uint8Array(1)),
      RangeError,
      'key must be 32 bytes for AES-256-GCM, got 16',
    );
    assertThrowsExactly(
      () => gcmDecrypt(new Uint8Array(31), NONCE, new Uint8Array(16)),
      RangeError,
      'key must be 32 bytes for AES-256-GCM, got 31',
    );
    assertThrowsExactly(
      () => encryptFrame(FRAME, { mode: 'ecb', key: KEY32 }),
      RangeError,
      'key must be 16 bytes for AES-128-ECB, got 32',
    );
    assertThrowsExactly(
      () => encryptFrame(FRAME, { mode: 'gcm', key: KEY16 }),
      RangeError,
      'key must be 32 bytes for AES-256-GCM, got 16',
    );
    const sealed = encryptFrame(FRAME, { mode: 'gcm', key: KEY32 });
    assertThrowsExactly(() => decryptFrame(sealed, KEY16), RangeError, 'key must be 32 bytes for AES-256-GCM, got 16');
  });

  test('CBC and CTR are AES-128: a 32-byte key is a RangeError naming the cipher, on every entry point', () => {
    for (const [mode, name, encrypt, decrypt] of [
      ['cbc', 'AES-128-CBC', cbcEncrypt, cbcDecrypt],
      ['ctr', 'AES-128-CTR', ctrEncrypt, ctrDecrypt],
    ] as const) {
      const message = `key must be 16 bytes for ${name}, got 32`;
      assertThrowsExactly(() => encrypt(KEY32, IV, new Uint8Array(1)), RangeError, message);
      assertThrowsExactly(() => decrypt(KEY32, IV, new Uint8Array(16)), RangeError, message);
      assertThrowsExactly(() => encryptFrame(FRAME, { mode, key: KEY32 }), RangeError, message);
      assertThrowsExactly(() => decryptFrame(encryptFrame(FRAME, { mode, key: KEY16 }), KEY32), RangeError, message);
      assertThrowsExactly(
        () => parseKey(bytesToHex(KEY32), mode),
        RangeError,
        `key must be 16 bytes (32 hex digits) for ${name}, got 32`,
      );
      assertThrowsExactly(
        () => encrypt(untyped('00'.repeat(16)), IV, new Uint8Array(1)),
        TypeError,
        'key must be a Uint8Array, got string',
      );
    }
  });

  test('wrong key length on the async GCM path: a rejected promise, same RangeError', async () => {
    await assertRejectsExactly(
      () => gcmEncryptAsync(KEY16, NONCE, new Uint8Array(1)),
      RangeError,
      'key must be 32 bytes for AES-256-GCM, got 16',
    );
    await assertRejectsExactly(
      () => gcmDecryptAsync(KEY16, NONCE, new Uint8Array(16)),
      RangeError,
      'key must be 32 bytes for AES-256-GCM, got 16',
    );
  });

  test('a key that is not a Uint8Array: TypeError', () => {
    assertThrowsExactly(
      () => ecbEncrypt(untyped('00'.repeat(16)), new Uint8Array(1)),
      TypeError,
      'key must be a Uint8Array, got string',
    );
    assertThrowsExactly(
      () => gcmEncrypt(untyped(Array.from(KEY32)), NONCE, new Uint8Array(1)),
      TypeError,
      'key must be a Uint8Array, got object',
    );
  });

  test('parseKey: hex of the right length gives the key bytes (either case)', () => {
    const hex = bytesToHex(KEY16);
    assert.equal(bytesToHex(parseKey(hex, 'ecb')), hex);
    assert.equal(bytesToHex(parseKey(hex.toUpperCase(), 'ecb')), hex);
    assert.equal(bytesToHex(parseKey(bytesToHex(KEY32), 'gcm')), bytesToHex(KEY32));
  });

  test('parseKey: non-hex text is a TypeError, quoting the text (cut at 40 characters)', () => {
    assertThrowsExactly(
      () => parseKey('zz'.repeat(16), 'ecb'),
      TypeError,
      `key must be hex (digits 0-9 and a-f), got "${'zz'.repeat(16)}"`,
    );
    assertThrowsExactly(
      () => parseKey(`0x${'00'.repeat(16)}`, 'ecb'),
      TypeError,
      `key must be hex (digits 0-9 and a-f), got "0x${'00'.repeat(16)}"`,
    );
    const spaced = `${'00'.repeat(16)} ${'00'.repeat(16)}`;
    assertThrowsExactly(
      () => parseKey(spaced, 'gcm'),
      TypeError,
      `key must be hex (digits 0-9 and a-f), got "${spaced.slice(0, 40)}…"`,
    );
    assertThrowsExactly(() => parseKey(untyped(1234), 'ecb'), TypeError, 'key must be a hex string, got number');
  });

  test('parseKey: odd number of hex digits or wrong byte count is a RangeError', () => {
    assertThrowsExactly(
      () => parseKey('0'.repeat(31), 'ecb'),
      RangeError,
      'key must have an even number of hex digits, got 31',
    );
    assertThrowsExactly(
      () => parseKey('00'.repeat(15), 'ecb'),
      RangeError,
      'key must be 16 bytes (32 hex digits) for AES-128-ECB, got 15',
    );
    assertThrowsExactly(
      () => parseKey('00'.repeat(16), 'gcm'),
      RangeError,
      'key must be 32 bytes (64 hex digits) for AES-256-GCM, got 16',
    );
    assertThrowsExactly(
      () => parseKey('', 'ecb'),
      RangeError,
      'key must be 16 bytes (32 hex digits) for AES-128-ECB, got 0',
    );
  });
});

describe('frames', () => {
  const ECB: FrameCipherOptions = { mode: 'ecb', key: KEY16 };

  test('data length not width×height×4: RangeError with the arithmetic', () => {
    const frame = { width: 2, height: 2, data: new Uint8Array(15) };
    assertThrowsExactly(
      () => encryptFrame(frame, ECB),
      RangeError,
      'frame data must be width×height×4 = 2×2×4 = 16 bytes, got 15',
    );
    // 2×2 rgb would need 12 bytes, 2×2 gray 4: still RGBA in.
    assertThrowsExactly(
      () => encryptFrame({ ...frame, data: new Uint8Array(12) }, { ...ECB, layout: 'rgb' }),
      RangeError,
      'frame data must be width×height×4 = 2×2×4 = 16 bytes, got 12',
    );
  });

  test('zero, negative, fractional or non-finite width and height: RangeError', () => {
    for (const value of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      assertThrowsExactly(
        () => encryptFrame({ width: value, height: 1, data: new Uint8Array(4) }, ECB),
        RangeError,
        `width must be a positive integer, got ${value}`,
      );
      assertThrowsExactly(
        () => encryptFrame({ width: 1, height: value, data: new Uint8Array(4) }, ECB),
        RangeError,
        `height must be a positive integer, got ${value}`,
      );
    }
  });

  test('width or height of the wrong type, a missing frame, or data of the wrong type: TypeError', () => {
    assertThrowsExactly(
      () => encryptFrame({ width: untyped('1'), height: 1, data: new Uint8Array(4) }, ECB),
      TypeError,
      'width must be a number, got string',
    );
    assertThrowsExactly(
      () => encryptFrame({ width: 1, height: untyped(undefined), data: new Uint8Array(4) }, ECB),
      TypeError,
      'height must be a number, got undefined',
    );
    assertThrowsExactly(() => encryptFrame(untyped(null), ECB), TypeError, 'frame must be an object, got null');
    for (const data of [[0, 0, 0, 0], new Uint16Array(4), new ArrayBuffer(4)]) {
      assertThrowsExactly(
        () => encryptFrame({ width: 1, height: 1, data: untyped(data) }, ECB),
        TypeError,
        'frame data must be a Uint8Array or Uint8ClampedArray',
      );
    }
  });

  test('bits 0, 9, 2.5, -1: RangeError; bits of the wrong type: TypeError', () => {
    for (const bits of [0, 9, 2.5, -1]) {
      assertThrowsExactly(
        () => encryptFrame(FRAME, { ...ECB, bits }),
        RangeError,
        `bits must be an integer from 1 to 8, got ${bits}`,
      );
      assertThrowsExactly(
        () => packFrame(FRAME, 'rgb', bits),
        RangeError,
        `bits must be an integer from 1 to 8, got ${bits}`,
      );
    }
    assertThrowsExactly(
      () => encryptFrame(FRAME, { ...ECB, bits: untyped('3') }),
      TypeError,
      'bits must be a number, got string',
    );
  });

  test('unknown layout: RangeError listing the layouts', () => {
    assertThrowsExactly(
      () => encryptFrame(FRAME, { ...ECB, layout: untyped<Layout>('bgr') }),
      RangeError,
      'layout must be one of rgb, rgba, gray, got "bgr"',
    );
    assertThrowsExactly(
      () => packFrame(FRAME, untyped<Layout>('RGB')),
      RangeError,
      'layout must be one of rgb, rgba, gray, got "RGB"',
    );
  });

  test('unknown mode: RangeError listing the modes', () => {
    assertThrowsExactly(
      () => encryptFrame(FRAME, { mode: untyped<Mode>('ofb'), key: KEY16 }),
      RangeError,
      'mode must be one of ecb, cbc, ctr, gcm, got "ofb"',
    );
    assertThrowsExactly(
      () => encryptFrame(FRAME, untyped({ key: KEY16 })),
      RangeError,
      'mode must be one of ecb, cbc, ctr, gcm, got "undefined"',
    );
    assertThrowsExactly(
      () => parseKey('00'.repeat(16), untyped<Mode>('CTR')),
      RangeError,
      'mode must be one of ecb, cbc, ctr, gcm, got "CTR"',
    );
  });

  test('output buffers of the wrong size: RangeError', () => {
    assertThrowsExactly(
      () => packFrame(FRAME, 'rgb', 8, new Uint8Array(35)),
      RangeError,
      'output buffer must be 36 bytes for this frame, got 35',
    );
    assertThrowsExactly(
      () => unpackFrame(new Uint8Array(35), 'rgb', 4, 3),
      RangeError,
      'need 36 bytes for a 4×3 rgb frame, got 35',
    );
    assertThrowsExactly(
      () => unpackFrame(new Uint8Array(36), 'rgb', 4, 3, { out: new Uint8Array(47) }),
      RangeError,
      'output buffer must be 48 bytes for this frame, got 47',
    );
    assertThrowsExactly(
      () => ecbEncrypt(KEY16, new Uint8Array(20), new Uint8Array(48)),
      RangeError,
      'output buffer must be 32 bytes for 20 plaintext bytes, got 48',
    );
  });
});

describe('nonce and AAD', () => {
  test('a nonce or AAD passed to ECB: TypeError', () => {
    assertThrowsExactly(
      () => encryptFrame(FRAME, { mode: 'ecb', key: KEY16, nonce: NONCE }),
      TypeError,
      'a nonce applies to AES-256-GCM only; AES-128-ECB takes none',
    );
    assertThrowsExactly(
      () => encryptFrame(FRAME, { mode: 'ecb', key: KEY16, aad: new Uint8Array(1) }),
      TypeError,
      'AAD applies to AES-256-GCM only; AES-128-ECB takes none',
    );
    const ecb = encryptFrame(FRAME, { mode: 'ecb', key: KEY16 });
    assertThrowsExactly(
      () => decryptBytes({ ...ecb, nonce: NONCE }, KEY16),
      TypeError,
      'a nonce applies to AES-256-GCM only; AES-128-ECB takes none',
    );
    assertThrowsExactly(
      () => decryptFrame(ecb, KEY16, new Uint8Array(1)),
      TypeError,
      'AAD applies to AES-256-GCM only; AES-128-ECB takes none',
    );
  });

  test('wrong nonce length: RangeError, on every GCM entry point', async () => {
    for (const length of [0, 8, 11, 13, 16]) {
      const nonce = new Uint8Array(length);
      const message = `nonce must be 12 bytes for AES-256-GCM, got ${length}`;
      assertThrowsExactly(() => encryptFrame(FRAME, { mode: 'gcm', key: KEY32, nonce }), RangeError, message);
      assertThrowsExactly(() => gcmEncrypt(KEY32, nonce, new Uint8Array(1)), RangeError, message);
      assertThrowsExactly(() => gcmDecrypt(KEY32, nonce, new Uint8Array(16)), RangeError, message);
      await assertRejectsExactly(() => gcmEncryptAsync(KEY32, nonce, new Uint8Array(1)), RangeError, message);
      await assertRejectsExactly(() => gcmDecryptAsync(KEY32, nonce, new Uint8Array(16)), RangeError, message);
      const sealed = encryptFrame(FRAME, { mode: 'gcm', key: KEY32, nonce: NONCE });
      assertThrowsExactly(() => decryptFrame({ ...sealed, nonce }, KEY32), RangeError, message);
    }
  });

  test('nonce or AAD of the wrong type: TypeError', () => {
    assertThrowsExactly(
      () => gcmEncrypt(KEY32, untyped(Array.from(NONCE)), new Uint8Array(1)),
      TypeError,
      'nonce must be a Uint8Array, got object',
    );
    assertThrowsExactly(
      () => encryptFrame(FRAME, { mode: 'gcm', key: KEY32, nonce: untyped('000000000000000000000000') }),
      TypeError,
      'nonce must be a Uint8Array, got string',
    );
    assertThrowsExactly(
      () => gcmEncrypt(KEY32, NONCE, new Uint8Array(1), untyped('aad')),
      TypeError,
      'aad must be a Uint8Array',
    );
    assertThrowsExactly(
      () => encryptFrame(FRAME, { mode: 'gcm', key: KEY32, aad: untyped([1]) }),
      TypeError,
      'aad must be a Uint8Array',
    );
  });

  test('a GCM frame without its nonce: TypeError', () => {
    const sealed = encryptFrame(FRAME, { mode: 'gcm', key: KEY32 });
    assertThrowsExactly(
      () => decryptFrame({ ...sealed, nonce: null }, KEY32),
      TypeError,
      'an AES-256-GCM frame needs its nonce',
    );
  });
});

describe('IV (CBC) and initial counter block (CTR)', () => {
  const modes = [
    ['cbc', 'AES-128-CBC', cbcEncrypt, cbcDecrypt],
    ['ctr', 'AES-128-CTR', ctrEncrypt, ctrDecrypt],
  ] as const;

  test('wrong IV length: RangeError naming the cipher, on every CBC and CTR entry point', () => {
    for (const [mode, name, encrypt, decrypt] of modes) {
      const encrypted = encryptFrame(FRAME, { mode, key: KEY16, iv: IV });
      for (const length of [0, 8, 12, 15, 17, 32]) {
        const iv = new Uint8Array(length);
        const message = `iv must be 16 bytes for ${name}, got ${length}`;
        assertThrowsExactly(() => encrypt(KEY16, iv, new Uint8Array(1)), RangeError, message);
        assertThrowsExactly(() => decrypt(KEY16, iv, new Uint8Array(16)), RangeError, message);
        assertThrowsExactly(() => encryptFrame(FRAME, { mode, key: KEY16, iv }), RangeError, message);
        assertThrowsExactly(() => decryptFrame({ ...encrypted, iv }, KEY16), RangeError, message);
      }
    }
  });

  test('IV, plaintext or ciphertext of the wrong type: TypeError', () => {
    for (const [mode, , encrypt, decrypt] of modes) {
      assertThrowsExactly(
        () => encrypt(KEY16, untyped('00'.repeat(16)), new Uint8Array(1)),
        TypeError,
        'iv must be a Uint8Array, got string',
      );
      assertThrowsExactly(
        () => encryptFrame(FRAME, { mode, key: KEY16, iv: untyped(Array.from(IV)) }),
        TypeError,
        'iv must be a Uint8Array, got object',
      );
      assertThrowsExactly(() => encrypt(KEY16, IV, untyped([1, 2, 3])), TypeError, 'plaintext must be a Uint8Array');
      assertThrowsExactly(
        () => decrypt(KEY16, IV, untyped('00'.repeat(16))),
        TypeError,
        'ciphertext must be a Uint8Array',
      );
    }
  });

  test('an IV passed to ECB or GCM: TypeError; a nonce or AAD passed to CBC or CTR: TypeError', () => {
    const ivRefused = (name: string) => `an IV applies to AES-128-CBC and AES-128-CTR only; ${name} takes none`;
    assertThrowsExactly(
      () => encryptFrame(FRAME, { mode: 'ecb', key: KEY16, iv: IV }),
      TypeError,
      ivRefused('AES-128-ECB'),
    );
    assertThrowsExactly(
      () => encryptFrame(FRAME, { mode: 'gcm', key: KEY32, iv: IV }),
      TypeError,
      ivRefused('AES-256-GCM'),
    );
    const ecb = encryptFrame(FRAME, { mode: 'ecb', key: KEY16 });
    const gcm = encryptFrame(FRAME, { mode: 'gcm', key: KEY32 });
    assertThrowsExactly(() => decryptBytes({ ...ecb, iv: IV }, KEY16), TypeError, ivRefused('AES-128-ECB'));
    assertThrowsExactly(() => decryptBytes({ ...gcm, iv: IV }, KEY32), TypeError, ivRefused('AES-256-GCM'));
    for (const [mode, name] of modes) {
      assertThrowsExactly(
        () => encryptFrame(FRAME, { mode, key: KEY16, nonce: NONCE }),
        TypeError,
        `a nonce applies to AES-256-GCM only; ${name} takes none`,
      );
      assertThrowsExactly(
        () => encryptFrame(FRAME, { mode, key: KEY16, aad: new Uint8Array(1) }),
        TypeError,
        `AAD applies to AES-256-GCM only; ${name} takes none`,
      );
      const encrypted = encryptFrame(FRAME, { mode, key: KEY16 });
      assertThrowsExactly(
        () => decryptFrame(encrypted, KEY16, new Uint8Array(1)),
        TypeError,
        `AAD applies to AES-256-GCM only; ${name} takes none`,
      );
    }
  });

  test('a CBC or CTR frame without its IV: TypeError', () => {
    for (const [mode, name] of modes) {
      const encrypted = encryptFrame(FRAME, { mode, key: KEY16 });
      assertThrowsExactly(
        () => decryptFrame({ ...encrypted, iv: null }, KEY16),
        TypeError,
        `an ${name} frame needs its IV`,
      );
    }
  });

  test('the IV is copied: changing the caller’s array later changes neither the frame nor its ciphertext', () => {
    for (const [mode] of modes) {
      const iv = IV.slice();
      const encrypted = encryptFrame(FRAME, { mode, key: KEY16, iv });
      iv.fill(0);
      assert.equal(bytesToHex(encrypted.iv ?? new Uint8Array()), bytesToHex(IV));
      assert.equal(
        bytesToHex(decryptFrame(encrypted, KEY16).data),
        bytesToHex(decryptFrame(encryptFrame(FRAME, { mode, key: KEY16, iv: IV }), KEY16).data),
      );
    }
  });
});

describe('ciphertexts', () => {
  test('decryptBytes: CBC pads as ECB does (48 bytes for 4×3 rgb); CTR must be exactly the 36 bytes', () => {
    const cbc = encryptFrame(FRAME, { mode: 'cbc', key: KEY16 });
    const ctr = encryptFrame(FRAME, { mode: 'ctr', key: KEY16 });
    assert.deepEqual([cbc.ciphertext.length, ctr.ciphertext.length], [48, 36]);
    for (const length of [0, 36, 47, 64]) {
      assertThrowsExactly(
        () => decryptBytes({ ...cbc, ciphertext: new Uint8Array(length) }, KEY16),
        RangeError,
        `ciphertext must be 48 bytes for a 4×3 rgb frame in AES-128-CBC, got ${length}`,
      );
    }
    for (const length of [0, 35, 37, 48]) {
      assertThrowsExactly(
        () => decryptBytes({ ...ctr, ciphertext: new Uint8Array(length) }, KEY16),
        RangeError,
        `ciphertext must be 36 bytes for a 4×3 rgb frame in AES-128-CTR, got ${length}`,
      );
    }
  });

  test('ctrDecrypt takes any length, 0 included: there is nothing to check', () => {
    for (const length of [0, 1, 15, 16, 17]) assert.equal(ctrDecrypt(KEY16, IV, new Uint8Array(length)).length, length);
  });

  test('decryptBytes: ciphertext of the wrong length for the frame is a RangeError saying what it expected', () => {
    // 4×3 rgb = 36 bytes: ECB pads to 48, GCM adds a 16-byte tag: 52.
    const ecb = encryptFrame(FRAME, { mode: 'ecb', key: KEY16 });
    const gcm = encryptFrame(FRAME, { mode: 'gcm', key: KEY32 });
    assert.equal(ecb.ciphertext.length, 48);
    assert.equal(gcm.ciphertext.length, 52);
    const cases = [
      [ecb, KEY16, 48, 'AES-128-ECB', [0, 32, 47, 64]],
      [gcm, KEY32, 52, 'AES-256-GCM', [0, 16, 51, 53]],
    ] as const;
    for (const [encrypted, key, expected, name, lengths] of cases) {
      for (const length of lengths) {
        assertThrowsExactly(
          () => decryptBytes({ ...encrypted, ciphertext: new Uint8Array(length) }, key),
          RangeError,
          `ciphertext must be ${expected} bytes for a 4×3 rgb frame in ${name}, got ${length}`,
        );
      }
    }
    assertThrowsExactly(
      () => decryptBytes({ ...gcm, layout: 'gray' }, KEY32),
      RangeError,
      'ciphertext must be 28 bytes for a 4×3 gray frame in AES-256-GCM, got 52',
    );
    assertThrowsExactly(
      () => decryptBytes({ ...ecb, ciphertext: untyped(Array.from(ecb.ciphertext)) }, KEY16),
      TypeError,
      'ciphertext must be a Uint8Array',
    );
  });

  test('decryptBytes checks the frame description it is given', () => {
    const ecb = encryptFrame(FRAME, { mode: 'ecb', key: KEY16 });
    assertThrowsExactly(
      () => decryptBytes({ ...ecb, width: 0 }, KEY16),
      RangeError,
      'width must be a positive integer, got 0',
    );
    assertThrowsExactly(
      () => decryptBytes({ ...ecb, bits: 9 }, KEY16),
      RangeError,
      'bits must be an integer from 1 to 8, got 9',
    );
    assertThrowsExactly(
      () => decryptBytes({ ...ecb, layout: untyped<Layout>('yuv') }, KEY16),
      RangeError,
      'layout must be one of rgb, rgba, gray, got "yuv"',
    );
    assertThrowsExactly(
      () => decryptBytes({ ...ecb, mode: untyped<Mode>('cfb') }, KEY16),
      RangeError,
      'mode must be one of ecb, cbc, ctr, gcm, got "cfb"',
    );
  });

  // The padded modes: a bad length is refused before decrypting; bad padding as ECB always has (a
  // RangeError, exit 2 in the CLI) and as CBC does (PaddingError, exit 1, as a failed GCM tag).
  const padded = [
    {
      mode: 'ecb',
      decrypt: (ciphertext: Uint8Array) => ecbDecrypt(KEY16, ciphertext),
      openssl: (blocks: Uint8Array) => opensslEcbRaw(KEY16, blocks),
      refusal: RangeError,
      message: 'ECB padding is invalid: wrong key or damaged ciphertext',
    },
    {
      mode: 'cbc',
      decrypt: (ciphertext: Uint8Array) => cbcDecrypt(KEY16, IV, ciphertext),
      openssl: (blocks: Uint8Array) => opensslCbcRaw(KEY16, IV, blocks),
      refusal: PaddingError,
      message: 'the padding does not check: wrong key or altered ciphertext',
    },
  ] as const;

  for (const { mode, decrypt, openssl, refusal, message } of padded) {
    const name = mode.toUpperCase();

    test(`${mode}Decrypt: length not a positive multiple of 16 is a RangeError, before any decryption`, () => {
      for (const length of [0, 1, 15, 17, 31]) {
        assertThrowsExactly(
          () => decrypt(new Uint8Array(length)),
          RangeError,
          `${name} ciphertext must be a positive multiple of 16 bytes, got ${length}`,
        );
      }
    });

    test(`${mode}Decrypt and decryptFrame: malformed PKCS#7 padding (built with OpenSSL, padding off) is a ${refusal.name}`, () => {
      // A 4×1 gray frame is 4 bytes: one padded block.
      const frame = encryptFrame(
        { width: 4, height: 1, data: new Uint8Array(16) },
        { mode, key: KEY16, layout: 'gray', ...(mode === 'cbc' && { iv: IV }) },
      );
      for (const tail of ['00', '11', 'ff', '0102', '030302']) {
        const block = new Uint8Array(16).fill(0x41);
        block.set(hexToBytes(tail), 16 - tail.length / 2);
        assertThrowsExactly(() => decrypt(openssl(block)), refusal, message);
        assertThrowsExactly(() => decryptFrame({ ...frame, ciphertext: openssl(block) }, KEY16), refusal, message);
      }
      // Control: well-formed padding of 1 and 16 bytes.
      assert.equal(decrypt(openssl(new Uint8Array(16).fill(1))).length, 15);
      assert.equal(decrypt(openssl(new Uint8Array(16).fill(16))).length, 0);
    });
  }

  test('plaintext or ciphertext that is not a Uint8Array: TypeError', () => {
    assertThrowsExactly(() => ecbEncrypt(KEY16, untyped([1, 2, 3])), TypeError, 'plaintext must be a Uint8Array');
    assertThrowsExactly(
      () => ecbDecrypt(KEY16, untyped('00'.repeat(16))),
      TypeError,
      'ciphertext must be a Uint8Array',
    );
    assertThrowsExactly(() => gcmEncrypt(KEY32, NONCE, untyped('hello')), TypeError, 'plaintext must be a Uint8Array');
    assertThrowsExactly(
      () => gcmDecrypt(KEY32, NONCE, untyped(new Uint16Array(16))),
      TypeError,
      'ciphertext must be a Uint8Array',
    );
  });

  test('GCM input shorter than the tag: RangeError (not AuthenticationError), sync and async', async () => {
    for (const length of [0, 15]) {
      const message = `GCM ciphertext must hold at least the 16-byte tag, got ${length} bytes`;
      assertThrowsExactly(() => gcmDecrypt(KEY32, NONCE, new Uint8Array(length)), RangeError, message);
      await assertRejectsExactly(() => gcmDecryptAsync(KEY32, NONCE, new Uint8Array(length)), RangeError, message);
    }
  });

  test('a ciphertext picture needs the ciphertext to cover the frame', () => {
    const ecb = encryptFrame(FRAME, { mode: 'ecb', key: KEY16 });
    assertThrowsExactly(
      () => toPicture({ ...ecb, ciphertext: ecb.ciphertext.subarray(0, 35) }),
      RangeError,
      'need 36 bytes for a 4×3 rgb frame, got 35',
    );
  });

  test('PaddingError: its own class, name and default message, and an Error', () => {
    const error = new PaddingError();
    assert.ok(error instanceof Error);
    assert.ok(
      !(error instanceof RangeError) && !(error instanceof TypeError) && !(error instanceof AuthenticationError),
    );
    assert.equal(error.name, 'PaddingError');
    assert.equal(error.message, 'the padding does not check: wrong key or altered ciphertext');
  });

  test('AuthenticationError: its own class, name and default message, and an Error', () => {
    const error = new AuthenticationError();
    assert.ok(error instanceof Error);
    assert.ok(!(error instanceof RangeError) && !(error instanceof TypeError));
    assert.equal(error.name, 'AuthenticationError');
    assert.equal(error.message, 'authentication failed: the GCM tag does not match this ciphertext and key');
    const sealed = encryptFrame(FRAME, { mode: 'gcm', key: KEY32 });
    assertThrowsExactly(
      () => decryptFrame(sealed, seededBytes('errors other key', 32)),
      AuthenticationError,
      error.message,
    );
  });
});
