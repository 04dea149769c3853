import type { PanelId } from '@/lib/worker/protocol';

/** Title, short badge and one plain sentence per panel: what it shows and why. */
export const PANEL_COPY: Record<PanelId, { title: string; badge: string; caption: string }> = {
  original: {
    title: 'Original',
    badge: 'plaintext',
    caption: 'The frame as it enters the encryptor: these are the bytes that get encrypted.',
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
};
