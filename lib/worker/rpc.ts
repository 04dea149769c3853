/**
 * Calling plain functions in a Web Worker by name: the page's `RpcClient.call('name', …args)` resolves
 * with what the function returns in the worker (or rejects with its error's message). One table of
 * handlers per worker keeps the protocol typed at both ends; arguments and results travel by structured
 * clone. Used by the attack lab and the traffic view, whose work is a few heavy calls, not a stream.
 */

/** A worker's functions, by name. */
export type Handlers = Record<string, (...args: never[]) => unknown>;

/** A call: a function's name and its arguments, with an id to match the answer. */
export interface RpcCall {
  id: number;
  name: string;
  args: unknown[];
}

/** The answer: the result, or the error's message. */
export type RpcAnswer = { id: number; result: unknown } | { id: number; error: string };

interface RpcScope {
  onmessage: ((event: MessageEvent<RpcCall>) => void) | null;
  postMessage(message: RpcAnswer): void;
}

/** In the worker: answers calls with `handlers`, one at a time in the order they come. */
export function serveRpc(handlers: Handlers): void {
  const scope = self as unknown as RpcScope;
  let queue = Promise.resolve();
  scope.onmessage = (event) => {
    const { id, name, args } = event.data;
    queue = queue.then(async () => {
      try {
        const handler = Object.hasOwn(handlers, name) ? (handlers[name] as (...values: unknown[]) => unknown) : null;
        if (!handler) throw new Error(`this worker has no function "${name}"`);
        scope.postMessage({ id, result: await handler(...args) });
      } catch (error) {
        scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
      }
    });
  };
}

/** On the page: a worker started on the first call (and again after dispose, as React may remount). */
export class RpcClient<H extends Handlers> {
  private worker: Worker | null = null;
  private next = 0;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  /** @param start makes the worker: `() => new Worker(new URL('./x-worker.ts', import.meta.url), …)` */
  constructor(private readonly start: () => Worker) {}

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = this.start();
    worker.onmessage = (event: MessageEvent<RpcAnswer>) => {
      const answer = event.data;
      const waiting = this.pending.get(answer.id);
      if (!waiting) return;
      this.pending.delete(answer.id);
      if ('error' in answer) waiting.reject(new Error(answer.error));
      else waiting.resolve(answer.result);
    };
    worker.onerror = (event) => this.failAll(new Error(event.message || 'a worker failed'));
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  call<Name extends keyof H & string>(name: Name, ...args: Parameters<H[Name]>): Promise<Awaited<ReturnType<H[Name]>>> {
    const id = ++this.next;
    const message: RpcCall = { id, name, args };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.started().postMessage(message);
    });
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.failAll(new Error('the worker was closed'));
  }
}
