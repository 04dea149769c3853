'use client';

/**
 * The CSV download: every frame's measures in one file, for a spreadsheet or a notebook. The stepping is
 * in collect-metrics.ts and the format in lib/metrics/csv.ts; this only shows progress and saves.
 */
import { useEffect, useRef, useState } from 'react';
import { metricsCsv, type CsvFrame } from '@/lib/metrics/csv';
import { safeFileName, saveBlob } from '@/lib/media/download';
import { useLab, useLabState } from '../lab/lab-context';
import { collectVideoRows, recordedRows, videoFrameCount } from './collect-metrics';

type Run =
  | { phase: 'idle' }
  | { phase: 'running'; done: number; total: number }
  | { phase: 'done'; name: string; rows: number }
  | { phase: 'cancelled'; done: number; total: number }
  | { phase: 'failed'; message: string };

const primary =
  'rounded-lg bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-40 dark:bg-white dark:text-slate-900 dark:hover:bg-slate-200';
const secondary =
  'rounded-lg px-3 py-1.5 text-sm font-medium ring-1 ring-slate-300 ring-inset hover:bg-slate-100 dark:ring-slate-600 dark:hover:bg-slate-800';

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * "Download CSV of every frame": for a video, steps through all its frames (progress and cancel) and
 * saves one row per frame; for a picture, its one frame; for the webcam, the frames measured so far.
 */
export function CsvExport() {
  const lab = useLab();
  const { source } = useLabState();
  const running = useRef<AbortController | null>(null);
  const [run, setRun] = useState<Run>({ phase: 'idle' });

  useEffect(() => () => running.current?.abort(), []);

  const save = (rows: CsvFrame[]) => {
    const name = `ecb-lens-${safeFileName(source?.name ?? 'frames')}-metrics.csv`;
    saveBlob(new Blob([metricsCsv(rows)], { type: 'text/csv' }), name);
    setRun({ phase: 'done', name, rows: rows.length });
  };

  const start = async () => {
    if (!source || running.current) return;
    if (source.kind !== 'video') {
      try {
        save(recordedRows(lab));
      } catch (error) {
        setRun({ phase: 'failed', message: `The CSV could not be made: ${describe(error)}` });
      }
      return;
    }
    const controller = new AbortController();
    running.current = controller;
    try {
      const rows = await collectVideoRows(lab, controller.signal, (done, total) =>
        setRun({ phase: 'running', done, total }),
      );
      save(rows);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError')
        setRun((current) => ({
          phase: 'cancelled',
          done: current.phase === 'running' ? current.done : 0,
          total: current.phase === 'running' ? current.total : 0,
        }));
      else setRun({ phase: 'failed', message: `The CSV could not be made: ${describe(error)}` });
    } finally {
      running.current = null;
    }
  };

  const kind = source?.kind ?? null;
  const frames = source?.kind === 'video' && source.duration !== null ? videoFrameCount(source) : null;
  const busy = run.phase === 'running';
  const label =
    kind === 'video'
      ? 'Download CSV of every frame'
      : kind === 'webcam'
        ? 'Download CSV of frames so far'
        : 'Download CSV';
  const note =
    kind === 'video'
      ? frames === null
        ? 'This video does not say how long it is, so its frames cannot be counted.'
        : `Steps through all ${frames.toLocaleString('en')} frames one by one, so each is compared with the one before; the charts fill as it goes and the lab stays on the last frame.`
      : kind === 'webcam'
        ? `A camera cannot be rewound: the file holds the frames measured so far, one row each (the last ${lab.history.capacity} at most).`
        : kind === 'picture'
          ? 'A picture is one frame: one row.'
          : 'Open a source first.';
  const progressText = run.phase === 'running' ? `frame ${run.done} of ${run.total}` : '';

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-3">
        {busy ? (
          <button
            type="button"
            className={secondary}
            onClick={() => running.current?.abort()}
            data-testid="metrics-csv-cancel"
          >
            Cancel
          </button>
        ) : (
          <button
            type="button"
            className={primary}
            onClick={() => void start()}
            disabled={!source || (kind === 'video' && frames === null)}
            data-testid="metrics-csv"
          >
            {label}
          </button>
        )}
        {run.phase === 'running' && (
          <div className="flex min-w-48 flex-1 items-center gap-3">
            <progress
              className="h-2 flex-1 accent-sky-600"
              max={run.total}
              value={run.done}
              aria-label="CSV export progress"
              aria-valuetext={progressText}
              data-testid="metrics-csv-progress"
            />
            <span className="font-mono text-xs tabular-nums">{progressText}</span>
          </div>
        )}
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        One row per frame: frame number, time, and for the original, ECB and GCM the block counts, repeated and
        unchanged shares, entropy, χ² and the three correlations. {note}
      </p>
      <p role="status" className="text-sm empty:hidden" data-testid="metrics-csv-status">
        {run.phase === 'done' && `Saved ${run.name} (${run.rows} ${run.rows === 1 ? 'row' : 'rows'}).`}
        {run.phase === 'cancelled' && `Cancelled at frame ${run.done} of ${run.total}; nothing was saved.`}
      </p>
      {run.phase === 'failed' && (
        <p role="alert" className="text-sm text-rose-700 dark:text-rose-300" data-testid="metrics-csv-error">
          {run.message}
        </p>
      )}
    </div>
  );
}
