'use client';

/**
 * The lab's "Leak analytics" section: where the second leak — blocks unchanged between frames
 * under one ECB key — is shown, next to the standard measures of image encryption. Composes the motion
 * panels (PanelGrid), the numbers table, the charts and the CSV export; holds only the on/off switch.
 */
import { useEffect, useState } from 'react';
import { MOTION_PANELS } from '@/lib/worker/protocol';
import { Check } from '../fields';
import { useLab, useLabState } from '../lab/lab-context';
import { PanelGrid } from '../lab/panel-grid';
import { SourceLink } from '../source-link';
import { CsvExport } from './csv-export';
import { MetricsCharts } from './metrics-charts';
import { MetricsTable } from './metrics-table';
import { READOUT_MS, useClockEvery } from './use-clock-every';

const heading = 'text-lg font-semibold tracking-tight';

/** Says why the motion maps show no amber when the frame on screen has nothing to be compared with. */
function MotionHint() {
  const metrics = useClockEvery(READOUT_MS).measured?.metrics;
  const { source } = useLabState();
  if (!metrics || metrics.ecb.unchangedShare !== null || source?.kind === 'picture') return null;
  return (
    <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="motion-hint">
      This frame was reached by a jump, so there is no previous frame to compare it with: play, or step one frame
      forward (→).
    </p>
  );
}

/**
 * The motion maps over a dimmed copy of the picture (for the audience's bearings), or the two colours
 * alone: exactly what an eavesdropper without the key has.
 */
function UnderlaySwitch({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  return (
    <Check
      checked={on}
      onChange={onChange}
      testId="motion-underlay"
      className="flex flex-wrap items-center gap-x-2 text-sm text-slate-700 dark:text-slate-300"
    >
      Show the picture beneath the maps
      <span className="text-slate-500 dark:text-slate-400">(an eavesdropper sees only the two colours)</span>
    </Check>
  );
}

/** On/off for the whole section: off, frames are neither measured nor mapped (less work on slow machines). */
function MeasureSwitch({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={on}
      onClick={() => onChange(!on)}
      className="inline-flex shrink-0 items-center gap-3 rounded-full py-1 pr-1 pl-3 text-sm font-medium ring-1 ring-slate-300 ring-inset hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 dark:ring-slate-700 dark:hover:bg-slate-800"
      data-testid="analytics-toggle"
    >
      Measure the frames
      <span
        className={`relative inline-flex h-6 w-11 items-center rounded-full transition-colors ${on ? 'bg-amber-500' : 'bg-slate-300 dark:bg-slate-700'}`}
        aria-hidden="true"
      >
        <span
          className={`inline-block size-5 rounded-full bg-white shadow transition-transform ${on ? 'translate-x-5.5' : 'translate-x-0.5'}`}
        />
      </span>
    </button>
  );
}

/**
 * Leak analytics, below the lab's settings: the motion maps of the ECB and GCM streams (what an
 * eavesdropper without the key sees move), the standard image-encryption measures of the frame on screen,
 * live charts of them over the recent frames, and a CSV of every frame. Switching it off stops the
 * measurements and the motion maps in the workers.
 */
export function AnalyticsSection() {
  const lab = useLab();
  const [on, setOn] = useState(true);
  const [underlay, setUnderlay] = useState(true);

  useEffect(() => {
    lab.setAnalytics(on);
  }, [lab, on]);

  useEffect(() => {
    lab.setMotionUnderlay(underlay);
  }, [lab, underlay]);

  return (
    <section
      className="flex flex-col gap-6 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-6 dark:bg-slate-900 dark:ring-slate-800"
      aria-labelledby="analytics-title"
      data-testid="analytics"
      data-analytics={on ? 'on' : 'off'}
    >
      <div className="flex flex-col gap-4 lg:flex-row lg:items-start lg:justify-between">
        <div className="flex max-w-4xl flex-col gap-2">
          <h2 id="analytics-title" className="text-2xl font-bold tracking-tight">
            Leak analytics
          </h2>
          <p className="leading-relaxed text-slate-700 dark:text-slate-300">
            Zoom used <SourceLink id="citizenLab">one ECB key for the whole meeting</SourceLink>. It encrypted
            compressed video packets, so no block of its picture sat at a fixed place in the ciphertext; here each frame
            is encrypted as raw pixels, to show the principle. Under one ECB key, a 16-byte block that does not change
            from one frame to the next encrypts to the very same ciphertext, so an eavesdropper without the key sees
            where and when something moved. Below: that view, and the numbers an image-encryption paper reports (ten
            times a second while playing; for every frame when paused, stepped or exported as CSV).
          </p>
        </div>
        <MeasureSwitch on={on} onChange={setOn} />
      </div>

      {on ? (
        <>
          <div className="flex flex-col gap-3">
            <PanelGrid panels={MOTION_PANELS} />
            <UnderlaySwitch on={underlay} onChange={setUnderlay} />
            <MotionHint />
          </div>
          <div className="flex min-w-0 flex-col gap-2">
            <h3 className={heading}>This frame, in numbers</h3>
            <MetricsTable />
          </div>
          <div className="flex min-w-0 flex-col gap-2">
            <h3 className={heading}>Over the recent frames</h3>
            <MetricsCharts />
          </div>
          <div className="flex flex-col gap-2 border-t border-slate-200 pt-5 dark:border-slate-800">
            <h3 className={heading}>Every frame, as CSV</h3>
            <CsvExport />
          </div>
        </>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Off: frames are encrypted but not measured, and no motion maps are drawn. Switch it on to see what ECB leaks
          from frame to frame.
        </p>
      )}
    </section>
  );
}
