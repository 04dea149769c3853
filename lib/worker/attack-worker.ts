/**
 * The attack lab's worker: runs the functions of attack-handlers.ts by name, one call at a time, so the
 * page stays responsive while the sender encrypts, the receiver decrypts, or the attacker searches.
 */
import { ATTACK_HANDLERS, type AttackAnswer, type AttackCall } from './attack-handlers';

interface AttackScope {
  onmessage: ((event: MessageEvent<AttackCall>) => void) | null;
  postMessage(message: AttackAnswer): void;
}

const scope = self as unknown as AttackScope;

scope.onmessage = async (event) => {
  const { id, name, args } = event.data;
  try {
    const handler = ATTACK_HANDLERS[name] as (...values: unknown[]) => unknown;
    if (typeof handler !== 'function') throw new Error(`the attack worker has no function "${String(name)}"`);
    scope.postMessage({ id, result: await handler(...args) });
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
