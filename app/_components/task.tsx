'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

import { primaryButton, secondaryButton } from './fields';

/**
 * A long task of the lab's (a clip, a CSV of every frame): the states it goes through, the button that
 * starts and cancels it, its progress and how it ended.
 */

/** A long task with progress and cancel; `Done` is what the finished state reports. */
export type TaskRun<Done> =
  | { phase: 'idle' }
  | { phase: 'running'; done: number; total: number }
  | ({ phase: 'done' } & Done)
  | { phase: 'cancelled'; done: number; total: number }
  | { phase: 'failed'; message: string };

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Reports progress of a task: frames done of a total. */
export type Progress = (done: number, total: number) => void;

/**
 * Runs one long task at a time with progress and cancel: `start(work, failure)` runs `work` with an
 * abort signal, shows its progress, and ends as done (with what `work` returned), cancelled (where it
 * stopped) or failed (`failure: reason`). Unmounting cancels a task still running.
 */
export function useTask<Done extends object>() {
  const [run, setRun] = useState<TaskRun<Done>>({ phase: 'idle' });
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);

  const cancel = useCallback(() => running.current?.abort(), []);
  const start = async (work: (signal: AbortSignal, progress: Progress) => Promise<Done>, failure: string) => {
    if (running.current) return;
    const controller = new AbortController();
    running.current = controller;
    try {
      const done = await work(controller.signal, (done, total) => setRun({ phase: 'running', done, total }));
      setRun({ phase: 'done', ...done });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError')
        setRun((current) => ({
          phase: 'cancelled',
          done: current.phase === 'running' ? current.done : 0,
          total: current.phase === 'running' ? current.total : 0,
        }));
      else setRun({ phase: 'failed', message: `${failure}: ${describeError(error)}` });
    } finally {
      running.current = null;
    }
  };
  return { run, setRun, busy: run.phase === 'running', start, cancel };
}

/** A task's button: starts it, and while it runs, cancels it. */
export function RunOrCancel({
  busy,
  onRun,
  onCancel,
  disabled = false,
  runTestId,
  cancelTestId,
  children,
}: {
  busy: boolean;
  onRun: () => void;
  onCancel: () => void;
  disabled?: boolean;
  runTestId: string;
  cancelTestId: string;
  children: React.ReactNode;
}) {
  return busy ? (
    <button type="button" className={secondaryButton} onClick={onCancel} data-testid={cancelTestId}>
      Cancel
    </button>
  ) : (
    <button type="button" className={primaryButton} onClick={onRun} disabled={disabled} data-testid={runTestId}>
      {children}
    </button>
  );
}

/** A running task's progress bar and "frame n of m"; nothing when the task is not running. */
export function TaskProgress({
  run,
  label,
  testId,
  textTestId,
  className = 'flex items-center gap-3',
}: {
  run: TaskRun<object>;
  label: string;
  testId: string;
  textTestId?: string;
  className?: string;
}) {
  if (run.phase !== 'running') return null;
  const text = `frame ${run.done} of ${run.total}`;
  return (
    <div className={className}>
      <progress
        className="h-2 flex-1 accent-sky-600"
        max={run.total}
        value={run.done}
        aria-label={label}
        aria-valuetext={text}
        data-testid={testId}
      />
      <span className="font-mono text-xs tabular-nums" data-testid={textTestId}>
        {text}
      </span>
    </div>
  );
}

/**
 * How a task ended: a status line (what `saved` says of a finished task, or where it was cancelled) and,
 * if it failed, an alert with the reason.
 */
export function TaskOutcome<Done extends object>({
  run,
  saved,
  statusTestId,
  errorTestId,
  statusClassName = 'text-sm',
}: {
  run: TaskRun<Done>;
  saved: (done: Done) => string;
  statusTestId: string;
  errorTestId: string;
  statusClassName?: string;
}) {
  return (
    <>
      <p role="status" className={statusClassName} data-testid={statusTestId}>
        {run.phase === 'done' && saved(run)}
        {run.phase === 'cancelled' && `Cancelled at frame ${run.done} of ${run.total}; nothing was saved.`}
      </p>
      {run.phase === 'failed' && (
        <p role="alert" className="text-sm text-rose-700 dark:text-rose-300" data-testid={errorTestId}>
          {run.message}
        </p>
      )}
    </>
  );
}
