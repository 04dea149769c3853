/**
 * What the attack lab's worker does, as plain functions (Node tests run them directly): the sender and
 * the receiver with their key, and the attacker's two heavy computations — the width search over every
 * block lag, and the forbidden attack's root finding. The page makes the attacker's cheap edits itself.
 */
import { toBlock } from '../attacks/gf128';
import { attackDegree, hashKeyCandidates, narrowCandidates, type GcmMessage } from '../attacks/forbidden';
import { receive, send } from '../attacks/endpoints';
import { findRowLength } from '../attacks/width';

/** What the forbidden attack found: how many roots, and H when the third message left exactly one. */
export interface HashKeyFound {
  /** Roots of the two messages' polynomial (H among them). */
  candidates: number;
  /** The candidates the third message left standing. */
  remaining: number;
  /** H, when exactly one candidate remains. */
  hashKey: Uint8Array | null;
  /** The polynomial's degree: what the work grows with. */
  degree: number;
  milliseconds: number;
}

/**
 * Recovers GCM's hash key from three messages under one key and one nonce, without the key.
 * @example recoverHashKey(a, b, c).hashKey // 16 bytes, AES_K(0¹²⁸)
 */
export function recoverHashKey(a: GcmMessage, b: GcmMessage, c: GcmMessage): HashKeyFound {
  const started = performance.now();
  const candidates = hashKeyCandidates(a, b);
  const remaining = narrowCandidates(candidates, a, c);
  return {
    candidates: candidates.length,
    remaining: remaining.length,
    hashKey: remaining.length === 1 ? toBlock(remaining[0]) : null,
    degree: Math.max(...[a, b].map((m) => attackDegree(m.ciphertext.length, m.aad?.length ?? 0))),
    milliseconds: performance.now() - started,
  };
}

/** The worker's functions, by name. */
export const ATTACK_HANDLERS = {
  send,
  receive,
  findRowLength,
  recoverHashKey,
};

export type AttackHandlers = typeof ATTACK_HANDLERS;
