'use client';

import { useLab, useLabState } from './lab-context';

/**
 * The honest part: ECB does not always visibly leak. Sensor noise in 8-bit camera frames makes equal
 * 16-byte blocks rare (outside clipped highlights and crushed blacks), so ECB output can look like
 * noise; fewer bits or flat content bring it back.
 */
export function NoiseNote() {
  const lab = useLab();
  const { source, settings } = useLabState();
  const camera = source?.kind === 'webcam';

  return (
    <aside
      className={`rounded-xl p-4 text-sm leading-relaxed ring-1 ring-inset ${
        camera
          ? 'bg-amber-50 ring-amber-200 dark:bg-amber-950/40 dark:ring-amber-900'
          : 'bg-white ring-slate-200 dark:bg-slate-900 dark:ring-slate-800'
      }`}
      data-testid="noise-note"
    >
      <h3 className="font-semibold">When ECB looks safe — and why it is not</h3>
      <p className="mt-1 text-slate-700 dark:text-slate-300">
        In 8-bit webcam frames, sensor noise flips the low bits of most bytes, so 16-byte blocks rarely repeat — only
        where highlights clip to white or shadows crush to black — and ECB output can look like noise. That is luck, not
        security. Lower the colour depth, or share a flat screen (slides, documents, a UI), and equal blocks come back —
        and so does the picture. Even when nothing repeats within a frame, the blocks that stay the same from one frame
        to the next tell an eavesdropper where something moved.
      </p>
      {settings.bits > 4 && (
        <button
          type="button"
          onClick={() => lab.setBits(3)}
          className="mt-2 text-sm font-medium text-sky-700 hover:underline dark:text-sky-300"
          data-testid="try-3-bits"
        >
          Try 3 bits of colour depth
        </button>
      )}
    </aside>
  );
}
