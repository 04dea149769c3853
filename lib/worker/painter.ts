/**
 * Worker-side canvas plumbing: ImageBitmap → RGBA bytes, and RGBA bytes → ImageBitmap for the page.
 * Both go through OffscreenCanvas, kept and reused per size. Frames are drawn onto an opaque canvas, so
 * every byte read back is exactly what was drawn (no alpha premultiplication to round values).
 */
import type { Frame } from '../cipher/frame';

type Context = OffscreenCanvasRenderingContext2D;

function context(canvas: OffscreenCanvas, willReadFrequently: boolean): Context {
  const ctx = canvas.getContext('2d', { alpha: false, willReadFrequently });
  if (!ctx) throw new Error('this browser gives workers no 2D OffscreenCanvas');
  return ctx;
}

/** Reads an ImageBitmap's pixels. */
export class PixelReader {
  private canvas: OffscreenCanvas | null = null;
  private ctx: Context | null = null;

  read(bitmap: ImageBitmap): Frame {
    const { width, height } = bitmap;
    if (!this.canvas || this.canvas.width !== width || this.canvas.height !== height) {
      this.canvas = new OffscreenCanvas(width, height);
      this.ctx = context(this.canvas, true);
    }
    const ctx = this.ctx as Context;
    ctx.drawImage(bitmap, 0, 0);
    return { width, height, data: ctx.getImageData(0, 0, width, height).data };
  }
}

/** Turns RGBA bytes into ImageBitmaps, one canvas per panel. */
export class BitmapPainter {
  private canvas: OffscreenCanvas | null = null;
  private ctx: Context | null = null;
  private image: ImageData | null = null;

  paint(rgba: Uint8ClampedArray, width: number, height: number): ImageBitmap {
    if (!this.canvas || this.canvas.width !== width || this.canvas.height !== height) {
      this.canvas = new OffscreenCanvas(width, height);
      this.ctx = context(this.canvas, false);
    }
    if (!this.image || this.image.data !== rgba) {
      this.image = new ImageData(rgba as Uint8ClampedArray<ArrayBuffer>, width, height);
    }
    (this.ctx as Context).putImageData(this.image, 0, 0);
    return this.canvas.transferToImageBitmap();
  }
}
