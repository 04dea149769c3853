/**
 * Where the AES itself comes from. The modes' rules (key and IV sizes, padding, what a failure throws)
 * live in ecb.ts, cbc.ts, ctr.ts and gcm.ts; an engine is the set of those eight calls, so a runtime
 * with a faster AES can swap it in without the frame cipher changing. The default, {@link NOBLE_AES},
 * is noble's audited pure JavaScript and runs everywhere (the browser lab uses it); Node's OpenSSL
 * engine lives in lib/png/openssl-aes.ts, outside this browser-shared folder, so node:crypto can never
 * reach a client bundle.
 */
import { cbcDecrypt, cbcEncrypt } from './cbc';
import { ctrDecrypt, ctrEncrypt } from './ctr';
import { ecbDecrypt, ecbEncrypt } from './ecb';
import { gcmDecrypt, gcmEncrypt } from './gcm';

/**
 * The eight AES calls the frame cipher makes. Every engine gives the same bytes and throws the same
 * errors (RangeError for bad ECB padding, PaddingError for CBC, AuthenticationError for GCM).
 */
export interface AesEngine {
  readonly name: string;
  ecbEncrypt(key: Uint8Array, plaintext: Uint8Array): Uint8Array;
  ecbDecrypt(key: Uint8Array, ciphertext: Uint8Array): Uint8Array;
  cbcEncrypt(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array): Uint8Array;
  cbcDecrypt(key: Uint8Array, iv: Uint8Array, ciphertext: Uint8Array): Uint8Array;
  ctrEncrypt(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array): Uint8Array;
  ctrDecrypt(key: Uint8Array, iv: Uint8Array, ciphertext: Uint8Array): Uint8Array;
  gcmEncrypt(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, aad?: Uint8Array): Uint8Array;
  gcmDecrypt(key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array, aad?: Uint8Array): Uint8Array;
}

/**
 * noble's AES (@noble/ciphers): pure JavaScript, synchronous, the same in every browser and in Node.
 * @example encryptFrame(frame, { mode: 'ecb', key, engine: NOBLE_AES })
 */
export const NOBLE_AES: AesEngine = {
  name: 'noble',
  ecbEncrypt: (key, plaintext) => ecbEncrypt(key, plaintext),
  ecbDecrypt,
  cbcEncrypt,
  cbcDecrypt,
  ctrEncrypt,
  ctrDecrypt,
  gcmEncrypt,
  gcmDecrypt,
};
