'use client';

import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import type { LabClock, LabController, LabState } from '@/lib/lab/lab-controller';

export const LabContext = createContext<LabController | null>(null);

export function useLab(): LabController {
  const controller = useContext(LabContext);
  if (!controller) throw new Error('useLab needs a <LabContext.Provider>');
  return controller;
}

/** The lab's state; re-renders when the user changes something. */
export function useLabState(): LabState {
  const lab = useLab();
  return useSyncExternalStore(lab.state.subscribe, lab.state.get, lab.state.get);
}

/** The per-frame clock; re-renders with every frame drawn, so keep its users small. */
export function useLabClock(): LabClock {
  const lab = useLab();
  return useSyncExternalStore(lab.clock.subscribe, lab.clock.get, lab.clock.get);
}

/** While frames keep coming, readouts a person reads refresh at most this often. */
export const LIVE_READOUT_MS = 250;

/**
 * The per-frame clock for readouts a person reads (time, frame number, frame rate, nonces). While a video
 * plays or the webcam runs it refreshes at most every LIVE_READOUT_MS: a number changing 30 times a
 * second is a blur, and each change repaints the page from the readout to the panels, which in a browser
 * that composites in software cost as much CPU as painting the panels (`npm run bench`, README
 * Performance). Paused or stepped, every change shows at once.
 */
export function useLabReadout(): LabClock {
  const lab = useLab();
  const { playing, source } = useLabState();
  const live = playing || source?.kind === 'webcam';
  const [shown, setShown] = useState(lab.clock.get);
  useEffect(() => {
    const show = () => setShown(lab.clock.get());
    show();
    if (!live) return lab.clock.subscribe(show);
    let last = performance.now();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const later = () => {
      timer = null;
      last = performance.now();
      show();
    };
    const unsubscribe = lab.clock.subscribe(() => {
      if (timer === null) timer = setTimeout(later, Math.max(0, last + LIVE_READOUT_MS - performance.now()));
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [lab, live]);
  return shown;
}
