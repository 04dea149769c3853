'use client';

/**
 * The CSV download: every frame's measures in one file, for a spreadsheet or a notebook. The stepping is
 * in collect-metrics.ts and the format in lib/metrics/csv.ts; this only shows progress and saves.
 */
import { metricsCsv, type CsvFrame } from '@/lib/metrics/csv';
import { saveBlob } from '@/lib/media/download';
import { metricsFileName } from '@/lib/media/export/file-names';
import { RunOrCancel, TaskOutcome, TaskProgress, useTask } from '../task';
import { useLab, useLabState } from '../lab/lab-context';
import { collectVideoRows, recordedRows, videoFrameCount } from '@/lib/lab/collect-metrics';

/** What a finished export reports. */
interface Saved {
  name: string;
  rows: number;
}

/**
 * "Download CSV of every frame": for a video, steps through all its frames (progress and cancel) and
 * saves one row per frame; for a picture, its one frame; for the webcam, the frames measured so far.
 */
export function CsvExport() {
  const lab = useLab();
  const { source } = useLabState();
  const { run, busy, start: startTask, cancel } = useTask<Saved>();

  const save = (rows: CsvFrame[]): Saved => {
    const name = metricsFileName(source?.name ?? 'frames');
    saveBlob(new Blob([metricsCsv(rows)], { type: 'text/csv' }), name);
    return { name, rows: rows.length };
  };

  const start = async () => {
    if (!source) return;
    await startTask(
      async (signal, progress) =>
        save(source.kind === 'video' ? await collectVideoRows(lab, signal, progress) : recordedRows(lab)),
      'The CSV could not be made',
    );
  };

  const kind = source?.kind ?? null;
  const frames = source?.kind === 'video' && source.duration !== null ? videoFrameCount(source) : null;
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
        ? `A camera cannot be rewound: the file holds the frames measured so far, one row each (the last ${lab.history.capacity} at most; while it plays, the lab measures up to ten frames a second).`
        : kind === 'picture'
          ? 'A picture is one frame: one row.'
          : 'Open a source first.';

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-3">
        <RunOrCancel
          busy={busy}
          onRun={() => void start()}
          onCancel={cancel}
          disabled={!source || (kind === 'video' && frames === null)}
          runTestId="metrics-csv"
          cancelTestId="metrics-csv-cancel"
        >
          {label}
        </RunOrCancel>
        <TaskProgress
          run={run}
          label="CSV export progress"
          testId="metrics-csv-progress"
          className="flex min-w-48 flex-1 items-center gap-3"
        />
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        One row per frame: frame number, time, and for the original, ECB and GCM the block counts, repeated and
        unchanged shares, entropy, χ² and the three correlations. {note}
      </p>
      <TaskOutcome
        run={run}
        saved={({ name, rows }) => `Saved ${name} (${rows} ${rows === 1 ? 'row' : 'rows'}).`}
        statusTestId="metrics-csv-status"
        errorTestId="metrics-csv-error"
        statusClassName="text-sm empty:hidden"
      />
    </div>
  );
}
