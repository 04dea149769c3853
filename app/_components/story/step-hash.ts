/**
 * The current step lives in the address (`#step-3`, counted from 1), so a lecturer can link a step and a
 * reload stays on it. Moving replaces the hash instead of pushing history: Back leaves the story.
 */

const PATTERN = /^#step-(\d+)$/;

/** The step index (from 0) a hash names, or 0 when it names none in range. */
export function stepFromHash(hash: string, count: number): number {
  const match = PATTERN.exec(hash);
  if (!match) return 0;
  const n = Number(match[1]);
  return n >= 1 && n <= count ? n - 1 : 0;
}

/** The hash for a step index (from 0). */
export function hashForStep(index: number): string {
  return `#step-${index + 1}`;
}

const listeners = new Set<() => void>();

/** For useSyncExternalStore: told when the hash changes, by the browser or by {@link goToStep}. */
export function subscribeToHash(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('hashchange', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('hashchange', listener);
  };
}

export function currentHash(): string {
  return window.location.hash;
}

/** Shows step `index` (from 0): rewrites the hash in place and tells subscribers. */
export function goToStep(index: number): void {
  const hash = hashForStep(index);
  if (window.location.hash === hash) return;
  window.history.replaceState(window.history.state, '', hash);
  listeners.forEach((listener) => listener());
}
