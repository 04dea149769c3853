/**
 * The story's "what GCM does not hide" picture: one participant's packets as an eavesdropper sees them
 * under AES-256-GCM. The sizes are made up to show the shape, not measured from a call (the traffic page
 * measures real encoders). What the sketch rests on: a variable-bit-rate speech codec makes packets whose
 * length depends on the sound (RFC 6562), a video encoder spends more bytes on a picture that changed,
 * and GCM's ciphertext is as long as its plaintext plus the same 16-byte tag every time (NIST SP 800-38D),
 * so the shape survives encryption.
 */

/** GCM's tag, added to every packet alike. */
export const GCM_TAG_BYTES = 16;

/** A run of packets with one thing going on: `quiet` (silence, a still picture) or `busy`. */
export interface Stretch {
  label: string;
  kind: 'quiet' | 'busy';
  /** Plaintext sizes in bytes, one per packet. */
  sizes: readonly number[];
}

export interface PacketTrack {
  title: string;
  note: string;
  stretches: readonly Stretch[];
}

/** Audio, one packet every 20 ms: near-empty packets while silent, bigger and uneven ones while speaking. */
export const AUDIO: PacketTrack = {
  title: 'Audio',
  note: 'one packet every 20 ms',
  stretches: [
    { label: 'silence', kind: 'quiet', sizes: [6, 5, 6, 6, 5, 6, 5, 6, 6, 5] },
    {
      label: '“Can you see my slide?”',
      kind: 'busy',
      sizes: [42, 71, 88, 64, 97, 103, 58, 39, 76, 92, 110, 84, 47, 61, 95, 72, 33, 66, 89, 101, 70, 52],
    },
    { label: 'silence', kind: 'quiet', sizes: [6, 6, 5, 6, 5, 6, 6, 5] },
    { label: '“Yes”', kind: 'busy', sizes: [55, 86, 79, 44] },
    { label: 'silence', kind: 'quiet', sizes: [5, 6, 6, 5, 6, 6] },
  ],
};

/** Video, one packet per frame for short: small while the picture stays, big when it changes. */
export const VIDEO: PacketTrack = {
  title: 'Video',
  note: 'one packet per frame (real frames span several)',
  stretches: [
    { label: 'sitting still', kind: 'quiet', sizes: [310, 290, 305, 300, 295, 310, 300, 290] },
    { label: 'turns her head', kind: 'busy', sizes: [1450, 1720, 1880, 1640, 1510, 1380, 1200] },
    { label: 'still', kind: 'quiet', sizes: [420, 330, 300, 310, 295] },
    { label: 'new slide', kind: 'busy', sizes: [4800, 900, 650] },
    { label: 'still', kind: 'quiet', sizes: [280, 270, 275, 265, 270, 280, 275] },
  ],
};

/**
 * Each packet's size on the wire under GCM, as a share of the track's biggest: what the bars draw.
 * @example wireShares(AUDIO)[0].shares[0] // (6 + 16) / (110 + 16)
 */
export function wireShares(track: PacketTrack): { stretch: Stretch; shares: number[] }[] {
  const biggest = Math.max(...track.stretches.flatMap((stretch) => stretch.sizes)) + GCM_TAG_BYTES;
  return track.stretches.map((stretch) => ({
    stretch,
    shares: stretch.sizes.map((size) => (size + GCM_TAG_BYTES) / biggest),
  }));
}
