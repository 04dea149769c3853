'use client';

import { useMemo, useState, useSyncExternalStore } from 'react';
import type { LabController, LabState } from '@/lib/lab/lab-controller';
import { DEFAULT_PARAMS, type LabParams } from '@/lib/lab/lab-options';
import { sampleById } from '@/lib/media/samples';
import type { PanelId } from '@/lib/worker/protocol';
import { CompactLabLoader } from '../lab/lab-loader';
import { useReducedMotion } from '../reduced-motion';
import { StillDemo } from '../still-demo';

/**
 * On large screens the deck gives each visual a size container (the rest of the screen); these widths
 * keep a row of 16:9 panels, its titles and its player inside that height.
 */
const FIT_ONE = 'lg:mx-auto lg:w-[min(100cqw,calc((100cqh_-_6rem)_*_16_/_9))]';
const FIT_TWO = 'lg:mx-auto lg:w-[min(100cqw,calc((100cqh_-_6rem)_*_32_/_9_+_1.25rem))]';
const FIT_TWO_WITH_TOOLS = 'lg:mx-auto lg:w-[min(100cqw,calc((100cqh_-_12rem)_*_32_/_9_+_1.25rem))]';
/** Three square panels, their captions, and a row of keys. */
const FIT_THREE_SQUARES = 'lg:mx-auto lg:w-[min(100cqw,calc((100cqh_-_13rem)_*_3_+_2.5rem))]';

function meetingParams(panels: readonly PanelId[], autoplay: boolean): LabParams {
  return {
    ...DEFAULT_PARAMS,
    source: 'meeting',
    panels: [...panels],
    controls: 'minimal',
    autoplay,
    loop: true,
    muted: true,
  };
}

/**
 * The synthetic meeting in a compact lab (three Web Workers), looping silently. The deck mounts only the
 * current step, so only one of these runs at a time.
 */
export function MeetingDemo({ panels }: { panels: readonly PanelId[] }) {
  const reduced = useReducedMotion();
  const params = useMemo(() => meetingParams(panels, !reduced), [panels, reduced]);
  return (
    <div className={panels.length === 1 ? FIT_ONE : FIT_TWO} data-testid="story-demo" data-demo="meeting">
      <CompactLabLoader key={reduced ? 'still' : 'moving'} params={params} />
    </div>
  );
}

const NO_STATE = () => () => undefined;

/** The lab's state once the compact lab has handed over its controller; null before. */
function useControllerState(lab: LabController | null): LabState | null {
  return useSyncExternalStore(
    lab ? lab.state.subscribe : NO_STATE,
    () => lab?.state.get() ?? null,
    () => null,
  );
}

const segment =
  'rounded-full px-4 py-2 text-base font-medium ring-1 ring-inset ring-slate-300 transition-colors ' +
  'hover:bg-slate-100 aria-pressed:bg-slate-900 aria-pressed:text-white aria-pressed:ring-slate-900 ' +
  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 ' +
  'dark:ring-slate-700 dark:hover:bg-slate-800 dark:aria-pressed:bg-white dark:aria-pressed:text-slate-900 lg:text-lg';

/**
 * The honest demo: the meeting (flat, noise-free, so ECB leaks) or the reader's own camera (noisy, so
 * at 8 bits ECB mostly does not), at full or reduced colour depth.
 */
export function NoiseDemo() {
  const reduced = useReducedMotion();
  const params = useMemo(() => meetingParams(['original', 'ecb'], !reduced), [reduced]);
  const [lab, setLab] = useState<LabController | null>(null);
  const state = useControllerState(lab);
  const bits = state?.settings.bits ?? params.bits;
  const camera = state?.source?.kind === 'webcam';
  const busy = state?.opening != null;

  const toggleCamera = () => {
    if (!lab) return;
    if (camera) {
      void lab.openSample(sampleById('meeting'), { autoplay: !reduced });
    } else {
      void lab.openWebcam();
    }
  };

  return (
    <div className={`flex flex-col gap-4 ${FIT_TWO_WITH_TOOLS}`} data-testid="story-demo" data-demo="noise">
      <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
        <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Colour depth">
          <span className="mr-1 text-base text-slate-600 lg:text-lg dark:text-slate-400">Colour depth</span>
          {[8, 3].map((depth) => (
            <button
              key={depth}
              type="button"
              className={segment}
              aria-pressed={bits === depth}
              disabled={!lab}
              onClick={() => lab?.setBits(depth)}
              data-testid={`noise-bits-${depth}`}
            >
              {depth} bits
            </button>
          ))}
        </div>
        <button
          type="button"
          className={segment}
          aria-pressed={camera}
          disabled={!lab || busy}
          onClick={toggleCamera}
          data-testid="noise-webcam"
        >
          My camera
        </button>
        <p className="min-w-60 flex-1 text-base text-slate-600 lg:text-lg dark:text-slate-400" data-testid="noise-hint">
          {camera
            ? 'Your camera, encrypted in this tab and sent nowhere. Compare 8 bits with 3; press My camera again for the call.'
            : 'This call is drawn, so it has no camera noise: ECB shows it even at 8 bits.'}
        </p>
      </div>
      <CompactLabLoader key={reduced ? 'still' : 'moving'} params={params} onController={setLab} />
    </div>
  );
}

/** The ECB penguin, encrypted in the browser with fresh keys. */
export function PenguinDemo() {
  return (
    <div className={FIT_THREE_SQUARES} data-testid="story-demo" data-demo="penguin">
      <StillDemo sample="penguin" alt="The ECB penguin: original, AES-128-ECB and AES-256-GCM." />
    </div>
  );
}
