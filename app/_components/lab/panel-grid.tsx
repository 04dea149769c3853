'use client';

import { canvasToPng, saveBlob } from '@/lib/media/download';
import { panelFileName } from '@/lib/media/export/file-names';
import { MODES } from '@/lib/cipher/keys';
import type { CipherPanel, PanelId } from '@/lib/worker/protocol';
import { ModeOptions } from '../mode-options';
import { useLab, useLabState } from './lab-context';
import { PanelFigure } from './panel-figure';

/** Which mode a ciphertext panel shows: every panel can show ECB, CBC, CTR or GCM. */
function ModeSelect({ panel }: { panel: CipherPanel }) {
  const lab = useLab();
  const { modes } = useLabState().settings;
  return (
    <label className="flex items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
      Mode
      <select
        value={modes[panel]}
        onChange={(event) => lab.setMode(panel, MODES.find((mode) => mode === event.target.value) ?? modes[panel])}
        className="rounded-md bg-white px-1.5 py-0.5 font-mono text-xs text-slate-900 ring-1 ring-slate-300 ring-inset dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-700"
        data-testid={`mode-${panel}`}
      >
        <ModeOptions />
      </select>
    </label>
  );
}

const GRID: Record<number, string> = {
  1: 'grid-cols-1',
  2: 'grid-cols-1 sm:grid-cols-2',
  3: 'grid-cols-1 sm:grid-cols-3',
  4: 'grid-cols-1 sm:grid-cols-2 xl:grid-cols-4',
  5: 'grid-cols-1 sm:grid-cols-2 xl:grid-cols-3',
  6: 'grid-cols-1 sm:grid-cols-2 xl:grid-cols-3',
};

/** Presenter grids fill the screen: up to 3 side by side, 4 as two rows of two. */
const LARGE_GRID: Record<number, string> = {
  1: 'grid-cols-1 grid-rows-1',
  2: 'grid-cols-2 grid-rows-1',
  3: 'grid-cols-3 grid-rows-1',
  4: 'grid-cols-2 grid-rows-2',
  5: 'grid-cols-3 grid-rows-2',
  6: 'grid-cols-3 grid-rows-2',
};

/**
 * The panels, side by side on wide screens and stacked on narrow ones, each with a PNG download;
 * `large` is the presenter layout, which fills the height it is given.
 */
export function PanelGrid({
  panels,
  captions = true,
  large = false,
}: {
  panels: readonly PanelId[];
  captions?: boolean;
  large?: boolean;
}) {
  const lab = useLab();
  const { source } = useLabState();

  const download = async (panel: PanelId) => {
    const canvas = lab.canvas(panel);
    if (!canvas) return;
    saveBlob(await canvasToPng(canvas), panelFileName(source?.name ?? 'frame', panel, canvas.dataset.frame ?? '0'));
  };

  return (
    <div
      className={large ? `grid min-h-0 flex-1 gap-6 ${LARGE_GRID[panels.length]}` : `grid gap-5 ${GRID[panels.length]}`}
    >
      {panels.map((panel) => (
        <PanelFigure
          key={panel}
          panel={panel}
          canvasRef={(node) => lab.attachCanvas(panel, node)}
          caption={captions}
          large={large}
        >
          {captions && (panel === 'ecb' || panel === 'gcm') && <ModeSelect panel={panel} />}
          {captions && (
            <button
              type="button"
              onClick={() => void download(panel)}
              disabled={!source}
              className="w-fit text-xs font-medium text-sky-700 hover:underline disabled:opacity-40 dark:text-sky-300"
              data-testid={`download-${panel}`}
            >
              Download PNG
            </button>
          )}
        </PanelFigure>
      ))}
    </div>
  );
}
