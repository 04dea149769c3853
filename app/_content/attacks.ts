import type { SourceId } from './sources';

/** The attack lab's five demos: each one's title, the sentence it teaches, and the sources behind it. */
export const ATTACK_SECTIONS: readonly {
  id: 'splice' | 'flip' | 'nonce' | 'forbidden' | 'width';
  title: string;
  lesson: string;
  sources: readonly SourceId[];
}[] = [
  {
    id: 'splice',
    title: 'Splice and replay',
    lesson:
      'Without the key, an attacker copies ciphertext blocks from another frame into the one on the wire. ECB, which Zoom used in 2020, decrypts the doctored frame without complaint: it is one of the confidentiality modes and has no integrity of its own; CBC shows garbled seams but accepts; GCM, which Zoom 5.0 adopted with “greater resistance to tampering”, refuses it. A whole earlier GCM frame replayed passes the tag, unless the receiver also checks the frame counter.',
    sources: ['citizenLab', 'sp80038a', 'zoomApril22', 'rfc3711'],
  },
  {
    id: 'flip',
    title: 'Bit flipping',
    lesson:
      'Flip one ciphertext bit: ECB garbles exactly one 16-byte block; CBC garbles that block and flips the same bit in the next; CTR flips exactly that bit — so whoever knows the picture can set any pixel to any colour. GCM refuses every change.',
    sources: ['sp80038a', 'sp80038d'],
  },
  {
    id: 'nonce',
    title: 'A nonce used twice',
    lesson:
      'CTR and GCM encrypt by XOR with a keystream fixed by key and nonce. Send two frames under one nonce and their XOR is the XOR of the two pictures — the call reappears without the key — and one known frame (the slide everyone saw) decrypts the other.',
    sources: ['sp80038d'],
  },
  {
    id: 'forbidden',
    title: 'The forbidden attack: forging GCM',
    lesson:
      'Frames that share a nonce give away GCM’s authentication key H, a root of a polynomial made from their ciphertexts and tags. With H and one known frame, the attacker makes a frame the sender never sent, and the receiver’s own AES-GCM calls it authentic.',
    sources: ['joux2006', 'sp80038d'],
  },
  {
    id: 'width',
    title: 'Without the key or the width',
    lesson:
      'An eavesdropper holding only ECB bytes does not even need the picture’s width: rows are alike, so equal blocks recur at the row length, and the picture can be drawn. CBC, CTR and GCM make no two blocks equal, and nothing is found.',
    sources: ['sp80038a'],
  },
];
