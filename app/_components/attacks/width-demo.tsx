'use client';

import { useEffect, useState } from 'react';
import type { RowLength } from '@/lib/attacks/width';
import { MODES, type Mode } from '@/lib/cipher/keys';
import { MODE_COPY } from '@/app/_content/panels';
import { primaryButton } from '../fields';
import { ModeOptions } from '../mode-options';
import { useAttack, keyOf, describeError, body } from './attack-setup';
import { DemoProblem } from './demo-section';
import { bytesAsFrame, FrameCanvas, FramedPicture } from './frame-canvas';

/** The width bytes are drawn at before the search: a guess, as wrong as any. */
const GUESS = 500;

/** `bytes` drawn as RGB rows `width` pixels wide (as many whole rows as there are). */
function asRows(bytes: Uint8Array, width: number) {
  const height = Math.floor(bytes.length / (3 * width));
  return height > 0 ? bytesAsFrame(bytes, width, height) : null;
}

/** Finding the picture's width from ciphertext bytes alone. */
export function WidthDemo() {
  const setup = useAttack();
  const { frames, plain, worker } = setup;
  const [mode, setMode] = useState<Mode>('ecb');
  /** The sender's frame in the mode chosen, as the eavesdropper captures it. */
  const [sent, setSent] = useState<{ mode: Mode; bytes: Uint8Array } | null>(null);
  const bytes = sent?.mode === mode ? sent.bytes : null;
  const [found, setFound] = useState<{ mode: Mode; result: RowLength | null } | null>(null);
  const [searching, setSearching] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void worker
      .call('send', mode, keyOf(setup, mode), plain.a)
      .then((wire) => live && setSent({ mode, bytes: body(wire.ciphertext, plain.a.length) }))
      .catch((error: unknown) => live && setProblem(`The frame could not be sent: ${describeError(error)}`));
    return () => {
      live = false;
    };
  }, [setup, plain, worker, mode]);

  const search = async () => {
    if (!bytes) return;
    setSearching(true);
    try {
      setFound({ mode, result: await worker.call('findRowLength', bytes, { bytesPerPixel: 3 }) });
    } catch (error) {
      setProblem(`The search could not run: ${describeError(error)}`);
    } finally {
      setSearching(false);
    }
  };

  const result = found?.mode === mode ? found.result : undefined;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <label className="flex items-center gap-2">
          The sender’s mode
          <select
            value={mode}
            onChange={(event) => setMode(MODES.find((m) => m === event.target.value) ?? 'ecb')}
            className="rounded-md bg-white px-2 py-1 ring-1 ring-slate-300 ring-inset dark:bg-slate-900 dark:ring-slate-700"
            data-testid="width-mode"
          >
            <ModeOptions />
          </select>
        </label>
        <button
          type="button"
          className={primaryButton}
          onClick={() => void search()}
          disabled={!bytes || searching}
          data-testid="width-run"
        >
          {searching ? 'Searching…' : 'Find the width'}
        </button>
      </div>
      <DemoProblem message={problem} testId="width-problem" />
      <div className="grid gap-4 sm:grid-cols-2">
        <FramedPicture
          caption={<>The bytes as an eavesdropper has them, drawn {GUESS} pixels wide (a guess)</>}
          frame={bytes ? asRows(bytes, GUESS) : null}
          label="Ciphertext bytes drawn at a guessed width"
          testId="width-guess"
        />
        <figure className="flex flex-col gap-2">
          <figcaption className="text-sm font-semibold">The same bytes at the width the search finds</figcaption>
          {result ? (
            <FrameCanvas
              frame={bytes ? asRows(bytes, result.rowBytes / 3) : null}
              label="Ciphertext bytes drawn at the width found"
              testId="width-found"
            />
          ) : (
            <div className="flex aspect-video items-center justify-center rounded-md bg-slate-100 p-3 text-center text-sm text-slate-700 ring-1 ring-slate-200 dark:bg-slate-900 dark:text-slate-300 dark:ring-slate-800">
              {result === null ? 'Nothing found.' : 'Press “Find the width”.'}
            </div>
          )}
        </figure>
      </div>
      <p
        className="max-w-4xl text-sm leading-relaxed text-slate-700 dark:text-slate-300"
        role="status"
        data-testid="width-result"
      >
        {result === undefined
          ? ''
          : result === null
            ? `No block lag stands out: under ${MODE_COPY[mode].title} no two 16-byte blocks of the frame are equal, so its rows cannot be lined up.`
            : `Rows of ${result.rowBytes.toLocaleString('en')} bytes: ${(result.rowBytes / 3).toLocaleString('en')} pixels of 3 bytes (the frame is ${frames.geometry.width} wide). Blocks ${result.lag} apart are equal in ${result.excess.toLocaleString('en')} more places than at the lags beside it; the frame's rows start at its first byte, as each frame is sent on its own.`}
      </p>
    </div>
  );
}
