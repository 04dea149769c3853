/**
 * The endpoint's worker pool. Decoding, encrypting and encoding a picture takes tens of milliseconds
 * of CPU to seconds; on the event loop that stalls every other request, so it runs in piscina worker
 * threads, one per core. Requests wait in a bounded queue: when every thread is busy and the queue is
 * full, a request is answered 503 with Retry-After at once, before its body is read, instead of piling
 * up bodies in memory without limit.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import type { EncryptOutcome, EncryptTask } from './encrypt-worker';

/** Tasks that may wait for a thread, by default: two waves of 50 uploads of a 1600×1200 picture fit. */
export const DEFAULT_QUEUE = 64;

export interface EncryptPoolOptions {
  /** The worker module: dist/encrypt-worker.mjs in production, lib/http/encrypt-worker.ts under tsx. */
  filename: string;
  /** Worker threads; the machine's cores by default. */
  threads?: number;
  /** Tasks that may wait for a thread; {@link DEFAULT_QUEUE} by default. */
  queue?: number;
}

/** A place in the pool, taken before a request's body is read and given back when its answer is ready. */
export interface PoolSlot {
  run(task: EncryptTask): Promise<EncryptOutcome>;
  release(): void;
}

function count(value: number, name: string, min: number): number {
  if (!Number.isInteger(value) || value < min)
    throw new RangeError(`${name} must be an integer ≥ ${min}, got ${value}`);
  return value;
}

const MIN_RETRY_SECONDS = 1;

/**
 * Encrypts pictures in worker threads, at most `threads` at a time and `queue` more waiting.
 * @example const slot = pool.take(); if (!slot) … 503; try { await slot.run(task) } finally { slot.release() }
 */
export class EncryptPool {
  readonly threads: number;
  readonly queue: number;
  private readonly piscina: Piscina<EncryptTask, EncryptOutcome>;
  private taken = 0;

  constructor(options: EncryptPoolOptions) {
    this.threads = count(options.threads ?? availableParallelism(), 'threads', 1);
    this.queue = count(options.queue ?? DEFAULT_QUEUE, 'queue', 0);
    this.piscina = new Piscina({
      filename: options.filename,
      minThreads: this.threads,
      maxThreads: this.threads,
      // A backstop only: take() already keeps the queue within bounds.
      maxQueue: this.queue + this.threads,
      idleTimeout: 60_000,
    });
  }

  /** Requests holding a slot: running or waiting. */
  get busy(): number {
    return this.taken;
  }

  /** Seconds a refused client should wait: long enough for the work now queued to run, at least 1. */
  retryAfterSeconds(): number {
    const meanMs = this.piscina.histogram.runTime.mean;
    const perTask = Number.isFinite(meanMs) && meanMs > 0 ? meanMs / 1000 : MIN_RETRY_SECONDS;
    return Math.max(MIN_RETRY_SECONDS, Math.ceil((this.taken * perTask) / this.threads));
  }

  /** A slot, or null when `threads` tasks run and `queue` wait. */
  take(): PoolSlot | null {
    if (this.taken >= this.threads + this.queue) return null;
    this.taken++;
    let released = false;
    return {
      run: (task) => this.piscina.run(task, { transferList: [task.body.buffer as ArrayBuffer] }),
      release: () => {
        if (released) return;
        released = true;
        this.taken--;
      },
    };
  }

  /** Stops the threads (tests; a server keeps its pool for its lifetime). */
  close(): Promise<void> {
    return this.piscina.destroy();
  }
}

function envCount(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const text = env[name];
  if (text === undefined || text === '') return undefined;
  if (!/^[0-9]+$/.test(text)) throw new RangeError(`${name} must be a whole number, got "${text}"`);
  return Number(text);
}

/**
 * The pool a server runs: the bundled worker from dist/ (next start runs in the project folder), its
 * size from ENCRYPT_THREADS and ENCRYPT_QUEUE when set.
 */
export function poolOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): EncryptPoolOptions {
  return {
    filename: join(process.cwd(), 'dist', 'encrypt-worker.mjs'),
    threads: envCount(env, 'ENCRYPT_THREADS'),
    queue: envCount(env, 'ENCRYPT_QUEUE'),
  };
}
