'use client';

import { clockTime, frameRate, NOMINAL_FPS } from '@/lib/lab/frame-time';
import { useClockEvery, READOUT_MS } from '../analytics/use-clock-every';
import { useLab, useLabState } from './lab-context';

const iconButton =
  'inline-flex size-10 items-center justify-center rounded-full text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-100 ' +
  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 disabled:opacity-40 disabled:hover:bg-transparent ' +
  'dark:text-slate-200 dark:ring-slate-700 dark:hover:bg-slate-800';

function StepIcon({ back }: { back?: boolean }) {
  return (
    <svg viewBox="0 0 20 20" className={`size-5 ${back ? 'rotate-180' : ''}`} fill="currentColor" aria-hidden="true">
      <path d="M4 4.5v11l8-5.5-8-5.5Z" />
      <rect x="13" y="4.5" width="2.5" height="11" rx="0.8" />
    </svg>
  );
}

/**
 * Play/pause, frame steps, scrub bar, time and frame number. `compact` drops the engine status;
 * `minimal` keeps only play/pause, the scrub bar and the time.
 */
export function PlayerBar({ compact = false, minimal = false }: { compact?: boolean; minimal?: boolean }) {
  const lab = useLab();
  const { source, playing } = useLabState();
  const { frame, time, fps, dropped } = useClockEvery(READOUT_MS);
  const playable = source?.kind === 'video';
  const duration = source?.duration ?? 0;
  const step = 1 / (source ? frameRate(source) : NOMINAL_FPS);

  return (
    <div className="flex min-w-0 flex-1 flex-wrap items-center gap-x-3 gap-y-2" data-testid="player">
      {!minimal && (
        <button
          type="button"
          className={iconButton}
          onClick={() => lab.step(-1)}
          disabled={!playable}
          aria-label="Previous frame (Left arrow)"
          title="Previous frame (←)"
          data-testid="step-back"
        >
          <StepIcon back />
        </button>
      )}
      <button
        type="button"
        className={`${iconButton} size-12 bg-slate-900 text-white ring-slate-900 hover:bg-slate-700 dark:bg-white dark:text-slate-900 dark:hover:bg-slate-200`}
        onClick={() => lab.togglePlay()}
        disabled={!playable}
        aria-label={playing ? 'Pause (Space)' : 'Play (Space)'}
        aria-pressed={playing}
        title={playing ? 'Pause (Space)' : 'Play (Space)'}
        data-testid="play-toggle"
        data-state={playing ? 'playing' : 'paused'}
      >
        {playing ? (
          <svg viewBox="0 0 20 20" className="size-5" fill="currentColor" aria-hidden="true">
            <rect x="5" y="4" width="3.5" height="12" rx="1" />
            <rect x="11.5" y="4" width="3.5" height="12" rx="1" />
          </svg>
        ) : (
          <svg viewBox="0 0 20 20" className="size-5 translate-x-px" fill="currentColor" aria-hidden="true">
            <path d="M6 4v12l10-6L6 4Z" />
          </svg>
        )}
      </button>
      {!minimal && (
        <button
          type="button"
          className={iconButton}
          onClick={() => lab.step(1)}
          disabled={!playable}
          aria-label="Next frame (Right arrow)"
          title="Next frame (→)"
          data-testid="step-forward"
        >
          <StepIcon />
        </button>
      )}
      <input
        type="range"
        className="h-2 min-w-40 flex-1 cursor-pointer accent-slate-900 disabled:cursor-default dark:accent-white"
        min={0}
        max={duration || 1}
        step={step}
        value={playable ? Math.min(time, duration) : 0}
        disabled={!playable || !duration}
        onChange={(event) => lab.seek(Number(event.target.value))}
        aria-label="Position in the video"
        data-testid="scrub"
      />
      <p className="font-mono text-sm tabular-nums text-slate-700 dark:text-slate-300" data-testid="clock">
        {clockTime(playable ? time : 0)}
        {playable && duration > 0 && (
          <span className="text-slate-500 dark:text-slate-400"> / {clockTime(duration)}</span>
        )}
        {!minimal && (
          <span className="ml-3">
            frame <span data-testid="frame-number">{frame}</span>
          </span>
        )}
      </p>
      {!compact && !minimal && (
        <p
          className="text-xs text-slate-500 tabular-nums dark:text-slate-400"
          data-testid="engine-status"
          title="Frames drawn in the last second; frames skipped because the previous one was still being encrypted"
        >
          {playing || source?.kind === 'webcam' ? `${fps} frames/s` : 'paused'} · {dropped} skipped
        </p>
      )}
    </div>
  );
}
