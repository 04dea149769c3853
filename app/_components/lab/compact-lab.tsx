'use client';

import { useEffect, useState } from 'react';
import { LAYOUTS } from '@/lib/cipher/layout';
import type { LabController } from '@/lib/lab/lab-controller';
import type { LabParams } from '@/lib/lab/lab-options';
import { DepthRange } from '../fields';
import { LabContext, useLab, useLabState } from './lab-context';
import { NewKeysButton } from './new-keys-button';
import { PanelGrid } from './panel-grid';
import { PlayerBar } from './player-bar';
import { useLabController } from './use-lab-controller';

/** Problems with the options (bad or unknown values), listed once and dismissible. */
function OptionsNotice({ problems }: { problems: string[] }) {
  const [open, setOpen] = useState(problems.length > 0);
  if (!open) return null;
  return (
    <div
      role="status"
      data-testid="options-notice"
      className="flex items-start justify-between gap-3 rounded-lg bg-amber-50 px-3 py-2 text-xs text-amber-900 ring-1 ring-amber-200 ring-inset dark:bg-amber-950/60 dark:text-amber-100 dark:ring-amber-900"
    >
      <ul className="list-disc pl-4">
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
      <button type="button" onClick={() => setOpen(false)} className="shrink-0 font-medium underline">
        Dismiss
      </button>
    </div>
  );
}

/** Input errors (a bad sample, a failed frame) in a compact lab. */
function CompactError() {
  const lab = useLab();
  const { error } = useLabState();
  if (!error) return null;
  return (
    <p
      role="alert"
      data-testid="lab-error"
      className="rounded-lg bg-rose-50 px-3 py-2 text-xs text-rose-900 dark:bg-rose-950/60 dark:text-rose-100"
    >
      {error}{' '}
      <button type="button" className="font-medium underline" onClick={() => lab.dismissError()}>
        Dismiss
      </button>
    </p>
  );
}

/** Layout, colour depth and new keys in one row: the `full` controls of a compact lab. */
function QuickSettings() {
  const lab = useLab();
  const { settings } = useLabState();
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-xs">
      <label className="flex items-center gap-1.5">
        Layout
        <select
          value={settings.layout}
          onChange={(event) => lab.setLayout(event.target.value as LabParams['layout'])}
          className="rounded-md bg-white px-1.5 py-0.5 ring-1 ring-slate-300 ring-inset dark:bg-slate-900 dark:ring-slate-700"
          data-testid="quick-layout"
        >
          {LAYOUTS.map((layout) => (
            <option key={layout}>{layout}</option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-1.5">
        Colour depth <span className="w-12 font-mono">{settings.bits} bits</span>
        <DepthRange
          value={settings.bits}
          onChange={(bits) => lab.setBits(bits)}
          className="accent-slate-900 dark:accent-white"
          testId="quick-bits"
        />
      </label>
      <NewKeysButton className="rounded-md px-2 py-0.5 font-medium ring-1 ring-slate-300 ring-inset hover:bg-slate-100 dark:ring-slate-700 dark:hover:bg-slate-800" />
    </div>
  );
}

/**
 * The lab without site chrome: panels, and as much control as `params.controls` asks for. Used by
 * `/embed` and by the story's inline demos. `onController` hands the controller to the caller (the
 * embed's postMessage bridge).
 */
export function CompactLab({
  params,
  problems = [],
  expose = false,
  onController,
}: {
  params: LabParams;
  problems?: string[];
  expose?: boolean;
  onController?: (lab: LabController) => void;
}) {
  const lab = useLabController(params, [], { expose });

  useEffect(() => {
    onController?.(lab);
  }, [lab, onController]);

  useEffect(() => {
    lab.redraw();
  }, [lab, params.panels]);

  return (
    <LabContext.Provider value={lab}>
      <div className="flex flex-col gap-3" data-testid="compact-lab" data-controls={params.controls}>
        <OptionsNotice key={problems.join('\n')} problems={problems} />
        <CompactError />
        <PanelGrid panels={params.panels} captions={false} />
        {params.controls !== 'none' && <PlayerBar compact minimal={params.controls === 'minimal'} />}
        {params.controls === 'full' && <QuickSettings />}
      </div>
    </LabContext.Provider>
  );
}
