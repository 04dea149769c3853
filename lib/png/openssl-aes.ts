/**
 * The AES engine of the CLI and the endpoint: Node's node:crypto, which is OpenSSL with AES-NI where
 * the CPU has it, tens of times faster than JavaScript on a 4K frame. It checks its arguments and
 * throws exactly as the noble engine does (lib/cipher/engine.ts), and tests/unit/cipher/engines.test.ts
 * shows both give the same bytes for every mode, layout and depth. It lives in lib/png, the Node-only
 * folder, so that node:crypto never reaches the browser bundle.
 */
import { createCipheriv, createDecipheriv, type Cipher, type Decipher } from 'node:crypto';
import type { AesEngine } from '../cipher/engine';
import { AuthenticationError, PaddingError } from '../cipher/errors';
import { checkNonce, TAG_LENGTH } from '../cipher/gcm';
import { checkIv } from '../cipher/iv';
import { checkKey } from '../cipher/keys';
import { checkPaddedCiphertext } from '../cipher/pkcs7';

function bytesOf(what: string, data: Uint8Array): void {
  if (!(data instanceof Uint8Array)) throw new TypeError(`${what} must be a Uint8Array`);
}

/** The input is handed to OpenSSL in pieces this long (see {@link whole}). */
const PIECE = 64 * 1024;

/**
 * Runs a whole message through `cipher` into `out` and returns how many bytes it wrote. The message
 * goes in 64 KiB pieces, each piece's output copied on while it is still in the cache: at 4K that
 * takes half the time of one `update` of 25 MB and a copy to add the final block.
 */
function pour(cipher: Cipher | Decipher, data: Uint8Array, out: Uint8Array): number {
  let length = 0;
  for (let i = 0; i < data.length; i += PIECE) {
    const piece = cipher.update(data.subarray(i, i + PIECE));
    out.set(piece, length);
    length += piece.length;
  }
  const tail = cipher.final();
  out.set(tail, length);
  return length + tail.length;
}

/**
 * A whole message through `cipher`, as one plain Uint8Array (not a Buffer, like noble's result); `room`
 * is the output's length, or for decryption (padding unknown yet) the most it can be.
 */
function whole(cipher: Cipher | Decipher, data: Uint8Array, room: number): Uint8Array {
  const out = new Uint8Array(room);
  const length = pour(cipher, data, out);
  return length === room ? out : out.subarray(0, length);
}

/** The length of a PKCS#7-padded message: the next multiple of 16 above `length`. */
function paddedLength(length: number): number {
  return length + 16 - (length % 16);
}

/**
 * AES from node:crypto (OpenSSL). Node only.
 * @example encryptFrame(frame, { mode: 'gcm', key, engine: OPENSSL_AES })
 */
export const OPENSSL_AES: AesEngine = {
  name: 'openssl',
  ecbEncrypt(key, plaintext) {
    checkKey(key, 'ecb');
    bytesOf('plaintext', plaintext);
    return whole(createCipheriv('aes-128-ecb', key, null), plaintext, paddedLength(plaintext.length));
  },
  ecbDecrypt(key, ciphertext) {
    checkKey(key, 'ecb');
    checkPaddedCiphertext(ciphertext, 'ECB');
    try {
      return whole(createDecipheriv('aes-128-ecb', key, null), ciphertext, ciphertext.length);
    } catch {
      throw new RangeError('ECB padding is invalid: wrong key or damaged ciphertext');
    }
  },
  cbcEncrypt(key, iv, plaintext) {
    checkKey(key, 'cbc');
    checkIv(iv, 'cbc');
    bytesOf('plaintext', plaintext);
    return whole(createCipheriv('aes-128-cbc', key, iv), plaintext, paddedLength(plaintext.length));
  },
  cbcDecrypt(key, iv, ciphertext) {
    checkKey(key, 'cbc');
    checkIv(iv, 'cbc');
    checkPaddedCiphertext(ciphertext, 'CBC');
    try {
      return whole(createDecipheriv('aes-128-cbc', key, iv), ciphertext, ciphertext.length);
    } catch {
      throw new PaddingError();
    }
  },
  ctrEncrypt(key, iv, plaintext) {
    checkKey(key, 'ctr');
    checkIv(iv, 'ctr');
    bytesOf('plaintext', plaintext);
    return whole(createCipheriv('aes-128-ctr', key, iv), plaintext, plaintext.length);
  },
  ctrDecrypt(key, iv, ciphertext) {
    checkKey(key, 'ctr');
    checkIv(iv, 'ctr');
    bytesOf('ciphertext', ciphertext);
    return whole(createDecipheriv('aes-128-ctr', key, iv), ciphertext, ciphertext.length);
  },
  gcmEncrypt(key, nonce, plaintext, aad) {
    checkKey(key, 'gcm');
    checkNonce(nonce);
    bytesOf('plaintext', plaintext);
    if (aad !== undefined) bytesOf('aad', aad);
    const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_LENGTH });
    if (aad !== undefined) cipher.setAAD(aad);
    const sealed = new Uint8Array(plaintext.length + TAG_LENGTH);
    pour(cipher, plaintext, sealed);
    sealed.set(cipher.getAuthTag(), plaintext.length);
    return sealed;
  },
  gcmDecrypt(key, nonce, sealed, aad) {
    checkKey(key, 'gcm');
    checkNonce(nonce);
    bytesOf('ciphertext', sealed);
    if (aad !== undefined) bytesOf('aad', aad);
    if (sealed.length < TAG_LENGTH) {
      throw new RangeError(`GCM ciphertext must hold at least the ${TAG_LENGTH}-byte tag, got ${sealed.length} bytes`);
    }
    const body = sealed.length - TAG_LENGTH;
    const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_LENGTH });
    decipher.setAuthTag(sealed.subarray(body));
    if (aad !== undefined) decipher.setAAD(aad);
    try {
      return whole(decipher, sealed.subarray(0, body), body);
    } catch {
      throw new AuthenticationError();
    }
  },
};
