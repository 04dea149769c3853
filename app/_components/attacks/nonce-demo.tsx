'use client';

import { useEffect, useState } from 'react';
import { startLength, type WireFrame } from '@/lib/attacks/endpoints';
import { decryptWithKnown, xorBytes } from '@/lib/attacks/nonce-reuse';
import { parseHex, toHex } from '@/lib/cipher/hex';
import { randomBytes } from '@/lib/cipher/keys';
import { useAttack, keyOf, describeError, body } from './attack-setup';
import { DemoProblem } from './demo-section';
import { bytesAsFrame, FrameCanvas, FramedPicture } from './frame-canvas';

type Reused = 'ctr' | 'gcm';

/** Reads the stuck nonce the reader typed; the reason when it is not one. */
function readStart(mode: Reused, text: string): { value: Uint8Array } | { problem: string } {
  const length = startLength(mode);
  const what = mode === 'gcm' ? 'A GCM nonce' : 'A CTR initial counter block';
  try {
    const value = parseHex(text.trim(), 'the value');
    if (value.length !== length)
      return { problem: `${what} is ${length} bytes (${2 * length} hex digits), got ${value.length}.` };
    return { value };
  } catch {
    return { problem: `${what} is written in hex: digits 0–9 and a–f only.` };
  }
}

/** Two frames under one nonce: their XOR, and frame B from the known frame A. */
export function NonceDemo() {
  const setup = useAttack();
  const { frames, plain, worker } = setup;
  const { width, height } = frames.geometry;
  const length = plain.a.length;
  const [mode, setMode] = useState<Reused>('gcm');
  const [texts, setTexts] = useState<Record<Reused, string>>(() => ({
    gcm: toHex(randomBytes(startLength('gcm'))),
    ctr: toHex(randomBytes(startLength('ctr'))),
  }));
  const [wires, setWires] = useState<{ stuck: [WireFrame, WireFrame]; fresh: [WireFrame, WireFrame] } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const read = readStart(mode, texts[mode]);
  const stuck = 'value' in read ? toHex(read.value) : null;

  useEffect(() => {
    if (stuck === null) return;
    let live = true;
    void (async () => {
      const key = keyOf(setup, mode);
      const start = parseHex(stuck);
      const pair = await Promise.all([
        worker.call('send', mode, key, plain.a, start),
        worker.call('send', mode, key, plain.b, start),
      ]);
      const fresh = await Promise.all([
        worker.call('send', mode, key, plain.a),
        worker.call('send', mode, key, plain.b),
      ]);
      if (live) setWires({ stuck: pair, fresh });
    })().catch((error: unknown) => live && setProblem(`The frames could not be sent: ${describeError(error)}`));
    return () => {
      live = false;
    };
  }, [setup, plain, worker, mode, stuck]);

  const [a, b] = wires?.stuck ?? [null, null];
  const xor = a && b ? xorBytes(body(a.ciphertext, length), body(b.ciphertext, length)) : null;
  const recovered = a && b ? decryptWithKnown(body(b.ciphertext, length), body(a.ciphertext, length), plain.a) : null;
  const freshXor = wires
    ? xorBytes(body(wires.fresh[0].ciphertext, length), body(wires.fresh[1].ciphertext, length))
    : null;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end gap-4 text-sm">
        <div className="flex items-center gap-2" role="group" aria-label="Mode">
          {(['gcm', 'ctr'] as const).map((choice) => (
            <button
              key={choice}
              type="button"
              aria-pressed={mode === choice}
              onClick={() => setMode(choice)}
              className="rounded-full px-3 py-1 font-medium ring-1 ring-slate-300 ring-inset aria-pressed:bg-slate-900 aria-pressed:text-white dark:ring-slate-700 dark:aria-pressed:bg-white dark:aria-pressed:text-slate-900"
              data-testid={`nonce-mode-${choice}`}
            >
              {choice === 'gcm' ? 'AES-256-GCM' : 'AES-128-CTR'}
            </button>
          ))}
        </div>
        <label className="flex min-w-0 flex-1 flex-col gap-1">
          {mode === 'gcm' ? 'The nonce, stuck for every frame' : 'The initial counter block, stuck for every frame'}
          <input
            value={texts[mode]}
            onChange={(event) => setTexts((current) => ({ ...current, [mode]: event.target.value }))}
            spellCheck={false}
            aria-invalid={stuck === null}
            className="w-full rounded-lg border-0 bg-white px-3 py-1.5 font-mono text-sm ring-1 ring-slate-300 ring-inset aria-invalid:ring-rose-500 dark:bg-slate-900 dark:ring-slate-700"
            data-testid="nonce-input"
          />
        </label>
      </div>
      <DemoProblem message={'problem' in read ? read.problem : problem} testId="nonce-problem" />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <FramedPicture
          caption={<>Frame A’s ciphertext</>}
          frame={a ? bytesAsFrame(a.ciphertext, width, height) : null}
          label="Frame A's ciphertext"
          testId="nonce-wire-a"
        />
        <FramedPicture
          caption={<>Frame B’s ciphertext, same nonce</>}
          frame={b ? bytesAsFrame(b.ciphertext, width, height) : null}
          label="Frame B's ciphertext"
          testId="nonce-wire-b"
        />
        <FramedPicture
          caption={<>A ⊕ B, no key: the two pictures, one over the other</>}
          frame={xor ? bytesAsFrame(xor, width, height) : null}
          label="The XOR of the two ciphertexts"
          testId="nonce-xor"
        />
        <FramedPicture
          caption={<>Frame B, from A ⊕ B and the known frame A</>}
          frame={recovered ? bytesAsFrame(recovered, width, height) : null}
          label="Frame B decrypted without the key"
          testId="nonce-recovered"
        />
      </div>
      <figure className="flex max-w-sm flex-col gap-2">
        <figcaption className="text-sm font-semibold">
          The same XOR when every frame has its own nonce: noise
        </figcaption>
        <FrameCanvas
          frame={freshXor ? bytesAsFrame(freshXor, width, height) : null}
          label="The XOR under fresh nonces"
          testId="nonce-fresh-xor"
        />
      </figure>
    </div>
  );
}
