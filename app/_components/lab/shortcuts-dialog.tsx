'use client';

import { useEffect, useRef } from 'react';

export const SHORTCUTS: { keys: string[]; action: string }[] = [
  { keys: ['Space'], action: 'Play or pause' },
  { keys: ['←', '→'], action: 'Previous or next frame' },
  { keys: ['1', '2', '3', '4'], action: 'Show or hide Original, ECB, GCM, Decrypted' },
  { keys: ['K'], action: 'New random keys' },
  { keys: ['F'], action: 'Presenter mode, full screen (Esc leaves)' },
  { keys: ['?'], action: 'Show or hide these shortcuts' },
];

/** The keyboard shortcuts, in a modal dialog (opened with `?`). */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      onClick={(event) => event.target === dialog.current && onClose()}
      className="m-auto w-[min(36rem,calc(100vw-2rem))] rounded-2xl bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-950/60 dark:bg-slate-900 dark:text-slate-100"
      aria-labelledby="shortcuts-title"
      data-testid="shortcuts"
    >
      <div className="flex flex-col gap-4 p-6">
        <div className="flex items-center justify-between">
          <h2 id="shortcuts-title" className="text-xl font-semibold">
            Keyboard shortcuts
          </h2>
          <button
            type="button"
            onClick={onClose}
            className="rounded-md px-2 py-1 text-sm font-medium hover:bg-slate-100 dark:hover:bg-slate-800"
          >
            Close
          </button>
        </div>
        <dl className="grid grid-cols-[auto_1fr] items-center gap-x-6 gap-y-3 text-base">
          {SHORTCUTS.map(({ keys, action }) => (
            <div key={action} className="contents">
              <dt className="flex gap-1">
                {keys.map((key) => (
                  <kbd
                    key={key}
                    className="min-w-8 rounded-md bg-slate-100 px-2 py-1 text-center font-mono text-sm font-semibold ring-1 ring-slate-300 ring-inset dark:bg-slate-800 dark:ring-slate-600"
                  >
                    {key}
                  </kbd>
                ))}
              </dt>
              <dd>{action}</dd>
            </div>
          ))}
        </dl>
      </div>
    </dialog>
  );
}
