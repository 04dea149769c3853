/**
 * Frame in, ciphertext out, and back: the one entry point the CLI, the HTTP endpoint and the browser
 * worker share. A frame is quantized to its colour depth, packed in its layout, then encrypted whole,
 * row after row, so ECB blocks run across pixel boundaries just as they would over a raw video buffer.
 */
import { checkBits } from './depth';
import { ecbCiphertextLength, ecbDecrypt, ecbEncrypt } from './ecb';
import { checkFrame, type Frame } from './frame';
import { checkNonce, gcmDecrypt, gcmEncrypt, NONCE_LENGTH, TAG_LENGTH } from './gcm';
import { checkKey, checkMode, MODE_INFO, randomBytes, type Mode } from './keys';
import { checkLayout, packFrame, plaintextLength as layoutLength, unpackFrame, type Layout } from './layout';

export interface FrameCipherOptions {
  mode: Mode;
  /** 16 bytes for ECB, 32 for GCM. */
  key: Uint8Array;
  /** Default `rgb`. */
  layout?: Layout;
  /** Colour depth 1–8, default 8. */
  bits?: number;
  /** GCM only: 12 bytes; random when omitted. Use a {@link NonceSequence} for a stream. */
  nonce?: Uint8Array;
  /** GCM only: additional authenticated data. */
  aad?: Uint8Array;
}

/** An encrypted frame and everything needed to draw or decrypt it. */
export interface EncryptedFrame {
  mode: Mode;
  layout: Layout;
  bits: number;
  width: number;
  height: number;
  /** GCM: the 12-byte nonce; ECB: null. */
  nonce: Uint8Array | null;
  /** ECB: padded ciphertext; GCM: ciphertext ‖ 16-byte tag. */
  ciphertext: Uint8Array;
  plaintextLength: number;
}

function checkGcmOnly(mode: Mode, nonce: Uint8Array | undefined, aad: Uint8Array | undefined): void {
  if (mode !== 'ecb') return;
  if (nonce !== undefined)
    throw new TypeError(`a nonce applies to ${MODE_INFO.gcm.name} only; ${MODE_INFO.ecb.name} takes none`);
  if (aad !== undefined)
    throw new TypeError(`AAD applies to ${MODE_INFO.gcm.name} only; ${MODE_INFO.ecb.name} takes none`);
}

/**
 * Encrypts a frame's pixels.
 * @example
 * const enc = encryptFrame({ width: 4, height: 4, data }, { mode: 'ecb', key, layout: 'rgb', bits: 3 });
 */
export function encryptFrame(frame: Frame, options: FrameCipherOptions): EncryptedFrame {
  const { mode, key, layout = 'rgb', bits = 8, nonce, aad } = options;
  checkMode(mode);
  checkKey(key, mode);
  checkLayout(layout);
  checkBits(bits);
  checkGcmOnly(mode, nonce, aad);
  if (nonce !== undefined) checkNonce(nonce);
  checkFrame(frame);
  const plaintext = packFrame(frame, layout, bits);
  const base = { mode, layout, bits, width: frame.width, height: frame.height, plaintextLength: plaintext.length };
  if (mode === 'ecb') return { ...base, nonce: null, ciphertext: ecbEncrypt(key, plaintext) };
  const frameNonce = nonce ? nonce.slice() : randomBytes(NONCE_LENGTH);
  return { ...base, nonce: frameNonce, ciphertext: gcmEncrypt(key, frameNonce, plaintext, aad) };
}

/** The ciphertext length a frame of this shape must have in this mode. */
export function expectedCiphertextLength(mode: Mode, plaintextLength: number): number {
  return mode === 'ecb' ? ecbCiphertextLength(plaintextLength) : plaintextLength + TAG_LENGTH;
}

/**
 * Decrypts to the plaintext bytes (the packed, quantized frame). Throws {@link AuthenticationError} for
 * a GCM frame that fails authentication; no bytes are released then.
 */
export function decryptBytes(encrypted: EncryptedFrame, key: Uint8Array, aad?: Uint8Array): Uint8Array {
  const { mode, layout, width, height, bits, nonce, ciphertext } = encrypted;
  checkMode(mode);
  checkKey(key, mode);
  checkLayout(layout);
  checkBits(bits);
  const length = layoutLength(width, height, layout);
  const expected = expectedCiphertextLength(mode, length);
  if (!(ciphertext instanceof Uint8Array)) throw new TypeError('ciphertext must be a Uint8Array');
  if (ciphertext.length !== expected) {
    throw new RangeError(
      `ciphertext must be ${expected} bytes for a ${width}×${height} ${layout} frame in ${MODE_INFO[mode].name}, got ${ciphertext.length}`,
    );
  }
  if (mode === 'ecb') {
    checkGcmOnly(mode, nonce ?? undefined, aad);
    return ecbDecrypt(key, ciphertext);
  }
  if (nonce === null) throw new TypeError(`an ${MODE_INFO.gcm.name} frame needs its nonce`);
  return gcmDecrypt(key, nonce, ciphertext, aad);
}

/**
 * Decrypts to RGBA pixels: exactly the pixels that were encrypted, after colour-depth reduction
 * (`rgb` and `gray` come back with alpha 255, `gray` as R = G = B = luma).
 */
export function decryptFrame(encrypted: EncryptedFrame, key: Uint8Array, aad?: Uint8Array): Frame {
  const plaintext = decryptBytes(encrypted, key, aad);
  return unpackFrame(plaintext, encrypted.layout, encrypted.width, encrypted.height);
}
