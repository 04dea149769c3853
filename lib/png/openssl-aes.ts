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

/** Runs a whole message through `cipher`; a plain Uint8Array view, not a Buffer, like noble's result. */
function whole(cipher: Cipher | Decipher, data: Uint8Array): Uint8Array {
  const head = cipher.update(data);
  const tail = cipher.final();
  if (tail.length === 0) return new Uint8Array(head.buffer, head.byteOffset, head.length);
  const out = new Uint8Array(head.length + tail.length);
  out.set(head);
  out.set(tail, head.length);
  return out;
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
    return whole(createCipheriv('aes-128-ecb', key, null), plaintext);
  },
  ecbDecrypt(key, ciphertext) {
    checkKey(key, 'ecb');
    checkPaddedCiphertext(ciphertext, 'ECB');
    try {
      return whole(createDecipheriv('aes-128-ecb', key, null), ciphertext);
    } catch {
      throw new RangeError('ECB padding is invalid: wrong key or damaged ciphertext');
    }
  },
  cbcEncrypt(key, iv, plaintext) {
    checkKey(key, 'cbc');
    checkIv(iv, 'cbc');
    bytesOf('plaintext', plaintext);
    return whole(createCipheriv('aes-128-cbc', key, iv), plaintext);
  },
  cbcDecrypt(key, iv, ciphertext) {
    checkKey(key, 'cbc');
    checkIv(iv, 'cbc');
    checkPaddedCiphertext(ciphertext, 'CBC');
    try {
      return whole(createDecipheriv('aes-128-cbc', key, iv), ciphertext);
    } catch {
      throw new PaddingError();
    }
  },
  ctrEncrypt(key, iv, plaintext) {
    checkKey(key, 'ctr');
    checkIv(iv, 'ctr');
    bytesOf('plaintext', plaintext);
    return whole(createCipheriv('aes-128-ctr', key, iv), plaintext);
  },
  ctrDecrypt(key, iv, ciphertext) {
    checkKey(key, 'ctr');
    checkIv(iv, 'ctr');
    bytesOf('ciphertext', ciphertext);
    return whole(createDecipheriv('aes-128-ctr', key, iv), ciphertext);
  },
  gcmEncrypt(key, nonce, plaintext, aad) {
    checkKey(key, 'gcm');
    checkNonce(nonce);
    bytesOf('plaintext', plaintext);
    if (aad !== undefined) bytesOf('aad', aad);
    const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_LENGTH });
    if (aad !== undefined) cipher.setAAD(aad);
    const head = cipher.update(plaintext);
    cipher.final();
    const sealed = new Uint8Array(head.length + TAG_LENGTH);
    sealed.set(head);
    sealed.set(cipher.getAuthTag(), head.length);
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
      return whole(decipher, sealed.subarray(0, body));
    } catch {
      throw new AuthenticationError();
    }
  },
};
