'use client';

import { useEffect, useRef } from 'react';
import { LabEngine, type EngineCallbacks } from '@/lib/worker/client';

/**
 * One LabEngine (two workers) for the component's lifetime. Callbacks are read through a ref, so the
 * engine is not rebuilt when they change.
 */
export function useLabEngine<Meta>(callbacks: EngineCallbacks<Meta>) {
  const engine = useRef<LabEngine<Meta> | null>(null);
  const latest = useRef(callbacks);

  useEffect(() => {
    latest.current = callbacks;
  });

  useEffect(() => {
    const created = new LabEngine<Meta>({
      onFrame: (frame) => latest.current.onFrame(frame),
      onError: (message, meta) => latest.current.onError(message, meta),
    });
    engine.current = created;
    return () => {
      created.dispose();
      engine.current = null;
    };
  }, []);

  return engine;
}
