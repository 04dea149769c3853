'use client';

import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import type { LabController } from '@/lib/lab/lab-controller';
import { parseLabParams } from '@/lib/lab/lab-options';
import { SAMPLE_IDS } from '@/lib/media/samples';
import { MAIN_PANELS, type PanelId } from '@/lib/worker/protocol';
import { AnalyticsSection } from '../analytics/analytics-section';
import { SourceLink } from '../source-link';
import { CipherControls } from './cipher-controls';
import { ExportDialog } from './export-dialog';
import { KeyControls } from './key-controls';
import { LabContext, useLab, useLabState } from './lab-context';
import { NoiseNote } from './noise-note';
import { PanelGrid } from './panel-grid';
import { PanelToggles } from './panel-toggles';
import { PlayerBar } from './player-bar';
import { ShortcutsDialog } from './shortcuts-dialog';
import { SourceBar } from './source-bar';
import { useLabController } from './use-lab-controller';

/** The options `/` takes from its address. */
const PAGE_PARAMS = ['source', 'layout', 'bits', 'width', 'modes', 'ecbKey', 'gcmKey', 'loop', 'start', 'panels'];

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLInputElement) return !['range', 'radio', 'checkbox', 'button'].includes(target.type);
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

interface KeyActions {
  togglePanel(index: number): void;
  togglePresenter(): void;
  toggleShortcuts(): void;
  leavePresenter(): void;
}

/** Space plays or pauses, ← → step, 1–4 toggle panels, K new keys, F presenter mode, ? shortcuts. */
function useKeyboard(lab: LabController, actions: KeyActions) {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      const onButton = event.target instanceof HTMLButtonElement;
      const onInput = event.target instanceof HTMLInputElement;
      const act = latest.current;
      if (event.key === ' ' && !onButton) lab.togglePlay();
      else if ((event.key === 'ArrowLeft' || event.key === 'ArrowRight') && !onInput)
        lab.step(event.key === 'ArrowLeft' ? -1 : 1);
      else if (event.key === 'k' || event.key === 'K') lab.newKeys();
      else if (/^[1-4]$/.test(event.key)) act.togglePanel(Number(event.key) - 1);
      else if (event.key === 'f' || event.key === 'F') act.togglePresenter();
      else if (event.key === '?') act.toggleShortcuts();
      else if (event.key === 'Escape') act.leavePresenter();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [lab]);
}

function ErrorBanner() {
  const lab = useLab();
  const { error, notice } = useLabState();
  const message = [error, notice].filter(Boolean).join(' ');
  if (!message) return null;
  return (
    <div
      role="alert"
      data-testid="lab-error"
      className="flex items-start justify-between gap-4 rounded-xl bg-rose-50 px-4 py-3 text-sm text-rose-900 ring-1 ring-rose-200 ring-inset dark:bg-rose-950/50 dark:text-rose-100 dark:ring-rose-900"
    >
      <p>{message}</p>
      <button
        type="button"
        onClick={() => lab.dismissError()}
        className="shrink-0 font-medium underline"
        aria-label="Dismiss message"
      >
        Dismiss
      </button>
    </div>
  );
}

function DropZone({ children, className }: { children: React.ReactNode; className: string }) {
  const lab = useLab();
  const [over, setOver] = useState(false);
  return (
    <div
      className={`relative ${className}`}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        const file = event.dataTransfer.files[0];
        if (file) void lab.openFile(file);
      }}
      data-testid="drop-zone"
    >
      {children}
      {over && (
        <div className="pointer-events-none absolute inset-0 z-10 flex items-center justify-center rounded-2xl border-2 border-dashed border-sky-500 bg-sky-50/90 text-lg font-semibold text-sky-800 dark:bg-sky-950/90 dark:text-sky-100">
          Drop a video or picture to encrypt it — it stays on this device
        </div>
      )}
    </div>
  );
}

/** What the panels are and are not: the principle on raw pixels, not a capture of a real call. */
function PrincipleNote() {
  return (
    <p className="text-sm leading-relaxed text-slate-600 dark:text-slate-400" data-testid="principle-note">
      These panels show the principle on raw pixels. A call sends compressed video and audio in packets, and{' '}
      <SourceLink id="citizenLab">Zoom’s</SourceLink> ciphertext was those packets, so it never looked like these
      pictures. What those packets’ sizes and timing still give away, even under GCM, is on{' '}
      <Link
        href="/traffic"
        className="font-medium text-sky-700 underline decoration-sky-700/30 underline-offset-2 dark:text-sky-300"
      >
        the traffic page
      </Link>
      .
    </p>
  );
}

const toolButton =
  'rounded-md px-2.5 py-1 text-xs font-medium ring-1 ring-inset ring-slate-300 hover:bg-slate-100 dark:ring-slate-700 dark:hover:bg-slate-800';

