'use client';

/**
 * One track's packets on a uPlot timeline: each packet's size on the wire under ECB and under GCM (the
 * same shape: encryption keeps the sizes), with bands along the bottom for what an eavesdropper reads
 * from them and, where the sample knows it, the truth.
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Interval } from '@/lib/traffic/activity';

const HEIGHT = 240;
/** Band rows under the zero line (CSS pixels, with a 3-pixel gap): the eavesdropper's readings, and the truth. */
const BAND = 10;
const ROW = BAND + 3;
/** The plot area's height, about: HEIGHT less the time axis. */
const PLOT = HEIGHT - 50;

/** Bytes on the axis: 900 B, 12 kB. */
function bytes(value: number): string {
  return value >= 1000 ? `${value / 1000} kB` : `${value} B`;
}

export interface TimelineBand {
  label: string;
  intervals: readonly Interval[];
  colour: string;
}

interface Data {
  times: number[];
  ecb: number[];
  gcm: number[];
  duration: number;
  bands: readonly TimelineBand[];
}

/** The two lines: Okabe–Ito vermillion and blue (https://jfly.uni-koeln.de/color/), solid and dashed. */
const LINE = { ecb: '#d55e00', gcm: '#0072b2' };

function options(width: number, font: string, data: () => Data): uPlot.Options {
  const axis: uPlot.Axis = {
    stroke: '#475569',
    font: `12px ${font}`,
    grid: { stroke: '#e2e8f0', width: 1 },
    ticks: { stroke: '#e2e8f0', width: 1, size: 4 },
  };
  return {
    width,
    height: HEIGHT,
    legend: { show: false },
    cursor: { show: false },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    scales: {
      x: { time: false, range: () => [0, Math.max(1, data().duration)] },
      y: {
        // Room under zero for the band rows: the same share of the range as of the plot's height.
        range: (_u, _min, max) => {
          const top = Math.max(64, (max ?? 0) * 1.1);
          const share = Math.min(0.5, (data().bands.length * ROW + 4) / PLOT);
          return [(-top * share) / (1 - share), top];
        },
      },
    },
    axes: [
      { ...axis, values: (_u, splits) => splits.map((v) => `${v} s`) },
      {
        ...axis,
        size: 56,
        filter: (_u, splits) => splits.map((v) => (v < 0 ? null : v)),
        values: (_u, splits) => splits.map((v) => (v == null || v < 0 ? '' : bytes(v))),
      },
    ],
    series: [
      {},
      { label: 'ECB', stroke: LINE.ecb, width: 2, points: { show: false } },
      { label: 'GCM', stroke: LINE.gcm, width: 1.5, dash: [5, 3], points: { show: false } },
    ],
    hooks: {
      draw: [
        (u) => {
          const { ctx } = u;
          const { bands } = data();
          const pixel = devicePixelRatio;
          const zero = u.valToPos(0, 'y', true);
          bands.forEach((band, row) => {
            const y = zero + (4 + row * ROW) * pixel;
            ctx.fillStyle = band.colour;
            for (const [start, end] of band.intervals) {
              const x0 = u.valToPos(start, 'x', true);
              const x1 = u.valToPos(end, 'x', true);
              ctx.fillRect(x0, y, Math.max(pixel, x1 - x0), BAND * pixel);
            }
          });
        },
      ],
    },
  };
}

/**
 * A track's packet sizes over time, ECB and GCM, with the bands below. The element carries the bands'
 * intervals as data attributes (data-band-0, …), rounded to the hundredth of a second.
 */
export function SizeTimeline({
  title,
  times,
  ecb,
  gcm,
  duration,
  bands,
  testId,
}: Data & { title: string; testId: string }) {
  const element = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const latest = useRef<Data>({ times, ecb, gcm, duration, bands });
  useEffect(() => {
    latest.current = { times, ecb, gcm, duration, bands };
    plot.current?.setData([times, ecb, gcm]);
  });

  useEffect(() => {
    const target = element.current;
    if (!target) return;
    const font = getComputedStyle(target).fontFamily;
    const { times: t, ecb: e, gcm: g } = latest.current;
    const created = new uPlot(
      options(Math.max(1, target.clientWidth), font, () => latest.current),
      [t, e, g],
      target,
    );
    plot.current = created;
    const resize = new ResizeObserver(([entry]) => {
      const width = Math.floor(entry.contentRect.width);
      if (width > 0 && width !== created.width) created.setSize({ width, height: HEIGHT });
    });
    resize.observe(target);
    return () => {
      resize.disconnect();
      created.destroy();
      plot.current = null;
    };
  }, []);

  const bandData = Object.fromEntries(
    bands.map((band, i) => [
      `data-band-${i}`,
      JSON.stringify(band.intervals.map(([a, b]) => [Math.round(a * 100) / 100, Math.round(b * 100) / 100])),
    ]),
  );
  return (
    <figure className="flex min-w-0 flex-col gap-2">
      <figcaption className="flex flex-wrap items-baseline gap-x-4 gap-y-1 text-sm">
        <span className="font-semibold">{title}</span>
        <span className="flex items-center gap-1.5 text-slate-600 dark:text-slate-400">
          <span className="inline-block h-1 w-5 rounded-full bg-[#d55e00]" aria-hidden="true" /> ECB on the wire (solid)
        </span>
        <span className="flex items-center gap-1.5 text-slate-600 dark:text-slate-400">
          <span className="inline-block h-1 w-5 rounded-full bg-[#0072b2]" aria-hidden="true" /> GCM on the wire
          (dashed)
        </span>
        {bands.map((band) => (
          <span key={band.label} className="flex items-center gap-1.5 text-slate-600 dark:text-slate-400">
            <span
              className="inline-block size-2.5 rounded-sm"
              style={{ backgroundColor: band.colour }}
              aria-hidden="true"
            />
            {band.label}
          </span>
        ))}
      </figcaption>
      <div
        ref={element}
        className="min-h-[240px] w-full overflow-hidden"
        role="img"
        aria-label={`${title}: packet sizes on the wire over time, ECB and GCM alike; ${bands.map((band) => `${band.label}: ${band.intervals.map(([a, b]) => `${a.toFixed(1)}–${b.toFixed(1)} s`).join(', ') || 'none'}`).join('; ')}`}
        data-testid={testId}
        data-packets={times.length}
        {...bandData}
      />
    </figure>
  );
}
