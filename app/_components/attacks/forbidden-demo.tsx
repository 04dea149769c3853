'use client';

import { useState } from 'react';
import { fromBlock } from '@/lib/attacks/gf128';
import { attackDegree, forge } from '@/lib/attacks/forbidden';
import type { Received } from '@/lib/attacks/endpoints';
import type { Frame } from '@/lib/cipher/frame';
import { packFrame } from '@/lib/cipher/layout';
import { randomBytes } from '@/lib/cipher/keys';
import { toHex } from '@/lib/cipher/hex';
import type { HashKeyFound } from '@/lib/worker/attack-handlers';
import { primaryButton } from '../fields';
import { useAttack, keyOf, describeError } from './attack-setup';
import { DemoProblem } from './demo-section';
import { FrameCanvas, FramedPicture, ReceiverView } from './frame-canvas';

/** The thumbnails the attack runs on: 48 × 27 RGB, 3,888 bytes, 243 blocks. */
const THUMB = { width: 48, height: 27 };

/** `frame` shrunk to the thumbnail size, each pixel the one nearest its centre. */
function thumbnail(frame: Frame): Frame {
  const { width, height } = THUMB;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    const sy = Math.min(frame.height - 1, Math.floor(((y + 0.5) * frame.height) / height));
    for (let x = 0; x < width; x++) {
      const sx = Math.min(frame.width - 1, Math.floor(((x + 0.5) * frame.width) / width));
      data.set(frame.data.subarray((sy * frame.width + sx) * 4, (sy * frame.width + sx) * 4 + 4), (y * width + x) * 4);
    }
  }
  return { width, height, data };
}

