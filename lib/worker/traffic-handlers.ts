/**
 * What the traffic view's worker does, as plain functions (Node tests run them directly): every packet of
 * the call sealed as Zoom sealed them before and after 5.0 — AES-128-ECB and AES-256-GCM (fresh nonce per
 * packet) — for their wire sizes, and the call's raw sound encrypted both ways, to be heard.
 */
import { ecbEncrypt } from '../cipher/ecb';
import { gcmEncryptAsync } from '../cipher/gcm';
import { NonceSequence } from '../cipher/nonce';
import { toPcm8 } from '../traffic/pcm';
import { BlockRepeatCounter, type BlockRepeats } from '../traffic/repeats';

/** Sizes of each packet's ciphertext: ECB (PKCS#7 padded) and GCM (with its tag). */
export interface Sealed {
  ecb: number[];
  gcm: number[];
  /** ECB's repeated blocks over every packet sealed under this key so far. */
  repeats: BlockRepeats;
}

/** Per worker: the call being sealed (a new ECB key starts a new call). */
let call: { keyHex: string; counter: BlockRepeatCounter; nonces: NonceSequence } | null = null;

/** The call these keys belong to; one GCM nonce sequence serves its packets and its sound. */
function callFor(keys: { ecb: Uint8Array; gcm: Uint8Array }) {
  const keyHex = Array.from(keys.ecb, (b) => b.toString(16).padStart(2, '0')).join('');
  if (call?.keyHex !== keyHex)
    call = { keyHex, counter: new BlockRepeatCounter(keys.ecb), nonces: new NonceSequence() };
  return call;
}

/**
 * Encrypts `payloads` with both keys and returns the ciphertexts' sizes and ECB's repeated blocks so far.
 * @example await sealPackets([packet.data], { ecb: key16, gcm: key32 }) // { ecb: [48], gcm: [49], … }
 */
export async function sealPackets(payloads: Uint8Array[], keys: { ecb: Uint8Array; gcm: Uint8Array }): Promise<Sealed> {
  const call = callFor(keys);
  const result: Sealed = { ecb: [], gcm: [], repeats: call.counter.totals };
  for (const payload of payloads) {
    result.ecb.push(call.counter.seal(payload).length);
    result.gcm.push((await gcmEncryptAsync(keys.gcm, call.nonces.next(), payload)).length);
  }
  result.repeats = call.counter.totals;
  return result;
}

/**
 * The call's sound as 8-bit samples (lib/traffic/pcm.ts), encrypted with AES-128-ECB and AES-256-GCM: the
 * ciphertext bytes, as long as the samples, to be played as samples.
 */
export async function encryptSound(samples: Float32Array, keys: { ecb: Uint8Array; gcm: Uint8Array }) {
  const pcm = toPcm8(samples);
  const nonce = callFor(keys).nonces.next();
  return {
    ecb: ecbEncrypt(keys.ecb, pcm).subarray(0, pcm.length),
    gcm: (await gcmEncryptAsync(keys.gcm, nonce, pcm)).subarray(0, pcm.length),
  };
}

export const TRAFFIC_HANDLERS = { sealPackets, encryptSound };
export type TrafficHandlers = typeof TRAFFIC_HANDLERS;
