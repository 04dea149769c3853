/** The traffic view's worker: seals the call's packets and sound (traffic-handlers.ts), off the page's thread. */
import { serveRpc } from './rpc';
import { TRAFFIC_HANDLERS } from './traffic-handlers';

serveRpc(TRAFFIC_HANDLERS);
