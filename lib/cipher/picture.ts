/**
 * The ciphertext picture: the first n ciphertext bytes (n = plaintext length) laid back into the frame's
 * layout and size with alpha 255, so what a cipher does to structure can be seen. The bytes past n (the
 * PKCS#7 padding of ECB and CBC, GCM's tag; CTR has none) have no pixel to go in: they are returned by
 * {@link trailingBytes}.
 *
 * (NOINLINE on calls of per-frame work: see lib/worker/stages.ts.)
 */
import type { Frame } from './frame';
import { unpackFrame, type Layout } from './layout';

/** What a picture needs to know about a ciphertext. */
export interface PictureSource {
  layout: Layout;
  width: number;
  height: number;
  ciphertext: Uint8Array;
  plaintextLength: number;
}

/**
 * RGBA pixels showing the ciphertext bytes, alpha 255. Writes into `out` when given.
 * @example toPicture(encryptFrame(frame, { mode: 'ecb', key })).data // drawable with putImageData
 */
export function toPicture(source: PictureSource, out?: Uint8ClampedArray | Uint8Array): Frame {
  const { layout, width, height, ciphertext, plaintextLength } = source;
  return /*#__NOINLINE__*/ unpackFrame(ciphertext.subarray(0, plaintextLength), layout, width, height, {
    opaque: true,
    out,
  });
}

/** The ciphertext bytes the picture cannot show: ECB or CBC padding, the GCM tag, nothing for CTR. */
export function trailingBytes(source: Pick<PictureSource, 'ciphertext' | 'plaintextLength'>): Uint8Array {
  return source.ciphertext.subarray(source.plaintextLength);
}
