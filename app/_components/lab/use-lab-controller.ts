'use client';

import { useEffect, useState } from 'react';
import { LabController } from '@/lib/lab/lab-controller';
import type { LabParams } from '@/lib/lab/lab-options';
import { sampleById } from '@/lib/media/samples';
import { prefersReducedMotion } from '../reduced-motion';

export const DEFAULT_SOURCE = 'meeting';

/**
 * A LabController for the component's lifetime, built from lab options: workers started on mount and
 * stopped on unmount, the chosen sample opened with `start` and `autoplay` (unless the reader prefers reduced motion). `analytics: false` is for
 * demos that show no numbers. `expose` puts it on `window.ecbLens`, the read-only handle the end-to-end
 * tests and the bench use.
 */
export function useLabController(
  params: LabParams,
  problems: string[],
  { expose = false, analytics = true }: { expose?: boolean; analytics?: boolean } = {},
): LabController {
  const [lab] = useState(
    () =>
      new LabController({
        ecbKeyHex: params.ecbKeyHex,
        gcmKeyHex: params.gcmKeyHex,
        layout: params.layout,
        bits: params.bits,
        width: params.width,
        modes: params.modes,
        loop: params.loop,
        muted: params.muted,
        analytics,
        problems,
      }),
  );
  const [initial] = useState(() => ({
    sample: sampleById(params.source ?? DEFAULT_SOURCE),
    start: params.start,
    // Asked for less motion, the reader starts the video: `autoplay` (an embed's address) waits for Play.
    autoplay: params.autoplay && !prefersReducedMotion(),
  }));

  useEffect(() => {
    lab.start();
    void lab.openSample(initial.sample, { start: initial.start, autoplay: initial.autoplay });
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
