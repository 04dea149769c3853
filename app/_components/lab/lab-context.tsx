'use client';

import { createContext, useContext, useSyncExternalStore } from 'react';
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
