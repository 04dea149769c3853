/**
 * Pictures as one-frame sources. The size is read from the file's header first (see picture-header.ts)
 * and anything over the limits is refused before the browser decodes it; then the picture is decoded
 * once and kept, and each frame is a copy scaled to the processing width.
 */
import { HEADER_BYTES, readPictureHeader } from './picture-header';
import { SourceError, type FrameSource } from './source';

/** Longest side the lab decodes. */
export const MAX_PICTURE_SIDE = 8192;
/** Most pixels the lab decodes: 2²⁴ (16.8 megapixels), about 64 MB once decoded. */
export const MAX_PICTURE_PIXELS = 16_777_216;

/** Width and height that fit `maxWidth`, keeping the aspect ratio; never upscales; at least 1 × 1. */
export function fitWidth(width: number, height: number, maxWidth: number): { width: number; height: number } {
  if (width <= maxWidth) return { width, height };
  return { width: maxWidth, height: Math.max(1, Math.round((height * maxWidth) / width)) };
}

/** Checks a picture's declared size against the limits; the message is for the page. */
export function checkPictureSize(name: string, width: number, height: number): void {
  if (width === 0 || height === 0) throw new SourceError(`“${name}” is a damaged picture: its header has no size.`);
  if (width > MAX_PICTURE_SIDE || height > MAX_PICTURE_SIDE || width * height > MAX_PICTURE_PIXELS) {
    throw new SourceError(
      `“${name}” is ${width}×${height} pixels, too large to decode here: the lab takes pictures up to ` +
        `${MAX_PICTURE_SIDE} px a side and ${MAX_PICTURE_PIXELS.toLocaleString('en-US')} pixels. Scale it down first.`,
    );
  }
}

class PictureSource implements FrameSource {
  readonly video = null;

  constructor(
    readonly picture: ImageBitmap,
    readonly info: FrameSource['info'],
  ) {}

  dispose(): void {
    this.picture.close();
  }
}

/** True when the blob starts like a picture format the lab knows. */
export async function looksLikePicture(blob: Blob): Promise<boolean> {
  return readPictureHeader(await blob.slice(0, 64).arrayBuffer()) !== null;
}

/**
 * Opens a picture from a same-origin URL (a sample) or a File.
 * @example const source = await openPicture(file);
 */
export async function openPicture(
  input: string | Blob,
  name = input instanceof File ? input.name : String(input),
): Promise<FrameSource> {
  let blob: Blob;
  if (typeof input === 'string') {
    const response = await fetch(input);
    if (!response.ok) throw new SourceError(`“${name}” could not be loaded (HTTP ${response.status}).`);
    blob = await response.blob();
  } else {
    blob = input;
  }
  if (blob.size === 0) throw new SourceError(`“${name}” is empty (0 bytes).`);
  const header = readPictureHeader(await blob.slice(0, HEADER_BYTES).arrayBuffer());
  if (!header) throw new SourceError(`“${name}” is not a picture format the lab knows (PNG, JPEG, WebP, GIF, BMP).`);
  checkPictureSize(name, header.width, header.height);
  let picture: ImageBitmap;
  try {
    picture = await createImageBitmap(blob);
  } catch {
    throw new SourceError(`“${name}” could not be decoded: the picture is damaged or truncated.`);
  }
  return new PictureSource(picture, {
    kind: 'picture',
    name,
    width: picture.width,
    height: picture.height,
    duration: null,
    fps: null,
  });
}
