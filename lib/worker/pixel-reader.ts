/**
 * Worker-side canvas plumbing: a video frame or ImageBitmap → RGBA bytes at the processing size.
 * Frames are read either by copying a video frame's pixels out (opaque formats only) or by drawing onto
 * an opaque canvas, so every byte read is exactly what the Original panel then shows (no alpha
 * premultiplication to round values). The canvas is kept and reused while the size stays. In a browser that adds
 * noise to canvas reads (lib/worker/read-check), every frame and picture is copied out of a VideoFrame.
 */
import type { Frame } from '../cipher/frame';
import { checkPixelReads, type PixelReads } from './read-check';
import { areaShrink, boxFactor, boxShrink } from './box-scale';

type Context = OffscreenCanvasRenderingContext2D;

function context(canvas: OffscreenCanvas): Context {
  const ctx = canvas.getContext('2d', { alpha: false, willReadFrequently: true });
  if (!ctx) throw new Error('this browser gives workers no 2D OffscreenCanvas');
  return ctx;
}

/**
 * A frame's pixels as read (what the Original panel shows), how they were read (for the bench), and
 * whether the read was exact: from a canvas that reads exactly, from a VideoFrame, or noisy.
 */
export interface PixelsRead {
  frame: Frame;
  path: 'copy' | 'draw';
  reads: PixelReads;
}

/**
 * Scales a video frame or bitmap to the processing size and reads its pixels; the Original panel shows
 * exactly the bytes read.
 *
 * A video frame that shrinks by a whole factor (1280×720 at 1280, 640 or 320 wide; 1920×1080 at 960 or
 * 640) is copied out as RGBA with VideoFrame.copyTo and shrunk in JavaScript (lib/worker/box-scale),
 * several times faster than drawing it onto a canvas and reading it back (the README's Performance
 * section has the measurements). Anything else — other sizes, pictures, rotated frames, formats with
 * alpha, browsers whose copyTo cannot convert to RGBA — is drawn onto a canvas.
 */
export class PixelReader {
  private canvas: OffscreenCanvas | null = null;
  private ctx: Context | null = null;
  /** Set when copyTo turned out not to convert here: every later frame is drawn. */
  private copyUnavailable = false;
  private copied = new Uint8Array(0);
  private shrunk = new Uint8ClampedArray(0);
  /** Whether canvas reads are exact here, checked once with a known pattern before the first frame. */
  private check: Promise<PixelReads> | null = null;

  async read(image: ImageBitmap | VideoFrame, width: number, height: number): Promise<PixelsRead> {
    this.check ??= checkPixelReads();
    const reads = await this.check;
    if (reads === 'video-frame') {
      const copied = await this.copyAny(image, width, height);
      if (copied) return copied;
    }
    const k = this.copyUnavailable ? null : copyFactor(image, width, height);
    const copied = k === null ? null : await this.copy(image as VideoFrame, k, width, height);
    if (copied) return { ...copied, reads: reads === 'canvas' ? reads : 'video-frame' };
    return { ...this.draw(image, width, height), reads: reads === 'canvas' ? reads : 'noisy' };
  }

  /**
   * Copies any frame or bitmap out of a VideoFrame as RGBA and shrinks it to `width × height` in
   * JavaScript: for browsers whose canvas reads are noisy. Translucent pixels are laid over black, as the
   * opaque canvas does. Null when this frame cannot be copied so (it is then drawn).
   */
  private async copyAny(image: ImageBitmap | VideoFrame, width: number, height: number): Promise<PixelsRead | null> {
    let frame: VideoFrame | null = null;
    try {
      frame = image instanceof VideoFrame ? image : new VideoFrame(image, { timestamp: 0 });
      const sourceWidth = frame.visibleRect?.width ?? frame.displayWidth;
      const sourceHeight = frame.visibleRect?.height ?? frame.displayHeight;
      if (sourceWidth < width || sourceHeight < height) return null;
      const size = sourceWidth * sourceHeight * 4;
      if (this.copied.length !== size) this.copied = new Uint8Array(size);
      const layout = await frame.copyTo(this.copied, { format: 'RGBA', colorSpace: 'srgb' });
      if (layout.length !== 1 || layout[0].offset !== 0 || layout[0].stride !== sourceWidth * 4) return null;
      if (frame.format && /A$/.test(frame.format)) overBlack(this.copied);
      if (this.shrunk.length !== width * height * 4) this.shrunk = new Uint8ClampedArray(width * height * 4);
      const data = /*#__NOINLINE__*/ areaShrink(this.copied, sourceWidth, sourceHeight, this.shrunk, width, height);
      return { frame: { width, height, data }, path: 'copy', reads: 'video-frame' };
    } catch {
      return null;
    } finally {
      if (frame && frame !== image) frame.close();
    }
  }

