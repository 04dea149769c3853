'use client';

/**
 * The numbers table: the frame on screen measured as an image-encryption paper would report it, with what
 * random bytes score beside each number, so a lecturer can point at "ECB = original, GCM = random".
 */
import { csvNumber, STREAM_MEASURES, type CsvStream, type MeasureName } from '@/lib/metrics/csv';
import type { StreamMetrics } from '@/lib/metrics/frame-metrics';
import { verdict as judge, type Verdict } from '@/lib/metrics/reference';
import { useLabState } from '../lab/lab-context';
import { STREAMS, streamName, TABLE_ROWS, type TableRow } from './measures';
import { READOUT_MS, useClockEvery } from './use-clock-every';

const READERS = new Map(STREAM_MEASURES.map(({ name, read }) => [name as MeasureName, read]));

function read(metric: MeasureName, metrics: StreamMetrics | undefined): number | null {
  const reader = READERS.get(metric);
  if (!reader || !metrics) return null;
  return reader(metrics);
}

const VERDICT: Record<Verdict, { mark: string; label: string; className: string }> = {
  random: {
    mark: '✓',
    label: 'as random bytes score',
    className: 'text-emerald-700 dark:text-emerald-300',
  },
  leaks: {
    mark: '✗',
    label: 'unlike random bytes: structure leaks',
    className: 'text-rose-700 dark:text-rose-300',
  },
};

/** Why a cell has no number. */
function missing(row: TableRow, metrics: StreamMetrics | undefined): string {
  if (!metrics) return 'not measured';
  if (row.metric === 'unchanged_share') return 'no previous frame';
  return 'undefined (constant bytes)';
}

function Cell({ row, stream, metrics }: { row: TableRow; stream: CsvStream; metrics: StreamMetrics | undefined }) {
  const value = read(row.metric, metrics);
  const shown = value !== null && Number.isFinite(value);
  const verdict = shown && stream !== 'original' ? VERDICT[judge(row.metric, value)] : null;
  const detail = shown && metrics ? row.detail?.(metrics) : null;
  return (
    <td
      className="px-2 py-2 text-right align-top font-mono whitespace-nowrap tabular-nums md:px-3"
      data-stream={stream}
      data-metric={row.metric}
      data-value={csvNumber(value)}
    >
      {shown ? (
        <>
          <span className={`text-base font-semibold ${row.leak ? 'sm:text-lg' : ''}`}>{row.format(value)}</span>
          {verdict && (
            <span className={`ml-1.5 font-sans font-bold ${verdict.className}`} title={verdict.label}>
              {verdict.mark}
              <span className="sr-only"> {verdict.label}</span>
            </span>
          )}
          {detail && <span className="block text-xs font-normal text-slate-500 dark:text-slate-400">{detail}</span>}
        </>
      ) : (
        <span className="text-sm text-slate-500 dark:text-slate-400" title={missing(row, metrics)}>
          —<span className="sr-only"> {missing(row, metrics)}</span>
        </span>
      )}
    </td>
  );
}

/**
 * The numbers of the frame on screen (while playing, of a recent one, four times a second): one row per
 * measure, a column per stream, and what random bytes would score with a line on what the measure means.
 * Each cell carries its raw number in data-value, written as the CSV writes it; the table its frame in
 * data-frame.
 */
export function MetricsTable() {
  const { modes } = useLabState().settings;
  const { measured, size } = useClockEvery(READOUT_MS);
  const metrics = measured?.metrics ?? null;
  const frame = measured?.index ?? null;
  const first = metrics?.original;

  return (
    // Narrow screens scroll the table sideways: the region takes focus so keys can scroll it too.
    <div
      className="min-w-0 overflow-x-auto rounded-md focus-visible:outline-2 focus-visible:outline-sky-500"
      role="region"
      aria-labelledby="metrics-table-caption"
      tabIndex={0}
      data-testid="metrics-scroll"
    >
      <table
        className="w-full border-collapse text-sm"
        data-testid="metrics-table"
        data-frame={frame ?? ''}
        aria-describedby="metrics-table-caption"
      >
        <caption id="metrics-table-caption" className="pb-2 text-left text-sm text-slate-600 dark:text-slate-400">
          {metrics && size ? (
            <>
              Frame <span className="font-mono font-semibold text-slate-900 dark:text-white">{frame}</span> ·{' '}
              {size.width}×{size.height} · {first?.blocks.toLocaleString('en')} blocks of 16 bytes per stream
            </>
          ) : (
            'No frame measured yet.'
          )}
        </caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase dark:border-slate-700 dark:text-slate-400">
            <th scope="col" className="hidden py-2 pr-3 md:table-cell">
              Measure
            </th>
            {STREAMS.map((stream) => (
              <th key={stream.id} scope="col" className="px-2 py-2 text-right whitespace-nowrap md:px-3">
                <span className={`mr-1.5 inline-block size-2.5 rounded-full ${stream.swatch}`} aria-hidden="true" />
                <span className={`${stream.text} md:hidden`}>{streamName(stream.id, modes).short}</span>
                <span className={`${stream.text} hidden md:inline`}>{streamName(stream.id, modes).title}</span>
              </th>
            ))}
            <th scope="col" className="hidden py-2 pl-6 md:table-cell">
              Random bytes give
            </th>
          </tr>
        </thead>
        {TABLE_ROWS.map((row) => (
          <tbody
            key={row.metric}
            className={`border-b border-slate-100 last:border-0 dark:border-slate-800 ${row.leak ? 'bg-amber-50/70 dark:bg-amber-950/30' : ''}`}
          >
            <tr className="md:hidden">
              <th scope="colgroup" colSpan={STREAMS.length} className="px-2 pt-2 text-left font-normal">
                <span className="font-medium text-slate-900 dark:text-slate-100">{row.label}</span>
                <span className="block text-xs text-slate-500 dark:text-slate-400">
                  Random bytes: <span className="font-mono">{row.ideal}</span>. {row.meaning}
                </span>
              </th>
            </tr>
            <tr>
              <th scope="row" className="hidden py-2 pr-3 text-left align-top font-medium md:table-cell">
                {row.label}
              </th>
              {STREAMS.map((stream) => (
                <Cell key={stream.id} row={row} stream={stream.id} metrics={metrics?.[stream.id]} />
              ))}
              <td className="hidden py-2 pl-6 align-top md:table-cell">
                <span className="font-mono font-semibold whitespace-nowrap">{row.ideal}</span>
                <span className="block text-xs leading-snug text-slate-500 dark:text-slate-400">{row.meaning}</span>
              </td>
            </tr>
          </tbody>
        ))}
      </table>
    </div>
  );
}
