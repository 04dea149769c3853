/**
 * Frame in, ciphertext out, and back: the one entry point the CLI, the HTTP endpoint and the browser
 * worker share. A frame is quantized to its colour depth, packed in its layout, then encrypted whole,
 * row after row, so ECB blocks run across pixel boundaries just as they would over a raw video buffer.
 */
import { checkBits } from './depth';
import { NOBLE_AES, type AesEngine } from './engine';
import { checkFrame, type Frame } from './frame';
import { checkNonce, NONCE_LENGTH, TAG_LENGTH } from './gcm';
import { checkIv, IV_LENGTH, takesIv } from './iv';
import { checkKey, checkMode, MODE_INFO, randomBytes, type Mode } from './keys';
import { checkLayout, packFrame, plaintextLength as layoutLength, unpackFrame, type Layout } from './layout';
import { paddedLength } from './pkcs7';

export interface FrameCipherOptions {
  mode: Mode;
  /** 16 bytes for ECB, CBC and CTR (AES-128), 32 for GCM. */
  key: Uint8Array;
  /** Default `rgb`. */
  layout?: Layout;
  /** Colour depth 1–8, default 8. */
  bits?: number;
  /** CBC: the 16-byte IV; CTR: the 16-byte initial counter block. Random when omitted. */
  iv?: Uint8Array;
  /** GCM only: 12 bytes; random when omitted. Use a {@link NonceSequence} for a stream. */
  nonce?: Uint8Array;
  /** GCM only: additional authenticated data. */
  aad?: Uint8Array;
  /** Where the AES comes from; {@link NOBLE_AES} (pure JavaScript, any runtime) when omitted. */
  engine?: AesEngine;
}

/** An encrypted frame and everything needed to draw or decrypt it. */
export interface EncryptedFrame {
  mode: Mode;
  layout: Layout;
  bits: number;
  width: number;
  height: number;
  /** GCM: the 12-byte nonce; otherwise null. */
  nonce: Uint8Array | null;
  /** CBC: the IV; CTR: the initial counter block (16 bytes each); otherwise null. */
  iv: Uint8Array | null;
  /** ECB and CBC: padded ciphertext; CTR: as long as the plaintext; GCM: ciphertext ‖ 16-byte tag. */
  ciphertext: Uint8Array;
  plaintextLength: number;
}

/** Refuses the inputs `mode` does not take: a nonce or AAD but for GCM, an IV but for CBC and CTR. */
function refuseForeignInputs(
  mode: Mode,
  iv: Uint8Array | undefined,
  nonce: Uint8Array | undefined,
  aad: Uint8Array | undefined,
): void {
  const { name } = MODE_INFO[mode];
  if (mode !== 'gcm' && nonce !== undefined)
    throw new TypeError(`a nonce applies to ${MODE_INFO.gcm.name} only; ${name} takes none`);
  if (mode !== 'gcm' && aad !== undefined)
    throw new TypeError(`AAD applies to ${MODE_INFO.gcm.name} only; ${name} takes none`);
  if (!takesIv(mode) && iv !== undefined)
    throw new TypeError(`an IV applies to ${MODE_INFO.cbc.name} and ${MODE_INFO.ctr.name} only; ${name} takes none`);
}

/**
 * Encrypts a frame's pixels.
 * @example
 * const enc = encryptFrame({ width: 4, height: 4, data }, { mode: 'ecb', key, layout: 'rgb', bits: 3 });
 */
export function encryptFrame(frame: Frame, options: FrameCipherOptions): EncryptedFrame {
  checkOptions(options);
  checkFrame(frame);
  const plaintext = packFrame(frame, options.layout ?? 'rgb', options.bits ?? 8);
  return encryptChecked(plaintext, frame.width, frame.height, options);
}

/**
 * Encrypts pixels already in their layout and depth, exactly what {@link packFrame} would give for
 * them: for a decoder that can write that form directly, skipping the RGBA frame in between.
 * @example encryptPacked(rgbBytes, 1920, 1080, { mode: 'gcm', key: key32 })
 */
