import type { PanelId } from '@/lib/worker/protocol';

/** Title, short badge and one plain sentence per panel: what it shows and why. */
export const PANEL_COPY: Record<PanelId, { title: string; badge: string; caption: string }> = {
  original: {
    title: 'Original',
    badge: 'plaintext',
    caption:
      'The frame as it enters the encryptor. At a lower colour depth, only the top bits of each of its bytes are encrypted.',
  },
  ecb: {
    title: 'AES-128-ECB',
    badge: 'Zoom before 5.0',
    caption:
      'Every 16-byte block is encrypted alone with one key, so equal blocks give equal ciphertext and the shapes survive.',
  },
  gcm: {
    title: 'AES-256-GCM',
    badge: 'Zoom 5.0 onwards',
    caption:
      'A counter makes every block’s keystream different, so the ciphertext is indistinguishable from noise without the key.',
  },
  decrypted: {
    title: 'Decrypted with the meeting key',
    badge: 'key holder',
    caption:
      'What anyone holding the key sees, such as the server that handed it out: encryption hides the call from eavesdroppers, not from the key holder.',
  },
  motion: {
    title: 'What an ECB eavesdropper sees move',
    badge: 'no key needed',
    caption:
      'Amber: ciphertext blocks that changed since the last frame. Under one ECB key, unchanged pixels give unchanged blocks, so anyone on the wire sees when and where someone moved, spoke or changed a slide.',
  },
  'motion-gcm': {
    title: 'The same, for GCM',
    badge: 'nothing to see',
    caption:
      'With a fresh nonce every frame, every GCM block changes every frame: the map is all amber and says nothing.',
  },
};
