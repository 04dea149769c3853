import { useId, type Ref } from 'react';
import type { PanelId } from '@/lib/worker/protocol';
import { panelCopy } from '@/app/_content/panels';
import { useClockEvery } from '../analytics/use-clock-every';
import { useLabState } from './lab-context';
import { panelDescription } from './panel-description';

/** While playing, a panel's description changes at most this often (ms): a listener hears it settle. */
const DESCRIPTION_INTERVAL_MS = 1000;

/**
 * The panel's text alternative, in a visually hidden live region: polite, so a screen reader reads it
 * when it has finished speaking, and at most once a second while playing.
 */
function PanelDescription({ panel, id }: { panel: PanelId; id: string }) {
  const { modes } = useLabState().settings;
  const { drawn, frame, size, measured } = useClockEvery(DESCRIPTION_INTERVAL_MS);
  return (
    <p id={id} className="sr-only" aria-live="polite" aria-atomic="true" data-testid={`panel-${panel}-description`}>
      {panelDescription(panel, modes, { drawn, frame, size, measured })}
    </p>
  );
}

const ACCENT: Record<PanelId, string> = {
  original: 'bg-slate-200 text-slate-700 dark:bg-slate-800 dark:text-slate-200',
  ecb: 'bg-rose-100 text-rose-800 dark:bg-rose-950 dark:text-rose-200',
  gcm: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200',
  decrypted: 'bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-200',
  motion: 'bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-200',
  'motion-gcm': 'bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200',
};

/**
 * One panel: title, badge, the canvas the workers draw into, and its caption. `large` is the presenter
 * layout: big labels, no caption, and the canvas fitted into whatever height the grid gives it.
 */
export function PanelFigure({
  panel,
  canvasRef,
  caption = true,
  large = false,
  children,
}: {
  panel: PanelId;
  canvasRef: Ref<HTMLCanvasElement>;
  caption?: boolean;
  large?: boolean;
  children?: React.ReactNode;
}) {
  const copy = panelCopy(panel, useLabState().settings.modes);
  const descriptionId = `panel-${useId()}-description`;
  return (
    <figure className={`flex min-w-0 flex-col ${large ? 'min-h-0 gap-3' : 'gap-2'}`} data-panel={panel}>
      <div className="flex items-baseline justify-between gap-2">
        <h3 className={`font-semibold tracking-tight ${large ? 'text-2xl lg:text-4xl' : 'text-sm'}`}>{copy.title}</h3>
        <span
          className={`rounded-full font-medium whitespace-nowrap ${ACCENT[panel]} ${large ? 'px-3 py-1 text-base lg:text-xl' : 'px-2 py-0.5 text-[11px]'}`}
        >
          {copy.badge}
        </span>
      </div>
      <div
        className={`overflow-hidden rounded-lg ring-1 ring-slate-900/10 dark:ring-white/10 ${large ? 'min-h-0 flex-1' : 'bg-slate-900'}`}
      >
        <canvas
          ref={canvasRef}
          data-testid={`panel-${panel}`}
          role="img"
          aria-label={`${copy.title} panel`}
          aria-describedby={descriptionId}
          className={`pixelated block ${large ? 'size-full object-contain' : 'h-auto w-full'}`}
          width={1}
          height={1}
        />
      </div>
      <PanelDescription panel={panel} id={descriptionId} />
      {caption && !large && (
        <figcaption className="text-sm leading-snug text-slate-600 dark:text-slate-400">{copy.caption}</figcaption>
      )}
      {!large && children}
    </figure>
  );
}
