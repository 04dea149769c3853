/**
 * Where a picture's pixels sit in the bytes a cipher sees: rows one after another, `bytesPerPixel` bytes
 * a pixel, cut into 16-byte AES blocks from the first byte. An attacker who edits ciphertext works in
 * blocks; a person points at pixels; this maps one to the other.
 */

export const BLOCK = 16;

/** A frame's plaintext layout: the lab's frames are rows of `width` pixels, `bytesPerPixel` bytes each. */
export interface FrameGeometry {
  width: number;
  height: number;
  bytesPerPixel: number;
}

/** A rectangle of pixels. */
export interface PixelRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function checkGeometry({ width, height, bytesPerPixel }: FrameGeometry): void {
  for (const [name, value] of [
    ['width', width],
    ['height', height],
    ['bytesPerPixel', bytesPerPixel],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
  }
}

/**
 * The byte offset of pixel (x, y)'s `channel`, or a RangeError with the frame's size when it is outside.
 * @example pixelByte({ width: 640, height: 360, bytesPerPixel: 3 }, 2, 1) // 1926
 */
export function pixelByte(geometry: FrameGeometry, x: number, y: number, channel = 0): number {
  checkGeometry(geometry);
  const { width, height, bytesPerPixel } = geometry;
  if (!Number.isInteger(x) || !Number.isInteger(y) || x < 0 || y < 0 || x >= width || y >= height)
    throw new RangeError(`pixel (${x}, ${y}) is outside the ${width}×${height} frame`);
  if (!Number.isInteger(channel) || channel < 0 || channel >= bytesPerPixel)
    throw new RangeError(`channel must be 0 to ${bytesPerPixel - 1}, got ${channel}`);
  return (y * width + x) * bytesPerPixel + channel;
}

/**
 * The indices of the 16-byte blocks that hold any byte of `rect`, in order (the rectangle is clipped to
 * the frame). Moving these blocks moves the rectangle — and, since blocks do not follow pixel edges, a
 * few pixels on either side of each row.
 * @example blocksOfRect({ width: 8, height: 2, bytesPerPixel: 4 }, { x: 0, y: 1, width: 4, height: 1 }) // [2]
 */
export function blocksOfRect(geometry: FrameGeometry, rect: PixelRect): number[] {
  checkGeometry(geometry);
  const { width, height, bytesPerPixel } = geometry;
  const x0 = Math.max(0, Math.floor(rect.x));
  const y0 = Math.max(0, Math.floor(rect.y));
  const x1 = Math.min(width, Math.ceil(rect.x + rect.width));
  const y1 = Math.min(height, Math.ceil(rect.y + rect.height));
  const blocks: number[] = [];
  for (let y = y0; y < y1 && x0 < x1; y++) {
    const first = Math.floor(((y * width + x0) * bytesPerPixel) / BLOCK);
    const last = Math.floor(((y * width + x1) * bytesPerPixel - 1) / BLOCK);
    for (let block = Math.max(first, (blocks.at(-1) ?? -1) + 1); block <= last; block++) blocks.push(block);
  }
  return blocks;
}
