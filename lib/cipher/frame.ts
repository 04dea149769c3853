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

/** True where a Uint32 holds its lowest byte first, as on every platform browsers run on today. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * RGBA pixels as 32-bit words over the same memory, one pixel each with R in the low byte, for loops
 * that load or store a whole pixel at once (several times faster than a byte at a time); null where
 * the data does not start on a 4-byte boundary (or the platform is big-endian): use the bytes then.
 */
export function pixelWords(data: Uint8Array | Uint8ClampedArray): Uint32Array | null {
  if (!LITTLE_ENDIAN || data.byteOffset % 4 !== 0) return null;
  return new Uint32Array(data.buffer, data.byteOffset, data.length >> 2);
}

/** A plain `Uint8Array` view of the same memory (ImageData gives a Uint8ClampedArray). */
export function asBytes(data: Uint8Array | Uint8ClampedArray): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
