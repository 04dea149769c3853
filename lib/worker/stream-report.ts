/** What the workers tell the page about a frame: a stream's facts, or why the frame failed. */
import { toHex } from '../cipher/hex';
import type { StreamInfo, WorkerFailure } from './protocol';
import type { StreamFrame } from './stages';

/** GCM runs in the platform's WebCrypto where there is one (lib/cipher/gcm.ts); the other modes in noble. */
const gcmEngine = typeof globalThis.crypto?.subtle?.encrypt === 'function' ? 'webcrypto' : 'noble';

/** A stream frame's facts for the page: mode, sizes, nonce or IV, the bytes the picture leaves out. */
export function streamInfo(frame: StreamFrame): StreamInfo {
  return {
    mode: frame.mode,
    ciphertextBytes: frame.ciphertext.length,
    nonceHex: frame.nonce ? toHex(frame.nonce) : '',
    packets: Math.max(1, frame.nonces.length),
    trailingHex: toHex(frame.ciphertext.subarray(frame.plaintextLength)),
    engine: frame.mode === 'gcm' ? gcmEngine : 'noble',
    reusedBlocks: frame.reusedBlocks,
  };
}

/** Tells the page that frame `seq` could not be processed, and why. */
export function failure(seq: number, error: unknown): WorkerFailure {
  return { type: 'failure', seq, message: error instanceof Error ? error.message : String(error) };
}
