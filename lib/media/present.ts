/**
 * Puts a worker's ImageBitmap on a page canvas without copying it (a `bitmaprenderer` context takes the
 * bitmap over), and stamps the canvas with the index of the frame it now shows.
 */

/** Shows `bitmap` on `canvas`; the canvas takes ownership of the bitmap. */
export function presentBitmap(canvas: HTMLCanvasElement, bitmap: ImageBitmap, frameIndex: number): void {
  if (canvas.width !== bitmap.width) canvas.width = bitmap.width;
  if (canvas.height !== bitmap.height) canvas.height = bitmap.height;
  const ctx = canvas.getContext('bitmaprenderer');
  if (!ctx) {
    bitmap.close();
    throw new Error('this browser cannot show ImageBitmaps on a canvas');
  }
  ctx.transferFromImageBitmap(bitmap);
  canvas.dataset.frame = String(frameIndex);
}
