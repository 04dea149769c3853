/**
 * The page's side of the attack lab's worker: `call('findRowLength', bytes, { bytesPerPixel: 3 })`
 * resolves with what the function returns in the worker, or rejects with its error's message.
 */
import type { AttackAnswer, AttackCall, AttackHandlers, AttackName } from './attack-handlers';

export class AttackWorker {
  private worker: Worker | null = null;
  private next = 0;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  /** The worker, started on the first call (and again after dispose, as React may remount). */
  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./attack-worker.ts', import.meta.url), {
      type: 'module',
      name: 'ecb-lens-attacks',
    });
    worker.onmessage = (event: MessageEvent<AttackAnswer>) => {
      const answer = event.data;
      const waiting = this.pending.get(answer.id);
      if (!waiting) return;
      this.pending.delete(answer.id);
      if ('error' in answer) waiting.reject(new Error(answer.error));
      else waiting.resolve(answer.result);
    };
    worker.onerror = (event) => {
      const error = new Error(event.message || 'the attack worker failed');
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    this.worker = worker;
    return worker;
  }

  call<Name extends AttackName>(
    name: Name,
    ...args: Parameters<AttackHandlers[Name]>
  ): Promise<Awaited<ReturnType<AttackHandlers[Name]>>> {
    const id = ++this.next;
    const message: AttackCall<Name> = { id, name, args };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.started().postMessage(message);
    });
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    const error = new Error('the attack lab was closed');
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
