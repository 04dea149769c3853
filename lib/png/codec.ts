/**
 * PNG pixels ⇄ the core's frames and layouts, only after {@link inspectPng} has passed the header and
 * chunk structure. The image data is inflated here, once, with a ceiling at the size IHDR implies
 * (pngjs allocates whatever IHDR declares, and its synchronous reader misses zlib errors on current
 * Node, so damaged or short data would decode as black pixels). 8-bit greyscale, RGB and RGBA images
 * without tRNS, which is what cameras, screenshots and editors write, are unfiltered right here from
 * that one inflate; every other kind (palettes, 16-bit, 1–4-bit, grey with alpha, tRNS) goes to
 * pngjs, and anything it throws becomes a PngError. Writing is done here too: 8-bit, filter 0, one
 * IDAT, compressed only where compressing pays (see `worthCompressing`).
 */
import { deflateSync, inflateSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { bytesPerPixel, checkLayout, type Frame, type Layout } from '../cipher';
import { checkDimension, pixelWords } from '../cipher/frame';
import { chunkLength, inspectPng, writeChunk, writeChunkWith, type PngStructure } from './chunks';
import { PngError } from './errors';
import { PNG_SIGNATURE, type PngHeader } from './header';
import { storedZlibLength, writeStoredZlib } from './stored-zlib';
import { buildTextChunk, type TextEntry } from './text-chunks';

/** The 8-bit PNG colour type each layout is written as: RGB, RGBA or greyscale. */
export const LAYOUT_COLOR_TYPE: Record<Layout, 0 | 2 | 6> = { rgb: 2, rgba: 6, gray: 0 };

const CHANNELS: Record<PngHeader['colorType'], number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** Bytes of filtered, uncompressed image data a non-interlaced PNG with this header holds (PNG spec §7.2). */
function imageDataLength({ width, height, bitDepth, colorType }: PngHeader): number {
  return height * (1 + Math.ceil((width * CHANNELS[colorType] * bitDepth) / 8));
}

/** The largest piece zlib inflates into before starting another. */
const INFLATE_PIECE = 1 << 20;

/** The image data inflated, refused unless it is exactly as long as IHDR implies. */
function inflateImageData(structure: PngStructure): Uint8Array {
  const idat = structure.chunks.filter((c) => c.type === 'IDAT').map((c) => c.data);
  const expected = imageDataLength(structure.header);
  const pastLimit = new PngError(
    'corrupt',
    `corrupt PNG: the image data inflates past the ${expected} bytes its header allows`,
  );
  const input = idat.length === 1 ? idat[0] : Buffer.concat(idat);
  let data: Buffer;
  let consumed: number;
  try {
    // `info` gives the engine, whose bytesWritten is how much input the zlib stream used.
    // Output in pieces of up to 1 MiB rather than zlib's 16 KiB: a 4K picture inflates in 25 pieces,
    // not 1,500 (a fifth less time, most of it allocation), and a bomb still stops at the ceiling.
    const inflated = inflateSync(input, {
      maxOutputLength: expected + 1,
      chunkSize: Math.min(Math.max(expected + 1, 64), INFLATE_PIECE),
      info: true,
    }) as unknown as {
      buffer: Buffer;
      engine: { bytesWritten: number };
    };
    data = inflated.buffer;
    consumed = inflated.engine.bytesWritten;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw pastLimit;
    throw new PngError('corrupt', `corrupt PNG: the image data does not inflate (${(error as Error).message})`);
  }
  // zlib stops at the end of its stream; bytes after it are not image data (a repeated or stray IDAT).
  if (consumed < input.length)
    throw new PngError(
      'corrupt',
      `corrupt PNG: ${input.length - consumed} bytes of image data follow the end of its zlib stream`,
    );
  if (data.length > expected) throw pastLimit;
  if (data.length < expected)
    throw new PngError(
      'corrupt',
      `corrupt PNG: the image data holds ${data.length} of the ${expected} bytes its header needs`,
    );
  return new Uint8Array(data.buffer, data.byteOffset, data.length);
}

/**
 * Reverses the five PNG filters (PNG spec §9.2, https://www.w3.org/TR/png-3/#9Filter-types) in place,
 * row by row, for samples of `bpp` whole bytes a pixel. Writes to a Uint8Array wrap modulo 256, as
 * the filters' arithmetic does.
 */
function unfilter(data: Uint8Array, height: number, stride: number, bpp: number): void {
  const rowLength = stride + 1;
  for (let y = 0, row = 0; y < height; y++, row += rowLength) {
    const filter = data[row];
    const start = row + 1;
    const end = start + stride;
    // On the first row there is no row above: every byte "above" counts as 0.
    const first = y === 0;
    if (filter === 0) continue;
    if (filter === 1 || (filter === 4 && first)) {
      // Sub; Paeth with no row above predicts from the left alone, as Sub does.
      for (let i = start + bpp; i < end; i++) data[i] += data[i - bpp];
    } else if (filter === 2) {
      if (!first) for (let i = start; i < end; i++) data[i] += data[i - rowLength];
    } else if (filter === 3) {
      if (first) {
        for (let i = start + bpp; i < end; i++) data[i] += data[i - bpp] >> 1;
      } else {
        for (let i = start; i < start + bpp; i++) data[i] += data[i - rowLength] >> 1;
        for (let i = start + bpp; i < end; i++) data[i] += (data[i - bpp] + data[i - rowLength]) >> 1;
      }
    } else if (filter === 4) {
      // Paeth: the first pixel has no left or upper-left neighbour and predicts from above.
      for (let i = start; i < start + bpp; i++) data[i] += data[i - rowLength];
      for (let i = start + bpp; i < end; i++) {
        const a = data[i - bpp];
        const b = data[i - rowLength];
        const ul = data[i - rowLength - bpp];
        const p = a + b - ul;
        const pa = p > a ? p - a : a - p;
        const pb = p > b ? p - b : b - p;
        const pc = p > ul ? p - ul : ul - p;
        data[i] += pa <= pb && pa <= pc ? a : pb <= pc ? b : ul;
      }
    } else {
      throw new PngError('corrupt', `corrupt PNG: row ${y} has filter type ${filter}; PNG defines 0 to 4`);
    }
  }
}
/** 8-bit greyscale, RGB or RGBA without tRNS: the kinds {@link decodePng} unfilters itself. */
function isPlain(structure: PngStructure): boolean {
  const { bitDepth, colorType } = structure.header;
  if (bitDepth !== 8 || !(colorType === 0 || colorType === 2 || colorType === 6)) return false;
  return !structure.chunks.some((chunk) => chunk.type === 'tRNS');
}

/** RGBA pixels from unfiltered 8-bit rows (each led by its filter byte) of 1, 3 or 4 channels. */
function toRgba(rows: Uint8Array, width: number, height: number, channels: number): Uint8Array {
  const out = new Uint8Array(width * height * 4);
  const words = pixelWords(out);
  const stride = width * channels;
  for (let y = 0, p = 0; y < height; y++) {
    const start = y * (stride + 1) + 1;
    if (channels === 4) {
      out.set(rows.subarray(start, start + stride), p * 4);
      p += width;
    } else if (words && channels === 3) {
      for (let s = start, end = start + stride; s < end; s += 3, p++)
        words[p] = rows[s] | (rows[s + 1] << 8) | (rows[s + 2] << 16) | 0xff000000;
    } else if (words) {
      for (let s = start, end = start + stride; s < end; s++, p++) words[p] = rows[s] * 0x010101 + 0xff000000;
    } else {
      for (let s = start, end = start + stride; s < end; s += channels, p++) {
        out[4 * p] = rows[s];
        out[4 * p + 1] = rows[s + (channels === 3 ? 1 : 0)];
        out[4 * p + 2] = rows[s + (channels === 3 ? 2 : 0)];
        out[4 * p + 3] = 255;
      }
    }
  }
  return out;
}

/**
 * Decodes a PNG of any colour type and depth to an 8-bit RGBA frame (16-bit samples are scaled down,
 * palettes and transparency expanded, as pngjs does). Throws a {@link PngError} before decoding
 * anything for a refused header or structure, and with code `corrupt` if the image data is damaged.
 * @example decodePng(readFileSync('in.png')) // { width, height, data: RGBA bytes }
 */
export function decodePng(bytes: Uint8Array, structure: PngStructure = inspectPng(bytes)): Frame {
  const rows = inflateImageData(structure);
  const { width, height, colorType } = structure.header;
  if (isPlain(structure)) {
    const channels = CHANNELS[colorType];
    unfilter(rows, height, width * channels, channels);
    return { width, height, data: toRgba(rows, width, height, channels) };
  }
  const file = Buffer.from(bytes.buffer, bytes.byteOffset, structure.end);
  let png: PNG;
  try {
    png = PNG.sync.read(file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new PngError('corrupt', `corrupt PNG: the image data cannot be decoded (${reason})`);
  }
  const { data } = png;
  if (png.width !== width || png.height !== height || data.length !== width * height * 4) {
    throw new PngError('corrupt', 'corrupt PNG: the decoded image does not match its header');
  }
  return { width, height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
}

/**
 * The samples of a PNG already in `layout` at 8 bits (3, 4 or 1 bytes a pixel, no filter bytes), when
 * the PNG is stored that way: 8-bit RGB for `rgb`, RGBA for `rgba`, greyscale for `gray`, no tRNS.
 * Returns null for any other PNG (decode it with {@link decodePng} and pack the frame then). Saves the
 * RGBA frame in between: at 4K, two passes over 58 MB.
 */
export function decodePacked(structure: PngStructure, layout: Layout): Uint8Array | null {
  if (!isPlain(structure) || structure.header.colorType !== LAYOUT_COLOR_TYPE[layout]) return null;
  const { width, height } = structure.header;
  const rows = inflateImageData(structure);
  const stride = width * bytesPerPixel(layout);
  unfilter(rows, height, stride, bytesPerPixel(layout));
  // Close up the filter bytes in place: row y moves y + 1 bytes towards the start.
  for (let y = 0; y < height; y++) rows.copyWithin(y * stride, y * (stride + 1) + 1, (y + 1) * (stride + 1));
  return rows.subarray(0, height * stride);
}

/** Filtered image data shorter than this is deflated whole to decide; longer data is sampled. */
const SAMPLE_WINDOW = 16 * 1024;
const SAMPLE_WINDOWS = 8;
/** Compress only when a sample shrinks below this share of its size. */
const WORTH_COMPRESSING = 0.9;

/** Filtered image data (filter 0) as a function that writes any stretch of it: see {@link writeStoredZlib}. */
type RowsWriter = (into: Uint8Array, from: number) => void;

/**
 * Writes bytes `from` to `from + into.length` of the filtered image data of `samples` (rows of `stride`
 * bytes, each after its filter byte 0) into `into`, without building that data.
 */
function rowsWriter(samples: Uint8Array, stride: number): RowsWriter {
  const row = stride + 1;
  return (into, from) => {
    let at = from;
    let written = 0;
    while (written < into.length) {
      const y = Math.floor(at / row);
      const column = at - y * row;
      if (column === 0) {
        into[written++] = 0;
        at++;
        continue;
      }
      const start = y * stride + column - 1;
      const take = Math.min(into.length - written, row - column);
      into.set(samples.subarray(start, start + take), written);
      written += take;
      at += take;
    }
  };
}

/**
 * Whether an IDAT's image data (`length` bytes, written by `rows`) is worth deflating. Ciphertext from
 * CBC, CTR and GCM, and ECB of a busy picture, is incompressible: deflate at level 1 saves nothing
 * (+0.02 % on a 3840×2160 frame) and takes 30 to 200 times as long as storing (measured on this
 * project's 2-core machine: 1.7 s against 54 ms at 4K), and higher levels are no better. ECB of a
 * picture with flat areas is the opposite: its repeated blocks shrink to 4–8 % at level 1 (the penguin:
 * 787 kB → 60 kB), faster than storing, and level 6 only gains another half percent at several times
 * the cost. So eight 16 KiB windows spread over the data are deflated at level 1 first (on
 * incompressible data about a tenth of the cost of storing it all); if they shrink below 90 % the whole
 * goes at level 1, otherwise it is stored (5 bytes of framing per 64 KiB block, written straight into
 * the file by {@link writeStoredZlib}). The choice depends only on the bytes, so the same input still
 * gives the same file.
 */
function worthCompressing(length: number, rows: RowsWriter): boolean {
  const sample = new Uint8Array(Math.min(length, SAMPLE_WINDOW * SAMPLE_WINDOWS));
  if (length <= sample.length) rows(sample, 0);
  else {
    const step = Math.floor((length - SAMPLE_WINDOW) / (SAMPLE_WINDOWS - 1));
    for (let w = 0; w < SAMPLE_WINDOWS; w++)
      rows(sample.subarray(w * SAMPLE_WINDOW, (w + 1) * SAMPLE_WINDOW), w * step);
  }
  return deflateSync(sample, { level: 1 }).length < sample.length * WORTH_COMPRESSING;
}

/**
 * Encodes samples already in `layout` (3, 4 or 1 bytes a pixel) as an 8-bit PNG of the matching colour
 * type, with `text` entries right after IHDR. Rows are written with filter 0 (none): filters only help
 * pictures whose neighbouring pixels are alike, and ciphertext's are not. The same input always gives
 * the same bytes.
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
  const stride = width * bytesPerPixel(layout);
  const rowsLength = height * (stride + 1);
  const rows = rowsWriter(samples, stride);
  let deflated: Uint8Array | null = null;
  if (worthCompressing(rowsLength, rows)) {
    const filtered = new Uint8Array(rowsLength);
    rows(filtered, 0);
    deflated = deflateSync(filtered, { level: 1 });
  }
  const idatLength = deflated ? deflated.length : storedZlibLength(rowsLength);

  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  ihdr[8] = 8;
  ihdr[9] = LAYOUT_COLOR_TYPE[layout];
  const texts = text.map(buildTextChunk);
  const length =
    PNG_SIGNATURE.length +
    chunkLength(ihdr.length) +
    texts.reduce((sum, chunk) => sum + chunk.length, 0) +
    chunkLength(idatLength) +
    chunkLength(0);
  const png = new Uint8Array(length);
  png.set(PNG_SIGNATURE);
  let offset = writeChunk(png, PNG_SIGNATURE.length, 'IHDR', ihdr);
  for (const chunk of texts) {
    png.set(chunk, offset);
    offset += chunk.length;
  }
  offset = writeChunkWith(png, offset, 'IDAT', idatLength, (into) => {
    if (deflated) into.set(deflated);
    else writeStoredZlib(into, 0, rowsLength, rows);
  });
  writeChunk(png, offset, 'IEND', new Uint8Array(0));
  return png;
}
