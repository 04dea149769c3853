import type { PanelPicture } from './protocol';

/** Requests after which a size no one asked for is let go: about ten frames of a worker's panels. */
export const STALE_AFTER = 32;

/**
 * Buffers a worker hands on (to the next worker, or to the page) and gets back, transferred both ways,
 * kept for reuse. Several sizes may be in use at once (a panel and its motion map), so spares are kept
 * per size; a size not asked for in the last {@link STALE_AFTER} requests (the frame size changed) is
 * let go, spares and all, and its buffers are not taken back when they return.
 */
export class BufferPool {
  private readonly spare = new Map<number, ArrayBuffer[]>();
  /** For each size in use, the number of the request that last asked for it. */
  private readonly asked = new Map<number, number>();
  private requests = 0;

  /** `keep`: how many returned buffers of one size to hold at most. */
  constructor(private readonly keep = 12) {}

  /** A buffer holding a copy of `bytes`: a returned one of that size, or a new one. */
  copyOf(bytes: Uint8Array | Uint8ClampedArray): ArrayBuffer {
    const size = bytes.length;
    this.requests++;
    this.asked.set(size, this.requests);
    for (const [other, at] of this.asked) {
      if (this.requests - at < STALE_AFTER) continue;
      this.asked.delete(other);
      this.spare.delete(other);
    }
    const buffer = this.spare.get(size)?.pop() ?? new ArrayBuffer(size);
    new Uint8Array(buffer).set(bytes);
    return buffer;
  }

  /** Takes a buffer back for reuse, unless its size is no longer asked for or `keep` are held. */
  give(buffer: ArrayBuffer): void {
    const size = buffer.byteLength;
    if (size === 0 || !this.asked.has(size)) return; // detached (sent on again), or a size let go
    const spares = this.spare.get(size) ?? [];
    if (spares.length >= this.keep) return;
    spares.push(buffer);
    this.spare.set(size, spares);
  }

  /** How many buffers wait for reuse, of all sizes (for tests). */
  get size(): number {
    let count = 0;
    for (const spares of this.spare.values()) count += spares.length;
    return count;
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
