/**
 * The endpoint's worker pool as unit tests run it: the worker module as TypeScript (tsx, loaded by the
 * test process, is inherited by the worker threads), closed when the test file ends.
 */
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';
import { EncryptPool } from '../../../lib/http';

export const ENCRYPT_WORKER = fileURLToPath(new URL('../../../lib/http/encrypt-worker.ts', import.meta.url));

/** A pool of `threads` worker threads with room for `queue` waiting pictures, closed after the file's tests. */
export function testEncryptPool(threads = 2, queue = 8): EncryptPool {
  const pool = new EncryptPool({ filename: ENCRYPT_WORKER, threads, queue });
  after(() => pool.close());
  return pool;
}
