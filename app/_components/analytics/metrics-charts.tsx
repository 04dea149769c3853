'use client';

/**
 * The live charts, drawn with uPlot (canvas, fast, no per-frame DOM): the leak measures over the recent
 * frames, so a class sees the unchanged share dip when the speaker talks and stay flat on a slide.
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { LabController } from '@/lib/lab/lab-controller';
import type { CsvStream } from '@/lib/metrics/csv';
import { useLab, useLabState } from '../lab/lab-context';
import { CHART_COLOURS, CHARTS, STREAMS, streamName, type ChartSpec } from './measures';

/** Plot height in CSS pixels (axes included). */
const HEIGHT = 180;

/**
 * While playing, the charts move on at most this often (ms): smooth enough to follow, and a third of the
 * main-thread work of redrawing four charts at 30 frames/s. Paused, the next animation frame redraws.
 */
const PLAYING_INTERVAL_MS = 100;

/**
 * Series order: ECB drawn first and thick, the original dashed on top, so ECB = original shows as both;
 * GCM dotted. Line styles tell the series apart without their colours.
 */
const ORDER = ['ecb', 'original', 'gcm'] as const;

/** How each series' line is drawn, for the legend. */
const LINE_STYLE: Record<CsvStream, string> = { ecb: 'thick', original: 'dashed', gcm: 'dotted' };

type Colours = (typeof CHART_COLOURS)['light' | 'dark'];

/** Whether the charts sit in dark mode: a `.dark`/`.light` ancestor decides, else the OS. */
function isDark(element: Element, media: MediaQueryList): boolean {
  const forced = element.closest('.dark, .light');
  return forced ? forced.classList.contains('dark') : media.matches;
}

function options(spec: ChartSpec, width: number, colours: () => Colours, font: string): uPlot.Options {
  const axis = (values: uPlot.Axis['values']): uPlot.Axis => ({
    stroke: () => colours().axis,
    font: `12px ${font}`,
    grid: { stroke: () => colours().grid, width: 1 },
    ticks: { stroke: () => colours().grid, width: 1, size: 4 },
    values,
  });
  const [low, high] = spec.range;
  return {
    width,
    height: HEIGHT,
    legend: { show: false },
    cursor: { show: false },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    scales: {
      x: { time: false },
      y: spec.fitted
        ? { range: (_u, min, max) => [Math.min(low, Math.floor((min ?? low) * 10) / 10), Math.max(high, max ?? high)] }
        : { auto: false, range: [low, high] },
    },
    axes: [
      axis((_u, splits) => splits.map((v) => `${v} s`)),
      {
        ...axis((_u, splits) => splits.map((v) => (spec.unit === '%' ? `${v}%` : String(v)))),
        size: 44,
      },
    ],
    series: [
      {},
      { label: 'ECB', stroke: () => colours().ecb, width: 3 },
      { label: 'Original', stroke: () => colours().original, width: 1.5, dash: [6, 4] },
      { label: 'GCM', stroke: () => colours().gcm, width: 2, dash: [2, 3] },
    ],
  };
}

/**
 * Draws the recent history into the charts: created once, fed with setData at most once per animation
 * frame (and while playing, at most every {@link PLAYING_INTERVAL_MS}), reusing the same arrays.
 * Returns the cleanup.
 */
