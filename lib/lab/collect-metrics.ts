/**
 * Gathers the per-frame measurements a CSV file holds, from the lab: for a video every frame, stepped
 * one by one so each is compared with the one before it (playing would skip frames); for a picture its
 * one frame; for the webcam, which cannot be rewound, the frames the lab has measured so far. No React:
 * the component only shows progress and saves the file.
 */
import type { SourceInfo } from '../media/source';
import type { CsvFrame } from '../metrics/csv';
import { abortError } from './abort';
import { frameCount, frameRate } from './frame-time';
import type { LabController } from './lab-controller';
import type { LabClock } from './lab-state';

/** The parts of the lab the collection needs. */
export type MetricsLab = Pick<LabController, 'state' | 'clock' | 'history' | 'showFrame'>;

/**
 * How many frames a video has (see lib/lab/frame-time.ts).
 * @example videoFrameCount({ kind: 'video', duration: 12, fps: 30, … }) // 360
 */
export function videoFrameCount(source: SourceInfo): number {
  if (source.kind !== 'video') throw new TypeError(`only a video has frames to step through, got a ${source.kind}`);
  if (source.duration === null) throw new RangeError(`“${source.name}” does not say how long it is`);
  return frameCount(source.duration, frameRate(source));
}

/** One frame's row from the clock that shows it; a clock without measurements (analytics off) is refused. */
export function frameRow(clock: LabClock): CsvFrame {
  if (!clock.metrics) throw new Error(`frame ${clock.frame} was not measured: turn leak analytics on`);
  return { index: clock.frame, time: clock.time, metrics: clock.metrics };
}

/** The rows there are without stepping: a picture's one frame, or the webcam's frames measured so far. */
export function recordedRows(lab: MetricsLab): CsvFrame[] {
  const { source } = lab.state.get();
  if (source?.kind === 'webcam') return lab.history.toArray();
  return [frameRow(lab.clock.get())];
}

/**
 * Steps the video through every frame, from the first, and returns each frame's measurements. Aborting
 * `signal` rejects with an AbortError once the step under way has landed, so the lab is still, paused
 * on the last frame it showed.
 * @param onProgress called with frames done and frames in all (first with 0 done)
 */
export async function collectVideoRows(
  lab: MetricsLab,
  signal: AbortSignal,
  onProgress: (done: number, total: number) => void,
): Promise<CsvFrame[]> {
  const { source } = lab.state.get();
  if (!source) throw new Error('open a video first');
  const total = videoFrameCount(source);
  const rows: CsvFrame[] = [];
  onProgress(0, total);
  for (let index = 0; index < total; index++) {
    if (signal.aborted) throw abortError('the CSV export');
    const clock = await lab.showFrame(index);
    rows.push(frameRow(clock));
    onProgress(index + 1, total);
  }
  return rows;
}
