'use client';

import { useEffect, useState } from 'react';
import { flipBit, rewriteKnown } from '@/lib/attacks/bit-flip';
import type { Received } from '@/lib/attacks/endpoints';
import { pixelByte, type PixelRect } from '@/lib/attacks/geometry';
import type { Frame } from '@/lib/cipher/frame';
import { useAttack, keyOf, describeError } from './attack-setup';
import { DemoProblem } from './demo-section';
import { bytesAsFrame, FrameCanvas, FramedPicture, ReceiverView } from './frame-canvas';

const FLIPPED = ['ecb', 'cbc', 'ctr', 'gcm'] as const;
type Flipped = (typeof FLIPPED)[number];

/** What changed between what was sent and what the receiver decrypted, in words. */
export function describeChange(sent: Uint8Array, received: Received): string {
  if (!received.accepted) return 'Refused: nothing drawn.';
  const changed: number[] = [];
  for (let i = 0; i < sent.length; i++) if (sent[i] !== received.plaintext[i]) changed.push(i);
  if (changed.length === 0) return 'Nothing changed.';
  const blocks = [...new Set(changed.map((i) => Math.floor(i / 16)))];
  let bits = 0;
  for (const i of changed) for (let v = sent[i] ^ received.plaintext[i]; v; v &= v - 1) bits++;
  const where = blocks.length === 1 ? `block ${blocks[0]}` : `blocks ${blocks.join(' and ')}`;
  return `Accepted: ${changed.length} byte${changed.length === 1 ? '' : 's'} (${bits} bit${bits === 1 ? '' : 's'}) changed, in ${where}.`;
}

/** The `width × height` pixels of `frame` around (x, y), for a magnified look at a flipped bit. */
function around(frame: Frame, x: number, y: number, width = 24, height = 12): Frame {
  const left = Math.min(Math.max(0, x - width / 2), frame.width - width);
  const top = Math.min(Math.max(0, y - height / 2), frame.height - height);
  const data = new Uint8ClampedArray(width * height * 4);
  for (let row = 0; row < height; row++) {
    const from = ((top + row) * frame.width + left) * 4;
    data.set(frame.data.subarray(from, from + width * 4), row * width * 4);
  }
  return { width, height, data };
}

/** `frame` with `rect` painted `rgb`: what the attacker wants the receiver to see. */
function painted(frame: Frame, rect: PixelRect, rgb: readonly [number, number, number]): Frame {
  const data = new Uint8ClampedArray(frame.data);
  for (let y = rect.y; y < Math.min(frame.height, rect.y + rect.height); y++)
    for (let x = rect.x; x < Math.min(frame.width, rect.x + rect.width); x++) data.set(rgb, (y * frame.width + x) * 4);
  return { ...frame, data };
}

/** The colour of the pixel at (x, y), rounded to whole pixels and kept inside the frame. */
function colourAt(frame: Frame, x: number, y: number): [number, number, number] {
  const px = Math.min(Math.max(0, Math.round(x)), frame.width - 1);
  const py = Math.min(Math.max(0, Math.round(y)), frame.height - 1);
  const at = (py * frame.width + px) * 4;
  return [frame.data[at], frame.data[at + 1], frame.data[at + 2]];
}

