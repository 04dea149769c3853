'use client';

import { useEffect, useRef, useState } from 'react';
import type { Frame } from '@/lib/cipher/frame';
import type { PixelRect } from '@/lib/attacks/geometry';
import type { Received } from '@/lib/attacks/endpoints';
import { unpackFrame } from '@/lib/cipher/layout';
import { useAttack } from './attack-setup';

/** The frame's pixel under a pointer event on its canvas, or null outside it. */
function pixelAt(
  canvas: HTMLCanvasElement,
  event: { clientX: number; clientY: number },
): { x: number; y: number } | null {
  const box = canvas.getBoundingClientRect();
  const x = Math.floor(((event.clientX - box.left) / box.width) * canvas.width);
  const y = Math.floor(((event.clientY - box.top) / box.height) * canvas.height);
  return x >= 0 && y >= 0 && x < canvas.width && y < canvas.height ? { x, y } : null;
}

/** Arrow keys as pixel steps. */
const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

const clamp = (value: number, max: number) => Math.min(Math.max(0, value), max);

/**
 * A frame's pixels on a canvas, drawn at its own size and scaled up without smoothing. `onPick` makes a
 * click report the pixel; `onSelect` makes a drag report a rectangle; `outline` marks a rectangle. For
 * the keyboard, an interactive canvas takes focus and its arrow keys (with Shift, 8 pixels at a time)
 * move the picked pixel (the outline's centre) or the selected rectangle.
 */
