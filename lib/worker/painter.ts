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

/**
 * Scales a video frame or bitmap to the processing size and reads its pixels; the scaled picture
 * itself becomes the Original panel's bitmap, so the panel shows exactly the bytes that were read.
 */
export class PixelReader {
  private canvas: OffscreenCanvas | null = null;
  private ctx: Context | null = null;

  read(image: ImageBitmap | VideoFrame, width: number, height: number): { frame: Frame; original: ImageBitmap } {
    if (!this.canvas || this.canvas.width !== width || this.canvas.height !== height) {
      this.canvas = new OffscreenCanvas(width, height);
      this.ctx = context(this.canvas, true);
    }
    const ctx = this.ctx as Context;
    ctx.imageSmoothingQuality = 'medium';
    ctx.drawImage(image, 0, 0, width, height);
    const frame = { width, height, data: ctx.getImageData(0, 0, width, height).data };
    return { frame, original: this.canvas.transferToImageBitmap() };
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
