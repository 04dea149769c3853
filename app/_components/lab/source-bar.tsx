'use client';

import { SAMPLES } from '@/lib/media/samples';
import { MediaFileButton } from '../media-file-button';
import { useLab, useLabState } from './lab-context';

const button =
  'inline-flex items-center gap-2 rounded-lg px-3 py-2 text-sm font-medium ring-1 ring-inset transition ' +
  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 disabled:opacity-50';
const idle =
  'bg-white text-slate-800 ring-slate-300 hover:bg-slate-50 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-700 dark:hover:bg-slate-800';
const active = 'bg-slate-900 text-white ring-slate-900 dark:bg-white dark:text-slate-900 dark:ring-white';

function formatSeconds(seconds: number): string {
  return `${seconds.toFixed(1)} s`;
}

/** Where frames come from: the samples, a file of the user's, or the webcam. */
export function SourceBar() {
  const lab = useLab();
  const { source, opening } = useLabState();
  const webcamOn = source?.kind === 'webcam';

  return (
    <div className="flex flex-col gap-3 lg:flex-row lg:items-center lg:justify-between">
      <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Source">
        {SAMPLES.map((sample) => (
          <button
            key={sample.id}
            type="button"
            className={`${button} ${source?.name === sample.title ? active : idle}`}
            aria-pressed={source?.name === sample.title}
            data-testid={`sample-${sample.id}`}
            onClick={() => void lab.openSample(sample)}
            title={sample.description}
          >
            {sample.title}
          </button>
        ))}
        <MediaFileButton
          className={`${button} ${idle}`}
          inputLabel="Open a video or picture"
          testId="media-input"
          onFile={(file) => void lab.openFile(file)}
        >
          Open a video or picture…
        </MediaFileButton>
        <button
          type="button"
          className={`${button} ${webcamOn ? active : idle}`}
          aria-pressed={webcamOn}
          data-testid="webcam-toggle"
          onClick={() => (webcamOn ? lab.stopWebcam() : void lab.openWebcam())}
        >
          <span className={`size-2 rounded-full ${webcamOn ? 'bg-rose-500' : 'bg-slate-400'}`} aria-hidden="true" />
          {webcamOn ? 'Stop webcam' : 'Use my webcam'}
        </button>
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite" data-testid="source-status">
        {opening ? (
          <>Opening {opening}…</>
        ) : source ? (
          <>
            <span className="font-medium text-slate-900 dark:text-slate-100">{source.name}</span> · {source.width}×
            {source.height}
            {source.duration !== null && <> · {formatSeconds(source.duration)}</>}
            {source.kind === 'webcam' && <> · live</>}
            {source.kind === 'picture' && <> · picture</>}
          </>
        ) : (
          <>No source. Pick a sample, open a file, drop one here, or use your webcam.</>
        )}
      </p>
    </div>
  );
}
