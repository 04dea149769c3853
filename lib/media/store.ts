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
}
