'use client';

import { MAIN_PANELS, type PanelId } from '@/lib/worker/protocol';
import { panelCopy } from '@/app/_content/panels';
import { useLabState } from './lab-context';

/** A panel's name on its toggle: the mode a ciphertext panel shows, the others' own. */
function shortName(panel: PanelId, modes: ReturnType<typeof useLabState>['settings']['modes']): string {
  if (panel === 'ecb' || panel === 'gcm') return modes[panel].toUpperCase();
  return panel === 'original' ? 'Original' : 'Decrypted';
}

/** Which panels are shown (keys 1–4 do the same); at least one always stays. */
export function PanelToggles({
  visible,
  onToggle,
}: {
  visible: readonly PanelId[];
  onToggle: (panel: PanelId) => void;
}) {
  const { modes } = useLabState().settings;
  return (
    <div className="flex flex-wrap items-center gap-1" role="group" aria-label="Panels shown">
      {MAIN_PANELS.map((panel, index) => {
        const on = visible.includes(panel);
        return (
          <button
            key={panel}
            type="button"
            aria-pressed={on}
            onClick={() => onToggle(panel)}
            title={`${panelCopy(panel, modes).title} (${index + 1})`}
            className={`rounded-md px-2 py-1 text-xs font-medium ring-1 ring-inset ${
              on
                ? 'bg-slate-800 text-white ring-slate-800 dark:bg-slate-200 dark:text-slate-900 dark:ring-slate-200'
                : 'text-slate-500 ring-slate-300 hover:text-slate-800 dark:text-slate-400 dark:ring-slate-700 dark:hover:text-white'
            }`}
            data-testid={`toggle-${panel}`}
          >
            {index + 1} {shortName(panel, modes)}
          </button>
        );
      })}
    </div>
  );
}
