'use client';

import { useEffect, useRef } from 'react';

/**
 * A modal `<dialog>` with a title and a Close button: opened and closed by `open`, closed by Esc, the
 * button or a click on the backdrop (each calls `onClose`). `keepKeys` stops key presses inside it from
 * reaching the page's shortcuts.
 */
export function ModalDialog({
  open,
  onClose,
  title,
  titleId,
  widthClass,
  keepKeys = false,
  testId,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  titleId: string;
  /** A Tailwind width class, e.g. `w-[min(34rem,calc(100vw-2rem))]`. */
  widthClass: string;
  keepKeys?: boolean;
  testId: string;
  children: React.ReactNode;
}) {
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
      onKeyDown={keepKeys ? (event) => event.stopPropagation() : undefined}
      onClick={(event) => event.target === dialog.current && onClose()}
      className={`m-auto ${widthClass} rounded-2xl bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-950/60 dark:bg-slate-900 dark:text-slate-100`}
      aria-labelledby={titleId}
      data-testid={testId}
    >
      <div className="flex flex-col gap-4 p-6">
        <div className="flex items-center justify-between">
          <h2 id={titleId} className="text-xl font-semibold">
            {title}
          </h2>
          <button
            type="button"
            onClick={onClose}
            className="rounded-md px-2 py-1 text-sm font-medium hover:bg-slate-100 dark:hover:bg-slate-800"
          >
            Close
          </button>
        </div>
        {children}
      </div>
    </dialog>
  );
}
