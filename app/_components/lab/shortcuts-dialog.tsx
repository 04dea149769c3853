'use client';

import { ModalDialog } from '../modal-dialog';

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
  return (
    <ModalDialog
      open={open}
      onClose={onClose}
      title="Keyboard shortcuts"
      titleId="shortcuts-title"
      widthClass="w-[min(36rem,calc(100vw-2rem))]"
      testId="shortcuts"
    >
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
    </ModalDialog>
  );
}
