/**
 * The endpoint's heavy part, run in a worker thread of {@link EncryptPool}: decode the PNG, encrypt
 * its pixels with OpenSSL's AES, encode the ciphertext picture. A refused PNG comes back as a value
 * (a thrown error would lose its class and code on its way across threads); anything else that is
 * thrown is a bug and becomes a 500. Bundled to dist/encrypt-worker.mjs by scripts/node-bundles.mjs.
 */
import { encryptPng, PngError, type EncryptPngOptions } from '../png';

/** One request's work: the body (moved to the worker, not copied) and its parsed options. */
export interface EncryptTask {
  body: Uint8Array;
  options: EncryptPngOptions;
}

/** The picture and what the response headers carry, or why the PNG was refused. */
export type EncryptOutcome =
  | { ok: true; png: Uint8Array; key: Uint8Array; iv: Uint8Array | null; nonce: Uint8Array | null }
  | { ok: false; status: number; message: string };

/** 415 for data that is not a PNG at all, 422 for a PNG refused for its size, interlacing or damage. */
export function pngErrorStatus(error: PngError): number {
  return error.code === 'not-png' ? 415 : 422;
}

/**
 * Encrypts one uploaded PNG.
 * @example encryptTask({ body: pngBytes, options: { mode: 'ecb' } }) // { ok: true, png, key, … }
 */
export default function encryptTask({ body, options }: EncryptTask): EncryptOutcome {
  try {
    const { png, key, encrypted } = encryptPng(body, options);
    return { ok: true, png, key, iv: encrypted.iv, nonce: encrypted.nonce };
  } catch (error) {
    if (error instanceof PngError) return { ok: false, status: pngErrorStatus(error), message: error.message };
    throw error;
  }
}
