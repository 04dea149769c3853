/**
 * The bench's pictures, made here so every run measures the same bytes: a smooth gradient with a
 * checker of two tones and 4 bits of seeded noise, the way a photo is smooth with grain. It compresses
 * to about half its raw size (the encoder keeps it only because it shrinks), and its ECB ciphertext
 * has no repeated blocks to speak of, as with a real photo.
 */
import { encodePng } from '../../lib/png';

/** An RGB PNG of `width × height` pixels, the same bytes on every run. */
export function benchPicture(width: number, height: number): Uint8Array<ArrayBuffer> {
  const rgb = new Uint8Array(width * height * 3);
  let state = 0x2545f491;
  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0; x < width; x++, i += 3) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      const grain = state & 15;
      rgb[i] = (Math.floor((x * 255) / width) + grain) & 255;
      rgb[i + 1] = Math.floor((y * 255) / height);
      rgb[i + 2] = ((x >> 6) ^ (y >> 6)) & 1 ? 200 - grain : 40 + grain;
    }
  }
  return encodePng(rgb, width, height, 'rgb');
}