function mountCharts(lab: LabController, root: HTMLElement, elements: HTMLElement[]): () => void {
  const media = matchMedia('(prefers-color-scheme: dark)');
  let dark = isDark(root, media);
  const colours = () => CHART_COLOURS[dark ? 'dark' : 'light'];
  const font = getComputedStyle(root).fontFamily;

  const xs: number[] = [];
  const columns = CHARTS.map(() => ORDER.map(() => [] as (number | null)[]));
  const data = columns.map((series) => [xs, ...series] as uPlot.AlignedData);
  const plots = CHARTS.map(
    (spec, c) => new uPlot(options(spec, Math.max(1, elements[c].clientWidth), colours, font), data[c], elements[c]),
  );

  let pending = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let drawn = -1;
  let drawnAt = -Infinity;
  let points = 0;
  const update = () => {
    pending = 0;
    drawnAt = performance.now();
    const { history } = lab;
    if (history.version === drawn) return;
    drawn = history.version;
    const n = history.length;
    xs.length = n;
    for (const series of columns) for (const values of series) values.length = n;
    for (let i = 0; i < n; i++) {
      const row = history.at(i);
      if (!row) continue;
      xs[i] = row.time;
      for (let c = 0; c < CHARTS.length; c++) {
        const { read } = CHARTS[c];
        for (let s = 0; s < ORDER.length; s++) columns[c][s][i] = read(row.metrics[ORDER[s]]);
      }
    }
    for (let c = 0; c < plots.length; c++) plots[c].setData(data[c]);
    if (n !== points) {
      points = n;
      for (const element of elements) element.dataset.points = String(n);
    }
  };
  const draw = () => {
    timer = null;
    pending = requestAnimationFrame(update);
  };
  const schedule = () => {
    if (pending !== 0 || timer !== null || lab.history.version === drawn) return;
    const wait = lab.state.get().playing ? drawnAt + PLAYING_INTERVAL_MS - performance.now() : 0;
    if (wait <= 0) draw();
    else timer = setTimeout(draw, wait);
  };
  const unsubscribe = lab.clock.subscribe(schedule);
  schedule();

  const resize = new ResizeObserver((entries) => {
    for (const entry of entries) {
      const c = elements.indexOf(entry.target as HTMLElement);
      const width = Math.floor(entry.contentRect.width);
      if (c >= 0 && width > 0 && width !== plots[c].width) plots[c].setSize({ width, height: HEIGHT });
    }
  });
  elements.forEach((element) => resize.observe(element));

  const onTheme = () => {
    dark = isDark(root, media);
    plots.forEach((plot) => plot.redraw(false));
  };
  media.addEventListener('change', onTheme);

  return () => {
    media.removeEventListener('change', onTheme);
    resize.disconnect();
    unsubscribe();
    cancelAnimationFrame(pending);
    if (timer !== null) clearTimeout(timer);
    plots.forEach((plot) => plot.destroy());
  };
}

/**
 * The measures over the recent frames (up to 30 s at 30 frames/s, starting over after a seek back or a
 * settings change) as live uPlot charts, one per measure, ECB, original and GCM in the panels' colours.
 * Each chart's element carries data-points, the number of frames it shows.
 */
export function MetricsCharts() {
  const lab = useLab();
  const { modes } = useLabState().settings;
  const root = useRef<HTMLDivElement>(null);
  const targets = useRef<(HTMLDivElement | null)[]>([]);

  useEffect(() => {
    const elements = targets.current.filter((element): element is HTMLDivElement => element !== null);
    if (!root.current || elements.length !== CHARTS.length) return;
    return mountCharts(lab, root.current, elements);
  }, [lab]);

  return (
    <div ref={root} className="flex min-w-0 flex-col gap-3">
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label="Chart legend">
        {ORDER.map((id) => {
          const stream = STREAMS.find((candidate) => candidate.id === id);
          return (
            <li key={id} className="flex items-center gap-2">
              <span
                className={`inline-block h-1 w-6 rounded-full ${stream?.swatch ?? ''} ${id === 'original' ? 'opacity-70' : ''}`}
                aria-hidden="true"
              />
              <span className={stream?.text}>{streamName(id, modes).title}</span>
              <span className="text-xs text-slate-600 dark:text-slate-400">({LINE_STYLE[id]})</span>
            </li>
          );
        })}
      </ul>
      <div className="grid gap-x-6 gap-y-4 sm:grid-cols-2 xl:grid-cols-4">
        {CHARTS.map((spec, c) => (
          <figure key={spec.name} className="flex min-w-0 flex-col gap-1">
            <figcaption className="text-sm font-medium">
              {spec.title}
              {spec.unit && <span className="font-normal text-slate-500 dark:text-slate-400"> · {spec.unit}</span>}
            </figcaption>
            <div
              ref={(element) => {
                targets.current[c] = element;
              }}
              className="group relative min-h-[180px] w-full overflow-hidden"
              data-testid={`metrics-chart-${spec.name}`}
              data-points="0"
              role="img"
              aria-label={`${spec.title} of ${streamName('ecb', modes).short}, the original and ${streamName('gcm', modes).short} over the recent frames`}
            >
              <p className="pointer-events-none absolute inset-0 hidden items-center justify-center text-sm text-slate-500 group-data-[points=0]:flex dark:text-slate-400">
                Play the video to plot the frames.
              </p>
            </div>
          </figure>
        ))}
      </div>
    </div>
  );
}
