/**
 * The two ends of the call in the attack lab: the sender encrypts each frame and the receiver decrypts
 * what arrives, both holding the key. Everything between them — the attacker's edits in the other
 * modules of lib/attacks — happens without it. The receiver answers with pixels, or with the reason it
 * refused the frame: GCM's tag is the only check that catches an edit (CBC's padding catches a wrong key
 * and edits of its last blocks); ECB and CTR decrypt whatever arrives. GCM runs on the platform's
 * WebCrypto where it has it, so a forged tag is judged by the browser's own AES-GCM.
 */
import { cbcDecrypt, cbcEncrypt } from '../cipher/cbc';
import { ctrDecrypt, ctrEncrypt } from '../cipher/ctr';
import { ecbDecrypt, ecbEncrypt } from '../cipher/ecb';
import { AuthenticationError, PaddingError } from '../cipher/errors';
import { gcmDecryptAsync, gcmEncryptAsync, NONCE_LENGTH } from '../cipher/gcm';
import { IV_LENGTH } from '../cipher/iv';
import { checkKey, randomBytes, type Mode } from '../cipher/keys';

/** A frame on the wire: its ciphertext and what decryption starts from (IV or nonce; none for ECB). */
export interface WireFrame {
  mode: Mode;
  ciphertext: Uint8Array;
  /** CBC's IV or CTR's initial counter block (16 bytes), GCM's nonce (12); null for ECB. */
  start: Uint8Array | null;
}

/** What the receiver makes of a frame. */
export type Received = { accepted: true; plaintext: Uint8Array } | { accepted: false; reason: string };

/** The length of the value a mode starts from: 16 for CBC and CTR, 12 for GCM, 0 for ECB. */
export function startLength(mode: Mode): number {
  return mode === 'gcm' ? NONCE_LENGTH : mode === 'ecb' ? 0 : IV_LENGTH;
}

/**
 * The sender: encrypts `plaintext` under `key` from `start` (a fresh random IV or nonce when not given;
 * the attack lab passes one to show what a repeated one does).
 * @example await send('gcm', key32, plaintext) // { mode: 'gcm', ciphertext: …‖tag, start: nonce }
 */
export async function send(mode: Mode, key: Uint8Array, plaintext: Uint8Array, start?: Uint8Array): Promise<WireFrame> {
  checkKey(key, mode);
  if (mode === 'ecb') return { mode, ciphertext: ecbEncrypt(key, plaintext), start: null };
  const value = start ? start.slice() : randomBytes(startLength(mode));
  if (mode === 'gcm') return { mode, ciphertext: await gcmEncryptAsync(key, value, plaintext), start: value };
  return { mode, ciphertext: (mode === 'cbc' ? cbcEncrypt : ctrEncrypt)(key, value, plaintext), start: value };
}

/**
 * The receiver: decrypts a frame, or says why it refused it. Never throws for what an attacker can
 * send: a wrong length, a broken tag or padding all become a refusal.
 */
export async function receive(frame: WireFrame, key: Uint8Array): Promise<Received> {
  const { mode, ciphertext, start } = frame;
  try {
    let plaintext: Uint8Array;
    if (mode === 'ecb') plaintext = ecbDecrypt(key, ciphertext);
    else if (mode === 'gcm') plaintext = await gcmDecryptAsync(key, start as Uint8Array, ciphertext);
    else plaintext = (mode === 'cbc' ? cbcDecrypt : ctrDecrypt)(key, start as Uint8Array, ciphertext);
    return { accepted: true, plaintext };
  } catch (error) {
    if (error instanceof AuthenticationError)
      return { accepted: false, reason: 'authentication failed: the tag does not match' };
    if (error instanceof PaddingError) return { accepted: false, reason: 'the padding does not check' };
    return { accepted: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
