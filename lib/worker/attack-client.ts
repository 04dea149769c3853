/**
 * The page's side of the attack lab's worker: `call('findRowLength', bytes, { bytesPerPixel: 3 })`
 * resolves with what the function returns in the worker, or rejects with its error's message.
 */
import type { AttackHandlers } from './attack-handlers';
import { RpcClient } from './rpc';

export class AttackWorker extends RpcClient<AttackHandlers> {
  constructor() {
    super(
      () => new Worker(new URL('./attack-worker.ts', import.meta.url), { type: 'module', name: 'ecb-lens-attacks' }),
    );
  }
}
