/**
 * A frame is what a canvas gives: `width × height` pixels, row-major, 4 bytes each (R, G, B, A).
 * Every entry point checks its frame here first, before allocating anything.
 */

/** RGBA pixels, row-major, as in `ImageData`. */
export interface Frame {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
}

/** Throws a RangeError unless `value` is a positive whole number. */
export function checkDimension(value: number, name: 'width' | 'height'): void {
  if (typeof value !== 'number') throw new TypeError(`${name} must be a number, got ${typeof value}`);
  if (!Number.isInteger(value) || value <= 0) {
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
  }
}

/**
 * Checks that `frame` is a well-formed RGBA frame.
 * @example checkFrame({ width: 2, height: 1, data: new Uint8Array(8) }) // ok
 */
export function checkFrame(frame: Frame): void {
  if (frame === null || typeof frame !== 'object') throw new TypeError(`frame must be an object, got ${frame}`);
  checkDimension(frame.width, 'width');
  checkDimension(frame.height, 'height');
  const { data } = frame;
  if (!(data instanceof Uint8Array || data instanceof Uint8ClampedArray)) {
    throw new TypeError('frame data must be a Uint8Array or Uint8ClampedArray');
  }
  const expected = frame.width * frame.height * 4;
  if (data.length !== expected) {
    throw new RangeError(
      `frame data must be width×height×4 = ${frame.width}×${frame.height}×4 = ${expected} bytes, got ${data.length}`,
    );
  }
}

/** A plain `Uint8Array` view of the same memory (ImageData gives a Uint8ClampedArray). */
export function asBytes(data: Uint8Array | Uint8ClampedArray): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
