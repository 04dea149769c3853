/**
 * Replaying a whole frame. A GCM frame re-sent unchanged still carries a valid tag, so a receiver that
 * only checks tags shows it again: an old slide, an earlier face. The cure is to authenticate the frame's
 * place in the stream and refuse anything not newer than what came before — here the counter half of the
 * nonce (lib/cipher/nonce.ts: 4-byte salt ‖ 8-byte counter), as SRTP's replay list does with its packet
 * index (RFC 3711 §3.3.2).
 */
import { NONCE_LENGTH } from '../cipher/gcm';
import { SALT_LENGTH } from '../cipher/nonce';

/**
 * The frame counter a salt ‖ counter nonce carries.
 * @example nonceCounter(Uint8Array.of(1, 2, 3, 4, 0, 0, 0, 0, 0, 0, 0, 75)) // 75n
 */
export function nonceCounter(nonce: Uint8Array): bigint {
  if (nonce.length !== NONCE_LENGTH) throw new RangeError(`a nonce is ${NONCE_LENGTH} bytes, got ${nonce.length}`);
  return new DataView(nonce.buffer, nonce.byteOffset + SALT_LENGTH, 8).getBigUint64(0);
}

/** A receiver that refuses frames whose counter is not above the highest it has accepted. */
export class CounterCheck {
  private highest = -1n;

  /**
   * Whether a frame with this (already authenticated) nonce is new; remembers it if so.
   * @returns null when accepted, otherwise the reason it was refused
   */
  admit(nonce: Uint8Array): string | null {
    const counter = nonceCounter(nonce);
    if (counter <= this.highest)
      return `replay refused: frame ${counter} is not newer than frame ${this.highest}, already shown`;
    this.highest = counter;
    return null;
  }
}
