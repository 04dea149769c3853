import type { PanelPicture } from './protocol';

/**
 * Buffers a worker hands on (to the next worker, or to the page) and gets back, transferred both ways,
 * kept for reuse. Buffers of several sizes may be in use at once (a panel and its motion map); the pool
 * keeps the most recently returned few, so buffers of a size no longer drawn are soon let go.
 */
export class BufferPool {
  private readonly spare: ArrayBuffer[] = [];

  /** `keep`: how many returned buffers to hold at most. */
  constructor(private readonly keep = 12) {}

  /** A buffer holding a copy of `bytes`: a returned one of that size, or a new one. */
  copyOf(bytes: Uint8Array | Uint8ClampedArray): ArrayBuffer {
    const found = this.spare.findIndex((buffer) => buffer.byteLength === bytes.length);
    const buffer = found >= 0 ? this.spare.splice(found, 1)[0] : new ArrayBuffer(bytes.length);
    new Uint8Array(buffer).set(bytes);
    return buffer;
  }

  /** Takes a buffer back for reuse; the oldest spare is let go when more than `keep` are held. */
  give(buffer: ArrayBuffer): void {
    if (buffer.byteLength === 0) return; // detached: transferred away again, or never filled
    this.spare.push(buffer);
    if (this.spare.length > this.keep) this.spare.shift();
  }

  /** How many buffers wait for reuse (for tests). */
  get size(): number {
    return this.spare.length;
  }
}

/** The buffers a worker sends its panels' pictures to the page in, and gets back once they are shown. */
export class PicturePool extends BufferPool {
  /** A panel's picture: a copy of `rgba` (`width × height` opaque RGBA pixels) in a pooled buffer. */
  picture(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): PanelPicture {
    if (rgba.length !== width * height * 4)
      throw new RangeError(`a ${width} × ${height} picture is ${width * height * 4} bytes, got ${rgba.length}`);
    return { width, height, pixels: this.copyOf(rgba) };
  }
}
