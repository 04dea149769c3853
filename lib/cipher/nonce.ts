/**
 * Nonces for a stream of frames under one AES-256-GCM key: 4-byte random salt ‖ 8-byte big-endian
 * counter (the deterministic construction of NIST SP 800-38D §8.2.1, with the salt as its fixed field).
 *
 * Why: GCM must never see the same nonce twice under one key. A repeat reveals the XOR of the two
 * plaintexts and lets an attacker recover the authentication key and forge frames. A counter cannot
 * repeat within a stream, and the random salt, fresh whenever a sequence starts, keeps two streams
 * that share a key (two tabs, a reload with a key fixed by URL) apart. The counter counts encryptions,
 * not video frame numbers: encrypting frame 5 again after a seek or a colour-depth change must get a new
 * nonce, because the plaintext may differ.
 */
import { NONCE_LENGTH } from './gcm';
import { randomBytes } from './keys';

export const SALT_LENGTH = 4;
const MAX_COUNTER = 2n ** 64n - 1n;

/** Issues salt ‖ counter nonces; `next()` never returns the same nonce twice. */
export class NonceSequence {
  readonly salt: Uint8Array;
  private counter: bigint;

  /**
   * @param salt 4 bytes; random by default.
   * @param start the first counter value (default 0).
   * @example const nonces = new NonceSequence(); const n0 = nonces.next(); const n1 = nonces.next();
   */
  constructor(salt: Uint8Array = randomBytes(SALT_LENGTH), start = 0n) {
    if (!(salt instanceof Uint8Array)) throw new TypeError('salt must be a Uint8Array');
    if (salt.length !== SALT_LENGTH) throw new RangeError(`salt must be ${SALT_LENGTH} bytes, got ${salt.length}`);
    if (typeof start !== 'bigint') throw new TypeError(`counter start must be a bigint, got ${typeof start}`);
    if (start < 0n || start > MAX_COUNTER) throw new RangeError(`counter start must be 0 to 2^64-1, got ${start}`);
    this.salt = salt.slice();
    this.counter = start;
  }

  /** The counter value the next nonce will carry. */
  get position(): bigint {
    return this.counter;
  }

  /** The next nonce, written into `out` (12 bytes) when given. */
  next(out: Uint8Array = new Uint8Array(NONCE_LENGTH)): Uint8Array {
    if (out.length !== NONCE_LENGTH)
      throw new RangeError(`nonce buffer must be ${NONCE_LENGTH} bytes, got ${out.length}`);
    if (this.counter > MAX_COUNTER)
      throw new RangeError('nonce counter exhausted: start a new sequence with a new key');
    out.set(this.salt, 0);
    new DataView(out.buffer, out.byteOffset, out.byteLength).setBigUint64(SALT_LENGTH, this.counter, false);
    this.counter += 1n;
    return out;
  }
}
