/**
 * The attack lab's worker: runs the functions of attack-handlers.ts by name, one call at a time, so the
 * page stays responsive while the sender encrypts, the receiver decrypts, or the attacker searches.
 */
import { ATTACK_HANDLERS } from './attack-handlers';
import { serveRpc } from './rpc';

serveRpc(ATTACK_HANDLERS);
