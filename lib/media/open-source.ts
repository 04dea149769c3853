/**
 * Opening what the user chose: a built-in sample by its manifest entry, or a file dropped or picked —
 * a picture when its header says so, a video otherwise. Both resolve only once the source is ready.
 */
import { looksLikePicture, openPicture } from './image-source';
import type { Sample } from './samples';
import { SourceError, type FrameSource } from './source';
import { openVideo } from './video-source';

/** Opens a built-in sample (public/samples) under its title. */
export function openSampleSource(sample: Sample): Promise<FrameSource> {
  return sample.kind === 'picture'
    ? openPicture(sample.file, sample.title)
    : openVideo(sample.file, { name: sample.title, fps: sample.fps ?? undefined });
}

/** Opens a file of the user's; an empty one is refused with its name. */
export async function openFileSource(file: File): Promise<FrameSource> {
  if (file.size === 0) throw new SourceError(`“${file.name}” is empty (0 bytes).`);
  if (file.type.startsWith('image/') || (await looksLikePicture(file))) return openPicture(file);
  return openVideo(file);
}
