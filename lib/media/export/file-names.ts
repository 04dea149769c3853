/**
 * Names for exported files that say what they hold, so a folder of slide material sorts itself:
 * `ecb-lens-<source>-side-by-side-frame<n>.png` and `ecb-lens-<source>-frames-<first>-<last>.webm`.
 */
import { safeFileName } from '../download';

/** @example compositeFileName('A video meeting', 180) // 'ecb-lens-a-video-meeting-side-by-side-frame180.png' */
export function compositeFileName(source: string, frame: number): string {
  return `ecb-lens-${safeFileName(source)}-side-by-side-frame${frame}.png`;
}

/** @example clipFileName('A video meeting', 180, 269) // 'ecb-lens-a-video-meeting-frames-180-269.webm' */
export function clipFileName(source: string, first: number, last: number): string {
  return `ecb-lens-${safeFileName(source)}-frames-${first}-${last}.webm`;
}
