'use client';

import { useEffect, useState } from 'react';
import { saveBlob } from '@/lib/media/download';
import { keyFingerprints, labCaption } from '@/lib/media/export/caption';
import { CLIP_SECONDS, exportClip } from '@/lib/media/export/clip';
import { renderComposite, SYSTEM_FONTS, type CompositeFonts, type CompositePanel } from '@/lib/media/export/composite';
import { clipFileName, compositeFileName } from '@/lib/media/export/file-names';
import { frameRate, NOMINAL_FPS } from '@/lib/lab/frame-time';
import type { LabController } from '@/lib/lab/lab-controller';
import type { PanelId } from '@/lib/worker/protocol';
import { panelCopy } from '@/app/_content/panels';
import { primaryButton as primary } from '../fields';
import { ModalDialog } from '../modal-dialog';
import { describeError as describe, RunOrCancel, TaskOutcome, TaskProgress, useTask } from '../task';
import { useLab, useLabState } from './lab-context';

/** What a finished clip reports. */
interface Clip {
  name: string;
  bytes: number;
  frames: number;
}

/** The page's own fonts (Inter and JetBrains Mono, loaded by the lab), so exports look like the site. */
async function pageFonts(): Promise<CompositeFonts> {
  const sans = getComputedStyle(document.body).fontFamily || SYSTEM_FONTS.sans;
  const mono = getComputedStyle(document.documentElement).getPropertyValue('--font-mono').trim() || SYSTEM_FONTS.mono;
  // Not document.fonts.load: it rejects when any face of the list fails, such as next/font's
  // local() fallback where that system font is missing, though the real font is there.
  await document.fonts.ready;
  return { sans, mono };
}

