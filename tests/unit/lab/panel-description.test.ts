/**
 * The panels' text alternatives: the mode a panel shows, the frame, and the figure the numbers table
 * shows for it, in one sentence. Expected sentences are written out by hand from the panel titles in
 * app/_content/panels.ts and the table's percent format (two decimals below 10 %, one above).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { panelDescription, type PanelView } from '../../../app/_components/lab/panel-description';
import type { StreamMetrics } from '../../../lib/metrics/frame-metrics';

function stream(repeatedShare: number, unchangedShare: number | null): StreamMetrics {
  return {
    blocks: 1000,
    repeatedBlocks: Math.round(repeatedShare * 1000),
    repeatedShare,
    entropy: 0,
    chiSquare: 0,
    correlation: { horizontal: 0, vertical: 0, diagonal: 0 },
    unchangedBlocks: unchangedShare === null ? null : Math.round(unchangedShare * 1000),
    unchangedShare,
  };
}

const MEASURED: PanelView = {
  drawn: 5,
  frame: 120,
  size: { width: 640, height: 360 },
  measured: {
    index: 120,
    time: 4,
    metrics: { original: stream(0.925, 0.5), ecb: stream(0.924, 0.8), gcm: stream(0, 0) },
  },
};
const MODES = { ecb: 'ecb', gcm: 'gcm' } as const;

describe('panelDescription', () => {
  it('names the ciphertext panel by its mode and gives its share of repeated blocks', () => {
    assert.equal(
      panelDescription('ecb', MODES, MEASURED),
      'AES-128-ECB ciphertext, frame 120, 640×360: 92.4 % of its 16-byte blocks repeat.',
    );
    assert.equal(
      panelDescription('gcm', MODES, MEASURED),
      'AES-256-GCM ciphertext, frame 120, 640×360: 0.00 % of its 16-byte blocks repeat.',
    );
    assert.equal(
      panelDescription('ecb', { ecb: 'ctr', gcm: 'gcm' }, MEASURED),
      'AES-128-CTR ciphertext, frame 120, 640×360: 92.4 % of its 16-byte blocks repeat.',
    );
  });

  it('describes the original, the decrypted picture and the motion maps', () => {
    assert.equal(
      panelDescription('original', MODES, MEASURED),
      'Original, frame 120, 640×360: 92.5 % of its 16-byte blocks repeat.',
    );
    assert.equal(
      panelDescription('decrypted', MODES, MEASURED),
      'Decrypted with the meeting key, frame 120, 640×360: the original picture, as the key holder sees it.',
    );
    assert.equal(
      panelDescription('motion', MODES, MEASURED),
      'What an ECB eavesdropper sees move, frame 120: 80.0 % of its 16-byte blocks unchanged since the previous frame (dark), the rest changed (amber).',
    );
  });

  it('describes the last measured frame, a frame between measurements by its number, and nothing drawn', () => {
    assert.match(panelDescription('ecb', MODES, { ...MEASURED, frame: 123 }), /^AES-128-ECB ciphertext, frame 120,/);
    assert.equal(
      panelDescription('ecb', MODES, { ...MEASURED, frame: 123, measured: null }),
      'AES-128-ECB ciphertext, frame 123, 640×360.',
    );
    assert.equal(
      panelDescription('ecb', MODES, { drawn: 0, frame: 0, size: null, measured: null }),
      'AES-128-ECB ciphertext: no frame drawn yet.',
    );
  });
});
