/**
 * What the leak analytics show and how they read: the table's rows (each measure, what random bytes
 * would score, one line on what it means), the charts, the three streams' names and colours, and the
 * number formats. Kept apart from the components so the wording can be reviewed in one place; the
 * numbers themselves come from lib/metrics/csv.ts's column list, the same the CSV file uses.
 */
import type { CsvStream } from '@/lib/metrics/csv';
import type { StreamMetrics } from '@/lib/metrics/frame-metrics';
import { REFERENCE, type JudgedMeasure } from '@/lib/metrics/reference';
import type { Mode } from '@/lib/cipher/keys';
import type { CipherPanel } from '@/lib/worker/protocol';
import { panelCopy } from '@/app/_content/panels';

/**
 * The three streams, as the table's columns and the charts' series. ECB and GCM take two colours of
 * Okabe and Ito's palette for colour-blind readers, vermillion and blue, which stay apart under
 * protanopia, deuteranopia and tritanopia (M. Okabe, K. Ito, "Color Universal Design",
 * https://jfly.uni-koeln.de/color/, 2008); the original is grey. Names and line styles say the same.
 */
export const STREAMS: readonly { id: CsvStream; swatch: string; text: string }[] = [
  { id: 'original', swatch: 'bg-slate-500 dark:bg-slate-400', text: 'text-slate-700 dark:text-slate-200' },
  { id: 'ecb', swatch: 'bg-[#d55e00] dark:bg-[#e69f00]', text: 'text-[#a84a00] dark:text-[#e69f00]' },
  { id: 'gcm', swatch: 'bg-[#0072b2] dark:bg-[#56b4e9]', text: 'text-[#0072b2] dark:text-[#56b4e9]' },
];

/**
 * A stream's name in full (the panel's title: 'Original', 'AES-128-ECB' …) and short ('ECB'), for the
 * modes the ciphertext panels show.
 */
export function streamName(
  stream: CsvStream,
  modes: Readonly<Record<CipherPanel, Mode>>,
): { title: string; short: string } {
  if (stream === 'original') return { title: panelCopy('original').title, short: 'Original' };
  return { title: panelCopy(stream, modes).title, short: modes[stream].toUpperCase() };
}

/**
 * The same colours for the charts' canvas: Tailwind's slate-500/400 and Okabe–Ito's vermillion and blue
 * (orange and sky blue on dark, where they stand out better).
 */
export const CHART_COLOURS = {
  light: { original: '#64748b', ecb: '#d55e00', gcm: '#0072b2', axis: '#475569', grid: '#e2e8f0' },
  dark: { original: '#94a3b8', ecb: '#e69f00', gcm: '#56b4e9', axis: '#94a3b8', grid: '#334155' },
} as const;

const count = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
/** No minus sign on a value that rounds to zero: "-0.000" would read as a finding. */
const fixed = (digits: number) =>
  new Intl.NumberFormat('en', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: 'negative',
  });
const two = fixed(2);
const three = fixed(3);
const one = fixed(1);

/** A share as a percentage: two decimals below 10 % (so 0.00 % reads as "none"), one above. */
export function percent(share: number): string {
  const value = share * 100;
  return `${value < 10 ? two.format(value) : one.format(value)} %`;
}

/** One row of the numbers table. */
export interface TableRow {
  /** The measure (the CSV column after `<stream>_`, the cell's data-metric, and what its verdict judges). */
  metric: JudgedMeasure;
  label: string;
  /** What uniform random bytes — ideal ciphertext — score. */
  ideal: string;
  /** One line on what the number means. */
  meaning: string;
  /** The leak this page is about: highlighted. */
  leak?: boolean;
  format(value: number): string;
  /** A second line under the number (counts behind a share). */
  detail?(metrics: StreamMetrics): string | null;
}

const correlationRow = (metric: 'corr_h' | 'corr_v' | 'corr_d', label: string, neighbour: string): TableRow => ({
  metric,
  label,
  ideal: '≈ 0',
  meaning: `Each byte against the same byte of the pixel ${neighbour}: pictures 0.9–0.99, ciphertext ≈ 0.`,
  format: (value) => three.format(value),
});

export const TABLE_ROWS: readonly TableRow[] = [
  {
    metric: 'repeated_share',
    label: 'Repeated 16-byte blocks',
    ideal: '0 %',
    meaning: 'Blocks whose value occurs elsewhere in the frame. ECB keeps the original’s count exactly.',
    leak: true,
    format: percent,
    detail: (m) => `${count.format(m.repeatedBlocks)} of ${count.format(m.blocks)}`,
  },
  {
    metric: 'unchanged_share',
    label: 'Unchanged since the last frame',
    ideal: '0 %',
    meaning: 'Blocks identical to the previous frame’s: under one ECB key, what an eavesdropper sees stand still.',
    leak: true,
    format: percent,
    detail: (m) =>
      m.unchangedBlocks === null ? null : `${count.format(m.unchangedBlocks)} of ${count.format(m.blocks)}`,
  },
  {
    metric: 'entropy',
    label: 'Shannon entropy, bits per byte',
    ideal: String(REFERENCE.entropy),
    meaning: 'How unpredictable a byte is. Pictures score lower; good ciphertext ≈ 8.',
    format: (value) => three.format(value),
  },
  {
    metric: 'chi_square',
    label: 'χ² of the byte histogram',
    ideal: `< ${REFERENCE.chiSquareCritical}`,
    meaning: `Could the bytes be uniform random? Below ${REFERENCE.chiSquareCritical} passes (255 degrees of freedom, 5 % level), so even perfect ciphertext fails about 1 frame in 20.`,
    format: (value) => (value < 10_000 ? one.format(value) : count.format(value)),
  },
  correlationRow('corr_h', 'Correlation, horizontal', 'to its right'),
  correlationRow('corr_v', 'Correlation, vertical', 'below'),
  correlationRow('corr_d', 'Correlation, diagonal', 'below and to the right'),
];

/** One live chart: a measure of the three streams over the recent frames. */
export interface ChartSpec {
  /** Test id suffix: metrics-chart-<name>. */
  name: 'repeated' | 'unchanged' | 'entropy' | 'correlation';
  title: string;
  /** The value plotted (null: no point). */
  read(metrics: StreamMetrics): number | null;
  /** Fixed y range, or null for one fitted to the data with these bounds always included. */
  range: readonly [number, number];
  fitted: boolean;
  unit: string;
}

const finite = (value: number | null): number | null => (value !== null && Number.isFinite(value) ? value : null);

export const CHARTS: readonly ChartSpec[] = [
  {
    name: 'repeated',
    title: 'Repeated blocks',
    read: (m) => m.repeatedShare * 100,
    range: [0, 100],
    fitted: false,
    unit: '%',
  },
  {
    name: 'unchanged',
    title: 'Unchanged since the last frame',
    read: (m) => (m.unchangedShare === null ? null : m.unchangedShare * 100),
    range: [0, 100],
    fitted: false,
    unit: '%',
  },
  {
    name: 'entropy',
    title: 'Entropy',
    read: (m) => finite(m.entropy),
    range: [0, 8],
    fitted: false,
    unit: 'bits per byte',
  },
  {
    name: 'correlation',
    title: 'Horizontal correlation',
    read: (m) => finite(m.correlation.horizontal),
    range: [-0.1, 1],
    fitted: true,
    unit: '',
  },
];
