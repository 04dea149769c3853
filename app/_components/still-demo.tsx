'use client';

import { useMemo } from 'react';
import { DEFAULT_PARAMS } from '@/lib/lab/lab-options';
import type { PanelId } from '@/lib/worker/protocol';
import { primaryButton } from './fields';
import { LabContext, useLab, useLabClock, useLabState } from './lab/lab-context';
import { NewKeysButton } from './lab/new-keys-button';
import { PanelFigure } from './lab/panel-figure';
import { useLabController } from './lab/use-lab-controller';

/** The panels, the keys in use and "New keys", for a still demo's lab. */
function StillPanels({ panels, alt }: { panels: readonly PanelId[]; alt: string }) {
  const lab = useLab();
  const { settings, error } = useLabState();
  const { drawn } = useLabClock();
  const status = error ? 'error' : drawn > 0 ? 'ready' : 'loading';
  return (
    <div className="flex flex-col gap-4" data-status={status} data-testid="still-demo">
      <p className="sr-only">{alt}</p>
      <div className="grid grid-cols-1 gap-5 sm:grid-cols-3">
        {panels.map((panel) => (
          <PanelFigure key={panel} panel={panel} canvasRef={(node) => lab.attachCanvas(panel, node)} />
        ))}
      </div>
      {error && (
        <p
          role="alert"
          className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 dark:bg-rose-950 dark:text-rose-200"
        >
          Could not encrypt the picture: {error}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-xs text-slate-600 dark:text-slate-400">
        <NewKeysButton className={primaryButton} />
        <dl className="flex flex-wrap gap-x-4 gap-y-1 font-mono">
          {(
            [
              ['ECB', 'ecb-key', settings.ecbKeyHex],
              ['GCM', 'gcm-key', settings.gcmKeyHex],
            ] as const
          ).map(([name, testId, hex]) => (
            <div key={name}>
              <dt className="inline font-sans font-medium">{name} key </dt>
              <dd className="inline break-all" data-testid={testId}>
                {hex}
              </dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  );
}

/**
 * A built-in picture sample encrypted in the browser and shown panel by panel, through the same lab
 * controller as the lab itself (no measuring: a still demo shows no numbers). The keys are fresh on every
 * visit and on "New keys". Used by the story with the penguin.
 */
export function StillDemo({
  sample,
  alt,
  panels = ['original', 'ecb', 'gcm'],
}: {
  sample: string;
  alt: string;
  panels?: readonly PanelId[];
}) {
  const params = useMemo(() => ({ ...DEFAULT_PARAMS, source: sample, panels: [...panels] }), [sample, panels]);
  const lab = useLabController(params, [], { analytics: false });
  return (
    <LabContext.Provider value={lab}>
      <StillPanels panels={panels} alt={alt} />
    </LabContext.Provider>
  );
}
