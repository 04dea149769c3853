/**
 * PNG pixels ⇄ the core's frames and layouts, through pngjs, and only after {@link inspectPng} has
 * passed the header and chunk structure: pngjs allocates whatever IHDR declares, and its synchronous
 * reader misses zlib errors on current Node (damaged or short image data decodes as black pixels), so
 * the image data is inflated and measured here first and anything pngjs throws becomes a PngError.
 */
import { inflateSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { bytesPerPixel, checkLayout, type Frame, type Layout } from '../cipher';
import { checkDimension } from '../cipher/frame';
import { insertAfterHeader, inspectPng, type PngStructure } from './chunks';
import { PngError } from './errors';
import type { PngHeader } from './header';
import { buildTextChunk, type TextEntry } from './text-chunks';

/** The 8-bit PNG colour type each layout is written as: RGB, RGBA or greyscale. */
export const LAYOUT_COLOR_TYPE: Record<Layout, 0 | 2 | 6> = { rgb: 2, rgba: 6, gray: 0 };

const CHANNELS: Record<PngHeader['colorType'], number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** Bytes of filtered, uncompressed image data a non-interlaced PNG with this header holds (PNG spec §7.2). */
function imageDataLength({ width, height, bitDepth, colorType }: PngHeader): number {
  return height * (1 + Math.ceil((width * CHANNELS[colorType] * bitDepth) / 8));
}

function checkImageData(structure: PngStructure): void {
  const idat = structure.chunks.filter((c) => c.type === 'IDAT').map((c) => c.data);
  const expected = imageDataLength(structure.header);
  const pastLimit = new PngError(
    'corrupt',
    `corrupt PNG: the image data inflates past the ${expected} bytes its header allows`,
  );
  let length: number;
  try {
    length = inflateSync(Buffer.concat(idat), { maxOutputLength: expected + 1 }).length;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw pastLimit;
    throw new PngError('corrupt', `corrupt PNG: the image data does not inflate (${(error as Error).message})`);
  }
  if (length > expected) throw pastLimit;
  if (length < expected)
    throw new PngError(
      'corrupt',
      `corrupt PNG: the image data holds ${length} of the ${expected} bytes its header needs`,
    );
}

/**
 * Decodes a PNG of any colour type and depth to an 8-bit RGBA frame (16-bit samples are scaled down,
 * palettes and transparency expanded). Throws a {@link PngError} before decoding anything for a
 * refused header or structure, and with code `corrupt` if the image data is damaged.
 * @example decodePng(readFileSync('in.png')) // { width, height, data: RGBA bytes }
 */
export function decodePng(bytes: Uint8Array, structure: PngStructure = inspectPng(bytes)): Frame {
  checkImageData(structure);
  const file = Buffer.from(bytes.buffer, bytes.byteOffset, structure.end);
  let png: PNG;
  try {
    png = PNG.sync.read(file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new PngError('corrupt', `corrupt PNG: the image data cannot be decoded (${reason})`);
  }
  const { width, height, data } = png;
  if (width !== structure.header.width || height !== structure.header.height || data.length !== width * height * 4) {
    throw new PngError('corrupt', 'corrupt PNG: the decoded image does not match its header');
  }
  return { width, height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
}

/**
 * Encodes samples already in `layout` (3, 4 or 1 bytes a pixel) as an 8-bit PNG of the matching colour
 * type, with `text` entries inserted right after IHDR. The same input always gives the same bytes.
 * @example encodePng(new Uint8Array([255, 0, 0]), 1, 1, 'rgb') // a 1×1 red RGB PNG
 */
export function encodePng(
  samples: Uint8Array,
  width: number,
  height: number,
  layout: Layout,
  text: readonly TextEntry[] = [],
): Uint8Array<ArrayBuffer> {
  checkLayout(layout);
  checkDimension(width, 'width');
  checkDimension(height, 'height');
  if (!(samples instanceof Uint8Array)) throw new TypeError('samples must be a Uint8Array');
  const expected = width * height * bytesPerPixel(layout);
  if (samples.length !== expected) {
    throw new RangeError(
      `samples must be ${expected} bytes for a ${width}×${height} ${layout} PNG, got ${samples.length}`,
    );
  }
  const colorType = LAYOUT_COLOR_TYPE[layout];
  const png = new PNG();
  png.width = width;
  png.height = height;
  png.data = Buffer.from(samples.buffer, samples.byteOffset, samples.length);
  const encoded = PNG.sync.write(png, {
    colorType,
    inputColorType: colorType,
    inputHasAlpha: layout === 'rgba',
    bitDepth: 8,
  });
  return insertAfterHeader(encoded, text.map(buildTextChunk));
}