export function FrameCanvas({
  frame,
  label,
  testId,
  outline,
  onPick,
  onSelect,
}: {
  frame: Frame | null;
  label: string;
  testId: string;
  outline?: PixelRect | null;
  onPick?: (x: number, y: number) => void;
  onSelect?: (rect: PixelRect) => void;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [drag, setDrag] = useState<{ x: number; y: number } | null>(null);

  useEffect(() => {
    const element = canvas.current;
    if (!element || !frame) return;
    element.width = frame.width;
    element.height = frame.height;
    const ctx = element.getContext('2d');
    ctx?.putImageData(new ImageData(new Uint8ClampedArray(frame.data), frame.width, frame.height), 0, 0);
  }, [frame]);

  const interactive = Boolean(onPick || onSelect);
  const box = outline && frame ? outline : null;

  const onKeyDown = (event: React.KeyboardEvent<HTMLCanvasElement>) => {
    const arrow = ARROWS[event.key];
    if (!arrow || !frame) return;
    event.preventDefault();
    const step = event.shiftKey ? 8 : 1;
    const [dx, dy] = [arrow[0] * step, arrow[1] * step];
    if (onSelect && outline) {
      onSelect({
        ...outline,
        x: clamp(outline.x + dx, frame.width - outline.width),
        y: clamp(outline.y + dy, frame.height - outline.height),
      });
    } else if (onPick) {
      const x = outline ? outline.x + Math.floor(outline.width / 2) : Math.floor(frame.width / 2);
      const y = outline ? outline.y + Math.floor(outline.height / 2) : Math.floor(frame.height / 2);
      onPick(clamp(x + dx, frame.width - 1), clamp(y + dy, frame.height - 1));
    }
  };
  return (
    <div className="relative overflow-hidden rounded-md bg-slate-900 ring-1 ring-slate-900/10 dark:ring-white/10">
      <canvas
        ref={canvas}
        width={frame?.width ?? 1}
        height={frame?.height ?? 1}
        data-testid={testId}
        aria-label={interactive ? `${label}; arrow keys move it, Shift+arrow 8 pixels at a time` : label}
        role="img"
        tabIndex={interactive ? 0 : undefined}
        onKeyDown={interactive ? onKeyDown : undefined}
        className={`pixelated block h-auto w-full ${interactive ? 'cursor-crosshair touch-none focus-visible:outline-3 focus-visible:-outline-offset-3 focus-visible:outline-sky-500' : ''}`}
        onPointerDown={(event) => {
          if (!onSelect || !canvas.current) return;
          setDrag(pixelAt(canvas.current, event));
        }}
        onPointerUp={(event) => {
          const element = canvas.current;
          if (!element) return;
          const at = pixelAt(element, event);
          if (onSelect && drag && at && (Math.abs(at.x - drag.x) > 2 || Math.abs(at.y - drag.y) > 2)) {
            onSelect({
              x: Math.min(drag.x, at.x),
              y: Math.min(drag.y, at.y),
              width: Math.abs(at.x - drag.x) + 1,
              height: Math.abs(at.y - drag.y) + 1,
            });
          } else if (onPick) {
            // A click outside the picture (on the letterbox, or a slip) is reported as such.
            onPick(at?.x ?? -1, at?.y ?? -1);
          }
          setDrag(null);
        }}
      />
      {box && frame && (
        <div
          className="pointer-events-none absolute border-2 border-sky-400 shadow-[0_0_0_1px_rgba(15,23,42,0.6)]"
          style={{
            left: `${(box.x / frame.width) * 100}%`,
            top: `${(box.y / frame.height) * 100}%`,
            width: `${(box.width / frame.width) * 100}%`,
            height: `${(box.height / frame.height) * 100}%`,
          }}
          aria-hidden="true"
        />
      )}
    </div>
  );
}

/** RGB bytes (ciphertext or plaintext) of a `width × height` frame, as a picture. */
export function bytesAsFrame(bytes: Uint8Array, width: number, height: number): Frame {
  return unpackFrame(bytes.subarray(0, width * height * 3), 'rgb', width, height, { opaque: true });
}

/**
 * What the receiver shows: the decrypted frame, or an empty panel that says it refused the frame and why.
 */
export function ReceiverView({
  title,
  received,
  size,
  testId,
  note,
}: {
  title: string;
  received: Received | null;
  /** The frame's size; the attack lab's frames' by default. */
  size?: { width: number; height: number };
  testId: string;
  note?: string;
}) {
  const { geometry } = useAttack().frames;
  const { width, height } = size ?? geometry;
  const refused = received && !received.accepted ? received.reason : null;
  return (
    <figure
      className="flex min-w-0 flex-col gap-2"
      data-testid={`${testId}-view`}
      data-verdict={received ? (refused ? 'refused' : 'accepted') : 'waiting'}
    >
      <figcaption className="flex items-baseline justify-between gap-2 text-sm">
        <span className="font-semibold">{title}</span>
        <span
          className={`rounded-full px-2 py-0.5 text-[11px] font-medium whitespace-nowrap ${
            refused
              ? 'bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200'
              : 'bg-rose-100 text-rose-800 dark:bg-rose-950 dark:text-rose-200'
          }`}
        >
          {received ? (refused ? 'refused' : 'accepted') : '…'}
        </span>
      </figcaption>
      {refused ? (
        <div
          className="flex aspect-video items-center justify-center rounded-md bg-slate-100 p-3 text-center text-sm text-slate-700 ring-1 ring-slate-200 dark:bg-slate-900 dark:text-slate-300 dark:ring-slate-800"
          role="status"
          data-testid={testId}
          data-refused={refused}
        >
          Nothing drawn: {refused}.
        </div>
      ) : (
        <FrameCanvas
          frame={received?.accepted ? bytesAsFrame(received.plaintext, width, height) : null}
          label={`${title}: what the receiver decrypts`}
          testId={testId}
        />
      )}
      {note && <p className="text-xs leading-snug text-slate-600 dark:text-slate-400">{note}</p>}
    </figure>
  );
}

/** A frame with its caption above it (and an optional note below): the attack lab's figures. */
export function FramedPicture({
  caption,
  note,
  className = 'flex flex-col gap-2',
  ...canvas
}: Parameters<typeof FrameCanvas>[0] & { caption: React.ReactNode; note?: React.ReactNode; className?: string }) {
  return (
    <figure className={className}>
      <figcaption className="text-sm font-semibold">{caption}</figcaption>
      <FrameCanvas {...canvas} />
      {note && <p className="text-xs text-slate-600 dark:text-slate-400">{note}</p>}
    </figure>
  );
}