function hexColour([r, g, b]: readonly number[]): string {
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

/** Flip one bit of the ciphertext in four modes; rewrite a region through CTR. */
export function FlipDemo() {
  const setup = useAttack();
  const { frames, plain, worker } = setup;
  const { width, height } = frames.geometry;
  const start = frames.regions.face ?? { x: width / 2, y: height / 2, width: 0, height: 0 };
  const [pick, setPick] = useState({
    x: Math.round(start.x + start.width / 2),
    y: Math.round(start.y + start.height / 2),
  });
  const [flips, setFlips] = useState<Partial<Record<Flipped, Received>>>({});
  const [wireEcb, setWireEcb] = useState<Uint8Array | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  // A bar raised to the top of the chart in the bar's own colour; elsewhere, a red square.
  const bar = frames.regions.firstBar;
  const [region, setRegion] = useState<PixelRect>(
    bar
      ? { ...bar, height: Math.round(bar.height * 0.9) }
      : { x: Math.round(width / 3), y: Math.round(height / 3), width: 24, height: 24 },
  );
  const [colour, setColour] = useState<[number, number, number]>(
    bar ? colourAt(frames.a, bar.x + bar.width / 2, bar.y + bar.height - 2) : [225, 29, 72],
  );
  const [rewrite, setRewrite] = useState<{ ctr: Received; gcm: Received } | null>(null);

  useEffect(() => {
    let live = true;
    void (async () => {
      const bit = pixelByte(frames.geometry, pick.x, pick.y) * 8; // the top bit of the pixel's red byte
      const next: typeof flips = {};
      for (const mode of FLIPPED) {
        const key = keyOf(setup, mode);
        const wire = await worker.call('send', mode, key, plain.a);
        if (mode === 'ecb' && live) setWireEcb(wire.ciphertext);
        next[mode] = await worker.call('receive', { ...wire, ciphertext: flipBit(wire.ciphertext, bit) }, key);
      }
      if (live) setFlips(next);
    })().catch((error: unknown) => live && setProblem(`The flip could not be shown: ${describeError(error)}`));
    return () => {
      live = false;
    };
  }, [setup, frames, plain, worker, pick]);

  useEffect(() => {
    let live = true;
    void (async () => {
      // The attacker knows frame A (everyone saw the slide) and draws what they want seen instead.
      const target = painted(frames.a, region, colour);
      const results: Partial<Record<'ctr' | 'gcm', Received>> = {};
      for (const mode of ['ctr', 'gcm'] as const) {
        const key = keyOf(setup, mode);
        const wire = await worker.call('send', mode, key, plain.a);
        let edited = wire.ciphertext;
        for (let y = region.y; y < Math.min(height, region.y + region.height); y++) {
          const from = pixelByte(frames.geometry, Math.max(0, region.x), y);
          const to = pixelByte(frames.geometry, Math.min(width, region.x + region.width) - 1, y) + 3;
          const wanted = new Uint8Array(to - from);
          for (let i = 0; i < wanted.length; i += 3)
            wanted.set(target.data.subarray(((from + i) / 3) * 4, ((from + i) / 3) * 4 + 3), i);
          edited = rewriteKnown(edited, from, plain.a.subarray(from, to), wanted);
        }
        results[mode] = await worker.call('receive', { ...wire, ciphertext: edited }, key);
      }
      if (live && results.ctr && results.gcm) setRewrite({ ctr: results.ctr, gcm: results.gcm });
    })().catch((error: unknown) => live && setProblem(`The rewrite could not be shown: ${describeError(error)}`));
    return () => {
      live = false;
    };
  }, [setup, frames, plain, worker, region, colour, width, height]);

  const mark = { x: pick.x - 8, y: pick.y - 6, width: 17, height: 13 };
  return (
    <div className="flex flex-col gap-5">
      <DemoProblem message={problem} testId="flip-problem" />
      <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
        <figure className="flex flex-col gap-2">
          <figcaption className="text-sm font-semibold">Frame A’s ECB ciphertext: click a pixel</figcaption>
          <FrameCanvas
            frame={wireEcb ? bytesAsFrame(wireEcb, width, height) : null}
            label="Frame A's ciphertext; clicking a pixel flips the top bit of its red byte"
            testId="flip-wire"
            outline={mark}
            onPick={(x, y) => {
              if (x < 0) {
                setProblem('That point is outside the frame: click on the picture to flip a bit there.');
                return;
              }
              setProblem(null);
              setPick({ x, y });
            }}
          />
          <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="flip-pick">
            Flipping the top bit of the red byte of pixel ({pick.x}, {pick.y}): byte{' '}
            {pixelByte(frames.geometry, pick.x, pick.y).toLocaleString('en')}, in block{' '}
            {Math.floor(pixelByte(frames.geometry, pick.x, pick.y) / 16).toLocaleString('en')}.
          </p>
        </figure>
        <div className="grid gap-4 sm:grid-cols-2">
          {FLIPPED.map((mode) => {
            const received = flips[mode];
            return (
              <div key={mode} className="flex flex-col gap-2">
                <ReceiverView
                  title={`${mode.toUpperCase()} receiver`}
                  received={received ?? null}
                  testId={`flip-${mode}`}
                  note={received ? describeChange(plain.a, received) : undefined}
                />
                {received?.accepted && (
                  <div className="grid grid-cols-2 gap-2 text-[11px] text-slate-600 dark:text-slate-400">
                    <figure className="flex flex-col gap-1">
                      <FrameCanvas
                        frame={around(frames.a, pick.x, pick.y)}
                        label={`Frame A around pixel (${pick.x}, ${pick.y}), magnified`}
                        testId={`flip-${mode}-before`}
                      />
                      <figcaption>Sent, magnified</figcaption>
                    </figure>
                    <figure className="flex flex-col gap-1">
                      <FrameCanvas
                        frame={around(bytesAsFrame(received.plaintext, width, height), pick.x, pick.y)}
                        label={`What the ${mode.toUpperCase()} receiver shows around pixel (${pick.x}, ${pick.y}), magnified`}
                        testId={`flip-${mode}-after`}
                      />
                      <figcaption>Received, magnified</figcaption>
                    </figure>
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </div>
      <div className="flex flex-col gap-3 border-t border-slate-200 pt-4 dark:border-slate-800">
        <h3 className="font-semibold">Set pixels to any colour through CTR</h3>
        <p className="max-w-4xl text-sm leading-relaxed text-slate-700 dark:text-slate-300">
          The attacker knows frame A ({frames.names.a}) and XORs the ciphertext with the known pixels and the wanted
          ones: CTR decrypts exactly to the wanted picture.
          {bar ? ' Here the first bar of the chart is raised to the top.' : ''} Drag across the frame to choose the
          region.
        </p>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <label className="flex items-center gap-2">
            Colour
            <input
              type="color"
              value={hexColour(colour)}
              onChange={(event) => {
                const hex = event.target.value.slice(1);
                setColour([0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number]);
              }}
              data-testid="rewrite-colour"
            />
          </label>
        </div>
        <div className="grid gap-4 sm:grid-cols-3">
          <FramedPicture
            caption={<>Frame A, known to the attacker</>}
            frame={frames.a}
            label="Frame A with the region to rewrite"
            testId="rewrite-frame"
            outline={region}
            onSelect={setRegion}
          />
          <ReceiverView
            title="CTR receiver"
            received={rewrite?.ctr ?? null}
            testId="rewrite-ctr"
            note="Accepted: exactly the attacker's picture."
          />
          <ReceiverView title="GCM receiver, same edit" received={rewrite?.gcm ?? null} testId="rewrite-gcm" />
        </div>
      </div>
    </div>
  );
}