/** The visible panels, their canvases as the lab draws them. */
function compositePanels(lab: LabController, panels: readonly PanelId[]): CompositePanel[] {
  return panels.map((id) => {
    const image = lab.canvas(id);
    const { title, badge } = panelCopy(id, lab.state.get().settings.modes);
    if (!image) throw new Error(`the ${title} panel has no canvas`);
    return { id, title, badge, image };
  });
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(bytes < 100_000 ? 2 : 1)} MB`;
}

const section = 'flex flex-col gap-3 rounded-xl p-4 ring-1 ring-slate-200 ring-inset dark:ring-slate-700';
const field =
  'w-24 rounded-lg border-0 bg-white px-2 py-1 font-mono text-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-sky-500 disabled:opacity-50 dark:bg-slate-900 dark:ring-slate-600';

/**
 * Export for slides: a labelled side-by-side PNG of the frame on screen, and a short WebM clip of the
 * visible panels with progress and cancel. Closing the dialog cancels a clip being made.
 */
export function ExportDialog({
  open,
  onClose,
  panels,
}: {
  open: boolean;
  onClose: () => void;
  panels: readonly PanelId[];
}) {
  const lab = useLab();
  const { source } = useLabState();
  const [start, setStart] = useState('0');
  const [length, setLength] = useState('3');
  const { run, setRun, busy, start: startTask, cancel } = useTask<Clip>();
  const [pngError, setPngError] = useState<string | null>(null);

  // Opening starts the clip where the lab is; closing stops a clip being made.
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setStart(lab.clock.get().time.toFixed(2));
      setPngError(null);
      setRun((current) => (current.phase === 'running' ? current : { phase: 'idle' }));
    }
  }
  useEffect(() => {
    if (!open) cancel();
  }, [open, cancel]);

  const kind = source?.kind ?? null;
  const fps = source ? frameRate(source) : NOMINAL_FPS;

  const savePng = async () => {
    setPngError(null);
    try {
      const [fonts, fingerprints] = await Promise.all([pageFonts(), keyFingerprints(lab.state.get().settings)]);
      // From here to the canvas being drawn nothing awaits, so the caption's frame is the panels' frame.
      const caption = labCaption(lab.state.get(), lab.clock.get(), fingerprints);
      const canvas = renderComposite(compositePanels(lab, panels), caption, fonts);
      saveBlob(await canvas.convertToBlob({ type: 'image/png' }), compositeFileName(caption.source, caption.frame));
    } catch (error) {
      setPngError(`The PNG could not be made: ${describe(error)}`);
    }
  };

  const makeClip = async () => {
    if (!source) return;
    const seconds = Number(length);
    await startTask(async (signal, progress) => {
      progress(0, Math.round(seconds * fps));
      const fonts = await pageFonts();
      const recorded: number[] = [];
      const blob = await exportClip({
        lab,
        panels: compositePanels(lab, panels),
        start: Number(start),
        length: seconds,
        fonts,
        signal,
        onProgress: (done, total, frame) => {
          if (frame !== null) recorded.push(frame);
          progress(done, total);
        },
      });
      const name = clipFileName(source.name, recorded[0], recorded[recorded.length - 1]);
      saveBlob(blob, name);
      return { name, bytes: blob.size, frames: recorded.length };
    }, 'The clip could not be made');
  };

  const lengthValue = Number(length);
  const lengthValid =
    Number.isFinite(lengthValue) && lengthValue >= CLIP_SECONDS.min && lengthValue <= CLIP_SECONDS.max;

  return (
    <ModalDialog
      open={open}
      onClose={onClose}
      title="Export for slides"
      titleId="export-title"
      widthClass="w-[min(34rem,calc(100vw-2rem))]"
      // The lab's shortcuts (arrows, 1–4, Space) must not step or change the panels under an export.
      keepKeys
      testId="export-dialog"
    >
      <section className={section} aria-labelledby="export-png-title">
        <h3 id="export-png-title" className="font-semibold">
          Side-by-side PNG
        </h3>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          The {panels.length === 1 ? 'visible panel' : `${panels.length} visible panels`} of the frame on screen, at
          their own pixels, with titles, the frame number and key fingerprints (never the keys).
        </p>
        <button
          type="button"
          className={`${primary} w-fit`}
          onClick={() => void savePng()}
          disabled={!source || busy}
          data-testid="export-png"
        >
          Download PNG
        </button>
        {pngError && (
          <p role="alert" className="text-sm text-rose-700 dark:text-rose-300" data-testid="export-png-error">
            {pngError}
          </p>
        )}
      </section>

      <section className={section} aria-labelledby="export-clip-title">
        <h3 id="export-clip-title" className="font-semibold">
          WebM clip
        </h3>
        {kind === 'picture' || !kind ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            A picture has one frame: use the PNG. Open a video or the webcam to record a clip.
          </p>
        ) : (
          <>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              {kind === 'webcam'
                ? 'Records the next seconds of the camera, as the lab draws them.'
                : 'Steps through the video frame by frame, so no frame is skipped, and encodes in this browser.'}
            </p>
            <div className="flex flex-wrap items-end gap-4">
              <label className="flex flex-col gap-1 text-sm">
                Start (s)
                <input
                  type="number"
                  className={field}
                  min={0}
                  max={source?.duration ?? undefined}
                  step={0.01}
                  value={kind === 'webcam' ? '' : start}
                  placeholder={kind === 'webcam' ? 'now' : undefined}
                  onChange={(event) => setStart(event.target.value)}
                  disabled={busy || kind === 'webcam'}
                  data-testid="export-clip-start"
                />
              </label>
              <label className="flex flex-col gap-1 text-sm">
                Length (s)
                <input
                  type="number"
                  className={field}
                  min={CLIP_SECONDS.min}
                  max={CLIP_SECONDS.max}
                  step={1}
                  value={length}
                  onChange={(event) => setLength(event.target.value)}
                  disabled={busy}
                  aria-invalid={!lengthValid}
                  data-testid="export-clip-length"
                />
              </label>
              <RunOrCancel
                busy={busy}
                onRun={() => void makeClip()}
                onCancel={cancel}
                disabled={!lengthValid}
                runTestId="export-clip-run"
                cancelTestId="export-cancel"
              >
                Make clip
              </RunOrCancel>
            </div>
            {!lengthValid && (
              <p className="text-sm text-rose-700 dark:text-rose-300">
                Length must be {CLIP_SECONDS.min} to {CLIP_SECONDS.max} seconds.
              </p>
            )}
            <TaskProgress
              run={run}
              label="Clip export progress"
              testId="export-progress"
              textTestId="export-progress-text"
            />
            <TaskOutcome
              run={run}
              saved={({ name, frames, bytes }) => `Saved ${name} (${frames} frames, ${megabytes(bytes)}).`}
              statusTestId="export-status"
              errorTestId="export-clip-error"
            />
          </>
        )}
      </section>
    </ModalDialog>
  );
}
