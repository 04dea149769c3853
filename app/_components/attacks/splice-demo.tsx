'use client';

import { useEffect, useState } from 'react';
import { blocksOfRect, type PixelRect } from '@/lib/attacks/geometry';
import type { Received, WireFrame } from '@/lib/attacks/endpoints';
import { CounterCheck } from '@/lib/attacks/replay';
import { spliceBlocks } from '@/lib/attacks/splice';
import { NONCE_LENGTH } from '@/lib/cipher/gcm';
import { randomBytes } from '@/lib/cipher/keys';
import { SALT_LENGTH } from '@/lib/cipher/nonce';
import { useAttack, keyOf, describeError } from './attack-setup';
import { DemoProblem } from './demo-section';
import { bytesAsFrame, FramedPicture, ReceiverView } from './frame-canvas';

const SPLICED = ['ecb', 'cbc', 'gcm'] as const;

/** The middle quarter of a frame: what is pasted when the source names no face. */
function middle(width: number, height: number): PixelRect {
  return {
    x: Math.round(width / 4),
    y: Math.round(height / 4),
    width: Math.round(width / 2),
    height: Math.round(height / 2),
  };
}

/** salt ‖ counter, the nonce of frame `counter` of a stream (lib/cipher/nonce.ts). */
function nonceAt(salt: Uint8Array, counter: number): Uint8Array {
  const nonce = new Uint8Array(NONCE_LENGTH);
  nonce.set(salt);
  new DataView(nonce.buffer).setBigUint64(SALT_LENGTH, BigInt(counter));
  return nonce;
}

const NOTES: Record<(typeof SPLICED)[number], string> = {
  ecb: 'Accepted: every pasted block decrypts on its own, so the pasted part is exactly the other frame.',
  cbc: 'Accepted: the pasted blocks decrypt, but the first of each run (and the block after it) is chained to the wrong ciphertext: garbled seams.',
  gcm: 'Refused: the tag covers every byte, so the receiver draws nothing.',
};

/** Splice blocks of frame B into frame A's ciphertext; replay a whole earlier GCM frame. */
export function SpliceDemo() {
  const setup = useAttack();
  const { frames, plain, worker } = setup;
  const { width, height } = frames.geometry;
  const [rect, setRect] = useState<PixelRect>(frames.regions.face ?? middle(width, height));
  const [spliced, setSpliced] = useState<
    Partial<Record<(typeof SPLICED)[number], { wire: WireFrame; received: Received }>>
  >({});
  const [replay, setReplay] = useState<{ naive: Received; checked: Received } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const blocks = blocksOfRect(frames.geometry, rect);
    void (async () => {
      const next: typeof spliced = {};
      for (const mode of SPLICED) {
        const key = keyOf(setup, mode);
        const [a, b] = await Promise.all([
          worker.call('send', mode, key, plain.a),
          worker.call('send', mode, key, plain.b),
        ]);
        // The attacker: no key, only the two frames' ciphertext on the wire.
        const wire = { ...a, ciphertext: spliceBlocks(a.ciphertext, b.ciphertext, blocks) };
        next[mode] = { wire, received: await worker.call('receive', wire, key) };
      }
      if (live) setSpliced(next);
    })().catch((error: unknown) => live && setProblem(`The splice could not be shown: ${describeError(error)}`));
    return () => {
      live = false;
    };
  }, [setup, frames, plain, worker, rect]);

  useEffect(() => {
    let live = true;
    void (async () => {
      const key = keyOf(setup, 'gcm');
      const salt = randomBytes(SALT_LENGTH);
      // The sender: frame B went out as frame 75 of the call, frame A as frame 195.
      const early = await worker.call('send', 'gcm', key, plain.b, nonceAt(salt, 75));
      const late = await worker.call('send', 'gcm', key, plain.a, nonceAt(salt, 195));
      // The attacker re-sends frame 75, unchanged, after frame 195.
      const naive = await worker.call('receive', early, key);
      const check = new CounterCheck();
      const checkedLate = await worker.call('receive', late, key);
      if (checkedLate.accepted) check.admit(late.start as Uint8Array);
      const checkedReplay = await worker.call('receive', early, key);
      const refusal = checkedReplay.accepted ? check.admit(early.start as Uint8Array) : checkedReplay.reason;
      if (live) setReplay({ naive, checked: refusal ? { accepted: false, reason: refusal } : checkedReplay });
    })().catch((error: unknown) => live && setProblem(`The replay could not be shown: ${describeError(error)}`));
    return () => {
      live = false;
    };
  }, [setup, plain, worker]);

  const ecbWire = spliced.ecb?.wire;
  return (
    <div className="flex flex-col gap-5">
      <DemoProblem message={problem} testId="splice-problem" />
      <div className="grid gap-4 sm:grid-cols-3">
        <FramedPicture
          caption={<>Frame A: {frames.names.a}</>}
          frame={frames.a}
          label={`Frame A, ${frames.names.a}`}
          testId="splice-frame-a"
        />
        <FramedPicture
          caption={<>Frame B: {frames.names.b}</>}
          frame={frames.b}
          label={`Frame B, ${frames.names.b}; the blocks inside the outline are pasted into frame A`}
          testId="splice-frame-b"
          outline={rect}
          onSelect={setRect}
          note={<>Drag across frame B to choose what is pasted.</>}
        />
        <FramedPicture
          caption={<>On the wire: A’s ECB ciphertext, with B’s blocks pasted in</>}
          frame={ecbWire ? bytesAsFrame(ecbWire.ciphertext, width, height) : null}
          label="The attacker's edited ECB ciphertext"
          testId="splice-wire"
          outline={rect}
          note={
            <>
              {blocksOfRect(frames.geometry, rect).length.toLocaleString('en')} blocks of 16 bytes copied, no key used.
            </>
          }
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        {SPLICED.map((mode) => (
          <ReceiverView
            key={mode}
            title={`${mode.toUpperCase()} receiver`}
            received={spliced[mode]?.received ?? null}
            testId={`splice-${mode}`}
            note={NOTES[mode]}
          />
        ))}
      </div>
      <div className="flex flex-col gap-3 border-t border-slate-200 pt-4 dark:border-slate-800">
        <h3 className="font-semibold">Replay a whole frame</h3>
        <p className="max-w-4xl text-sm leading-relaxed text-slate-700 dark:text-slate-300">
          Frame B went out as frame 75, frame A as frame 195. The attacker sends frame 75 again, untouched: its tag is
          genuine. A receiver that checks only the tag shows it; one that also checks the frame counter in the nonce
          (salt ‖ counter) refuses anything not newer than what it has shown.
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          <ReceiverView title="GCM, checks the tag only" received={replay?.naive ?? null} testId="replay-naive" />
          <ReceiverView
            title="GCM, checks the tag and the frame counter"
            received={replay?.checked ?? null}
            testId="replay-checked"
          />
        </div>
      </div>
    </div>
  );
}
