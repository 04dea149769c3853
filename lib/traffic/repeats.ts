/**
 * ECB on compressed media, honestly: ECB's leak is equal plaintext blocks making equal ciphertext
 * blocks, and a codec's output has almost none. Opus and VP9 squeeze redundancy out, so a 16-byte block
 * of codec data practically never recurs, within a packet or across packets, and ECB on Zoom's packets
 * showed no penguin. What leaked there was the key handling and the sizes (wire.ts, activity.ts). Raw
 * samples or pixels are another matter: lib/metrics counts their repeats (NIST SP 800-38A §6.1).
 */
import { BLOCK, ecbEncrypt } from '../cipher';

/** Repeated ECB blocks over a stream of packets. */
export interface BlockRepeats {
  packets: number;
  /**
   * Whole 16-byte blocks of payload counted: each packet's ⌊n/16⌋ first blocks. The last block, partly
   * or wholly PKCS#7 padding, is left out: a block of padding alone is the same in every packet whose
   * length is a multiple of 16 and says only what the length says.
   */
  blocks: number;
  /** Distinct block values among them. */
  distinct: number;
  /** Blocks equal to an earlier block of their own packet. */
  within: number;
  /** Blocks equal to a block of an earlier packet (and to none earlier in their own). */
  across: number;
}

/**
 * Counts repeated ECB ciphertext blocks over a stream of packets that arrives in batches (a live call):
 * each `add` encrypts its payloads under the counter's key and adds to the running counts, remembering
 * every block seen for the `across` count.
 */
export class BlockRepeatCounter {
  private readonly seen = new Set<string>();
  private readonly counts: BlockRepeats = { packets: 0, blocks: 0, distinct: 0, within: 0, across: 0 };

  constructor(private readonly key: Uint8Array) {}

  /** Encrypts and counts `payloads`, after those added before; returns the running counts. */
  add(payloads: readonly Uint8Array[]): BlockRepeats {
    if (!Array.isArray(payloads)) throw new TypeError(`payloads must be an array, got ${typeof payloads}`);
    payloads.forEach((payload: unknown, i) => {
      if (!(payload instanceof Uint8Array))
        throw new TypeError(`payloads[${i}] must be a Uint8Array, got ${typeof payload}`);
    });
    for (const payload of payloads) this.seal(payload);
    return this.totals;
  }

  /** Encrypts one payload with AES-128-ECB, counts its blocks, and returns its ciphertext. */
  seal(payload: Uint8Array): Uint8Array {
    const counts = this.counts;
    const ciphertext = ecbEncrypt(this.key, payload);
    const here = new Set<string>();
    for (let at = 0; at + BLOCK <= payload.length; at += BLOCK) {
      const block = String.fromCharCode(...ciphertext.subarray(at, at + BLOCK));
      counts.blocks++;
      if (here.has(block)) counts.within++;
      else if (this.seen.has(block)) counts.across++;
      here.add(block);
    }
    for (const block of here) this.seen.add(block);
    counts.packets++;
    counts.distinct = this.seen.size;
    return ciphertext;
  }

  /** The counts so far. */
  get totals(): BlockRepeats {
    return { ...this.counts };
  }
}

/**
 * Encrypts each payload with AES-128-ECB under `key` and counts the repeated ciphertext blocks: those
 * equal to an earlier block of the same packet (`within`) and those equal to a block of an earlier
 * packet (`across`); `within + across = blocks − distinct`. For codec packets both are near 0.
 * @example ecbBlockRepeats([new Uint8Array(64)], key) // { packets: 1, blocks: 4, distinct: 1, within: 3, across: 0 }
 */
export function ecbBlockRepeats(payloads: readonly Uint8Array[], key: Uint8Array): BlockRepeats {
  return new BlockRepeatCounter(key).add(payloads);
}
