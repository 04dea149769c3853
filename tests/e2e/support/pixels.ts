import type { Locator } from '@playwright/test';

/**
 * Reads what a panel canvas shows, as the page drew it: the canvas is copied onto a 2D canvas in the
 * page and its RGBA bytes come back. Panels are opaque, so the bytes are exact.
 */
export async function readCanvas(canvas: Locator): Promise<{ width: number; height: number; rgba: Uint8Array }> {
  const { width, height, base64 } = await canvas.evaluate((element: HTMLCanvasElement) => {
    const copy = document.createElement('canvas');
    copy.width = element.width;
    copy.height = element.height;
    const ctx = copy.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('no 2D context');
    ctx.drawImage(element, 0, 0);
    const data = ctx.getImageData(0, 0, copy.width, copy.height).data;
    let binary = '';
    for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
    return { width: copy.width, height: copy.height, base64: btoa(binary) };
  });
  return { width, height, rgba: new Uint8Array(Buffer.from(base64, 'base64')) };
}

/** RGBA → the RGB bytes the `rgb` layout encrypts (alpha dropped). */
export function rgbBytes(rgba: Uint8Array): Uint8Array {
  const out = new Uint8Array((rgba.length / 4) * 3);
  for (let s = 0, d = 0; s < rgba.length; s += 4, d += 3) {
    out[d] = rgba[s];
    out[d + 1] = rgba[s + 1];
    out[d + 2] = rgba[s + 2];
  }
  return out;
}

/** Shannon entropy of the bytes, in bits per byte. */
export function byteEntropy(bytes: Uint8Array): number {
  const counts = new Array<number>(256).fill(0);
  for (const byte of bytes) counts[byte]++;
  let entropy = 0;
  for (const count of counts) {
    if (count === 0) continue;
    const p = count / bytes.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}
