'use client';

/**
 * A slower view of the lab's clock, for the analytics' readers (table, hints): fewer renders while
 * playing, so the analytics take as little of the main thread as possible from the workers.
 */
import { useCallback, useSyncExternalStore } from 'react';
import type { LabClock } from '@/lib/lab/lab-controller';
import { useLab } from '../lab/lab-context';

/**
 * How often readouts a person reads (time, frame number, frame rate, nonces, the numbers table) refresh
 * while frames keep coming. Besides the renders, each refresh repaints the page from the readout to the
 * panels, which a browser compositing in software pays for on every frame (README, Performance).
 */
export const READOUT_MS = 250;

/**
 * The lab's per-frame clock for readers that need not keep up with 30 frames/s: while a video (or the
 * webcam) plays, re-renders at most every `ms` milliseconds, always ending on the latest frame; paused,
 * at once. Numbers changing 30 times a second cannot be read anyway, and on a two-core machine every
 * millisecond of the main thread is taken from the workers.
 */
export function useClockEvery(ms: number): LabClock {
  const lab = useLab();
  const subscribe = useCallback(
    (listener: () => void) => {
      let last = -Infinity;
      let timer: ReturnType<typeof setTimeout> | null = null;
      const notify = () => {
        timer = null;
        last = performance.now();
        listener();
      };
      const unsubscribe = lab.clock.subscribe(() => {
        if (timer !== null) return;
        const wait = lab.state.get().playing ? last + ms - performance.now() : 0;
        if (wait <= 0) notify();
        else timer = setTimeout(notify, wait);
      });
      return () => {
        unsubscribe();
        if (timer !== null) clearTimeout(timer);
      };
    },
    [lab, ms],
  );
  return useSyncExternalStore(subscribe, lab.clock.get, lab.clock.get);
}
