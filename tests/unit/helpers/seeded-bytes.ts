/**
 * Reproducible pseudo-random bytes: AES-256-CTR keystream under sha256(seed). A failing test names its
 * seed, so the same frame can be rebuilt.
 */
import { createCipheriv, createHash } from 'node:crypto';

export function seededBytes(seed: string, length: number): Uint8Array {
  const key = createHash('sha256').update(seed).digest();
  const keystream = createCipheriv('aes-256-ctr', key, Buffer.alloc(16)).update(Buffer.alloc(length));
  return new Uint8Array(keystream.buffer, keystream.byteOffset, keystream.length).slice();
}
