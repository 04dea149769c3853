/**
 * A tiny external store for React's useSyncExternalStore: a snapshot replaced (never mutated) on
 * every change, and listeners told after each replacement.
 */
export class Store<T> {
  private listeners = new Set<() => void>();

  constructor(private snapshot: T) {}

  get = (): T => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  set(patch: Partial<T>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }

  /**
   * Resolves with the first snapshot, set after this call, that `accept`s; rejects after `timeoutMs` (a
   * safeguard for changes that never come, not a pacing device).
   * @example await lab.clock.waitFor((clock) => clock.frame === 180)
   */
  waitFor(accept: (snapshot: T) => boolean, timeoutMs = 10_000, what = 'the awaited change'): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        unsubscribe();
        reject(new Error(`${what} did not happen within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      const unsubscribe = this.subscribe(() => {
        if (!accept(this.snapshot)) return;
        clearTimeout(timer);
        unsubscribe();
        resolve(this.snapshot);
      });
    });
  }
}
