/**
 * Per-frame measurements as CSV (RFC 4180: comma-separated, CRLF line ends, a header row), so a lecturer
 * can chart a whole clip in a spreadsheet or a notebook. One row per frame; for each of the three streams
 * (original, ECB, GCM) the ten numbers {@link MetricsMeter} reports. A number that does not exist — no
 * previous frame to compare with, a correlation over constant bytes — is an empty cell, never "NaN".
 * The column list is also what the lab's numbers table reads, so the page and the file cannot disagree.
 */
import type { StreamMetrics } from './frame-metrics';

/** The streams, in column order. */
export const CSV_STREAMS = ['original', 'ecb', 'gcm'] as const;
export type CsvStream = (typeof CSV_STREAMS)[number];

/** One frame's measurements: what the lab's history and clock carry. */
export interface CsvFrame {
  /** The frame's number in its source. */
  index: number;
  /** Its presentation time, in seconds. */
  time: number;
  metrics: Record<CsvStream, StreamMetrics>;
}

/** One measure of a stream: its column name (after `<stream>_`) and how to read it. */
export interface StreamMeasure {
  name: string;
  read: (metrics: StreamMetrics) => number | null;
}

/** The measures, in column order. */
export const STREAM_MEASURES = [
  { name: 'blocks', read: (m) => m.blocks },
  { name: 'repeated_blocks', read: (m) => m.repeatedBlocks },
  { name: 'repeated_share', read: (m) => m.repeatedShare },
  { name: 'entropy', read: (m) => m.entropy },
  { name: 'chi_square', read: (m) => m.chiSquare },
  { name: 'corr_h', read: (m) => m.correlation.horizontal },
  { name: 'corr_v', read: (m) => m.correlation.vertical },
  { name: 'corr_d', read: (m) => m.correlation.diagonal },
  { name: 'unchanged_blocks', read: (m) => m.unchangedBlocks },
  { name: 'unchanged_share', read: (m) => m.unchangedShare },
] as const satisfies readonly StreamMeasure[];
export type MeasureName = (typeof STREAM_MEASURES)[number]['name'];

/**
 * A number as a cell: the shortest text that reads back as the same double (JavaScript's own), or
 * empty for null, NaN and infinities.
 * @example csvNumber(0.25) // '0.25'
 * @example csvNumber(NaN) // ''
 */
export function csvNumber(value: number | null): string {
  return value !== null && Number.isFinite(value) ? String(value) : '';
}

/**
 * The header row's names: `frame`, `time`, then `<stream>_<measure>` for each stream and measure.
 * @example metricsCsvHeader().slice(0, 4) // ['frame', 'time', 'original_blocks', 'original_repeated_blocks']
 */
export function metricsCsvHeader(): string[] {
  return ['frame', 'time', ...CSV_STREAMS.flatMap((stream) => STREAM_MEASURES.map(({ name }) => `${stream}_${name}`))];
}

/** One frame's cells, in header order. */
export function metricsCsvRow(frame: CsvFrame): string[] {
  if (typeof frame !== 'object' || frame === null) throw new TypeError('a CSV row needs a frame object');
  if (!Number.isInteger(frame.index) || frame.index < 0)
    throw new RangeError(`frame number must be an integer ≥ 0, got ${frame.index}`);
  if (!Number.isFinite(frame.time) || frame.time < 0)
    throw new RangeError(`frame ${frame.index}: time must be a number of seconds ≥ 0, got ${frame.time}`);
  const cells = [String(frame.index), csvNumber(frame.time)];
  for (const stream of CSV_STREAMS) {
    const metrics = frame.metrics?.[stream];
    if (!metrics) throw new TypeError(`frame ${frame.index} has no measurements of the ${stream} stream`);
    for (const { read } of STREAM_MEASURES) cells.push(csvNumber(read(metrics)));
  }
  return cells;
}

/**
 * The whole file: header and one row per frame, in the order given, each line ending in CRLF. Cells are
 * numbers and fixed names only, so nothing needs quoting.
 * @example metricsCsv(history.toArray()) // 'frame,time,original_blocks,…\r\n0,0.0083,43200,…\r\n'
 */
export function metricsCsv(frames: Iterable<CsvFrame>): string {
  const lines = [metricsCsvHeader().join(',')];
  for (const frame of frames) lines.push(metricsCsvRow(frame).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
