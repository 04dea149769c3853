'use client';

import { useLab } from './lab-context';

/** "New keys": fresh random keys for both streams, and the frame on screen encrypted again (key K). */
export function NewKeysButton({ className, testId }: { className: string; testId?: string }) {
  const lab = useLab();
  return (
    <button
      type="button"
      onClick={() => lab.newKeys()}
      className={className}
      title="New random keys (K)"
      data-testid={testId}
    >
      New keys
    </button>
  );
}
