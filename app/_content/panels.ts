import type { Mode } from '@/lib/cipher/keys';
import { DEFAULT_MODES, type CipherPanel, type PanelId } from '@/lib/worker/protocol';

/** Title, short badge and one plain sentence for a panel: what it shows and why. */
export interface PanelCopy {
  title: string;
  badge: string;
  caption: string;
}

/** The ciphertext panels' words, by the mode they show. */
export const MODE_COPY: Record<Mode, PanelCopy> = {
  ecb: {
    title: 'AES-128-ECB',
    badge: 'Zoom before 5.0',
    caption:
      'Every 16-byte block is encrypted alone with one key, so equal blocks give equal ciphertext and the shapes survive.',
  },
  cbc: {
    title: 'AES-128-CBC',
    badge: 'no integrity',
    caption:
      'Each block is mixed with the ciphertext before it, so equal blocks encrypt differently and the picture is hidden. Nothing stops an edit, though: see the attack lab.',
  },
  ctr: {
    title: 'AES-128-CTR',
    badge: 'no integrity',
    caption:
      'A keystream made from a counter is XORed in, so the picture is hidden. But each ciphertext bit flips exactly one picture bit, and a repeated counter gives frames away.',
  },
  gcm: {
    title: 'AES-256-GCM',
    badge: 'Zoom 5.0 onwards',
    caption:
      'A counter makes every block’s keystream different, so the picture is hidden, and a tag makes the receiver refuse any change — as long as no nonce ever repeats. It hides contents, not sizes or timing.',
  },
};

/** What every motion map of a fresh-IV mode leaves out: the packets around the picture. */
const STILL_ON_THE_WIRE = 'In a real call, the packets’ sizes and timing can still show when someone speaks or moves.';

/** The motion maps' words, by the mode of the stream they map. */
const MOTION_COPY: Record<Mode, PanelCopy> = {
  ecb: {
    title: 'What an ECB eavesdropper sees move',
    badge: 'no key needed',
    caption:
      'Amber: ciphertext blocks that changed since the last frame. Under one ECB key, unchanged pixels give unchanged blocks, so anyone on the wire sees when and where someone moved, spoke or changed a slide.',
  },
  cbc: {
    title: 'The same, for CBC',
    badge: 'no block pattern',
    caption: `With a fresh IV every frame, every CBC block changes every frame: the map is all amber and shows no movement. ${STILL_ON_THE_WIRE}`,
  },
  ctr: {
    title: 'The same, for CTR',
    badge: 'no block pattern',
    caption: `With a fresh counter block every frame, every CTR block changes every frame: the map is all amber and shows no movement. ${STILL_ON_THE_WIRE}`,
  },
  gcm: {
    title: 'The same, for GCM',
    badge: 'no block pattern',
    caption: `With a fresh nonce every frame, every GCM block changes every frame: the map is all amber and shows no movement. ${STILL_ON_THE_WIRE}`,
  },
};

const FIXED: Record<'original' | 'decrypted', PanelCopy> = {
  original: {
    title: 'Original',
    badge: 'plaintext',
    caption:
      'The frame as it enters the encryptor. At a lower colour depth, only the top bits of each of its bytes are encrypted.',
  },
  decrypted: {
    title: 'Decrypted with the meeting key',
    badge: 'key holder',
    caption:
      'What anyone holding the key sees. This is transport encryption’s view: it hides the call from eavesdroppers, not from the server that hands out the key. End-to-end encryption keeps the key on the participants’ devices.',
  },
};

/** The stream a motion panel maps. */
const MOTION_OF: Record<'motion' | 'motion-gcm', CipherPanel> = { motion: 'ecb', 'motion-gcm': 'gcm' };

/**
 * A panel's words for the modes its ciphertext panels show.
 * @example panelCopy('ecb', { ecb: 'cbc', gcm: 'gcm' }).title // 'AES-128-CBC'
 */
export function panelCopy(panel: PanelId, modes: Readonly<Record<CipherPanel, Mode>> = DEFAULT_MODES): PanelCopy {
  if (panel === 'original' || panel === 'decrypted') return FIXED[panel];
  if (panel === 'ecb' || panel === 'gcm') return MODE_COPY[modes[panel]];
  return MOTION_COPY[modes[MOTION_OF[panel]]];
}
