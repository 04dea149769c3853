'use client';

/**
 * What every demo of the attack lab shares: the worker that plays sender and receiver, the frames and
 * their plaintext bytes, and the call's keys (which only the sender and the receiver use).
 */
import { createContext, useContext } from 'react';
import type { Mode } from '@/lib/cipher/keys';
import type { AttackWorker } from '@/lib/worker/attack-client';
import type { AttackFrames } from './attack-frames';

export interface AttackSetup {
  worker: AttackWorker;
  frames: AttackFrames;
  /** The frames packed as the cipher sees them: RGB, 3 bytes a pixel. */
  plain: { a: Uint8Array; b: Uint8Array; c: Uint8Array };
  /** The AES-128 key (ECB, CBC, CTR) and the AES-256 key (GCM) of the call. */
  keys: { aes128: Uint8Array; aes256: Uint8Array };
}

export const AttackContext = createContext<AttackSetup | null>(null);

export function useAttack(): AttackSetup {
  const setup = useContext(AttackContext);
  if (!setup) throw new Error('useAttack needs an <AttackContext.Provider>');
  return setup;
}

/** The call's key for a mode. */
export function keyOf(setup: AttackSetup, mode: Mode): Uint8Array {
  return mode === 'gcm' ? setup.keys.aes256 : setup.keys.aes128;
}

/** The first `length` bytes of a wire frame's ciphertext: what its picture shows (no padding, no tag). */
export function body(ciphertext: Uint8Array, length: number): Uint8Array {
  return ciphertext.subarray(0, length);
}

/** An error as a sentence for the page. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
