'use client';

import { useEffect, useRef } from 'react';
import { embedEvent, lmsFrameResize, parseCommand, type EmbedEvent, type LmsFrameResize } from '@/lib/embed/protocol';
import type { LabController } from '@/lib/lab/lab-controller';
import { parseLabChanges, type LabParams } from '@/lib/lab/lab-options';
import { SAMPLE_IDS } from '@/lib/media/samples';

/** The view options the embed page itself owns (the rest live in the LabController). */
export type EmbedView = Pick<LabParams, 'panels' | 'controls' | 'theme' | 'lms'>;

function post(message: EmbedEvent | LmsFrameResize): void {
  if (window.parent !== window) window.parent.postMessage(message, '*');
}

/** Applies a `set` command's options: the view's to the page, the rest to the lab; returns the problems. */
export function applyOptions(
  lab: LabController,
  options: Record<string, string>,
  setView: (update: (view: EmbedView) => EmbedView) => void,
): string[] {
  const { changes, problems } = parseLabChanges(Object.entries(options), SAMPLE_IDS);
  const { panels, controls, theme, lms, ...labChanges } = changes;
  if (panels || controls || theme || lms !== undefined)
    setView((view) => ({
      ...view,
      ...(panels && { panels }),
      ...(controls && { controls }),
      ...(theme && { theme }),
      ...(lms !== undefined && { lms }),
    }));
  return [...problems, ...lab.apply(labChanges)];
}

/**
 * Connects an embedded lab to the page that frames it: commands from `window.parent` are carried out,
 * and `ready`, `frame` and `resize` events go back — the height also as Canvas LMS's `lti.frameResize`
 * unless `view.lms` is off. Messages from anyone else, or malformed ones, are ignored. The events carry
 * no keys and no pixels.
 */
export function useEmbedBridge(
  lab: LabController | null,
  root: React.RefObject<HTMLElement | null>,
  view: EmbedView,
  setView: (update: (view: EmbedView) => EmbedView) => void,
  onProblems: (problems: string[]) => void,
): void {
  const latest = useRef({ view, setView, onProblems });
  useEffect(() => {
    latest.current = { view, setView, onProblems };
  });

  useEffect(() => {
    if (!lab) return;
    const onMessage = (event: MessageEvent) => {
      if (event.source !== window.parent || window.parent === window) return;
      const command = parseCommand(event.data);
      if (!command) return;
      if (command.command === 'play') lab.play();
      else if (command.command === 'pause') lab.pause();
      else if (command.command === 'seek') lab.seek(command.seconds);
      else if (command.command === 'step') lab.step(command.frames);
      else {
        const problems = applyOptions(lab, command.options, latest.current.setView);
        if (problems.length) {
          latest.current.onProblems(problems);
          post(embedEvent({ event: 'notice', problems }));
        }
      }
    };
    window.addEventListener('message', onMessage);

    let ready = false;
    let last = { frame: -1, time: -1 };
    const onClock = () => {
      const { drawn, frame, time } = lab.clock.get();
      if (drawn === 0) return;
      if (!ready) {
        ready = true;
        const { source } = lab.state.get();
        post(
          embedEvent({
            event: 'ready',
            source: source?.name ?? null,
            duration: source?.duration ?? null,
            panels: latest.current.view.panels,
          }),
        );
      }
      if (frame !== last.frame || time !== last.time) {
        last = { frame, time };
        post(embedEvent({ event: 'frame', index: frame, time }));
      }
    };
    const unsubscribe = lab.clock.subscribe(onClock);
    onClock();

    return () => {
      window.removeEventListener('message', onMessage);
      unsubscribe();
    };
  }, [lab]);

  const lms = view.lms;
  useEffect(() => {
    const element = root.current;
    if (!element) return;
    let height = -1;
    const observer = new ResizeObserver(() => {
      const next = Math.ceil(element.getBoundingClientRect().height);
      if (next === height) return;
      height = next;
      post(embedEvent({ event: 'resize', height }));
      if (lms) post(lmsFrameResize(height));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [root, lms]);
}
