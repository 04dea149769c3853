/**
 * Single frames of a source, as pixels, for the attack lab: a video sought to a time, the webcam now, or
 * a picture. The frame is drawn onto an opaque canvas at the size asked for and read back once; the lab's
 * workers read frames their own way, this is for the few frames an attack is made from.
 */
import type { Frame } from '../cipher/frame';
import { PixelReader } from '../worker/pixel-reader';
import { fitWidth } from './image-source';
import { canvasReadsExactly, NOISY_READS_MESSAGE } from '../worker/read-check';
import { SourceError, type FrameSource } from './source';

/** How long a seek may take before the grab gives up. */
const SEEK_TIMEOUT_MS = 10_000;

/** Resolves once `video` has sought to `time` (its `seeked` event): drawing it then draws that frame. */
function seek(video: HTMLVideoElement, time: number, name: string): Promise<void> {
  video.pause();
  if (Math.abs(video.currentTime - time) < 1e-6 && !video.seeking) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      video.removeEventListener('seeked', onSeeked);
      reject(new SourceError(`“${name}” did not show ${time.toFixed(2)} s within ${SEEK_TIMEOUT_MS / 1000} s.`));
    }, SEEK_TIMEOUT_MS);
    const onSeeked = () => {
      clearTimeout(timer);
      resolve();
    };
    video.addEventListener('seeked', onSeeked, { once: true });
    video.currentTime = time;
  });
}

/** Whether every pixel is black. */
function isBlack(rgba: Uint8ClampedArray): boolean {
  for (let i = 0; i < rgba.length; i += 4) if (rgba[i] | rgba[i + 1] | rgba[i + 2]) return false;
  return true;
}

/**
 * The pixels of `source` at `time` seconds (a video; ignored for the webcam and a picture), scaled to at
 * most `maxWidth` wide, aspect kept.
 * @example const slide = await grabFrame(source, 320, 6.5);
 */
export async function grabFrame(source: FrameSource, maxWidth: number, time = 0): Promise<Frame> {
  const { info } = source;
  const { width, height } = fitWidth(info.width, info.height, maxWidth);
  if (source.video && info.kind === 'video') {
    const end = info.duration ?? source.video.duration;
    await seek(source.video, Math.min(Math.max(0, time), Number.isFinite(end) ? end - 0.01 : time), info.name);
  }
  const image = source.video ?? source.picture;
  if (!image) throw new SourceError(`“${info.name}” has no frame to take.`);
  if (!canvasReadsExactly()) return readExactly(image, width, height);
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d', { alpha: false, willReadFrequently: true });
  if (!ctx) throw new SourceError('This browser gives pages no 2D canvas to read a frame with.');
  ctx.imageSmoothingQuality = 'medium';
  // Right after a seek a busy page may not have the decoded frame yet, and a video draws as nothing: an
  // all-black opaque canvas. Draw again at the next rendering steps until the frame is there (a real
  // frame that is all black comes through after the last try).
  let data = new Uint8ClampedArray(0);
  for (let attempt = 0; attempt < 30; attempt++) {
    ctx.drawImage(image, 0, 0, width, height);
    data = ctx.getImageData(0, 0, width, height).data;
    if (!source.video || !isBlack(data)) break;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  return { width, height, data };
}

/**
 * The frame read without a canvas, for browsers that add noise to canvas reads (see read-check): copied
 * out of a VideoFrame by the lab's own reader. Throws the page's message when that is noisy too.
 */
async function readExactly(image: HTMLVideoElement | ImageBitmap, width: number, height: number): Promise<Frame> {
  let frame: VideoFrame;
  try {
    frame = new VideoFrame(image, { timestamp: 0 });
  } catch {
    throw new SourceError(NOISY_READS_MESSAGE);
  }
  const read = await new PixelReader().read(frame, width, height);
  frame.close();
  if (read.reads === 'noisy') throw new SourceError(NOISY_READS_MESSAGE);
  return read.frame;
}
