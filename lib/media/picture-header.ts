/**
 * Picture dimensions from the first bytes of a file, before the browser decodes it: an 8000×8000 PNG
 * is a few hundred kilobytes on disk and a quarter of a gigabyte once decoded, so the lab reads the size
 * from the header and refuses what is too big. Knows PNG (IHDR), GIF (logical screen), BMP (DIB header),
 * JPEG (the first SOF marker) and WebP (VP8, VP8L, VP8X).
 */

export type PictureFormat = 'png' | 'gif' | 'bmp' | 'jpeg' | 'webp';

export interface PictureHeader {
  format: PictureFormat;
  width: number;
  height: number;
}

/** Bytes to read from the start of a file to find the size (JPEG's SOF can sit behind EXIF data). */
export const HEADER_BYTES = 256 * 1024;

function ascii(bytes: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + length));
}

function png(view: DataView, bytes: Uint8Array): PictureHeader | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((byte, i) => bytes[i] === byte)) return null;
  if (bytes.length < 24 || ascii(bytes, 12, 4) !== 'IHDR') return { format: 'png', width: 0, height: 0 };
  return { format: 'png', width: view.getUint32(16), height: view.getUint32(20) };
}

function gif(view: DataView, bytes: Uint8Array): PictureHeader | null {
  const magic = ascii(bytes, 0, 6);
  if (magic !== 'GIF87a' && magic !== 'GIF89a') return null;
  if (bytes.length < 10) return { format: 'gif', width: 0, height: 0 };
  return { format: 'gif', width: view.getUint16(6, true), height: view.getUint16(8, true) };
}

/** DIB header sizes of the BMP variants (OS/2 1.x and 2.x, BITMAPINFOHEADER to BITMAPV5HEADER). */
const DIB_SIZES = [12, 16, 40, 52, 56, 64, 108, 124];

function bmp(view: DataView, bytes: Uint8Array): PictureHeader | null {
  if (ascii(bytes, 0, 2) !== 'BM' || bytes.length < 26) return null;
  const dibSize = view.getUint32(14, true);
  // Text that happens to start with "BM" is not a bitmap: its bytes 14–17 are no DIB header size.
  if (!DIB_SIZES.includes(dibSize)) return null;
  if (dibSize === 12) return { format: 'bmp', width: view.getUint16(18, true), height: view.getUint16(20, true) };
  // BITMAPINFOHEADER and later: signed; a negative height means top-down rows.
  return { format: 'bmp', width: Math.abs(view.getInt32(18, true)), height: Math.abs(view.getInt32(22, true)) };
}

function jpeg(view: DataView, bytes: Uint8Array): PictureHeader | null {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let at = 2;
  while (at + 9 <= bytes.length) {
    if (bytes[at] !== 0xff) return { format: 'jpeg', width: 0, height: 0 };
    const marker = bytes[at + 1];
    if (marker === 0xff) {
      at++;
      continue;
    }
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { format: 'jpeg', width: view.getUint16(at + 7), height: view.getUint16(at + 5) };
    }
    if (marker === 0xd9 || marker === 0xda) break;
    at += 2 + view.getUint16(at + 2);
  }
  return { format: 'jpeg', width: 0, height: 0 };
}

function webp(view: DataView, bytes: Uint8Array): PictureHeader | null {
  if (ascii(bytes, 0, 4) !== 'RIFF' || ascii(bytes, 8, 4) !== 'WEBP') return null;
  if (bytes.length < 30) return { format: 'webp', width: 0, height: 0 };
  const chunk = ascii(bytes, 12, 4);
  if (chunk === 'VP8X') {
    const width = 1 + (bytes[24] | (bytes[25] << 8) | (bytes[26] << 16));
    const height = 1 + (bytes[27] | (bytes[28] << 8) | (bytes[29] << 16));
    return { format: 'webp', width, height };
  }
  if (chunk === 'VP8L') {
    const bits = view.getUint32(21, true);
    return { format: 'webp', width: 1 + (bits & 0x3fff), height: 1 + ((bits >>> 14) & 0x3fff) };
  }
  if (chunk === 'VP8 ') {
    return { format: 'webp', width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  }
  return { format: 'webp', width: 0, height: 0 };
}

/**
 * The format and size a picture's header declares, or null when the bytes are none of the known
 * formats. A recognised format whose size cannot be read gives width and height 0.
 * @example readPictureHeader(await file.slice(0, HEADER_BYTES).arrayBuffer())
 */
export function readPictureHeader(buffer: ArrayBuffer | Uint8Array): PictureHeader | null {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 2) return null;
  for (const read of [png, gif, bmp, jpeg, webp]) {
    const header = read(view, bytes);
    if (header) return header;
  }
  return null;
}
