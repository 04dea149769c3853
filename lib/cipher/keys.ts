/**
 * The modes ECB Lens encrypts with and their keys: AES-128-ECB, as Zoom used it until GCM was switched
 * on for every account on 30 May 2020 (the flaw was the mode and who held the key, not AES-128);
 * AES-128-CBC and AES-128-CTR, the textbook fixes that hide the picture but not from tampering; and
 * AES-256-GCM, what Zoom 5.0 moved to. Keys are given as hex or drawn from the platform CSPRNG
 * (`crypto.getRandomValues`, in browsers and Node alike).
 */
import { parseHex } from './hex';

export const MODES = ['ecb', 'cbc', 'ctr', 'gcm'] as const;
export type Mode = (typeof MODES)[number];

/** Key length in bytes and the cipher's display name, per mode. */
export const MODE_INFO: Record<Mode, { keyLength: number; name: string }> = {
  ecb: { keyLength: 16, name: 'AES-128-ECB' },
  cbc: { keyLength: 16, name: 'AES-128-CBC' },
  ctr: { keyLength: 16, name: 'AES-128-CTR' },
  gcm: { keyLength: 32, name: 'AES-256-GCM' },
};

/** Throws unless `mode` is one of {@link MODES}. */
export function checkMode(mode: string): asserts mode is Mode {
  if (!(MODES as readonly string[]).includes(mode)) {
    throw new RangeError(`mode must be one of ${MODES.join(', ')}, got "${mode}"`);
  }
}

/** Throws unless `key` is a byte array of the length `mode` needs. */
export function checkKey(key: Uint8Array, mode: Mode): void {
  checkMode(mode);
  if (!(key instanceof Uint8Array)) throw new TypeError(`key must be a Uint8Array, got ${typeof key}`);
  const { keyLength, name } = MODE_INFO[mode];
  if (key.length !== keyLength) throw new RangeError(`key must be ${keyLength} bytes for ${name}, got ${key.length}`);
}

/**
 * A key for `mode` from its hex form.
 * @example parseKey('000102030405060708090a0b0c0d0e0f', 'ecb')
 */
export function parseKey(hex: string, mode: Mode): Uint8Array {
  checkMode(mode);
  const { keyLength, name } = MODE_INFO[mode];
  const key = parseHex(hex, 'key');
  if (key.length !== keyLength) {
    throw new RangeError(`key must be ${keyLength} bytes (${2 * keyLength} hex digits) for ${name}, got ${key.length}`);
  }
  return key;
}

/** `length` bytes from the platform CSPRNG. */
export function randomBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  return bytes;
}

/**
 * A fresh random key for `mode`: 16 bytes for ECB, CBC and CTR, 32 for GCM.
 * @example generateKey('gcm').length // 32
 */
export function generateKey(mode: Mode): Uint8Array {
  checkMode(mode);
  return randomBytes(MODE_INFO[mode].keyLength);
}
