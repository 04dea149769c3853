/**
 * A panel's text alternative: what its canvas shows and its key number, in one sentence, for screen
 * readers (the canvas itself is only pixels). The number is the one the numbers table shows for the same
 * frame, formatted the same way, so a listener and a reader hear and see the same figure.
 */
import type { Mode } from '@/lib/cipher/keys';
import type { MetricsRow } from '@/lib/lab/metrics-history';
import type { CipherPanel, PanelId } from '@/lib/worker/protocol';
import { panelCopy } from '@/app/_content/panels';
import { percent } from '../analytics/measures';

/** What a description is made from: the frame on screen, and the last frame measured (if any). */
export interface PanelView {
  /** Frames drawn so far; 0 before the first. */
  drawn: number;
  frame: number;
  size: { width: number; height: number } | null;
  measured: MetricsRow | null;
}

/** The stream each motion map maps. */
const MAPPED: Record<'motion' | 'motion-gcm', CipherPanel> = { motion: 'ecb', 'motion-gcm': 'gcm' };

/**
 * One sentence on a panel for the modes shown. A measured frame is described with its number; a frame
 * drawn between two measurements (while playing) by its number alone.
 * @example panelDescription('ecb', { ecb: 'ecb', gcm: 'gcm' }, view) // 'AES-128-ECB ciphertext, frame 120: 92.4 % of its 16-byte blocks repeat.'
 */
export function panelDescription(panel: PanelId, modes: Readonly<Record<CipherPanel, Mode>>, view: PanelView): string {
  const { title } = panelCopy(panel, modes);
  const name = panel === 'ecb' || panel === 'gcm' ? `${title} ciphertext` : title;
  if (view.drawn === 0) return `${name}: no frame drawn yet.`;
  const metrics = view.measured?.metrics;
  const frame = view.measured ? view.measured.index : view.frame;
  const size = view.size ? `, ${view.size.width}×${view.size.height}` : '';
  if (panel === 'decrypted') return `${name}, frame ${frame}${size}: the original picture, as the key holder sees it.`;
  if (!metrics) return `${name}, frame ${frame}${size}.`;
  if (panel === 'motion' || panel === 'motion-gcm') {
    const unchanged = metrics[MAPPED[panel]].unchangedShare;
    if (unchanged === null) return `${name}, frame ${frame}: no previous frame to compare with yet.`;
    return `${name}, frame ${frame}: ${percent(unchanged)} of its 16-byte blocks unchanged since the previous frame (dark), the rest changed (amber).`;
  }
  return `${name}, frame ${frame}${size}: ${percent(metrics[panel].repeatedShare)} of its 16-byte blocks repeat.`;
}