  /**
   * Copies the frame out as RGBA and shrinks it by `k`; null (and every later frame drawn instead) when
   * this browser's copyTo cannot: it throws, ignores the format option (it would copy the frame's own
   * format, YUV planes or BGRA, without a word), or lays the copy out other than as one tight plane.
   */
  private async copy(image: VideoFrame, k: number, width: number, height: number) {
    const size = width * k * height * k * 4;
    if (this.copied.length !== size) this.copied = new Uint8Array(size);
    let formatRead = false;
    const options = {
      get format(): VideoPixelFormat {
        formatRead = true;
        return 'RGBA';
      },
      colorSpace: 'srgb' as const,
    };
    let layout: PlaneLayout[];
    try {
      layout = await image.copyTo(this.copied, options);
    } catch {
      this.copyUnavailable = true;
      return null;
    }
    const tight = layout.length === 1 && layout[0].offset === 0 && layout[0].stride === width * k * 4;
    if (!formatRead || !tight) {
      this.copyUnavailable = true;
      return null;
    }
    if (this.shrunk.length !== width * height * 4) this.shrunk = new Uint8ClampedArray(width * height * 4);
    const data = /*#__NOINLINE__*/ boxShrink(this.copied, width * k, height * k, k, this.shrunk);
    return { frame: { width, height, data }, path: 'copy' as const };
  }

  private draw(image: ImageBitmap | VideoFrame, width: number, height: number): Omit<PixelsRead, 'reads'> {
    if (!this.canvas || this.canvas.width !== width || this.canvas.height !== height) {
      this.canvas = new OffscreenCanvas(width, height);
      this.ctx = context(this.canvas);
    }
    const ctx = this.ctx as Context;
    ctx.imageSmoothingQuality = 'medium';
    ctx.drawImage(image, 0, 0, width, height);
    const frame = { width, height, data: ctx.getImageData(0, 0, width, height).data };
    return { frame, path: 'draw' };
  }
}

/**
 * The whole factor a video frame shrinks by to `width × height`, when it can be copied out: upright
 * (no rotation or flip), opaque, shown at its own pixel size, and a whole factor larger. Null otherwise.
 */
function copyFactor(image: ImageBitmap | VideoFrame, width: number, height: number): number | null {
  if (typeof VideoFrame === 'undefined' || !(image instanceof VideoFrame)) return null;
  // Formats with alpha (I420A, RGBA, BGRA) are drawn: the canvas lays them over black, as it always has.
  if (!image.format || /A$/.test(image.format)) return null;
  const turned = image as VideoFrame & { rotation?: number; flip?: boolean };
  if ((turned.rotation ?? 0) !== 0 || turned.flip) return null;
  const visible = image.visibleRect;
  if (!visible || visible.width !== image.displayWidth || visible.height !== image.displayHeight) return null;
  return boxFactor(visible.width, visible.height, width, height);
}

/** Lays translucent RGBA pixels over black in place: each colour times its alpha ÷ 255, rounded. */
function overBlack(rgba: Uint8Array): void {
  for (let i = 0; i < rgba.length; i += 4) {
    const a = rgba[i + 3];
    if (a === 255) continue;
    rgba[i] = Math.round((rgba[i] * a) / 255);
    rgba[i + 1] = Math.round((rgba[i + 1] * a) / 255);
    rgba[i + 2] = Math.round((rgba[i + 2] * a) / 255);
  }
}
