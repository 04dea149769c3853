/**
 * Names for exported files that say what they hold, so a folder of slide material sorts itself: every
 * name starts `ecb-lens-<source>-`, with the source's name made safe for any file system.
 */
import { safeFileName } from '../download';

const prefix = (source: string) => `ecb-lens-${safeFileName(source)}`;

/** @example panelFileName('A video meeting', 'ecb', 180) // 'ecb-lens-a-video-meeting-ecb-frame180.png' */
export function panelFileName(source: string, panel: string, frame: number | string): string {
  return `${prefix(source)}-${panel}-frame${frame}.png`;
}

/** @example compositeFileName('A video meeting', 180) // 'ecb-lens-a-video-meeting-side-by-side-frame180.png' */
export function compositeFileName(source: string, frame: number): string {
  return `${prefix(source)}-side-by-side-frame${frame}.png`;
}

/** @example clipFileName('A video meeting', 180, 269) // 'ecb-lens-a-video-meeting-frames-180-269.webm' */
export function clipFileName(source: string, first: number, last: number): string {
  return `${prefix(source)}-frames-${first}-${last}.webm`;
}

/** @example metricsFileName('clip-320x240.webm') // 'ecb-lens-clip-320x240-webm-metrics.csv' */
export function metricsFileName(source: string): string {
  return `${prefix(source)}-metrics.csv`;
}
