/**
 * Buffers a worker hands to the next one and gets back (transferred both ways), kept for reuse while the
 * frame size stays the same.
 */
export class BufferPool {
  private readonly spare: ArrayBuffer[] = [];

  /** A buffer holding a copy of `bytes`: a returned one of that size, or a new one. */
  copyOf(bytes: Uint8Array): ArrayBuffer {
    const found = this.spare.findIndex((buffer) => buffer.byteLength === bytes.length);
    if (found < 0) this.spare.length = 0; // the size changed: the old buffers will not fit again
    const buffer = found >= 0 ? this.spare.splice(found, 1)[0] : new ArrayBuffer(bytes.length);
    new Uint8Array(buffer).set(bytes);
    return buffer;
  }

  /** Takes a buffer back for reuse. */
  give(buffer: ArrayBuffer): void {
    this.spare.push(buffer);
  }
}