export function encryptPacked(
  plaintext: Uint8Array,
  width: number,
  height: number,
  options: FrameCipherOptions,
): EncryptedFrame {
  checkOptions(options);
  if (!(plaintext instanceof Uint8Array)) throw new TypeError('plaintext must be a Uint8Array');
  const length = layoutLength(width, height, options.layout ?? 'rgb');
  if (plaintext.length !== length) {
    throw new RangeError(
      `plaintext must be ${length} bytes for a ${width}×${height} ${options.layout ?? 'rgb'} frame, got ${plaintext.length}`,
    );
  }
  return encryptChecked(plaintext, width, height, options);
}

function checkOptions(options: FrameCipherOptions): void {
  const { mode, key, layout = 'rgb', bits = 8, iv, nonce, aad } = options;
  checkMode(mode);
  checkKey(key, mode);
  checkLayout(layout);
  checkBits(bits);
  refuseForeignInputs(mode, iv, nonce, aad);
  if (iv !== undefined && takesIv(mode)) checkIv(iv, mode);
  if (nonce !== undefined) checkNonce(nonce);
}

function encryptChecked(
  plaintext: Uint8Array,
  width: number,
  height: number,
  options: FrameCipherOptions,
): EncryptedFrame {
  const { mode, key, layout = 'rgb', bits = 8, iv, nonce, aad, engine = NOBLE_AES } = options;
  const base = { mode, layout, bits, width, height, plaintextLength: plaintext.length };
  if (mode === 'ecb') return { ...base, nonce: null, iv: null, ciphertext: engine.ecbEncrypt(key, plaintext) };
  if (mode === 'gcm') {
    const frameNonce = nonce ? nonce.slice() : randomBytes(NONCE_LENGTH);
    return { ...base, nonce: frameNonce, iv: null, ciphertext: engine.gcmEncrypt(key, frameNonce, plaintext, aad) };
  }
  const frameIv = iv ? iv.slice() : randomBytes(IV_LENGTH);
  const ciphertext =
    mode === 'cbc' ? engine.cbcEncrypt(key, frameIv, plaintext) : engine.ctrEncrypt(key, frameIv, plaintext);
  return { ...base, nonce: null, iv: frameIv, ciphertext };
}

/** The ciphertext length a frame of this shape must have in this mode. */
export function expectedCiphertextLength(mode: Mode, plaintextLength: number): number {
  if (mode === 'ecb' || mode === 'cbc') return paddedLength(plaintextLength);
  return mode === 'ctr' ? plaintextLength : plaintextLength + TAG_LENGTH;
}

/**
 * Decrypts to the plaintext bytes (the packed, quantized frame). Throws {@link AuthenticationError} for
 * a GCM frame that fails authentication and {@link PaddingError} for a CBC frame whose padding does
 * not check; no bytes are released then. ECB and CTR frames have nothing that could notice an edit.
 * `engine` picks the AES ({@link NOBLE_AES} when omitted).
 */
export function decryptBytes(
  encrypted: EncryptedFrame,
  key: Uint8Array,
  aad?: Uint8Array,
  engine: AesEngine = NOBLE_AES,
): Uint8Array {
  const { mode, layout, width, height, bits, nonce, iv, ciphertext } = encrypted;
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
  refuseForeignInputs(mode, iv ?? undefined, nonce ?? undefined, aad);
  if (mode === 'ecb') return engine.ecbDecrypt(key, ciphertext);
  if (mode === 'gcm') {
    if (nonce === null) throw new TypeError(`an ${MODE_INFO.gcm.name} frame needs its nonce`);
    return engine.gcmDecrypt(key, nonce, ciphertext, aad);
  }
  if (!iv) throw new TypeError(`an ${MODE_INFO[mode].name} frame needs its IV`);
  return mode === 'cbc' ? engine.cbcDecrypt(key, iv, ciphertext) : engine.ctrDecrypt(key, iv, ciphertext);
}

/**
 * Decrypts to RGBA pixels: exactly the pixels that were encrypted, after colour-depth reduction
 * (`rgb` and `gray` come back with alpha 255, `gray` as R = G = B = luma).
 */
export function decryptFrame(
  encrypted: EncryptedFrame,
  key: Uint8Array,
  aad?: Uint8Array,
  engine: AesEngine = NOBLE_AES,
): Frame {
  const plaintext = decryptBytes(encrypted, key, aad, engine);
  return unpackFrame(plaintext, encrypted.layout, encrypted.width, encrypted.height);
}
