'use client';

import { canvasToPng, saveBlob } from '@/lib/media/download';
import { panelFileName } from '@/lib/media/export/file-names';
import type { PanelId } from '@/lib/worker/protocol';
import { useLab, useLabState } from './lab-context';
import { PanelFigure } from './panel-figure';

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
