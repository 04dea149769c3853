'use client';

import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { generateKey } from '@/lib/cipher/keys';
import { toHex } from '@/lib/cipher/hex';
import { loadPicture } from '@/lib/media/image-source';
import { presentBitmap } from '@/lib/media/present';
import type { EngineFrame } from '@/lib/worker/client';
import type { PanelId } from '@/lib/worker/protocol';
import { PanelFigure } from './lab/panel-figure';
import { useLabEngine } from './lab/use-lab-engine';

interface Keys {
  ecb: Uint8Array;
  gcm: Uint8Array;
}

function randomKeys(): Keys {
  return { ecb: generateKey('ecb'), gcm: generateKey('gcm') };
}

/**
 * A picture encrypted in the browser and shown panel by panel. Used on the home page with the
 * penguin; the keys are fresh on every visit and on "New keys".
 */
export function StillDemo({
  src,
  alt,
  panels = ['original', 'ecb', 'gcm'],
  maxWidth = 640,
}: {
  src: string;
  alt: string;
  panels?: PanelId[];
  maxWidth?: number;
}) {
  const canvases = useRef<Partial<Record<PanelId, HTMLCanvasElement | null>>>({});
  const source = useRef<ImageBitmap | null>(null);
  const [keys, setKeys] = useState<Keys | null>(null);
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>('loading');
  const [error, setError] = useState('');

  const engine = useLabEngine<null>({
    onFrame: (frame: EngineFrame<null>) => {
      for (const [panel, bitmap] of Object.entries(frame.bitmaps) as [PanelId, ImageBitmap][]) {
        const canvas = canvases.current[panel];
        if (canvas) presentBitmap(canvas, bitmap, 0);
        else bitmap.close();
      }
      setStatus('ready');
    },
    onError: (message) => {
      setError(message);
      setStatus('error');
    },
  });

  const fail = (reason: unknown) => {
    setError(reason instanceof Error ? reason.message : String(reason));
    setStatus('error');
  };

  const encrypt = (next: Keys) => {
    setKeys(next);
    const picture = source.current;
    if (!picture) return;
    createImageBitmap(picture)
      .then((copy) =>
        engine.current?.submit(
          copy,
          {
            layout: 'rgb',
            bits: 8,
            ecbKey: next.ecb,
            gcmKey: next.gcm,
            analytics: false,
            motion: false,
            motionUnderlay: false,
          },
          null,
        ),
      )
      .catch(fail);
  };

  const onLoaded = useEffectEvent((picture: ImageBitmap) => {
    source.current = picture;
    encrypt(randomKeys());
  });
  const onFailed = useEffectEvent(fail);

  useEffect(() => {
    let cancelled = false;
    loadPicture(src, maxWidth).then(
      (picture) => (cancelled ? picture.close() : onLoaded(picture)),
      (reason: unknown) => !cancelled && onFailed(reason),
    );
    return () => {
      cancelled = true;
      source.current?.close();
      source.current = null;
    };
  }, [src, maxWidth]);

  return (
    <div className="flex flex-col gap-4" data-status={status} data-testid="still-demo">
      <p className="sr-only">{alt}</p>
      <div className="grid grid-cols-1 gap-5 sm:grid-cols-3">
        {panels.map((panel) => (
          <PanelFigure key={panel} panel={panel} canvasRef={(node) => void (canvases.current[panel] = node)} />
        ))}
      </div>
      {status === 'error' && (
        <p
          role="alert"
          className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 dark:bg-rose-950 dark:text-rose-200"
        >
          Could not encrypt the picture: {error}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-xs text-slate-600 dark:text-slate-400">
        <button
          type="button"
          onClick={() => encrypt(randomKeys())}
          className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 dark:bg-white dark:text-slate-900 dark:hover:bg-slate-200"
        >
          New keys
        </button>
        {keys && (
          <dl className="flex flex-wrap gap-x-4 gap-y-1 font-mono">
            <div>
              <dt className="inline font-sans font-medium">ECB key </dt>
              <dd className="inline break-all" data-testid="ecb-key">
                {toHex(keys.ecb)}
              </dd>
            </div>
            <div>
              <dt className="inline font-sans font-medium">GCM key </dt>
              <dd className="inline break-all" data-testid="gcm-key">
                {toHex(keys.gcm)}
              </dd>
            </div>
          </dl>
        )}
      </div>
    </div>
  );
}
