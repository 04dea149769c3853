/**
 * PNG writing for the generator: opaque pictures as 8-bit RGB through pngjs, and a huge solid-colour PNG
 * written chunk by chunk (PNG spec §5.3, https://www.w3.org/TR/png-3/#5Chunk-layout) so its 192 MB of
 * raw rows never sit in memory at once. Its chunks come from lib/png's `buildChunk` (see lib/png/README.md).
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { createDeflate } from 'node:zlib';
import { PNG } from 'pngjs';
import { buildChunk } from '../../lib/png/chunks';
import { PNG_SIGNATURE } from '../../lib/png/header';

/** An RGBA image as the browser's getImageData gives it. */
export interface Rgba {
  width: number;
  height: number;
  rgba: Uint8Array;
}

/**
 * Encodes an opaque image as an 8-bit RGB PNG (alpha dropped).
 * @example encodeRgbPng({ width: 1, height: 1, rgba: new Uint8Array([255, 0, 0, 255]) })
 */
export function encodeRgbPng(image: Rgba): Buffer {
  const expected = image.width * image.height * 4;
  if (image.rgba.length !== expected) {
    throw new RangeError(`rgba must be ${image.width}×${image.height}×4 = ${expected} bytes, got ${image.rgba.length}`);
  }
  const png = new PNG({ width: image.width, height: image.height });
  png.data = Buffer.from(image.rgba.buffer, image.rgba.byteOffset, image.rgba.byteLength);
  return PNG.sync.write(png, { colorType: 2, inputColorType: 6, inputHasAlpha: true, deflateLevel: 9 });
}

/**
 * Writes a `width × height` 8-bit RGB PNG of one colour, deflating one row at a time.
 * @example await writeSolidPng('huge.png', 8000, 8000, [0x2d, 0x6c, 0xdf]);
 */
export async function writeSolidPng(
  path: string,
  width: number,
  height: number,
  rgb: readonly [number, number, number],
): Promise<void> {
  for (const [name, value] of [
    ['width', width],
    ['height', height],
  ] as const) {
    if (!Number.isInteger(value) || value <= 0 || value > 0x7fffffff)
      throw new RangeError(`${name} must be a positive integer, got ${value}`);
  }
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set(rgb, 1 + x * 3);

  const deflate = createDeflate({ level: 9 });
  const compressed: Buffer[] = [];
  deflate.on('data', (data: Buffer) => compressed.push(data));
  const finished = once(deflate, 'end');
  for (let y = 0; y < height; y++) {
    if (!deflate.write(row)) await once(deflate, 'drain');
  }
  deflate.end();
  await finished;

  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const out = createWriteStream(path);
  out.write(PNG_SIGNATURE);
  out.write(buildChunk('IHDR', ihdr));
  const idat = Buffer.concat(compressed);
  const maxChunk = 1 << 20;
  for (let i = 0; i < idat.length; i += maxChunk) out.write(buildChunk('IDAT', idat.subarray(i, i + maxChunk)));
  out.write(buildChunk('IEND', new Uint8Array(0)));
  out.end();
  await once(out, 'finish');
}
