/**
 * Counts calls to pngjs's decoder while `action` runs, so a test can show that a refused PNG never
 * reached it: proof by call count rather than by timing or memory use.
 */
import { PNG } from 'pngjs';

function install(): { calls: () => number; restore: () => void } {
  const original = PNG.sync.read;
  let calls = 0;
  PNG.sync.read = (...args: Parameters<typeof original>) => {
    calls++;
    return original(...args);
  };
  return { calls: () => calls, restore: () => (PNG.sync.read = original) };
}

/** Calls to `PNG.sync.read` made by `action`. */
export function pngjsReads(action: () => void): number {
  const spy = install();
  try {
    action();
  } finally {
    spy.restore();
  }
  return spy.calls();
}

/** Calls to `PNG.sync.read` made until `action` settles. */
export async function pngjsReadsAsync(action: () => Promise<void>): Promise<number> {
  const spy = install();
  try {
    await action();
  } finally {
    spy.restore();
  }
  return spy.calls();
}
