'use client';

import { useEffect, useMemo, useState } from 'react';
import { generateKey } from '@/lib/cipher/keys';
import { packFrame } from '@/lib/cipher/layout';
import { toHex } from '@/lib/cipher/hex';
import { SAMPLES } from '@/lib/media/samples';
import { AttackWorker } from '@/lib/worker/attack-client';
import { ATTACK_SECTIONS } from '@/app/_content/attacks';
import { MediaFileButton } from '../media-file-button';
import { secondaryButton } from '../fields';
import { useAttackFrames, type AttackSourceChoice } from './attack-frames';
import { AttackContext, type AttackSetup } from './attack-setup';
import { DemoSection } from './demo-section';
import { FlipDemo } from './flip-demo';
import { ForbiddenDemo } from './forbidden-demo';
import { NonceDemo } from './nonce-demo';
import { SpliceDemo } from './splice-demo';
import { WidthDemo } from './width-demo';

const DEMOS = { splice: SpliceDemo, flip: FlipDemo, nonce: NonceDemo, forbidden: ForbiddenDemo, width: WidthDemo };

function freshKeys() {
  return { aes128: generateKey('ecb'), aes256: generateKey('gcm') };
}

/** Where the frames come from: the samples, a file of the reader's, or the webcam (three grabs, then off). */
function SourcePicker({
  choose,
  busy,
  current,
}: {
  choose: (choice: AttackSourceChoice) => void;
  busy: string | null;
  current: string | null;
}) {
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Frames from">
      {SAMPLES.map((sample) => (
        <button
          key={sample.id}
          type="button"
          className={`${secondaryButton} aria-pressed:bg-slate-900 aria-pressed:text-white dark:aria-pressed:bg-white dark:aria-pressed:text-slate-900`}
          aria-pressed={current === sample.title}
          onClick={() => choose({ kind: 'sample', id: sample.id })}
          data-testid={`attack-sample-${sample.id}`}
        >
          {sample.title}
        </button>
      ))}
      <MediaFileButton
        className={secondaryButton}
        inputLabel="Take the frames from a video or picture of yours"
        testId="attack-file"
        onFile={(file) => choose({ kind: 'file', file })}
      >
        Your video or picture…
      </MediaFileButton>
      <button
        type="button"
        className={secondaryButton}
        onClick={() => choose({ kind: 'webcam' })}
        data-testid="attack-webcam"
      >
        Your webcam (three frames, then off)
      </button>
      <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite" data-testid="attack-source">
        {busy ? `Taking frames from ${busy}…` : current ? `Frames from ${current}` : ''}
      </p>
    </div>
  );
}

/**
 * The attack lab: what someone on the path can do to the call without the key, in five demos on frames
 * of the sample call, a picture, the reader's own video or their webcam.
 */
export function AttackLab() {
  const { frames, busy, error, choose, dismiss } = useAttackFrames({ kind: 'sample', id: 'meeting' });
  const [keys, setKeys] = useState(freshKeys);
  const [worker] = useState(() => new AttackWorker());
  useEffect(() => () => worker.dispose(), [worker]);

  const setup = useMemo<AttackSetup | null>(
    () =>
      frames
        ? {
            worker,
            frames,
            keys,
            plain: {
              a: packFrame(frames.a, 'rgb', 8),
              b: packFrame(frames.b, 'rgb', 8),
              c: packFrame(frames.c, 'rgb', 8),
            },
          }
        : null,
    [frames, worker, keys],
  );

  return (
    <div className="flex flex-col gap-6" data-testid="attack-lab" data-ready={setup ? 'true' : 'false'}>
      <div className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
        <SourcePicker choose={(choice) => void choose(choice)} busy={busy} current={frames?.source ?? null} />
        {error && (
          <p
            role="alert"
            className="flex items-start justify-between gap-3 rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-900 dark:bg-rose-950/60 dark:text-rose-100"
            data-testid="attack-error"
          >
            {error} The frames before stay in use.
            <button type="button" className="shrink-0 font-medium underline" onClick={dismiss}>
              Dismiss
            </button>
          </p>
        )}
        <div className="flex flex-wrap items-center gap-3 text-xs text-slate-600 dark:text-slate-400">
          <button
            type="button"
            className={secondaryButton}
            onClick={() => setKeys(freshKeys())}
            data-testid="attack-new-keys"
          >
            New keys
          </button>
          <span>
            The call’s keys, held by the sender and the receiver only: AES-128{' '}
            <code className="font-mono">{toHex(keys.aes128)}</code>, AES-256{' '}
            <code className="font-mono break-all">{toHex(keys.aes256)}</code>. Nothing the attacker does below uses
            them.
          </span>
        </div>
      </div>
      {setup ? (
        <AttackContext.Provider value={setup}>
          {ATTACK_SECTIONS.map((section) => {
            const Demo = DEMOS[section.id];
            return (
              <DemoSection key={`${section.id}-${frames?.source}`} {...section}>
                <Demo />
              </DemoSection>
            );
          })}
        </AttackContext.Provider>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400" aria-busy="true">
          Taking frames…
        </p>
      )}
    </div>
  );
}