function PresenterHeader({ onLeave }: { onLeave: () => void }) {
  const { source } = useLabState();
  return (
    <div className="flex items-center justify-between gap-4">
      <p className="text-xl font-semibold lg:text-2xl">{source?.name ?? 'ECB Lens'}</p>
      <p className="text-sm text-slate-400">
        <kbd className="font-mono">?</kbd> shortcuts · <kbd className="font-mono">Esc</kbd> leaves ·{' '}
        <button type="button" className="underline" onClick={onLeave} data-testid="leave-presenter">
          Leave presenter mode
        </button>
      </p>
    </div>
  );
}

/** The lab: sources, the four panels, the player and the cipher settings; F makes it a presentation. */
export function Lab() {
  const [{ params, problems }] = useState(() => parseLabParams(window.location.search, SAMPLE_IDS, PAGE_PARAMS));
  const lab = useLabController(params, problems, { expose: true });
  const root = useRef<HTMLDivElement>(null);
  const [panels, setPanels] = useState<PanelId[]>(params.panels);
  const [presenter, setPresenter] = useState(false);
  const [shortcuts, setShortcuts] = useState(false);
  const [exporting, setExporting] = useState(false);

  // Leaving full screen (Esc, the browser's own UI) leaves presenter mode too.
  useEffect(() => {
    const onChange = () => {
      if (!document.fullscreenElement) setPresenter(false);
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  // Panels shown again start blank: draw the frame on screen into them.
  useEffect(() => {
    lab.redraw();
  }, [lab, panels, presenter]);

  const togglePanel = (panel: PanelId) =>
    setPanels((shown) => {
      if (!shown.includes(panel)) return MAIN_PANELS.filter((id) => id === panel || shown.includes(id));
      return shown.length > 1 ? shown.filter((id) => id !== panel) : shown;
    });

  const enterPresenter = () => {
    setPresenter(true);
    // Full screen is a bonus: inside an iframe without allow="fullscreen" it is refused, and the
    // presenter layout still covers the page.
    root.current?.requestFullscreen?.().catch(() => undefined);
  };
  const leavePresenter = () => {
    setPresenter(false);
    if (document.fullscreenElement) void document.exitFullscreen();
  };

  useKeyboard(lab, {
    togglePanel: (index) => togglePanel(MAIN_PANELS[index]),
    togglePresenter: () => (presenter ? leavePresenter() : enterPresenter()),
    toggleShortcuts: () => setShortcuts((open) => !open),
    leavePresenter: () => {
      if (shortcuts) setShortcuts(false);
      else if (presenter) leavePresenter();
    },
  });

  const tools = (
    <div className="flex flex-wrap items-center gap-2">
      <PanelToggles visible={panels} onToggle={togglePanel} />
      {!presenter && (
        <button
          type="button"
          className={toolButton}
          onClick={enterPresenter}
          data-testid="enter-presenter"
          title="Presenter mode (F)"
        >
          Present
        </button>
      )}
      <button
        type="button"
        className={toolButton}
        onClick={() => setExporting(true)}
        data-testid="export-open"
        title="Export a PNG or a WebM clip for slides"
      >
        Export
      </button>
      <button
        type="button"
        className={toolButton}
        onClick={() => setShortcuts(true)}
        aria-label="Keyboard shortcuts (?)"
        title="Keyboard shortcuts (?)"
      >
        ?
      </button>
    </div>
  );

  return (
    <LabContext.Provider value={lab}>
      <div
        ref={root}
        data-testid="lab"
        data-presenter={presenter}
        className={
          presenter
            ? 'dark fixed inset-0 z-50 flex flex-col gap-5 overflow-hidden bg-slate-950 p-4 text-slate-100 lg:p-8'
            : ''
        }
      >
        {presenter ? (
          <>
            <PresenterHeader onLeave={leavePresenter} />
            <ErrorBanner />
            <PanelGrid panels={panels} large />
            <div className="flex flex-wrap items-center justify-between gap-4">
              <PlayerBar compact />
              {tools}
            </div>
          </>
        ) : (
          <DropZone className="flex flex-col gap-5">
            <SourceBar />
            <ErrorBanner />
            <PanelGrid panels={panels} />
            <PrincipleNote />
            <div className="sticky bottom-2 z-20 flex flex-wrap items-center justify-between gap-4 rounded-2xl bg-white/95 p-4 shadow-lg ring-1 ring-slate-200 backdrop-blur dark:bg-slate-900/95 dark:ring-slate-800">
              <PlayerBar />
              {tools}
            </div>
            <div className="grid gap-5 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
              <div className="flex flex-col gap-6 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
                <CipherControls />
                <KeyControls />
              </div>
              <NoiseNote />
            </div>
            <AnalyticsSection />
          </DropZone>
        )}
        <ShortcutsDialog open={shortcuts} onClose={() => setShortcuts(false)} />
        <ExportDialog open={exporting} onClose={() => setExporting(false)} panels={panels} />
      </div>
    </LabContext.Provider>
  );
}
