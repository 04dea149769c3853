'use client';

import { useEffect, useState } from 'react';
import { LabController } from '@/lib/media/lab-controller';
import type { LabParams } from '@/lib/media/lab-options';
import { sampleById } from '@/lib/media/samples';

export const DEFAULT_SOURCE = 'meeting';

/**
 * A LabController for the component's lifetime, built from lab options: workers started on mount and
 * stopped on unmount, the chosen sample opened, `start` and `autoplay` applied once it has opened.
 * `expose` puts it on `window.ecbLens`, the read-only handle the end-to-end tests and the bench use.
 */
export function useLabController(params: LabParams, problems: string[], expose = false): LabController {
  const [lab] = useState(
    () =>
      new LabController({
        ecbKeyHex: params.ecbKeyHex,
        gcmKeyHex: params.gcmKeyHex,
        layout: params.layout,
        bits: params.bits,
        width: params.width,
        loop: params.loop,
        muted: params.muted,
        problems,
      }),
  );
  const [initial] = useState(() => ({
    source: params.source ?? DEFAULT_SOURCE,
    start: params.start,
    autoplay: params.autoplay,
  }));

  useEffect(() => {
    lab.start();
    const sample = sampleById(initial.source);
    void lab.openSample(sample.file, sample.title, sample.kind, sample.fps ?? undefined).then((opened) => {
      if (!opened) return;
      if (initial.start > 0) lab.seek(initial.start);
      if (initial.autoplay) lab.play();
    });
    return () => lab.dispose();
  }, [lab, initial]);

  useEffect(() => {
    if (!expose) return;
    const global = window as unknown as { ecbLens?: LabController };
    global.ecbLens = lab;
    return () => {
      if (global.ecbLens === lab) delete global.ecbLens;
    };
  }, [lab, expose]);

  return lab;
}
