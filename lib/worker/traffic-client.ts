/** The page's side of the traffic view's worker: `call('sealPackets', payloads, keys)`. */
import { RpcClient } from './rpc';
import type { TrafficHandlers } from './traffic-handlers';

export class TrafficWorker extends RpcClient<TrafficHandlers> {
  constructor() {
    super(
      () => new Worker(new URL('./traffic-worker.ts', import.meta.url), { type: 'module', name: 'ecb-lens-traffic' }),
    );
  }
}