/** What the attacker wants the receiver to see: `base` with FAKE across it, or a picture of their own. */
async function target(base: Frame, file: File | null): Promise<Frame> {
  const canvas = new OffscreenCanvas(THUMB.width, THUMB.height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('this browser has no 2D canvas to draw the forgery on');
  if (file) {
    let bitmap: ImageBitmap;
    try {
      bitmap = await createImageBitmap(file);
    } catch {
      throw new Error(`“${file.name}” is not a picture this browser can read`);
    }
    ctx.drawImage(bitmap, 0, 0, THUMB.width, THUMB.height);
    bitmap.close();
  } else {
    ctx.putImageData(new ImageData(new Uint8ClampedArray(base.data), THUMB.width, THUMB.height), 0, 0);
    ctx.fillStyle = '#e11d48';
    ctx.font = 'bold 15px sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText('FAKE', THUMB.width / 2, THUMB.height / 2 + 1);
  }
  const data = ctx.getImageData(0, 0, THUMB.width, THUMB.height).data;
  for (let i = 3; i < data.length; i += 4) data[i] = 255;
  return { ...THUMB, data };
}

interface Outcome {
  found: HashKeyFound;
  forgedPicture: Frame | null;
  received: Received | null;
}

/** Joux's forbidden attack on thumbnails of three frames sent under one stuck nonce. */
export function ForbiddenDemo() {
  const setup = useAttack();
  const { frames, worker } = setup;
  const [thumbs] = useState(() => ({ a: thumbnail(frames.a), b: thumbnail(frames.b), c: thumbnail(frames.c) }));
  const [file, setFile] = useState<File | null>(null);
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const bytes = THUMB.width * THUMB.height * 3;
  const degree = attackDegree(bytes);
  const fullDegree = attackDegree(frames.geometry.width * frames.geometry.height * 3);

  const run = async () => {
    setRunning(true);
    setProblem(null);
    setOutcome(null);
    try {
      const key = keyOf(setup, 'gcm');
      const nonce = randomBytes(12); // the sender's bug: this nonce never moves on
      const plain = {
        a: packFrame(thumbs.a, 'rgb', 8),
        b: packFrame(thumbs.b, 'rgb', 8),
        c: packFrame(thumbs.c, 'rgb', 8),
      };
      const sent = await Promise.all([plain.a, plain.b, plain.c].map((p) => worker.call('send', 'gcm', key, p, nonce)));
      // The attacker: three ciphertexts and tags off the wire, and frame A's pixels (everyone saw it).
      const [a, b, c] = sent.map(({ ciphertext }) => ({
        ciphertext: ciphertext.subarray(0, bytes),
        tag: ciphertext.subarray(bytes),
      }));
      const found = await worker.call('recoverHashKey', a, b, c);
      if (!found.hashKey) {
        setOutcome({ found, forgedPicture: null, received: null });
        return;
      }
      const wanted = await target(thumbs.a, file);
      const forged = forge(fromBlock(found.hashKey), a, plain.a, packFrame(wanted, 'rgb', 8));
      const wire = {
        mode: 'gcm' as const,
        ciphertext: Uint8Array.of(...forged.ciphertext, ...forged.tag),
        start: nonce,
      };
      // The receiver, with the key, checks the tag with the browser's own AES-GCM (WebCrypto).
      const received = await worker.call('receive', wire, key);
      setOutcome({ found, forgedPicture: wanted, received });
    } catch (error) {
      setProblem(`The attack could not run: ${describeError(error)}`);
    } finally {
      setRunning(false);
    }
  };

  return (
    <div className="flex flex-col gap-4">
      <div className="grid gap-4 sm:grid-cols-3">
        {(['a', 'b', 'c'] as const).map((name) => (
          <figure key={name} className="flex flex-col gap-2">
            <figcaption className="text-sm font-semibold">
              Frame {name.toUpperCase()}: {frames.names[name]}
              {name === 'a' ? ' (known to the attacker)' : ''}
            </figcaption>
            <FrameCanvas
              frame={thumbs[name]}
              label={`Frame ${name.toUpperCase()}, ${THUMB.width}×${THUMB.height}`}
              testId={`forbidden-frame-${name}`}
            />
          </figure>
        ))}
      </div>
      <p className="max-w-4xl text-sm leading-relaxed text-slate-700 dark:text-slate-300" data-testid="forbidden-limit">
        The attack runs on {THUMB.width}×{THUMB.height} thumbnails of the call, {bytes.toLocaleString('en')} bytes each:
        two of them give a polynomial of degree {degree}, whose roots this page finds in about a second. Its degree is
        the number of 16-byte blocks GHASH reads, and the work grows with its square: a whole {frames.geometry.width}×
        {frames.geometry.height} frame gives degree {fullDegree.toLocaleString('en')}, about{' '}
        {Math.round((fullDegree / degree) ** 2).toLocaleString('en')} times the work. Real attacks pick short messages.
      </p>
      <div className="flex flex-wrap items-center gap-4 text-sm">
        <button
          type="button"
          className={primaryButton}
          onClick={() => void run()}
          disabled={running}
          data-testid="forbidden-run"
        >
          {running ? 'Finding H…' : 'Recover H and forge a frame'}
        </button>
        <label className="flex items-center gap-2">
          Forge this picture instead of “FAKE”:
          <input
            type="file"
            accept="image/*"
            className="text-xs"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            data-testid="forbidden-target"
          />
        </label>
      </div>
      <DemoProblem message={problem} testId="forbidden-problem" />
      {outcome && (
        <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 self-start text-sm" data-testid="forbidden-found">
            <dt className="text-slate-600 dark:text-slate-400">Polynomial degree</dt>
            <dd className="font-mono">{outcome.found.degree}</dd>
            <dt className="text-slate-600 dark:text-slate-400">Roots (candidates for H)</dt>
            <dd className="font-mono" data-testid="forbidden-candidates">
              {outcome.found.candidates}
            </dd>
            <dt className="text-slate-600 dark:text-slate-400">Left by frame C</dt>
            <dd className="font-mono">{outcome.found.remaining}</dd>
            <dt className="text-slate-600 dark:text-slate-400">H, without the key</dt>
            <dd className="font-mono break-all" data-testid="forbidden-h">
              {outcome.found.hashKey ? toHex(outcome.found.hashKey) : 'not pinned down'}
            </dd>
            <dt className="text-slate-600 dark:text-slate-400">Time</dt>
            <dd className="font-mono">{(outcome.found.milliseconds / 1000).toFixed(2)} s</dd>
          </dl>
          <div className="grid gap-4 sm:grid-cols-2">
            <FramedPicture
              caption={<>What the attacker sends</>}
              frame={outcome.forgedPicture}
              label="The forged frame's intended picture"
              testId="forbidden-wanted"
            />
            <ReceiverView
              title="GCM receiver (WebCrypto)"
              received={outcome.received}
              size={THUMB}
              testId="forbidden-received"
              note={outcome.received?.accepted ? 'Authentic, says the tag: a frame the sender never sent.' : undefined}
            />
          </div>
        </div>
      )}
    </div>
  );
}
