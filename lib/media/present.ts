/**
 * Shows a worker's panel picture on a page canvas and stamps the canvas with the index of the frame it
 * now shows. The picture comes as strips of ImageBitmaps (lib/worker/painter explains why); each is drawn
 * at its own rows, unscaled, so the canvas holds exactly the picture's pixels (all opaque), and closed.
 */
import type { PanelPicture } from '../worker/protocol';

/** Draws `strips`, top to bottom, on `canvas`, sized to them; the strips are closed afterwards. */
export function presentPicture(canvas: HTMLCanvasElement, strips: PanelPicture, frameIndex: number): void {
  try {
    const width = strips[0]?.width ?? 0;
    const height = strips.reduce((sum, strip) => sum + strip.height, 0);
    if (width === 0 || height === 0) throw new Error('a panel picture needs at least one strip');
    if (strips.some((strip) => strip.width !== width)) throw new Error('a panel picture’s strips differ in width');
    if (canvas.width !== width) canvas.width = width;
    if (canvas.height !== height) canvas.height = height;
    const ctx = canvas.getContext('2d', { alpha: false });
    if (!ctx) throw new Error('this browser cannot draw on a canvas');
    let top = 0;
    for (const strip of strips) {
      ctx.drawImage(strip, 0, top);
      top += strip.height;
    }
    canvas.dataset.frame = String(frameIndex);
  } finally {
    strips.forEach((strip) => strip.close());
  }
}
